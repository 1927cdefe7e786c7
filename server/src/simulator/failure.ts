import type { FailureImpact, Plan, Step } from './types';
import { t } from '../messages';

const verbs = { create: 'sim.created', delete: 'sim.deleted', recreate: 'sim.updated' } as const satisfies Record<Step['action'], string>;

/** What the pod is stuck at: a created pod never gets Ready, a deleted one never goes away. */
export function stuckText(step: Step, pod: string): string {
  return step.action === 'delete' ? t('sim.neverTerminates', { pod }) : t('sim.neverReady', { pod });
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
  if (step === undefined) return goesOn(t('sim.notTouched', { pod }));
  const stuck = stuckText(step, pod);
  if (!step.blocking) return goesOn(t('sim.parallelGoesAhead', { stuck }));
  const window = step.slidingWindow ?? 1;
  if (window > 1) {
    const rest = plan.slice(index + 1).length > 0 ? t('sim.restGo', { count: window - 1 }) : t('sim.batchComesBack');
    return goesOn(t('sim.windowGoesOn', { stuck, window, rest }));
  }
  const downInStep = laterInStep(step, pod);
  const laterSteps = plan.slice(index + 1);
  const untouched = laterSteps.flatMap((later) => later.pods);
  if (downInStep.length + untouched.length === 0) {
    return { halts: true, neverReached: [], staysDown: [], reason: t('sim.lastPod', { stuck }) };
  }
  const verb = t(verbs[laterSteps[0]?.action ?? step.action]);
  const consequences = [
    ...(downInStep.length > 0 ? [t(downInStep.length === 1 ? 'sim.staysDown' : 'sim.stayDown', { pods: downInStep.join(', ') })] : []),
    ...(untouched.length > 0 ? [t(untouched.length === 1 ? 'sim.isNever' : 'sim.areNever', { pods: untouched.join(', '), verb })] : []),
  ];
  // Two sentences, not one with a {who}: Chinese puts a space after OrderedReady but none after 滚动更新.
  const params = { stuck, consequences: consequences.join(t('sim.andThen')) };
  const reason = step.action === 'recreate' ? t('sim.rollingUpdateWaitsFor', params) : t('sim.waitsFor', { ...params, who: 'OrderedReady' });
  return { halts: true, neverReached: untouched, staysDown: downInStep, reason };
}

