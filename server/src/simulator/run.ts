import { failureImpact, stuckText } from './failure';
import type { Plan, PodState, RunEvents, RunFrame, Step } from './types';
import { listOf, t } from '../messages';

type Sequence = PodState[];

/** States a pod passes through in a step; a slow pod lingers one extra tick, a failing one stops short. */
function sequenceFor(action: Step['action'], failing: boolean, slow: boolean): Sequence {
  const linger = (state: PodState): PodState[] => (slow ? [state, state] : [state]);
  const down: Sequence = [...linger('Terminating'), 'Absent'];
  const up: Sequence = ['Pending', ...linger('Running'), 'Ready'];
  if (action === 'delete') return failing ? ['Terminating'] : down;
  const created = failing ? up.slice(0, -1) : up;
  return action === 'create' ? created : [...down, ...created];
}

function ordinalOf(pod: string): number {
  const match = /-(\d+)$/.exec(pod);
  return match ? Number(match[1]) : -1;
}

/** Every pod the plan touches, lowest ordinal first. */
function podsOf(plan: Plan): string[] {
  const unique = [...new Set(plan.flatMap((step) => step.pods))];
  return unique.sort((a, b) => ordinalOf(a) - ordinalOf(b) || a.localeCompare(b));
}

/**
 * Carries out a plan tick by tick, deterministically: each frame shows every pod's state.
 * `failingPod` never becomes Ready when (re)created, or never finishes terminating when
 * deleted; a blocking step then halts the plan (OrderedReady, rolling updates one at a time),
 * a non-blocking one (Parallel scaling) and a sliding window (Parallel rolling update with
 * maxUnavailable ≥ 2) go on. Frames grow with pods × steps, so this is meant for previews,
 * not for the 1000-pod cap.
 */
export function runPlan(plan: Plan, events: RunEvents = {}): RunFrame[] {
  const pods = podsOf(plan);
  const states = new Map<string, PodState>();
  for (const pod of pods) {
    const first = plan.find((step) => step.pods.includes(pod));
    states.set(pod, first?.action === 'create' ? 'Absent' : 'Ready');
  }
  const frames: RunFrame[] = [];
  const snapshot = (step: number, note: string, reason?: string): void => {
    const podStates = pods.map((name) => ({ name, state: states.get(name) ?? 'Absent' }));
    const frame: RunFrame = { tick: frames.length, step, pods: podStates, note, halted: reason !== undefined };
    if (reason !== undefined) frame.reason = reason;
    frames.push(frame);
  };
  snapshot(-1, t('sim.start'));

  const slow = new Set(events.slowPods ?? []);
  const failingPod = events.failingPod;
  for (const [index, step] of plan.entries()) {
    for (const group of groupsOf(step)) {
      const stuck = group.failureApplies && failingPod !== undefined && group.pods.includes(failingPod) ? failingPod : undefined;
      const sequences = new Map(group.pods.map((pod) => [pod, sequenceFor(group.action, pod === stuck, slow.has(pod))]));
      advanceTogether(sequences, states, (note) => snapshot(index, note));
      if (stuck === undefined) continue;
      const impact = failureImpact(plan, stuck);
      if (impact.halts) {
        snapshot(index, t('sim.halted'), impact.reason);
        return frames;
      }
      appendNote(frames, step.slidingWindow === undefined ? t('sim.parallelGoesOn', { stuck: stuckText(step, stuck) }) : impact.reason);
    }
    if (step.waitFor !== '') appendNote(frames, t('sim.waitedFor', { waitFor: step.waitFor }));
  }
  return frames;
}

function appendNote(frames: RunFrame[], text: string): void {
  const last = frames[frames.length - 1];
  // Clauses: '; ' in English, '；' in Chinese (pod names keep ', ' in every language, as in plans.ts).
  if (last !== undefined) last.note = listOf([last.note, text], '; ');
}

interface Group {
  pods: string[];
  action: Step['action'];
  /** Whether a failing pod gets stuck here (a recreate's teardown always completes). */
  failureApplies: boolean;
}

/** OrderedReady recreating a batch: all pods go down together, then come back one by one, lowest first. */
function groupsOf(step: Step): Group[] {
  if (step.order !== 'lowestFirst' || step.action !== 'recreate') {
    return [{ pods: step.pods, action: step.action, failureApplies: true }];
  }
  const ascending = [...step.pods].reverse();
  return [
    { pods: step.pods, action: 'delete', failureApplies: false },
    ...ascending.map((pod): Group => ({ pods: [pod], action: 'create', failureApplies: true })),
  ];
}

/** Moves each pod one state along its sequence per tick until every sequence has run out. */
function advanceTogether(sequences: Map<string, Sequence>, states: Map<string, PodState>, frame: (note: string) => void): void {
  const longest = Math.max(0, ...[...sequences.values()].map((sequence) => sequence.length));
  for (let tick = 0; tick < longest; tick++) {
    const changes: string[] = [];
    for (const [pod, sequence] of sequences) {
      const next = sequence[tick];
      if (next === undefined || states.get(pod) === next) continue;
      states.set(pod, next);
      changes.push(`${pod} ${next}`);
    }
    const pending = [...sequences].filter(([, sequence]) => sequence.length > tick + 1).map(([pod]) => pod);
    frame(changes.length > 0 ? changes.join(', ') : t('sim.waitingFor', { pods: pending.join(', ') }));
  }
}
