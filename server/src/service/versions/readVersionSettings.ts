import type { Settings } from '../settings';
import { isKubernetesVersion, kubernetesVersions, newestKubernetesVersion } from './kubernetesVersions';
import { t } from '../../messages';

/**
 * statefulset.kubernetesVersion and statefulset.featureGates as a client sends them (anything),
 * read defensively; the old statefulset.maxUnavailableGate is read as
 * featureGates.MaxUnavailableStatefulSet, with a notice that it moved.
 */
export function readVersionSettings(raw: { kubernetesVersion?: unknown; featureGates?: unknown; maxUnavailableGate?: unknown }):
  Pick<Settings, 'kubernetesVersion' | 'featureGates'> & { notices: string[] } {
  const notices: string[] = [];
  const requested = typeof raw.kubernetesVersion === 'number' ? raw.kubernetesVersion.toFixed(2) : raw.kubernetesVersion;
  const kubernetesVersion = isKubernetesVersion(requested) ? requested : newestKubernetesVersion;
  if (requested !== undefined && requested !== null && requested !== '' && !isKubernetesVersion(requested)) {
    notices.push(t('settings.badVersion', { requested: JSON.stringify(requested), versions: kubernetesVersions.join(', '), newest: newestKubernetesVersion }));
  }
  const featureGates: Record<string, boolean> = {};
  if (raw.featureGates && typeof raw.featureGates === 'object' && !Array.isArray(raw.featureGates)) {
    for (const [gate, on] of Object.entries(raw.featureGates)) if (typeof on === 'boolean') featureGates[gate] = on;
  }
  if (typeof raw.maxUnavailableGate === 'boolean') {
    if (!('MaxUnavailableStatefulSet' in featureGates)) featureGates.MaxUnavailableStatefulSet = raw.maxUnavailableGate;
    notices.push(t('settings.gateMoved', { value: String(raw.maxUnavailableGate) }));
  }
  return { kubernetesVersion, featureGates, notices };
}

/** `--feature-gates A=true,B=false` (kube-apiserver's syntax) → gates; an unreadable entry is an error message. */
export function parseFeatureGates(text: string): { gates: Record<string, boolean>; errors: string[] } {
  const gates: Record<string, boolean> = {};
  const errors: string[] = [];
  for (const entry of text.split(',').map((e) => e.trim()).filter((e) => e !== '')) {
    const match = /^([A-Za-z][A-Za-z0-9]*)=(true|false)$/i.exec(entry);
    if (match?.[1] && match[2]) gates[match[1]] = match[2].toLowerCase() === 'true';
    else errors.push(t('settings.badGate', { entry }));
  }
  return { gates, errors };
}
