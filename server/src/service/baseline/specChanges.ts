import type { ObjectPath } from '../model';
import { field, isRecord } from '../rules/read';

/** The spec fields an update may change (ValidateStatefulSetUpdate, Kubernetes 1.36); all others are immutable. */
export const mutableSpecFields = new Set([
  'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds',
]);

/** A change to an immutable spec field: where it first differs, and both values there. */
export interface ImmutableChange {
  /** The top-level spec field, e.g. `volumeClaimTemplates`. */
  field: string;
  /** The path (from the object) of the first difference, as deep as both sides go. */
  path: ObjectPath;
  before: unknown;
  after: unknown;
}

/** What the API server stores for a claim template, so a `kubectl get -o yaml` export compares equal to its source. */
function normalizedClaim(claim: unknown): unknown {
  if (!isRecord(claim)) return claim;
  const { apiVersion: _apiVersion, kind: _kind, status: _status, ...rest } = claim;
  const metadata = isRecord(rest.metadata) ? { ...rest.metadata } : rest.metadata;
  if (isRecord(metadata)) delete metadata.creationTimestamp;
  const spec = isRecord(rest.spec) ? { volumeMode: 'Filesystem', ...rest.spec } : rest.spec;
  return { ...rest, ...(metadata === undefined ? {} : { metadata }), ...(spec === undefined ? {} : { spec }) };
}

/** A spec field's value after the API server's defaults, so that omitted and defaulted compare equal. */
export function defaulted(name: string, value: unknown): unknown {
  if (value === null) value = undefined;
  switch (name) {
    case 'podManagementPolicy':
      return value === undefined || value === '' ? 'OrderedReady' : value;
    case 'serviceName':
      return value ?? '';
    case 'volumeClaimTemplates':
      return Array.isArray(value) ? value.map(normalizedClaim) : value ?? [];
    default:
      return value;
  }
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => same(item, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((k) => a[k] !== undefined && a[k] !== null || b[k] !== undefined && b[k] !== null));
    return [...keys].every((k) => same(a[k] ?? undefined, b[k] ?? undefined));
  }
  // Kubernetes reads quantities and numbers alike: 1Gi written as "1Gi" or 1Gi is the same.
  return typeof a !== 'object' && typeof b !== 'object' && a !== undefined && b !== undefined && String(a) === String(b);
}

/** The first place two values differ, descending while both sides are maps or lists of equal length. */
function firstDifference(path: (string | number)[], before: unknown, after: unknown): { path: (string | number)[]; before: unknown; after: unknown } {
  if (isRecord(before) && isRecord(after)) {
    for (const key of new Set([...Object.keys(after), ...Object.keys(before)])) {
      if (!same(before[key], after[key])) return firstDifference([...path, key], before[key], after[key]);
    }
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    const index = after.findIndex((item, i) => !same(before[i], item));
    if (index >= 0) return firstDifference([...path, index], before[index], after[index]);
  }
  return { path, before, after };
}

/** The immutable spec fields that differ between the deployed StatefulSet and the edited one (`mutable`: the target release's updatable fields). */
export function immutableChanges(baseline: unknown, current: unknown, mutable: ReadonlySet<string> = mutableSpecFields): ImmutableChange[] {
  const before = field(baseline, 'spec');
  const after = field(current, 'spec');
  if (!isRecord(before) || !isRecord(after)) return [];
  const names = new Set([...Object.keys(before), ...Object.keys(after), 'podManagementPolicy', 'serviceName'].filter((k) => !mutable.has(k)));
  return [...names].flatMap((name) => {
    const was = defaulted(name, before[name]);
    const now = defaulted(name, after[name]);
    if (same(was, now)) return [];
    const difference = firstDifference(['spec', name], was, now);
    return [{ field: name, ...difference }];
  });
}
