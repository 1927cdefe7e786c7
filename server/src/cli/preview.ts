import type { PreviewBlocked } from '../../../protocol/protocol';
import { revisionWhenRecreated, type FailureImpact, type Plan, type PvcFate, type Simulation, type Step } from '../simulator';
import { listOf, t } from '../messages';

/** How wide a cell is in a terminal: East Asian wide characters take two columns. */
function columns(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return width;
}

const actionWords = { create: 'preview.action.create', delete: 'preview.action.delete', recreate: 'preview.action.recreate' } as const;

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
  return t(count === 1 ? 'preview.refusedAllOne' : 'preview.refusedAllMany', { count, first: blocked.problems[0]?.message ?? '' });
}

/** A plain-text report for a terminal: settings, DNS, the pod table, the plans, PVCs and warnings. */
export function previewText(sim: Simulation, blocked: PreviewBlocked | null = null): string {
  const refused = refusedProblem(blocked);
  const lines: string[] = [
    `StatefulSet ${sim.statefulSet.namespace}/${sim.statefulSet.name}: ${settingsSummary(sim)}`,
    ...(refused === undefined ? [] : [t('preview.podsRefused', { refused })]),
    t('preview.serviceDomain', { domain: sim.serviceDomain ?? t('preview.noDomain') }),
    t('preview.podDns', { dns: sim.dns.resolves ? t('preview.resolves') : t('preview.doesNotResolve', { reason: sim.dns.reason ?? '' }) }),
    '',
    ...podTable(sim),
    '',
    ...planLines(t('preview.create'), sim.plans.create),
    ...planLines(t('preview.scaleDownToZero'), sim.plans.scaleDown),
    ...planLines(t('preview.rollingUpdate'), sim.plans.update),
    '',
    ...pvcLines(t('preview.pvcsOnDelete', { whenDeleted: sim.pvcRetention.whenDeleted }), sim.pvcRetention.onDelete),
    ...pvcLines(t('preview.pvcsOnScale', { whenScaled: sim.pvcRetention.whenScaled }), sim.pvcRetention.onScaleDown),
    ...(sim.pvcRetention.whenDeleted === 'Delete' && sim.pvcRetention.whenScaled === 'Retain'
      ? [`  ${t('preview.keptThenDeleted')}`] : []),
  ];
  if (sim.failure !== null) {
    lines.push('', t('preview.ifNeverReady', { pod: sim.failure.pod }), `  ${t('preview.failCreate', { reason: sim.failure.create.reason })}`, `  ${t('preview.failUpdate', { reason: sim.failure.update.reason })}`);
  }
  if (sim.scale !== null) lines.push('', ...scaleLines(sim));
  const problems = sim.pods.filter((pod) => pod.problem !== undefined);
  if (problems.length > 0) lines.push('', t('preview.neverCreatedPods'), ...problems.map((pod) => `  ${pod.name}: ${pod.problem ?? ''}`));
  if (sim.warnings.length > 0) lines.push('', t('preview.warnings'), ...sim.warnings.map((warning) => `  - ${warning}`));
  return `${lines.join('\n')}\n`;
}

function settingsSummary(sim: Simulation): string {
  const parts = [t(sim.replicas === 1 ? 'preview.replica' : 'preview.replicas', { count: sim.replicas }), sim.podManagementPolicy, sim.updateStrategy];
  if (sim.updateStrategy === 'RollingUpdate') parts.push(`partition ${sim.partition}`, `maxUnavailable ${sim.maxUnavailable}`);
  if (sim.ordinalStart !== 0) parts.push(t('preview.ordinalsFrom', { start: sim.ordinalStart }));
  if (sim.minReadySeconds > 0) parts.push(`minReadySeconds ${sim.minReadySeconds}`);
  return listOf(parts);
}

function podTable(sim: Simulation): string[] {
  if (sim.pods.length === 0) return [t('preview.noPods')];
  const header = [t('preview.column.ordinal'), t('preview.column.pod'), 'FQDN', t('preview.column.pvcs'), t('preview.column.revision')];
  const revision = { updated: t('preview.new'), current: t('preview.old') };
  // Under OnDelete a pod takes the new template only when it is deleted: say so in the column.
  const recreated = (ordinal: number): string => (revisionWhenRecreated(sim, ordinal) === 'updated' ? t('preview.newOnceDeleted') : '');
  const rows = sim.pods.map((pod) => [String(pod.ordinal), pod.name, pod.fqdn ?? '-', pod.pvcs.join(', ') || '-',
    `${revision[pod.revision]}${pod.revision === 'current' && sim.updateStrategy === 'OnDelete' ? recreated(pod.ordinal) : ''}`]);
  const widths = header.map((title, column) => Math.max(columns(title), ...rows.map((row) => columns(row[column] ?? ''))));
  const format = (row: string[]): string => row.map((cell, column) => cell + ' '.repeat(Math.max(0, (widths[column] ?? 0) - columns(cell)))).join('  ').trimEnd();
  return [format(header), ...rows.map(format)];
}

function planLines(title: string, plan: Plan): string[] {
  if (plan.length === 0) return [t('preview.nothingToDo', { title })];
  return [t('preview.heading', { title }), ...plan.map((step, index) => `  ${index + 1}. ${stepText(step)}`)];
}

function stepText(step: Step): string {
  const action = `${t(actionWords[step.action])} ${step.pods.join(', ')}`;
  return step.waitFor === '' ? t('preview.noWaiting', { action }) : t('preview.waitFor', { action, waitFor: step.waitFor });
}

function pvcLines(title: string, fate: PvcFate): string[] {
  if (fate.deleted.length === 0 && fate.kept.length === 0) return [t('preview.noPvcs', { title })];
  const lines = [t('preview.heading', { title })];
  if (fate.deleted.length > 0) lines.push(`  ${t('preview.deleted', { pvcs: fate.deleted.join(', ') })}`);
  if (fate.kept.length > 0) lines.push(`  ${t('preview.kept', { pvcs: fate.kept.join(', ') })}`);
  return lines;
}

function scaleLines(sim: Simulation): string[] {
  const scale = sim.scale;
  if (scale === null) return [];
  const list = (names: readonly string[]): string => (names.length > 0 ? names.join(', ') : t('common.none'));
  return [
    ...planLines(t('preview.scale', { from: scale.from, to: scale.to }), scale.plan),
    `  ${t('preview.pvcsAfterScale', { pvcs: list(scale.pvcsAfter) })}`,
    `  ${t('preview.pvcsAfterThenDeleted', { whenDeleted: sim.pvcRetention.whenDeleted, pvcs: list(scale.pvcsAfterThenSetDeletion) })}`,
  ];
}
