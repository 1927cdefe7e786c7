import type { ObjectPath } from '../model';
import { field, isRecord, records } from './read';

/** A container of the pod template (regular or init), with its path and the pod's spec. */
export interface TemplateContainer {
  group: 'initContainers' | 'containers';
  index: number;
  container: Record<string, unknown>;
  path: ObjectPath;
  /** An init container with restartPolicy Always: a sidecar, which may have probes. */
  sidecar: boolean;
}

export const podSpecPath: ObjectPath = ['spec', 'template', 'spec'];

export function podSpecOf(value: unknown): unknown {
  return field(value, 'spec', 'template', 'spec');
}

/** The template's init containers then its containers, as the API server validates them. */
export function templateContainers(value: unknown): TemplateContainer[] {
  const spec = podSpecOf(value);
  return (['initContainers', 'containers'] as const).flatMap((group) => {
    const list = field(spec, group);
    return (Array.isArray(list) ? list : []).flatMap((container: unknown, index) => isRecord(container)
      ? [{ group, index, container, path: [...podSpecPath, group, index], sidecar: group === 'initContainers' && container.restartPolicy === 'Always' }]
      : []);
  });
}

/** A container's name for messages. */
export function containerName(c: TemplateContainer): string {
  return typeof c.container.name === 'string' && c.container.name ? `"${c.container.name}"` : `#${c.index + 1} of ${c.group}`;
}

/** A non-negative integer field check: the path and the value when it is a negative number. */
export function negativeAt(record: unknown, key: string): number | undefined {
  const value = field(record, key);
  return typeof value === 'number' && value < 0 ? value : undefined;
}

/**
 * The template's volumes the API server validates: a volume named like a volumeClaimTemplate
 * is replaced by the claim before validation (volumesToAddForTemplates), so it is skipped.
 */
export function templateVolumes(value: unknown): { volume: Record<string, unknown>; index: number }[] {
  const claims = new Set(records(field(value, 'spec', 'volumeClaimTemplates')).map((c) => field(c, 'metadata', 'name')));
  return records(field(podSpecOf(value), 'volumes')).flatMap((volume, index) => (claims.has(volume.name) ? [] : [{ volume, index }]));
}

/** Whether `path` lies in a template volume that a volumeClaimTemplate of the same name replaces. */
export function inReplacedVolume(value: unknown, path: ObjectPath): boolean {
  if (path.length < 5 || path[0] !== 'spec' || path[1] !== 'template' || path[2] !== 'spec' || path[3] !== 'volumes' || typeof path[4] !== 'number') return false;
  const index = path[4];
  return !templateVolumes(value).some((v) => v.index === index) && records(field(podSpecOf(value), 'volumes'))[index] !== undefined;
}
