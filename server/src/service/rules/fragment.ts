import type { KubeObject } from '../model';
import { field, isStatefulSet, records } from './read';

/**
 * A StatefulSet with no selector and either an incomplete pod template (containers without
 * images) or neither a serviceName nor template labels is a kustomize patch or a fragment, not
 * a manifest to apply: its required fields come from elsewhere, so they are not demanded. (A
 * patch that sets a container's name and image has complete containers: what gives it away is
 * that nothing ties its pods to a selector or a Service.) A file a kustomization names as a
 * patch is a patch whatever it holds (`Links.patchFile`).
 */
export function isFragment(object: KubeObject): boolean {
  if (!isStatefulSet(object)) return false;
  if ((field(object.value, 'spec', 'selector') ?? null) !== null) return false;
  const containers = records(field(object.value, 'spec', 'template', 'spec', 'containers'));
  if (containers.length === 0 || containers.some((container) => typeof container.image !== 'string')) return true;
  const serviceName = field(object.value, 'spec', 'serviceName');
  const labels = field(object.value, 'spec', 'template', 'metadata', 'labels');
  return (serviceName ?? null) === null && (labels === undefined || labels === null || (typeof labels === 'object' && Object.keys(labels).length === 0));
}

/**
 * Rules that judge fields together (a mount's propagation with the container's privilege, a
 * volume's one source, a probe's handler, requests with limits, partition with replicas) or
 * demand fields a patch leaves to its base. On a patch the other fields come from the object it
 * is merged into, so these rules would judge half an object: they do not run on one. Rules that
 * judge one value on its own (a negative number, a removed apiVersion, a label's syntax) still do.
 */
export const wholeObjectRules: ReadonlySet<string> = new Set([
  'selector-missing', 'selector-mismatch', 'container-invalid', 'claim-template-invalid', 'volume-mount-unknown',
  'volume-mount-invalid', 'volume-source-invalid', 'pod-spec-invalid', 'probe-invalid', 'resources-invalid',
  'claim-spec-invalid', 'port-invalid', 'env-invalid', 'partition-exceeds-replicas', 'service-missing',
  'service-not-headless', 'service-selector-mismatch', 'affinity-selects-nothing', 'immutable-field-changed',
]);

/** A strategic-merge patch directive (`$patch: delete`, `$setElementOrder/containers`, `$retainKeys`...): kustomize's, not a field. */
export const isPatchDirective = (key: string | number | undefined): boolean => typeof key === 'string' && key.startsWith('$');
