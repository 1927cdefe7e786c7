import type { Plan, PvcFate, Simulation, Step } from '../simulator';

/** The stable JSON of `sts preview --json`: identities and, per plan, each step's pod names. */
export interface PreviewJson {
  statefulSet: { name: string; namespace: string };
  serviceDomain: string | null;
  pods: { ordinal: number; name: string; hostname: string; fqdn: string | null; pvcs: string[] }[];
  plans: { create: string[][]; scaleDown: string[][]; update: string[][] };
}

export function previewJson(sim: Simulation): PreviewJson {
  const steps = (plan: Plan): string[][] => plan.map((step) => [...step.pods]);
  return {
    statefulSet: { name: sim.statefulSet.name, namespace: sim.statefulSet.namespace },
    serviceDomain: sim.serviceDomain,
    pods: sim.pods.map((pod) => ({ ordinal: pod.ordinal, name: pod.name, hostname: pod.hostname, fqdn: pod.fqdn, pvcs: [...pod.pvcs] })),
    plans: { create: steps(sim.plans.create), scaleDown: steps(sim.plans.scaleDown), update: steps(sim.plans.update) },
  };
}

/** A plain-text report for a terminal: settings, DNS, the pod table, the plans, PVCs and warnings. */
export function previewText(sim: Simulation): string {
  const lines: string[] = [
    `StatefulSet ${sim.statefulSet.namespace}/${sim.statefulSet.name}: ${settingsSummary(sim)}`,
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
  ];
  if (sim.failure !== null) {
    lines.push('', `If ${sim.failure.pod} never becomes Ready:`, `  create: ${sim.failure.create.reason}`, `  update: ${sim.failure.update.reason}`);
  }
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
  const rows = sim.pods.map((pod) => [String(pod.ordinal), pod.name, pod.fqdn ?? '-', pod.pvcs.join(', ') || '-', revision[pod.revision]]);
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
