import type { KubeObject } from '../model';
import { field, isRecord, records } from './read';

/** API groups Kubernetes itself serves: an owner of one of these kinds is no operator. */
const builtInGroups = new Set(['', 'v1', 'apps', 'batch', 'autoscaling', 'policy', 'extensions', 'core']);

function isCustomGroup(apiVersion: string): boolean {
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  return !builtInGroups.has(group) && !group.endsWith('.k8s.io');
}

/**
 * Who runs this object, when it is an operator: the `controller: true` owner reference of a
 * custom kind (`Alertmanager "main"`), or an `app.kubernetes.io/managed-by` label that names an
 * operator or controller. Such an object is written by the operator, which also creates what
 * it needs (its governing Service) at runtime: a workspace that lacks that Service lacks nothing.
 * Helm, kustomize or kubectl in `managed-by` are tools that apply files, not operators.
 */
export function operatorOwnerOf(object: KubeObject): string | undefined {
  for (const owner of records(field(object.value, 'metadata', 'ownerReferences'))) {
    if (owner.controller === true && typeof owner.kind === 'string' && typeof owner.apiVersion === 'string' && isCustomGroup(owner.apiVersion)) {
      return `${owner.kind}${typeof owner.name === 'string' ? ` "${owner.name}"` : ''} (${owner.apiVersion})`;
    }
  }
  const labels = field(object.value, 'metadata', 'labels');
  const managedBy = isRecord(labels) ? labels['app.kubernetes.io/managed-by'] : undefined;
  return typeof managedBy === 'string' && /operator|controller/i.test(managedBy) ? `${managedBy} (app.kubernetes.io/managed-by)` : undefined;
}
