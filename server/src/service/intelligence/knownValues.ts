/** A value a field accepts, with a line on what it means. */
export interface KnownValue {
  value: string;
  description: string;
}

const core = 'io.k8s.api.core.v1';
const apps = 'io.k8s.api.apps.v1';

/**
 * The value sets of string fields, by `<definition>.<property>`. The Kubernetes 1.36 OpenAPI
 * has no `enum` keywords (the sets live in Go comments), so we keep the ones people type.
 */
const table: Record<string, readonly KnownValue[]> = {
  [`${apps}.StatefulSetSpec.podManagementPolicy`]: [
    { value: 'OrderedReady', description: 'One pod at a time, lowest ordinal first, each waiting for the previous to be Running and Ready (the default).' },
    { value: 'Parallel', description: 'All pods are created or deleted at once, without waiting for one another.' },
  ],
  [`${apps}.StatefulSetUpdateStrategy.type`]: [
    { value: 'RollingUpdate', description: 'The controller replaces pods on a template change, highest ordinal first (the default).' },
    { value: 'OnDelete', description: 'Pods take a new template only when you delete them.' },
  ],
  [`${apps}.StatefulSetPersistentVolumeClaimRetentionPolicy.whenDeleted`]: [
    { value: 'Retain', description: 'PVCs are kept when the StatefulSet is deleted (the default).' },
    { value: 'Delete', description: 'PVCs are deleted with the StatefulSet.' },
  ],
  [`${apps}.StatefulSetPersistentVolumeClaimRetentionPolicy.whenScaled`]: [
    { value: 'Retain', description: 'PVCs of removed pods are kept on scale-down (the default).' },
    { value: 'Delete', description: 'PVCs of the pods removed by a scale-down are deleted.' },
  ],
  [`${core}.PersistentVolumeClaimSpec.accessModes`]: [
    { value: 'ReadWriteOnce', description: 'Read-write by a single node.' },
    { value: 'ReadOnlyMany', description: 'Read-only by many nodes.' },
    { value: 'ReadWriteMany', description: 'Read-write by many nodes.' },
    { value: 'ReadWriteOncePod', description: 'Read-write by a single pod.' },
  ],
  [`${core}.PersistentVolumeClaimSpec.volumeMode`]: [
    { value: 'Filesystem', description: 'A mounted filesystem (the default).' },
    { value: 'Block', description: 'A raw block device.' },
  ],
  [`${core}.PodSpec.restartPolicy`]: [
    { value: 'Always', description: 'The only value a StatefulSet accepts.' },
  ],
  [`${core}.Container.restartPolicy`]: [
    { value: 'Always', description: 'Makes an init container a sidecar that keeps running.' },
  ],
  [`${core}.PodSpec.dnsPolicy`]: [
    { value: 'ClusterFirst', description: 'Cluster DNS first, then the node\'s upstream (the default).' },
    { value: 'ClusterFirstWithHostNet', description: 'ClusterFirst for pods on the host network.' },
    { value: 'Default', description: 'The node\'s resolver configuration.' },
    { value: 'None', description: 'Only what dnsConfig gives.' },
  ],
  [`${core}.Container.imagePullPolicy`]: [
    { value: 'Always', description: 'Pull on every container start (the default for :latest).' },
    { value: 'IfNotPresent', description: 'Pull only when the node lacks the image (the default otherwise).' },
    { value: 'Never', description: 'Never pull; the image must be on the node.' },
  ],
  [`${core}.Container.terminationMessagePolicy`]: [
    { value: 'File', description: 'Read the message from terminationMessagePath (the default).' },
    { value: 'FallbackToLogsOnError', description: 'Use the end of the log when the file is empty and the container failed.' },
  ],
  [`${core}.ContainerPort.protocol`]: [
    { value: 'TCP', description: 'The default.' },
    { value: 'UDP', description: '' },
    { value: 'SCTP', description: '' },
  ],
  [`${core}.ServicePort.protocol`]: [
    { value: 'TCP', description: 'The default.' },
    { value: 'UDP', description: '' },
    { value: 'SCTP', description: '' },
  ],
  [`${core}.VolumeMount.mountPropagation`]: [
    { value: 'None', description: 'No propagation (the default).' },
    { value: 'HostToContainer', description: 'Mounts made on the host appear in the container.' },
    { value: 'Bidirectional', description: 'Mounts propagate both ways (privileged containers only).' },
  ],
  [`${core}.ServiceSpec.type`]: [
    { value: 'ClusterIP', description: 'A cluster-internal virtual IP (the default); with clusterIP: None, headless.' },
    { value: 'NodePort', description: 'A port on every node.' },
    { value: 'LoadBalancer', description: 'An external load balancer.' },
    { value: 'ExternalName', description: 'A CNAME to externalName.' },
  ],
  [`${core}.ServiceSpec.clusterIP`]: [
    { value: 'None', description: 'Headless: no virtual IP; DNS returns each pod, as a StatefulSet\'s governing Service needs.' },
  ],
  [`${core}.ServiceSpec.sessionAffinity`]: [
    { value: 'None', description: 'The default.' },
    { value: 'ClientIP', description: 'Send a client to the same pod.' },
  ],
  [`${core}.ServiceSpec.externalTrafficPolicy`]: [
    { value: 'Cluster', description: 'The default.' },
    { value: 'Local', description: 'Only to endpoints on the receiving node.' },
  ],
  [`${core}.ServiceSpec.internalTrafficPolicy`]: [
    { value: 'Cluster', description: 'The default.' },
    { value: 'Local', description: 'Only to endpoints on the receiving node.' },
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
    { value: 'Equal', description: 'The default.' },
    { value: 'Exists', description: 'Any value of the key.' },
  ],
  [`${core}.Toleration.effect`]: [
    { value: 'NoSchedule', description: '' },
    { value: 'PreferNoSchedule', description: '' },
    { value: 'NoExecute', description: '' },
  ],
  [`${core}.TopologySpreadConstraint.whenUnsatisfiable`]: [
    { value: 'DoNotSchedule', description: 'The default.' },
    { value: 'ScheduleAnyway', description: '' },
  ],
  [`${core}.PodSecurityContext.fsGroupChangePolicy`]: [
    { value: 'Always', description: 'The default.' },
    { value: 'OnRootMismatch', description: 'Only when the volume root\'s ownership differs.' },
  ],
  [`${core}.SeccompProfile.type`]: [
    { value: 'RuntimeDefault', description: '' },
    { value: 'Localhost', description: '' },
    { value: 'Unconfined', description: '' },
  ],
  [`${core}.PodSpec.preemptionPolicy`]: [
    { value: 'PreemptLowerPriority', description: 'The default.' },
    { value: 'Never', description: '' },
  ],
  'io.k8s.api.policy.v1.PodDisruptionBudgetSpec.unhealthyPodEvictionPolicy': [
    { value: 'IfHealthyBudget', description: 'The default.' },
    { value: 'AlwaysAllow', description: '' },
  ],
};

const booleans: readonly KnownValue[] = [{ value: 'true', description: '' }, { value: 'false', description: '' }];

/** The values a field takes, by where it is defined and its type; empty when free-form. */
export function knownValues(owner: { definition: string; property: string } | undefined, type: unknown): readonly KnownValue[] {
  const listed = owner ? table[`${owner.definition}.${owner.property}`] : undefined;
  if (listed) return listed;
  return type === 'boolean' ? booleans : [];
}
