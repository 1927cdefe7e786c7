import type { StatefulSetSettings } from './readStatefulSet';
import type { PodIdentity } from './types';
import { t } from '../messages';

export const podNameLabel = 'statefulset.kubernetes.io/pod-name';
export const podIndexLabel = 'apps.kubernetes.io/pod-index';

/** `<sts>-<ordinal>`, as the controller's getPodName. */
export function podName(setName: string, ordinal: number): string {
  return `${setName}-${ordinal}`;
}

/** `<claim>-<sts>-<ordinal>` for each volumeClaimTemplate, as getPersistentVolumeClaimName. */
export function pvcNames(claimTemplateNames: readonly string[], setName: string, ordinal: number): string[] {
  return claimTemplateNames.map((claim) => `${claim}-${setName}-${ordinal}`);
}

/** `<service>.<ns>.svc.<domain>`, or null when the set names no governing Service. */
export function serviceDomain(settings: StatefulSetSettings): string | null {
  if (settings.serviceName === undefined) return null;
  return `${settings.serviceName}.${settings.namespace}.svc.${settings.clusterDomain}`;
}

/** The ordinals the set keeps: [start, start + replicas - 1], capped to the simulated count. */
export function ordinalsOf(settings: Pick<StatefulSetSettings, 'ordinalStart' | 'simulatedReplicas'>): number[] {
  return Array.from({ length: settings.simulatedReplicas }, (_, index) => settings.ordinalStart + index);
}

/**
 * Which revision a pod has once a template change has rolled out. Partition counts from
 * ordinals.start (the controller indexes replicas by ordinal - start; issue #128529), and with
 * OnDelete nothing changes until someone deletes a pod.
 */
export function revisionAfterUpdate(settings: StatefulSetSettings, ordinal: number): 'updated' | 'current' {
  if (settings.updateStrategy === 'OnDelete') return 'current';
  return revisionWhenRecreated(settings, ordinal);
}

/**
 * Which revision the pod of `ordinal` gets when it is deleted after a template change (by hand,
 * an eviction, a node failure) and the controller creates it again (newVersionedStatefulSetPod):
 * under RollingUpdate the old one below ordinals.start + partition, else the new one; under
 * OnDelete always the new one, which is how OnDelete rolls out.
 */
export function revisionWhenRecreated(settings: Pick<StatefulSetSettings, 'updateStrategy' | 'ordinalStart' | 'partition'>, ordinal: number): 'updated' | 'current' {
  if (settings.updateStrategy === 'OnDelete') return 'updated';
  return ordinal >= settings.ordinalStart + settings.partition ? 'updated' : 'current';
}

/** The identity the controller gives each pod (newStatefulSetPod: initIdentity, updateIdentity, updateStorage). */
export function podIdentities(settings: StatefulSetSettings): PodIdentity[] {
  const domain = serviceDomain(settings);
  return ordinalsOf(settings).map((ordinal) => {
    const name = podName(settings.name, ordinal);
    const pod: PodIdentity = {
      ordinal,
      name,
      hostname: name,
      subdomain: settings.serviceName ?? '',
      fqdn: domain === null ? null : `${name}.${domain}`,
      pvcs: pvcNames(settings.claimTemplateNames, settings.name, ordinal),
      labels: { ...settings.templateLabels, [podNameLabel]: name, [podIndexLabel]: String(ordinal) },
      revision: revisionAfterUpdate(settings, ordinal),
    };
    const problem = podNameProblem(name, settings.name);
    if (problem !== undefined) pod.problem = problem;
    return pod;
  });
}

/** A label value, and so a hostname, holds at most 63 characters (IsDNS1123Label, IsValidLabelValue). */
const maxLabelLength = 63;

/**
 * The chance that `<set>-<hash>` fits in a label, the hash being the decimal digits of an
 * FNV-32a hash of the template (history.HashControllerRevision: fmt.Sprint(hf.Sum32()),
 * safe-encoded, same length): the share of 32-bit values with at most `62 - set length` digits.
 */
function revisionLabelFits(setName: string): number {
  const digits = maxLabelLength - 1 - setName.length;
  return digits >= 10 ? 1 : digits < 1 ? 0 : 10 ** digits / 2 ** 32;
}

/**
 * Why the controller can never create this pod, as far as names decide. The pod's name is its
 * hostname and its pod-name label value. Every pod also gets the label controller-revision-hash
 * = `<set>-<hash>`; the hash is computed from the template, which only Kubernetes does, so for
 * a set name of 53 to 61 characters the problem says how likely the label overflows (3 in 4 at
 * 53, 98% at 54, all but certain above). A set name of 52 characters or fewer always fits.
 */
export function podNameProblem(name: string, setName = ''): string | undefined {
  const refused = t('sim.podRefused');
  if (name.length > maxLabelLength) {
    return t('sim.nameTooLong', { refused, name, length: name.length, label: podNameLabel, max: maxLabelLength });
  }
  const fits = revisionLabelFits(setName);
  if (fits >= 0.25) return undefined;
  const room = maxLabelLength - 1 - setName.length;
  const odds = fits < 0.001 ? t('sim.lessThanTenth') : t('sim.aPercent', { percent: (fits * 100).toPrecision(2) });
  const chance = fits === 0 ? t('sim.neverFits') : t(room === 1 ? 'sim.fitsOneDigit' : 'sim.fitsDigits', { room, odds });
  return t('sim.hashTooLong', { refused, setName, max: maxLabelLength, chance });
}
