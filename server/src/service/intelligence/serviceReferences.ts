import type { ServiceInfo } from '../workspace/serviceLookup';
import type { ManifestDocument, Span } from '../model';
import { isStatefulSet } from '../rules/read';
import { serviceObjects } from '../workspace/servicesOf';
import { nodeAtPath, readable, scalarAt } from './cursorContext';

/** A span in a file of the workspace (whole-file offsets of that file's text). */
export interface Place {
  uri: string;
  span: Span;
}

/** Where a Service's `metadata.name` value is, given its index entry; its document's start when that cannot be read. */
export function serviceNamePlace(service: ServiceInfo, documents: readonly ManifestDocument[]): Place {
  const found = serviceObjects(documents)[service.ordinal];
  const fallback = { uri: service.uri, span: { start: found?.document.offset ?? 0, end: found?.document.offset ?? 0 } };
  if (!found || !readable(found.document) || found.object.name !== service.name) return fallback;
  const name = scalarAt(nodeAtPath(found.object.node, ['metadata', 'name']), found.document.offset);
  return name ? { uri: service.uri, span: { start: name.start, end: name.end } } : fallback;
}

/** The `spec.serviceName` values naming this Service, in the StatefulSets of one file. */
export function serviceNameUses(uri: string, documents: readonly ManifestDocument[], namespace: string, name: string, defaultNamespace: string): Place[] {
  return documents.filter(readable).flatMap((document) => document.objects.flatMap((object) => {
    if (!isStatefulSet(object) || (object.namespace ?? defaultNamespace) !== namespace) return [];
    const value = scalarAt(nodeAtPath(object.node, ['spec', 'serviceName']), document.offset);
    return value && value.value === name ? [{ uri, span: { start: value.start, end: value.end } }] : [];
  }));
}
