/**
 * What differs between the Kubernetes releases we can target (issue 21), for a StatefulSet's
 * validation and rollout. Every row was read in the source of that release's k8s.io/kubernetes
 * module (the newest patch on 2026-12-06: v1.31.14, v1.32.13, v1.33.13, v1.34.4, v1.35.4,
 * v1.36.3, v1.37.2); `source` names the file and release. Which fields exist since which
 * release comes from the OpenAPI documents instead (schemas/versions/, scripts/gen-version-schemas.mjs).
 */

export const kubernetesVersions = ['1.31', '1.32', '1.33', '1.34', '1.35', '1.36', '1.37'] as const;
export type KubernetesVersion = (typeof kubernetesVersions)[number];
export const newestKubernetesVersion: KubernetesVersion = '1.37';

/** The feature gates that change what the API server does with a StatefulSet. */
export type StatefulSetGate = 'MaxUnavailableStatefulSet' | 'StatefulSetRecreateStrategy' | 'PodLevelResources' | 'ContainerRestartRules';
export const statefulSetGates: readonly StatefulSetGate[] = ['MaxUnavailableStatefulSet', 'StatefulSetRecreateStrategy', 'PodLevelResources', 'ContainerRestartRules'];

export interface GateFact {
  /** What the gate changes for a StatefulSet. */
  effect: string;
  /** The default per release; a release missing here has no such gate (the feature does not exist). */
  defaults: Partial<Record<KubernetesVersion, boolean>>;
  source: string;
}

const features = (release: string) => `pkg/features/kube_features.go @ v${release}`;

export const gateFacts: Record<StatefulSetGate, GateFact> = {
  MaxUnavailableStatefulSet: {
    effect: 'off: the API server drops spec.updateStrategy.rollingUpdate.maxUnavailable (strategy.go dropStatefulSetDisabledFields); on: it validates it (not 0, not over 100%) and the controller updates that many pods at a time',
    // Alpha since 1.24 (off); beta off in 1.35 (1.35.0–1.35.3 shipped it on, reverted in 1.35.4 for the
    // Parallel regression kubernetes#137409); beta on in 1.37.
    defaults: { '1.31': false, '1.32': false, '1.33': false, '1.34': false, '1.35': false, '1.36': false, '1.37': true },
    source: `${features('1.31.14')} (unversioned: Default false, Alpha); ${features('1.35.0')} ({1.35, Default true, Beta}, the first 1.35 patches); ${features('1.35.4')} ({1.35, Default false, Beta}); ${features('1.37.2')} ({1.37, Default true, Beta}); pkg/registry/apps/statefulset/strategy.go dropStatefulSetDisabledFields in every release`,
  },
  StatefulSetRecreateStrategy: {
    effect: 'on: updateStrategy.type Recreate is accepted (KEP-3541); off: only RollingUpdate and OnDelete',
    defaults: { '1.37': false },
    source: `${features('1.37.2')} ({1.37, Default false, Alpha}); pkg/apis/apps/validation/validation.go ValidateStatefulSetSpec (AllowStatefulSetRecreateStrategy) @ v1.37.2; absent from v1.36.3`,
  },
  PodLevelResources: {
    effect: 'off: the API server drops spec.template.spec.resources (pkg/api/pod/util.go dropDisabledPodLevelResources); on: pod-level requests and limits are kept',
    defaults: { '1.32': false, '1.33': false, '1.34': true, '1.35': true, '1.36': true, '1.37': true },
    // Still beta in 1.37.2 (not GA); turning it off there needs PodLevelResourcesFixDefaulting,
    // PodLevelResourcesFixKubeletQOSClass and InPlacePodLevelResourcesVerticalScaling off too (their dependency).
    source: `pkg/features/versioned_kube_features.go @ v1.32.13 ({1.32, Default false, Alpha}); ${features('1.34.4')} ({1.34, Default true, Beta}); still Beta (on) in ${features('1.37.2')}, with gates that depend on it`,
  },
  ContainerRestartRules: {
    effect: 'off: the API server drops a container\'s restartPolicyRules (pkg/api/pod/util.go dropContainerRestartRules); on: they are validated (they need the container\'s restartPolicy)',
    defaults: { '1.34': false, '1.35': true, '1.36': true, '1.37': true },
    source: `${features('1.34.4')} ({1.34, Default false, Alpha}); ${features('1.35.4')} ({1.35, Default true, Beta}); the same in ${features('1.37.2')}`,
  },
};

/** Spec fields an update may change (the rest are forbidden, or immutable). */
export interface UpdatableFact {
  fields: readonly string[];
  source: string;
}

const updatableBefore133 = ['replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds'];
const updatableSince133 = ['replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds'];

/** A version-dependent rule of validation, with the release it starts in. */
export interface VersionFact {
  since: KubernetesVersion;
  /** What the API server does from that release on. */
  fact: string;
  source: string;
}

export const versionFacts = {
  /** serviceName must be a DNS-1123 label on create (before, any string was stored, and pods got no DNS subdomain). */
  serviceNameDnsLabel: {
    since: '1.33',
    fact: 'serviceName must be a DNS-1123 label when a StatefulSet is created (AllowInvalidServiceName: false)',
    source: 'pkg/apis/apps/validation/validation.go ValidateStatefulSetSpec @ v1.33.13 (absent @ v1.32.13)',
  },
  /** The pod template (and the claim templates) are validated on create; before, only labels, annotations and the selector. */
  podTemplateValidated: {
    since: '1.34',
    fact: 'the pod template is validated as a pod (ValidatePodTemplateSpecForStatefulSet) and the claim templates as claims (validateVolumeClaimTemplates) on create; before 1.34 an invalid template was stored and every pod creation failed (FailedCreate)',
    source: 'pkg/apis/apps/validation/validation.go @ v1.34.4 (SkipValidatePodTemplateSpec, validateVolumeClaimTemplates); @ v1.33.13 the PodSpec check is a TODO',
  },
  /** revisionHistoryLimit may change on update. */
  revisionHistoryLimitUpdatable: {
    since: '1.33',
    fact: "revisionHistoryLimit joins the spec fields an update may change",
    source: 'pkg/apis/apps/validation/validation.go ValidateStatefulSetUpdate @ v1.33.13 (not in the list @ v1.32.13)',
  },
  /** Update validation names the immutable fields instead of the updatable ones. */
  immutableFieldsListed: {
    since: '1.37',
    fact: 'ValidateStatefulSetUpdate checks selector, volumeClaimTemplates, serviceName and podManagementPolicy as immutable fields ("field is immutable") instead of forbidding every field outside a list; the updatable set is the same',
    source: 'pkg/apis/apps/validation/validation.go ValidateStatefulSetUpdate @ v1.37.2',
  },
} as const satisfies Record<string, VersionFact>;

/** The spec fields an update may change, per release. */
export function updatableSpecFields(version: KubernetesVersion): UpdatableFact {
  return atLeast(version, versionFacts.revisionHistoryLimitUpdatable.since)
    ? { fields: updatableSince133, source: versionFacts.revisionHistoryLimitUpdatable.source }
    : { fields: updatableBefore133, source: 'pkg/apis/apps/validation/validation.go ValidateStatefulSetUpdate @ v1.31.14, v1.32.13' };
}

/** Whether `version` is `since` or newer. */
export function atLeast(version: KubernetesVersion, since: KubernetesVersion): boolean {
  return minor(version) >= minor(since);
}

export function minor(version: string): number {
  return Number(/^1\.(\d+)$/.exec(version)?.[1] ?? NaN);
}

export function isKubernetesVersion(value: unknown): value is KubernetesVersion {
  return typeof value === 'string' && (kubernetesVersions as readonly string[]).includes(value);
}
