import type { PreviewBlocked } from '../../../protocol/protocol';
import { revisionWhenRecreated, type FailureImpact, type Plan, type PvcFate, type Simulation, type Step } from '../simulator';

/** One pod in `sts preview --json`; `problem` only when the pod can never be created. */
export interface PreviewPodJson {
  ordinal: number;
  name: string;
  hostname: string;
  fqdn: string | null;
  pvcs: string[];
  problem?: string;
}

/**
 * The stable JSON of `sts preview --json`: identities, per plan each step's pod names, the PVCs
 * creation and deletion leave, and the what-ifs asked for (`--scale`: scale, `--fail`: failure).
 */
export interface PreviewJson {
  statefulSet: { name: string; namespace: string };
  serviceDomain: string | null;
  pods: PreviewPodJson[];
  plans: { create: string[][]; scaleDown: string[][]; update: string[][] };
  pvcs: { afterCreate: string[]; afterSetDeletion: string[] };
  scale?: { from: number; to: number; creates: string[]; deletes: string[]; pvcsAfter: string[]; pvcsAfterThenSetDeletion: string[] };
  failure?: { pod: string; create: FailureImpact; update: FailureImpact };
}

export function previewJson(sim: Simulation, blocked: PreviewBlocked | null = null): PreviewJson {
  const steps = (plan: Plan): string[][] => plan.map((step) => [...step.pods]);
  const refused = refusedProblem(blocked);
  const json: PreviewJson = {
    statefulSet: { name: sim.statefulSet.name, namespace: sim.statefulSet.namespace },
    serviceDomain: sim.serviceDomain,
    pods: sim.pods.map((pod) => {
      const problem = refused ?? pod.problem;
      return { ordinal: pod.ordinal, name: pod.name, hostname: pod.hostname, fqdn: pod.fqdn, pvcs: [...pod.pvcs], ...(problem === undefined ? {} : { problem }) };
    }),
    plans: { create: steps(sim.plans.create), scaleDown: steps(sim.plans.scaleDown), update: steps(sim.plans.update) },
    // A StatefulSet the API server refuses creates nothing.
    pvcs: refused === undefined ? { ...sim.pvcs } : { afterCreate: [], afterSetDeletion: [] },
  };
  if (sim.scale !== null) {
    const { from, to, creates, deletes, pvcsAfter, pvcsAfterThenSetDeletion } = sim.scale;
    json.scale = { from, to, creates, deletes, pvcsAfter, pvcsAfterThenSetDeletion };
  }
  if (sim.failure !== null) json.failure = sim.failure;
  return json;
}

/** Every pod's problem when the API server refuses the StatefulSet itself. */
function refusedProblem(blocked: PreviewBlocked | null): string | undefined {
  if (blocked?.kind !== 'refused') return undefined;
  const count = blocked.problems.length;
  return `never created: the API server refuses the StatefulSet (${count} error${count === 1 ? '' : 's'}, first: ${blocked.problems[0]?.message ?? ''})`;
}

/** A plain-text report for a terminal: settings, DNS, the pod table, the plans, PVCs and warnings. */
export function previewText(sim: Simulation, blocked: PreviewBlocked | null = null): string {
  const refused = refusedProblem(blocked);
  const lines: string[] = [
    `StatefulSet ${sim.statefulSet.namespace}/${sim.statefulSet.name}: ${settingsSummary(sim)}`,
    ...(refused === undefined ? [] : [`Pods: ${refused} (sts check shows the errors); below is what it would do once fixed.`]),
    `Service domain: ${sim.serviceDomain ?? '(none: spec.serviceName is empty)'}`,
    `Pod DNS: ${sim.dns.resolves ? 'resolves' : `does not resolve: ${sim.dns.reason ?? ''}`}`,
    '',
    ...podTable(sim),
    '',
    ...planLines('Create', sim.plans.create),
    ...planLines('Scale down to 0', sim.plans.scaleDown),
    ...planLines('Rolling update', sim.plans.update),
    '',
    ...pvcLines(`PVCs when the StatefulSet is deleted (whenDeleted: ${sim.pvcRetention.whenDeleted})`, sim.pvcRetention.onDelete),
    ...pvcLines(`PVCs when scaled down (whenScaled: ${sim.pvcRetention.whenScaled})`, sim.pvcRetention.onScaleDown),
    ...(sim.pvcRetention.whenDeleted === 'Delete' && sim.pvcRetention.whenScaled === 'Retain'
      ? ['  PVCs a scale-down kept are deleted with the StatefulSet too (whenDeleted: Delete makes it their owner)'] : []),
  ];
  if (sim.failure !== null) {
    lines.push('', `If ${sim.failure.pod} never becomes Ready:`, `  create: ${sim.failure.create.reason}`, `  update: ${sim.failure.update.reason}`);
  }
  if (sim.scale !== null) lines.push('', ...scaleLines(sim));
  const problems = sim.pods.filter((pod) => pod.problem !== undefined);
  if (problems.length > 0) lines.push('', 'Pods that can never be created:', ...problems.map((pod) => `  ${pod.name}: ${pod.problem ?? ''}`));
  if (sim.warnings.length > 0) lines.push('', 'Warnings:', ...sim.warnings.map((warning) => `  - ${warning}`));
  return `${lines.join('\n')}\n`;
}

function settingsSummary(sim: Simulation): string {
  const parts = [`${sim.replicas} replica${sim.replicas === 1 ? '' : 's'}`, sim.podManagementPolicy, sim.updateStrategy];
  if (sim.updateStrategy === 'RollingUpdate') parts.push(`partition ${sim.partition}`, `maxUnavailable ${sim.maxUnavailable}`);
  if (sim.ordinalStart !== 0) parts.push(`ordinals from ${sim.ordinalStart}`);
  if (sim.minReadySeconds > 0) parts.push(`minReadySeconds ${sim.minReadySeconds}`);
  return parts.join(', ');
}

function podTable(sim: Simulation): string[] {
  if (sim.pods.length === 0) return ['No pods.'];
  const header = ['ORDINAL', 'POD', 'FQDN', 'PVCS', 'REVISION AFTER UPDATE'];
  const revision = { updated: 'new', current: 'old' } as const;
  // Under OnDelete a pod takes the new template only when it is deleted: say so in the column.
  const recreated = (ordinal: number): string => (revisionWhenRecreated(sim, ordinal) === 'updated' ? ' (new once deleted)' : '');
  const rows = sim.pods.map((pod) => [String(pod.ordinal), pod.name, pod.fqdn ?? '-', pod.pvcs.join(', ') || '-',
    `${revision[pod.revision]}${pod.revision === 'current' && sim.updateStrategy === 'OnDelete' ? recreated(pod.ordinal) : ''}`]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const format = (row: string[]): string => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  return [format(header), ...rows.map(format)];
}

function planLines(title: string, plan: Plan): string[] {
  if (plan.length === 0) return [`${title}: nothing to do`];
  return [`${title}:`, ...plan.map((step, index) => `  ${index + 1}. ${stepText(step)}`)];
}

function stepText(step: Step): string {
  const action = `${step.action} ${step.pods.join(', ')}`;
  return step.waitFor === '' ? `${action} (no waiting)` : `${action}, wait for ${step.waitFor}`;
}

function pvcLines(title: string, fate: PvcFate): string[] {
  if (fate.deleted.length === 0 && fate.kept.length === 0) return [`${title}: no PVCs`];
  const lines = [`${title}:`];
  if (fate.deleted.length > 0) lines.push(`  deleted: ${fate.deleted.join(', ')}`);
  if (fate.kept.length > 0) lines.push(`  kept: ${fate.kept.join(', ')}`);
  return lines;
}

function scaleLines(sim: Simulation): string[] {
  const scale = sim.scale;
  if (scale === null) return [];
  const list = (names: readonly string[]): string => (names.length > 0 ? names.join(', ') : 'none');
  return [
    ...planLines(`Scale ${scale.from} → ${scale.to}`, scale.plan),
    `  PVCs after the scale: ${list(scale.pvcsAfter)}`,
    `  PVCs after the StatefulSet is then deleted (whenDeleted: ${sim.pvcRetention.whenDeleted}): ${list(scale.pvcsAfterThenSetDeletion)}`,
  ];
}
