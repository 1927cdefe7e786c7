import { resolveMaxUnavailable } from './intOrPercent';
import { asObject, dig, nonEmptyString, readChoice, readCount, readLabels } from './readFields';
import type { PodManagementPolicy, RetentionAction, RolloutSettings, SimulationInput, UpdateStrategyType } from './types';
import { t } from '../messages';

/** A cluster of 1000 pods is already more than a preview can show; beyond it we only pretend. */
export const maxSimulatedPods = 1000;

const policies: readonly PodManagementPolicy[] = ['OrderedReady', 'Parallel'];
const strategies: readonly UpdateStrategyType[] = ['RollingUpdate', 'OnDelete'];
const retentionActions: readonly RetentionAction[] = ['Retain', 'Delete'];

/** The StatefulSet after Kubernetes defaulting and the what-if, ready to simulate. */
export interface StatefulSetSettings extends RolloutSettings {
  name: string;
  namespace: string;
  serviceName: string | undefined;
  whenDeleted: RetentionAction;
  whenScaled: RetentionAction;
  claimTemplateNames: string[];
  templateLabels: Record<string, string>;
  clusterDomain: string;
}

/** Reads the manifest the way the API server defaults it; never throws, warns instead. */
export function readStatefulSet(input: SimulationInput, warnings: string[]): StatefulSetSettings {
  const manifest = input.statefulSet;
  const spec = dig(manifest, 'spec');
  if (asObject(spec) === undefined) warnings.push(t('sim.read.noSpec'));
  const whatIf = asObject(input.whatIf) ?? {};

  const name = nonEmptyString(dig(manifest, 'metadata', 'name'));
  if (name === undefined) warnings.push(t('sim.read.noName'));

  const replicas = readCount(whatIf.replicas ?? dig(spec, 'replicas'), 'spec.replicas', 1, warnings);
  const simulatedReplicas = Math.min(replicas, maxSimulatedPods);
  if (replicas > maxSimulatedPods) {
    warnings.push(t('sim.read.tooMany', { replicas, maxSimulatedPods }));
  }
  const rollingUpdate = dig(spec, 'updateStrategy', 'rollingUpdate');
  const maxUnavailableValue = whatIf.maxUnavailable ?? dig(rollingUpdate, 'maxUnavailable');

  return {
    name: name ?? '',
    namespace: nonEmptyString(dig(manifest, 'metadata', 'namespace')) ?? nonEmptyString(input.defaultNamespace) ?? 'default',
    serviceName: nonEmptyString(dig(spec, 'serviceName')),
    replicas,
    simulatedReplicas,
    ordinalStart: readCount(dig(spec, 'ordinals', 'start'), 'spec.ordinals.start', 0, warnings),
    podManagementPolicy: readChoice(
      whatIf.podManagementPolicy ?? dig(spec, 'podManagementPolicy'),
      'spec.podManagementPolicy',
      policies,
      'OrderedReady',
      warnings,
    ),
    updateStrategy: readChoice(dig(spec, 'updateStrategy', 'type'), 'spec.updateStrategy.type', strategies, 'RollingUpdate', warnings),
    partition: readCount(whatIf.partition ?? dig(rollingUpdate, 'partition'), 'spec.updateStrategy.rollingUpdate.partition', 0, warnings),
    maxUnavailable: resolveMaxUnavailable(maxUnavailableValue, replicas, (input.featureGates?.MaxUnavailableStatefulSet ?? input.maxUnavailableGate) === true, warnings),
    minReadySeconds: readCount(dig(spec, 'minReadySeconds'), 'spec.minReadySeconds', 0, warnings),
    whenDeleted: readRetention(spec, 'whenDeleted', warnings),
    whenScaled: readRetention(spec, 'whenScaled', warnings),
    claimTemplateNames: readClaimTemplateNames(dig(spec, 'volumeClaimTemplates')),
    templateLabels: readLabels(dig(spec, 'template', 'metadata', 'labels')),
    clusterDomain: nonEmptyString(input.clusterDomain) ?? 'cluster.local',
  };
}

function readRetention(spec: unknown, field: 'whenDeleted' | 'whenScaled', warnings: string[]): RetentionAction {
  const value = dig(spec, 'persistentVolumeClaimRetentionPolicy', field);
  // The controller treats an unknown policy as Retain ("Unknown policy, treating as Retain").
  return readChoice(value, `spec.persistentVolumeClaimRetentionPolicy.${field}`, retentionActions, 'Retain', warnings);
}

function readClaimTemplateNames(templates: unknown): string[] {
  if (!Array.isArray(templates)) return [];
  return templates.flatMap((template) => {
    const name = nonEmptyString(dig(template, 'metadata', 'name'));
    return name === undefined ? [] : [name];
  });
}
