import type { KubeObject, ManifestDocument } from '../service/model';
import { field, isService, labelMap } from '../service/rules/read';
import type { ServiceInfo } from './serviceLookup';

/** What a Service object says about itself, whatever its file, place or default namespace. */
interface OwnServiceInfo {
  name: string;
  namespace: string | undefined;
  headless: boolean;
  selector: Readonly<Record<string, string>> | undefined;
  /** The object's span in its document's own text. */
  start: number;
  end: number;
}

/**
 * Read once per parsed object: the server asks for a file's Services on every check, and an
 * unchanged document keeps its KubeObjects, so a 1000-Service file is not re-read per keystroke.
 */
const ownInfo = new WeakMap<KubeObject, OwnServiceInfo>();

function ownInfoOf(document: ManifestDocument, object: KubeObject & { name: string }): OwnServiceInfo {
  let info = ownInfo.get(object);
  if (!info) {
    const selector = field(object.value, 'spec', 'selector');
    info = {
      name: object.name,
      namespace: object.namespace,
      headless: field(object.value, 'spec', 'clusterIP') === 'None',
      selector: selector === undefined || selector === null ? undefined : labelMap(selector),
      start: document.toChunkOffset(object.node.range?.[0] ?? 0),
      end: document.toChunkOffset(object.node.range?.[1] ?? 0),
    };
    ownInfo.set(object, info);
  }
  return info;
}

/** The Services defined in a parsed file. */
export function servicesOf(uri: string, documents: readonly ManifestDocument[], defaultNamespace: string): ServiceInfo[] {
  const services: ServiceInfo[] = [];
  for (const document of documents) {
    for (const object of document.objects) {
      if (!isService(object) || !object.name) continue;
      const own = ownInfoOf(document, object as KubeObject & { name: string });
      services.push({
        name: own.name,
        namespace: own.namespace ?? defaultNamespace,
        headless: own.headless,
        selector: own.selector,
        uri,
        start: document.offset + own.start,
        end: document.offset + own.end,
      });
    }
  }
  return services;
}
