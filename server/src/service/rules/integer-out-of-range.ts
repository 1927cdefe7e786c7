import type { ObjectPath } from '../model';
import { refusedOnCreate } from './k8sSyntax';
import { field, isStatefulSet } from './read';
import type { Rule, RuleResult } from './types';
import { t } from '../../messages';

const int32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };
const probe = (name: string): string[] => ['failureThreshold', 'grpc.port', 'initialDelaySeconds', 'periodSeconds', 'successThreshold', 'timeoutSeconds'].map((f) => `${name}.${f}`);
const containerFields = ['ports.[].containerPort', 'ports.[].hostPort', 'restartPolicyRules.[].exitCodes.values.[]', ...probe('livenessProbe'), ...probe('readinessProbe'), ...probe('startupProbe')];
const itemModes = (source: string): string => `${source}.items.[].mode`;
/**
 * Every int32 field of a StatefulSet (format int32 in the Kubernetes OpenAPI document), `[]` for
 * any item of a list. int64 fields (terminationGracePeriodSeconds, user IDs) are not here.
 */
const int32Fields: string[] = [
  'spec.replicas', 'spec.minReadySeconds', 'spec.revisionHistoryLimit', 'spec.ordinals.start', 'spec.updateStrategy.rollingUpdate.partition', 'spec.updateStrategy.rollingUpdate.maxUnavailable',
  ...['containers', 'initContainers', 'ephemeralContainers'].flatMap((list) => containerFields.map((f) => `spec.template.spec.${list}.[].${f}`)),
  ...['nodeAffinity', 'podAffinity', 'podAntiAffinity'].map((a) => `spec.template.spec.affinity.${a}.preferredDuringSchedulingIgnoredDuringExecution.[].weight`),
  'spec.template.spec.priority', 'spec.template.spec.topologySpreadConstraints.[].maxSkew', 'spec.template.spec.topologySpreadConstraints.[].minDomains',
  ...['awsElasticBlockStore.partition', 'gcePersistentDisk.partition', 'fc.lun', 'iscsi.lun', 'configMap.defaultMode', 'secret.defaultMode', 'downwardAPI.defaultMode', 'projected.defaultMode',
    itemModes('configMap'), itemModes('secret'), itemModes('downwardAPI'),
    ...['configMap', 'secret', 'downwardAPI'].map((s) => itemModes(`projected.sources.[].${s}`)), 'projected.sources.[].podCertificate.maxExpirationSeconds',
  ].map((f) => `spec.template.spec.volumes.[].${f}`),
];
const int32Patterns = int32Fields.map((f) => f.split('.')); // split once, not on every check

/** The value's paths that match `pattern` (dotted, `[]` for every item of a list), with their values. */
function matches(value: unknown, pattern: readonly string[], at: ObjectPath = []): { path: ObjectPath; value: unknown }[] {
  const [head, ...rest] = pattern;
  if (head === undefined) return [{ path: at, value }];
  if (head === '[]') return Array.isArray(value) ? value.flatMap((item, i) => matches(item, rest, [...at, i])) : [];
  const next = field(value, head);
  return next === undefined ? [] : matches(next, rest, [...at, head]);
}

/**
 * Integers the API server cannot decode: fields typed int32 (replicas, ports, probe timings,
 * ...) given a value outside −2147483648…2147483647. The request fails before validation
 * with `cannot unmarshal number ... of type int32`.
 */
export const integerOutOfRange: Rule = {
  id: 'integer-out-of-range',
  severity: 'error',
  scope: 'document',
  check: ({ object }) => {
    if (!isStatefulSet(object)) return [];
    return int32Patterns.flatMap((pattern) => matches(object.value, pattern)).flatMap(({ path, value }): RuleResult[] =>
      typeof value === 'number' && Number.isInteger(value) && (value < int32.min || value > int32.max)
        ? [{ path, message: t('integer-out-of-range.message', { refused: refusedOnCreate(), value, max: int32.max }) }]
        : []);
  },
};
