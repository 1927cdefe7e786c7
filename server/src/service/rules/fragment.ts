import type { KubeObject } from '../model';
import { field, isStatefulSet, records } from './read';

/**
 * A StatefulSet with neither a selector nor a complete pod template (containers with
 * images) is a kustomize patch or a fragment, not a manifest to apply: its required fields
 * come from elsewhere, so they are not demanded.
 */
export function isFragment(object: KubeObject): boolean {
  if (!isStatefulSet(object)) return false;
  if ((field(object.value, 'spec', 'selector') ?? null) !== null) return false;
  const containers = records(field(object.value, 'spec', 'template', 'spec', 'containers'));
  return containers.length === 0 || containers.some((container) => typeof container.image !== 'string');
}
