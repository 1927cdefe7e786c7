import { planScale, planUpdate, simulate } from '../../simulator';
import type { Step } from '../../simulator';
import type { LivePod } from './types';
import { t } from '../../messages';

/**
 * What the controller does next, continued by the simulator from the live state: the
 * pods still to create, then the update plan's steps for the pods not yet at the update
 * revision (the steps are the simulator's; the live state says where the rollout is).
 */
export function nextSteps(statefulSet: unknown, pods: readonly LivePod[]): string[] {
  const simulation = simulate({ statefulSet });
  const present = new Set(pods.filter((p) => !p.terminating).map((p) => p.name));
  const lines: string[] = [];
  const context = { ...simulation, statefulSet: { name: simulation.statefulSet.name } };
  const creates = planScale(context, 0, simulation.simulatedReplicas)
    .map((step) => ({ ...step, pods: step.pods.filter((p) => !present.has(p)) }))
    .filter((step) => step.pods.length > 0);
  lines.push(...creates.map(describe));
  const updated = new Set(pods.filter((p) => p.revision === 'update').map((p) => p.name));
  const updates = planUpdate(context)
    .map((step) => ({ ...step, pods: step.pods.filter((p) => present.has(p) && !updated.has(p)) }))
    .filter((step) => step.pods.length > 0);
  lines.push(...updates.map(describe));
  return lines.slice(0, 50);
}

function describe(step: Step): string {
  const verb = t(step.action === 'create' ? 'status.next.create' : step.action === 'delete' ? 'status.next.delete' : 'status.next.recreate');
  return step.blocking && step.waitFor !== '' ? t('status.next.stepThenWait', { verb, pods: step.pods.join(', '), waitFor: step.waitFor }) : `${verb} ${step.pods.join(', ')}`;
}
