import type { SeveritySetting } from './model';
import { newestKubernetesVersion, type KubernetesVersion } from './versions/kubernetesVersions';

/** What the user can configure; the same for the language server and the CLI. */
export interface Settings {
  /** The cluster's DNS domain, for pod DNS names. */
  clusterDomain: string;
  /** The namespace of objects that do not name one (kubectl's context namespace). */
  defaultNamespace: string;
  /** Per-rule severity or `off`; rules not named keep their default. */
  rules: Readonly<Record<string, SeveritySetting>>;
  /** Whether the `schema` rule runs (off when another extension already validates schemas). */
  schemaValidation: boolean;
  /** The Kubernetes release the manifests are for ("1.31" … "1.37"): gate defaults, schemas, rules. */
  kubernetesVersion: KubernetesVersion;
  /** Gates the cluster sets differently from its release's default (statefulset.featureGates, --feature-gates). */
  featureGates: Readonly<Record<string, boolean>>;
  /**
   * The old statefulset.maxUnavailableGate: when set and featureGates does not name the gate, it
   * decides MaxUnavailableStatefulSet. Read only through versions/gates.ts gateOn.
   */
  maxUnavailableGate?: boolean;
}

export const defaultSettings: Settings = {
  clusterDomain: 'cluster.local',
  defaultNamespace: 'default',
  rules: {},
  schemaValidation: true,
  kubernetesVersion: newestKubernetesVersion,
  featureGates: {},
};

/** A key that changes whenever settings that affect a document's own findings change. */
export function settingsFingerprint(settings: Settings): string {
  return JSON.stringify([settings.defaultNamespace, settings.rules, settings.schemaValidation, settings.kubernetesVersion, settings.featureGates, settings.maxUnavailableGate]);
}
