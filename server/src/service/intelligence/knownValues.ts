import { messageOf, type MessageId } from '../../messages';
/** A value a field accepts, with a line on what it means. */
export interface KnownValue {
  value: string;
  description: string;
}

/** A value as the table keeps it: its description's message id (worded when asked, in the reader's language). */
interface ListedValue {
  value: string;
  description: MessageId | '';
}

const core = 'io.k8s.api.core.v1';
const apps = 'io.k8s.api.apps.v1';

/**
 * The value sets of string fields, by `<definition>.<property>`. The Kubernetes 1.36 OpenAPI
 * has no `enum` keywords (the sets live in Go comments), so we keep the ones people type.
 */
const table: Record<string, readonly ListedValue[]> = {
  [`${apps}.StatefulSetSpec.podManagementPolicy`]: [
    { value: 'OrderedReady', description: 'known.OrderedReady' },
    { value: 'Parallel', description: 'known.Parallel' },
  ],
  [`${apps}.StatefulSetUpdateStrategy.type`]: [
    { value: 'RollingUpdate', description: 'known.RollingUpdate' },
    { value: 'OnDelete', description: 'known.OnDelete' },
  ],
  [`${apps}.StatefulSetPersistentVolumeClaimRetentionPolicy.whenDeleted`]: [
    { value: 'Retain', description: 'known.Retain' },
    { value: 'Delete', description: 'known.Delete' },
  ],
  [`${apps}.StatefulSetPersistentVolumeClaimRetentionPolicy.whenScaled`]: [
    { value: 'Retain', description: 'known.Retain2' },
    { value: 'Delete', description: 'known.Delete2' },
  ],
  [`${core}.PersistentVolumeClaimSpec.accessModes`]: [
    { value: 'ReadWriteOnce', description: 'known.ReadWriteOnce' },
    { value: 'ReadOnlyMany', description: 'known.ReadOnlyMany' },
    { value: 'ReadWriteMany', description: 'known.ReadWriteMany' },
    { value: 'ReadWriteOncePod', description: 'known.ReadWriteOncePod' },
  ],
  [`${core}.PersistentVolumeClaimSpec.volumeMode`]: [
    { value: 'Filesystem', description: 'known.Filesystem' },
    { value: 'Block', description: 'known.Block' },
  ],
  [`${core}.PodSpec.restartPolicy`]: [
    { value: 'Always', description: 'known.Always' },
  ],
  [`${core}.Container.restartPolicy`]: [
    { value: 'Always', description: 'known.Always2' },
  ],
  [`${core}.PodSpec.dnsPolicy`]: [
    { value: 'ClusterFirst', description: 'known.ClusterFirst' },
    { value: 'ClusterFirstWithHostNet', description: 'known.ClusterFirstWithHostNet' },
    { value: 'Default', description: 'known.Default' },
    { value: 'None', description: 'known.None' },
  ],
  [`${core}.Container.imagePullPolicy`]: [
    { value: 'Always', description: 'known.Always3' },
    { value: 'IfNotPresent', description: 'known.IfNotPresent' },
    { value: 'Never', description: 'known.Never' },
  ],
  [`${core}.Container.terminationMessagePolicy`]: [
    { value: 'File', description: 'known.File' },
    { value: 'FallbackToLogsOnError', description: 'known.FallbackToLogsOnError' },
  ],
  [`${core}.ContainerPort.protocol`]: [
    { value: 'TCP', description: 'known.default' },
    { value: 'UDP', description: '' },
    { value: 'SCTP', description: '' },
  ],
  [`${core}.ServicePort.protocol`]: [
    { value: 'TCP', description: 'known.default' },
    { value: 'UDP', description: '' },
    { value: 'SCTP', description: '' },
  ],
  [`${core}.VolumeMount.mountPropagation`]: [
    { value: 'None', description: 'known.None2' },
    { value: 'HostToContainer', description: 'known.HostToContainer' },
    { value: 'Bidirectional', description: 'known.Bidirectional' },
  ],
  [`${core}.ServiceSpec.type`]: [
    { value: 'ClusterIP', description: 'known.ClusterIP' },
    { value: 'NodePort', description: 'known.NodePort' },
    { value: 'LoadBalancer', description: 'known.LoadBalancer' },
    { value: 'ExternalName', description: 'known.ExternalName' },
  ],
  [`${core}.ServiceSpec.clusterIP`]: [
    { value: 'None', description: 'known.None3' },
  ],
  [`${core}.ServiceSpec.sessionAffinity`]: [
    { value: 'None', description: 'known.default' },
    { value: 'ClientIP', description: 'known.ClientIP' },
  ],
  [`${core}.ServiceSpec.externalTrafficPolicy`]: [
    { value: 'Cluster', description: 'known.default' },
    { value: 'Local', description: 'known.Local' },
  ],
  [`${core}.ServiceSpec.internalTrafficPolicy`]: [
    { value: 'Cluster', description: 'known.default' },
    { value: 'Local', description: 'known.Local' },
  ],
  [`${core}.ServiceSpec.ipFamilyPolicy`]: [
    { value: 'SingleStack', description: '' },
    { value: 'PreferDualStack', description: '' },
    { value: 'RequireDualStack', description: '' },
  ],
  'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement.operator': [
    { value: 'In', description: '' },
    { value: 'NotIn', description: '' },
    { value: 'Exists', description: '' },
    { value: 'DoesNotExist', description: '' },
  ],
  [`${core}.NodeSelectorRequirement.operator`]: [
    { value: 'In', description: '' },
    { value: 'NotIn', description: '' },
    { value: 'Exists', description: '' },
    { value: 'DoesNotExist', description: '' },
    { value: 'Gt', description: '' },
    { value: 'Lt', description: '' },
  ],
  [`${core}.Toleration.operator`]: [
    { value: 'Equal', description: 'known.default' },
    { value: 'Exists', description: 'known.Exists' },
  ],
  [`${core}.Toleration.effect`]: [
    { value: 'NoSchedule', description: '' },
    { value: 'PreferNoSchedule', description: '' },
    { value: 'NoExecute', description: '' },
  ],
  [`${core}.TopologySpreadConstraint.whenUnsatisfiable`]: [
    { value: 'DoNotSchedule', description: 'known.default' },
    { value: 'ScheduleAnyway', description: '' },
  ],
  [`${core}.PodSecurityContext.fsGroupChangePolicy`]: [
    { value: 'Always', description: 'known.default' },
    { value: 'OnRootMismatch', description: 'known.OnRootMismatch' },
  ],
  [`${core}.SeccompProfile.type`]: [
    { value: 'RuntimeDefault', description: '' },
    { value: 'Localhost', description: '' },
    { value: 'Unconfined', description: '' },
  ],
  [`${core}.PodSpec.preemptionPolicy`]: [
    { value: 'PreemptLowerPriority', description: 'known.default' },
    { value: 'Never', description: '' },
  ],
  'io.k8s.api.policy.v1.PodDisruptionBudgetSpec.unhealthyPodEvictionPolicy': [
    { value: 'IfHealthyBudget', description: 'known.default' },
    { value: 'AlwaysAllow', description: '' },
  ],
};

const booleans: readonly KnownValue[] = [{ value: 'true', description: '' }, { value: 'false', description: '' }];

/** The values a field takes, by where it is defined and its type; empty when free-form. */
export function knownValues(owner: { definition: string; property: string } | undefined, type: unknown): readonly KnownValue[] {
  const listed = owner ? table[`${owner.definition}.${owner.property}`] : undefined;
  if (listed) return listed.map(({ value, description }) => ({ value, description: description === '' ? '' : messageOf(description) }));
  return type === 'boolean' ? booleans : [];
}
