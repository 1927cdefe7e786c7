import type { KubeObject } from '../model';

/** Small readers over plain JSON, so rules never cast. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function field(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) current = isRecord(current) ? current[key] : undefined;
  return current;
}

export function records(value: unknown): Record<string, unknown>[] {
  // A null item decodes as an empty object (the API server validates it as one).
  return Array.isArray(value) ? value.map((item: unknown) => (item === null ? {} : item)).filter(isRecord) : [];
}

/** A map of string labels; non-string values are kept as their JSON text (the schema rule reports them). */
export function labelMap(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  const labels: Record<string, string> = {};
  for (const [key, label] of Object.entries(value)) labels[key] = typeof label === 'string' ? label : String(label ?? '');
  return labels;
}

export function isStatefulSet(object: KubeObject): boolean {
  return object.kind === 'StatefulSet' && object.apiVersion === 'apps/v1';
}

export function isService(object: KubeObject): boolean {
  return object.kind === 'Service' && object.apiVersion === 'v1';
}

/** The pod template's containers of every kind, with the path prefix of each. */
export function allContainers(spec: unknown): { path: (string | number)[]; container: Record<string, unknown> }[] {
  return (['initContainers', 'containers', 'ephemeralContainers'] as const).flatMap((group) =>
    (Array.isArray(field(spec, group)) ? (field(spec, group) as unknown[]) : []).flatMap((container, i) =>
      isRecord(container) ? [{ path: ['spec', 'template', 'spec', group, i], container }] : []));
}

export const dnsLabel = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Whether rollingUpdate's fields are validated: only under RollingUpdate (also the default when type is unset). */
export function isRollingUpdate(value: unknown): boolean {
  const type = field(value, 'spec', 'updateStrategy', 'type');
  return type === undefined || type === null || type === '' || type === 'RollingUpdate';
}
