import type { FailureImpact, Plan, Step } from './types';

const verbs: Record<Step['action'], string> = { create: 'created', delete: 'deleted', recreate: 'updated' };

/** What the pod is stuck at: a created pod never gets Ready, a deleted one never goes away. */
export function stuckText(step: Step, pod: string): string {
  return step.action === 'delete' ? `${pod} never finishes terminating` : `${pod} never becomes Ready`;
}

/** The pods a step handles after `pod`, in the order it handles them. */
function laterInStep(step: Step, pod: string): string[] {
  if (step.order !== 'lowestFirst') return [];
  const ascending = [...step.pods].reverse();
  return ascending.slice(ascending.indexOf(pod) + 1);
}

/**
 * What happens to a plan when one pod gets stuck. A blocking step (OrderedReady, and a
 * rolling update one pod at a time) stops the plan there; a non-blocking one (Parallel
 * scaling) goes on without it, and so does a Parallel rolling update with a sliding window of
 * two or more, one slot narrower (the plan simulate builds for the failing pod shows that).
 */
export function failureImpact(plan: Plan, pod: string): FailureImpact {
  const index = plan.findIndex((step) => step.pods.includes(pod));
  const step = plan[index];
  const goesOn = (reason: string): FailureImpact => ({ halts: false, neverReached: [], staysDown: [], reason });
  if (step === undefined) return goesOn(`${pod} is not touched by this plan`);
  const stuck = stuckText(step, pod);
  if (!step.blocking) return goesOn(`${stuck}; Parallel does not wait for it, so the other pods go ahead`);
  const window = step.slidingWindow ?? 1;
  if (window > 1) {
    const rest = plan.slice(index + 1).length > 0 ? `the rest go ${window - 1} at a time` : 'the other pods of its batch come back';
    return goesOn(`${stuck}; it keeps one of the ${window} pods maxUnavailable allows down, so the rolling update goes on and ${rest}`);
  }
  const downInStep = laterInStep(step, pod);
  const laterSteps = plan.slice(index + 1);
  const untouched = laterSteps.flatMap((later) => later.pods);
  if (downInStep.length + untouched.length === 0) {
    return { halts: true, neverReached: [], staysDown: [], reason: `${stuck}; it is the last pod of the plan` };
  }
  const verb = verbs[laterSteps[0]?.action ?? step.action];
  const consequences = [
    ...(downInStep.length > 0 ? [`${list(downInStep, 'stays', 'stay')} down`] : []),
    ...(untouched.length > 0 ? [`${list(untouched, 'is', 'are')} never ${verb}`] : []),
  ];
  const who = step.action === 'recreate' ? 'the rolling update' : 'OrderedReady';
  return { halts: true, neverReached: untouched, staysDown: downInStep, reason: `${stuck}; ${who} waits for it, so ${consequences.join(' and ')}` };
}

function list(pods: readonly string[], singular: string, plural: string): string {
  return `${pods.join(', ')} ${pods.length === 1 ? singular : plural}`;
}
