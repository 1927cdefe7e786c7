import type { ManifestDocument } from '../service/model';
import { field, isService, labelMap } from '../service/rules/read';
import type { ServiceInfo } from './serviceLookup';

/** The Services defined in a parsed file. */
export function servicesOf(uri: string, documents: readonly ManifestDocument[], defaultNamespace: string): ServiceInfo[] {
  return documents.flatMap((document) => document.objects.filter(isService).flatMap((object) => {
    if (!object.name) return [];
    const selector = field(object.value, 'spec', 'selector');
    const start = document.offset + document.toChunkOffset(object.node.range?.[0] ?? 0);
    const end = document.offset + document.toChunkOffset(object.node.range?.[1] ?? 0);
    return [{
      name: object.name,
      namespace: object.namespace ?? defaultNamespace,
      headless: field(object.value, 'spec', 'clusterIP') === 'None',
      selector: selector === undefined || selector === null ? undefined : labelMap(selector),
      uri,
      start,
      end,
    }];
  }));
}
