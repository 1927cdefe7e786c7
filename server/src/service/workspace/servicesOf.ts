import type { KubeObject, ManifestDocument } from '../model';
import { field, isService, labelMap } from '../rules/read';
import type { ServiceInfo } from './serviceLookup';

/**
 * Read once per parsed object and place: the server asks for a file's Services on every check,
 * and an unchanged document keeps its KubeObjects, so the same ServiceInfo objects come back
 * (which lets the index see at a glance that no Service changed).
 */
const known = new WeakMap<KubeObject, ServiceInfo>();

function serviceInfo(object: KubeObject & { name: string }, uri: string, ordinal: number, defaultNamespace: string): ServiceInfo {
  const namespace = object.namespace ?? defaultNamespace;
  const last = known.get(object);
  if (last && last.uri === uri && last.ordinal === ordinal && last.namespace === namespace) return last;
  const selector = field(object.value, 'spec', 'selector');
  const info: ServiceInfo = {
    name: object.name,
    namespace,
    headless: field(object.value, 'spec', 'clusterIP') === 'None',
    selector: last ? last.selector : selector === undefined || selector === null ? undefined : labelMap(selector),
    uri,
    ordinal,
  };
  known.set(object, info);
  return info;
}

/** The ServiceInfo last read for a Service object (by servicesOf), if any: what a rule on the Service itself needs to know its place. */
export function serviceInfoOf(object: KubeObject): ServiceInfo | undefined {
  return known.get(object);
}

/**
 * The Service objects of a parsed file that the index knows, in file order (their position is
 * ServiceInfo.ordinal). Plain loops: this runs over every document of the file on each keystroke.
 */
export function serviceObjects(documents: readonly ManifestDocument[]): { document: ManifestDocument; object: KubeObject & { name: string } }[] {
  const found: { document: ManifestDocument; object: KubeObject & { name: string } }[] = [];
  for (const document of documents) {
    for (const object of document.objects) if (isService(object) && object.name) found.push({ document, object: object as KubeObject & { name: string } });
  }
  return found;
}

/**
 * Whether a document's text may define a Service: one that cannot is not parsed to find the
 * Services of a file. A Service spells its kind out (anchors do not cross `---`).
 */
export function mayDefineService(text: string): boolean {
  return text.includes('Service');
}

/** The Services defined in a parsed file (or in a run of its documents whose first Service is the file's `firstOrdinal`-th). */
export function servicesOf(uri: string, documents: readonly ManifestDocument[], defaultNamespace: string, firstOrdinal = 0): ServiceInfo[] {
  const services: ServiceInfo[] = [];
  for (const { object } of serviceObjects(documents)) services.push(serviceInfo(object, uri, firstOrdinal + services.length, defaultNamespace));
  return services;
}
