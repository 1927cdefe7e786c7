import type { SeveritySetting } from './model';

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
  /** Whether the cluster runs with the MaxUnavailableStatefulSet feature gate on (off in 1.36). */
  maxUnavailableGate: boolean;
}

export const defaultSettings: Settings = {
  clusterDomain: 'cluster.local',
  defaultNamespace: 'default',
  rules: {},
  schemaValidation: true,
  maxUnavailableGate: false,
};

/** A key that changes whenever settings that affect a document's own findings change. */
export function settingsFingerprint(settings: Settings): string {
  return JSON.stringify([settings.defaultNamespace, settings.rules, settings.schemaValidation, settings.maxUnavailableGate]);
}
