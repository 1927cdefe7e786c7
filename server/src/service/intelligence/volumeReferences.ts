import type { KubeObject, ObjectPath } from '../model';
import { field, isRecord, records } from '../rules/read';
import { nodeAtPath, scalarAt, type ScalarAt } from './cursorContext';

/** A volume a pod of the StatefulSet can mount: a claim template (one PVC per pod) or a volume of the template. */
export interface VolumeDeclaration {
  name: string;
  source: 'claimTemplate' | 'volume';
  /** For a volume: the kind of source (`emptyDir`, `configMap`, …). */
  type: string | undefined;
  path: ObjectPath;
  /** The name's scalar in the text, when the document is readable. */
  scalar: ScalarAt | undefined;
}

/** A container's `volumeMounts[].name` or `volumeDevices[].name`. */
export interface VolumeUse {
  name: string;
  path: ObjectPath;
  scalar: ScalarAt | undefined;
}

const containerGroups = ['initContainers', 'containers', 'ephemeralContainers'] as const;
const useLists = ['volumeMounts', 'volumeDevices'] as const;

/** Whether a path (from the object's root) is the name of a mount or device of a container of the pod template. */
export function isVolumeUsePath(path: ObjectPath): boolean {
  return path.length === 8 && path[0] === 'spec' && path[1] === 'template' && path[2] === 'spec'
    && (containerGroups as readonly unknown[]).includes(path[3]) && typeof path[4] === 'number'
    && (useLists as readonly unknown[]).includes(path[5]) && typeof path[6] === 'number' && path[7] === 'name';
}

export function isClaimTemplateNamePath(path: ObjectPath): boolean {
  return path.length === 5 && path[0] === 'spec' && path[1] === 'volumeClaimTemplates' && typeof path[2] === 'number'
    && path[3] === 'metadata' && path[4] === 'name';
}

export function isVolumeNamePath(path: ObjectPath): boolean {
  return path.length === 6 && path[0] === 'spec' && path[1] === 'template' && path[2] === 'spec' && path[3] === 'volumes'
    && typeof path[4] === 'number' && path[5] === 'name';
}

function scalarOf(object: KubeObject, path: ObjectPath, documentOffset: number | undefined): ScalarAt | undefined {
  return documentOffset === undefined ? undefined : scalarAt(nodeAtPath(object.node, path), documentOffset);
}

/**
 * The claim templates and volumes of a StatefulSet, claim templates first (they win over a
 * volume of the same name). Pass the document's offset to get the names' places in the text.
 */
export function volumeDeclarations(object: KubeObject, documentOffset?: number): VolumeDeclaration[] {
  const claims = records(field(object.value, 'spec', 'volumeClaimTemplates')).flatMap((claim, i): VolumeDeclaration[] => {
    const name = field(claim, 'metadata', 'name');
    const path = ['spec', 'volumeClaimTemplates', i, 'metadata', 'name'];
    return typeof name === 'string' ? [{ name, source: 'claimTemplate', type: undefined, path, scalar: scalarOf(object, path, documentOffset) }] : [];
  });
  const volumes = records(field(object.value, 'spec', 'template', 'spec', 'volumes')).flatMap((volume, i): VolumeDeclaration[] => {
    const name = volume.name;
    const path = ['spec', 'template', 'spec', 'volumes', i, 'name'];
    const type = Object.keys(volume).find((key) => key !== 'name' && isRecord(volume[key]));
    return typeof name === 'string' ? [{ name, source: 'volume', type, path, scalar: scalarOf(object, path, documentOffset) }] : [];
  });
  return [...claims, ...volumes];
}

/** Every mount and device name of every container of the pod template. */
export function volumeUses(object: KubeObject, documentOffset?: number): VolumeUse[] {
  const podSpec = field(object.value, 'spec', 'template', 'spec');
  return containerGroups.flatMap((group) => records(field(podSpec, group)).flatMap((container, c) =>
    useLists.flatMap((list) => records(container[list]).flatMap((use, u): VolumeUse[] => {
      const path = ['spec', 'template', 'spec', group, c, list, u, 'name'];
      return typeof use.name === 'string' ? [{ name: use.name, path, scalar: scalarOf(object, path, documentOffset) }] : [];
    }))));
}
