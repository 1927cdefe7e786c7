import type { StatefulSetSettings } from './readStatefulSet';
import type { PodIdentity } from './types';

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
    const problem = podNameProblem(name);
    if (problem !== undefined) pod.problem = problem;
    return pod;
  });
}

/** A label value, and so a hostname, holds at most 63 characters (IsDNS1123Label, IsValidLabelValue). */
const maxLabelLength = 63;

/**
 * Why the controller can never create this pod, as far as its name decides: the name is the
 * pod's hostname and its pod-name label value. (A set name of 53 to 61 characters may also
 * overflow the controller-revision-hash label, `<set>-<hash>`, but that depends on the digits
 * of a hash of the template that only Kubernetes computes, so it is not claimed here.)
 */
export function podNameProblem(name: string): string | undefined {
  if (name.length <= maxLabelLength) return undefined;
  return `never created: the controller's pod creation is refused (FailedCreate), since "${name}" is ${name.length} characters and a pod's hostname and its ${podNameLabel} label are limited to ${maxLabelLength}`;
}
