import type { Plan, Simulation } from '../../simulator';
import type { ServiceInfo } from '../workspace/serviceLookup';
import type { ObjectPath } from '../model';
import { inFileOf, samePath } from './paths';
import { isClaimTemplateNamePath } from './volumeReferences';
import { t } from '../../messages';

/** What a StatefulSet field makes the cluster do, in a line or two, from the simulation the preview shows too. */
export interface FactsInput {
  path: ObjectPath;
  simulation: Simulation;
  /** The claim template's name, for a hover on one. */
  claimName: string | undefined;
  /** The governing Service as the workspace knows it. */
  service: ServiceInfo | undefined;
  uri: string;
}

const code = (text: string): string => `\`${text}\``;

/** `a`, `a`, `b` or `a` … `z`: long runs of pod names are shown by their ends. */
export function nameRange(names: readonly string[]): string {
  const first = names[0];
  const last = names[names.length - 1];
  if (first === undefined || last === undefined) return t('common.none');
  if (names.length <= 2) return names.map(code).join(', ');
  return `${code(first)} … ${code(last)}`;
}

function chain(steps: readonly string[]): string {
  if (steps.length <= 4) return steps.join(' → ');
  return [steps[0], steps[1], '…', steps[steps.length - 1]].join(' → ');
}

function planSteps(plan: Plan): string[] {
  return plan.map((step) => step.pods.map(code).join(' + '));
}

/** The names of all replicas, also beyond what the simulator lays out (it caps huge sets). */
function allPodNames(simulation: Simulation): string[] {
  const { replicas, ordinalStart, statefulSet } = simulation;
  const names = simulation.pods.map((pod) => pod.name);
  if (replicas > names.length && replicas > 0) names.push(`${statefulSet.name}-${ordinalStart + replicas - 1}`);
  return names;
}

function podsFact(simulation: Simulation): string {
  const names = allPodNames(simulation);
  const count = simulation.replicas;
  if (count === 0) return t('facts.noPods');
  return t(count === 1 ? 'facts.onePod' : 'facts.pods', { count, names: nameRange(names) });
}

function serviceFacts(simulation: Simulation, service: ServiceInfo | undefined, uri: string): string[] {
  const facts: string[] = [];
  // The warning comes first: a DNS name listed above it would read as one that works.
  const broken = !simulation.dns.resolves && simulation.dns.reason !== undefined;
  if (broken) facts.push(`⚠ ${simulation.dns.reason}`);
  if (service) {
    facts.push(t(service.headless ? 'facts.serviceHeadless' : 'facts.serviceNotHeadless', { service: code(service.name), inFile: inFileOf(service.uri, uri) }));
  }
  const fqdn = simulation.pods[0]?.fqdn;
  if (fqdn) facts.push(t(broken ? 'facts.dnsOnceFixed' : 'facts.dns', { name: code(fqdn) }));
  return facts;
}

function partitionFact(simulation: Simulation): string {
  if (simulation.updateStrategy === 'OnDelete') return t('facts.partitionOnDelete');
  const updated = simulation.pods.filter((pod) => pod.revision === 'updated').map((pod) => pod.name);
  const current = simulation.pods.filter((pod) => pod.revision === 'current').map((pod) => pod.name);
  if (updated.length === 0) return t('facts.partitionNone', { partition: simulation.partition, replicas: simulation.replicas });
  const first = simulation.ordinalStart + simulation.partition;
  const take = t('facts.partitionReach', { pods: nameRange(updated), first });
  return current.length === 0 ? t('facts.partitionEvery', { take }) : t(current.length === 1 ? 'facts.partitionStaysOne' : 'facts.partitionStay', { take, pods: nameRange(current) });
}

function creationFact(simulation: Simulation): string {
  if (simulation.podManagementPolicy === 'Parallel') {
    return t('facts.parallel');
  }
  const down = planSteps(simulation.plans.scaleDown);
  const scaleDown = down.length > 1 ? t('facts.scaleDown', { steps: chain(down) }) : '';
  return t('facts.ordered', { steps: chain(planSteps(simulation.plans.create)), scaleDown });
}

function updateFact(simulation: Simulation): string {
  if (simulation.updateStrategy === 'OnDelete') return t('facts.updateOnDelete');
  const steps = planSteps(simulation.plans.update);
  if (steps.length === 0) return t('facts.updateNone', { partition: simulation.partition, replicas: simulation.replicas });
  const kept = simulation.partition > 0 ? t('facts.updateKept', { below: simulation.ordinalStart + simulation.partition }) : '';
  return t('facts.update', { steps: chain(steps), kept });
}

function claimFact(simulation: Simulation, claimName: string): string[] {
  const pvcs = allPodNames(simulation).map((pod) => `${claimName}-${pod}`);
  const { whenDeleted, whenScaled } = simulation.pvcRetention;
  return [
    `**PVCs**: ${nameRange(pvcs)}`,
    t('facts.retention', { whenDeleted, whenScaled }),
  ];
}

const factPaths: readonly ObjectPath[] = [
  ['spec', 'replicas'], ['spec', 'ordinals'], ['spec', 'ordinals', 'start'], ['spec', 'serviceName'],
  ['spec', 'updateStrategy', 'rollingUpdate', 'partition'], ['spec', 'podManagementPolicy'], ['spec', 'updateStrategy'],
  ['spec', 'updateStrategy', 'type'], ['spec', 'updateStrategy', 'rollingUpdate', 'maxUnavailable'],
];

/** Whether a hover on this field tells what the cluster does (so the simulation is worth running). */
export function hasIdentityFacts(path: ObjectPath): boolean {
  return isClaimTemplateNamePath(path) || factPaths.some((known) => samePath(known, path));
}

/** The lines a hover on this StatefulSet field adds to the schema's description; empty for other fields. */
export function identityFacts(input: FactsInput): string[] {
  const { path, simulation } = input;
  if (samePath(path, ['spec', 'replicas']) || samePath(path, ['spec', 'ordinals']) || samePath(path, ['spec', 'ordinals', 'start'])) {
    return [podsFact(simulation)];
  }
  if (samePath(path, ['spec', 'serviceName'])) return serviceFacts(simulation, input.service, input.uri);
  if (samePath(path, ['spec', 'updateStrategy', 'rollingUpdate', 'partition'])) return [partitionFact(simulation)];
  if (samePath(path, ['spec', 'podManagementPolicy'])) return [creationFact(simulation)];
  if (samePath(path, ['spec', 'updateStrategy']) || samePath(path, ['spec', 'updateStrategy', 'type'])
    || samePath(path, ['spec', 'updateStrategy', 'rollingUpdate', 'maxUnavailable'])) return [updateFact(simulation)];
  if (isClaimTemplateNamePath(path) && input.claimName) return claimFact(simulation, input.claimName);
  return [];
}
