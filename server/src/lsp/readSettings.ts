import type { SeveritySetting } from '../service/model';
import { readHelmSettings, type HelmSettings } from '../host/chartCheck';
import { defaultSettings, type Settings } from '../service/settings';
import { readVersionSettings } from '../service/versions/readVersionSettings';

/** The `statefulset.*` section as VS Code (or any client) sends it. */
export interface ClientSettings {
  clusterDomain?: unknown;
  defaultNamespace?: unknown;
  rules?: unknown;
  schemaValidation?: unknown;
  kubernetesVersion?: unknown;
  featureGates?: unknown;
  /** Moved to featureGates.MaxUnavailableStatefulSet (issue 21); still read. */
  maxUnavailableGate?: unknown;
  exclude?: unknown;
  baseline?: unknown;
  helm?: unknown;
  kustomize?: unknown;
}

const severities = new Set<string>(['error', 'warning', 'info', 'hint', 'off']);

/**
 * Reads client settings defensively into our Settings. `schemaValidation: "auto"` turns the
 * schema rule off when another extension (Red Hat YAML with its Kubernetes schema) already
 * reports schema errors, so the user does not see each one twice.
 */
export function readSettings(
  raw: ClientSettings | null | undefined, otherSchemaValidator: boolean,
): Settings & { exclude: string[]; baseline: string; helm: HelmSettings; kustomize: KustomizeSettings; notices: string[] } {
  const value = raw ?? {};
  const rules: Record<string, SeveritySetting> = {};
  if (value.rules && typeof value.rules === 'object') {
    for (const [id, severity] of Object.entries(value.rules)) {
      if (typeof severity === 'string' && severities.has(severity)) rules[id] = severity as SeveritySetting;
    }
  }
  const schemaMode = value.schemaValidation === 'on' || value.schemaValidation === 'off' ? value.schemaValidation : 'auto';
  const text = (v: unknown, fallback: string): string => (typeof v === 'string' && v.trim() !== '' ? v.trim() : fallback);
  return {
    clusterDomain: text(value.clusterDomain, defaultSettings.clusterDomain),
    defaultNamespace: text(value.defaultNamespace, defaultSettings.defaultNamespace),
    rules,
    schemaValidation: schemaMode === 'on' || (schemaMode === 'auto' && !otherSchemaValidator),
    ...readVersionSettings(value),
    exclude: Array.isArray(value.exclude) ? value.exclude.filter((g): g is string => typeof g === 'string') : [],
    // Where the deployed version comes from: a git ref, a kubectl export (.yaml), or off.
    baseline: text(value.baseline, 'off'), // off by default: a git commit is not what runs in the cluster (issue 18)
    helm: readHelmSettings(value.helm),
    kustomize: { previewOverlay: text((value.kustomize as { previewOverlay?: unknown } | undefined)?.previewOverlay, '') },
  };
}

/** `statefulset.kustomize.*`. */
export interface KustomizeSettings {
  /** The overlay whose build a base or patch file's preview shows (its folder); empty: the first in path order that builds it. */
  previewOverlay: string;
}
