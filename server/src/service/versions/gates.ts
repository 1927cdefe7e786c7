import type { Settings } from '../settings';
import { gateFacts, newestKubernetesVersion, statefulSetGates, type KubernetesVersion, type StatefulSetGate } from './kubernetesVersions';
import { listOf, t } from '../../messages';

/**
 * The one place rules and the simulator learn whether a gate is on: the target release's
 * default (kubernetesVersions.ts), overridden by statefulset.featureGates / --feature-gates,
 * and by the old maxUnavailableGate setting when that is all the user set.
 */
export function gateOn(settings: Pick<Settings, 'kubernetesVersion' | 'featureGates' | 'maxUnavailableGate'>, gate: StatefulSetGate): boolean {
  const override = settings.featureGates?.[gate];
  if (typeof override === 'boolean') return override && gateExists(settings.kubernetesVersion, gate);
  if (gate === 'MaxUnavailableStatefulSet' && typeof settings.maxUnavailableGate === 'boolean') return settings.maxUnavailableGate;
  return gateFacts[gate].defaults[targetVersion(settings)] ?? false;
}

/** Whether the release has the gate at all (turning on a gate a release lacks does nothing). */
export function gateExists(version: KubernetesVersion | undefined, gate: StatefulSetGate): boolean {
  return gateFacts[gate].defaults[version ?? newestKubernetesVersion] !== undefined;
}

export function targetVersion(settings: Pick<Settings, 'kubernetesVersion'>): KubernetesVersion {
  return settings.kubernetesVersion ?? newestKubernetesVersion;
}

/** Every StatefulSet gate of the target release, as in force (for the simulator, the preview and the CLI). */
export function gatesInForce(settings: Pick<Settings, 'kubernetesVersion' | 'featureGates' | 'maxUnavailableGate'>): Record<string, boolean> {
  const version = targetVersion(settings);
  return Object.fromEntries(statefulSetGates.filter((gate) => gateExists(version, gate)).map((gate) => [gate, gateOn(settings, gate)]));
}

/** "Kubernetes 1.37 (MaxUnavailableStatefulSet on, the 1.37 default)" — how messages name the reason. */
export function gateReason(settings: Pick<Settings, 'kubernetesVersion' | 'featureGates' | 'maxUnavailableGate'>, gate: StatefulSetGate): string {
  const version = targetVersion(settings);
  const on = gateOn(settings, gate);
  const byDefault = on === (gateFacts[gate].defaults[version] ?? false);
  if (!gateExists(version, gate)) return t('gates.noGate', { version, gate });
  return t(on ? (byDefault ? 'gates.onByDefault' : 'gates.onBySetting') : (byDefault ? 'gates.offByDefault' : 'gates.offBySetting'), { version, gate });
}

/** One line for the preview footer and the CLI: "Kubernetes 1.37 · gates: MaxUnavailableStatefulSet on, …". */
export function versionSummary(settings: Pick<Settings, 'kubernetesVersion' | 'featureGates' | 'maxUnavailableGate'>): string {
  const gates = Object.entries(gatesInForce(settings)).map(([gate, on]) => t(on ? 'gates.on' : 'gates.off', { gate }));
  return gates.length ? t('gates.summary', { version: targetVersion(settings), gates: listOf(gates) }) : `Kubernetes ${targetVersion(settings)}`;
}
