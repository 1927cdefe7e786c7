import type { KubeObject, ManifestDocument } from '../model';

/** The deployed version of objects, found by kind, namespace and name. */
export interface BaselineLookup {
  find(kind: string, namespace: string, name: string): KubeObject | undefined;
}

/** A lookup over the parsed baseline file (a git ref's version the user chose, or a `kubectl get -o yaml` export). */
export function baselineFrom(documents: readonly ManifestDocument[], defaultNamespace: string): BaselineLookup {
  const byKey = new Map<string, KubeObject>();
  for (const object of documents.flatMap((d) => d.objects)) {
    if (object.name) byKey.set(`${object.kind}/${object.namespace ?? defaultNamespace}/${object.name}`, object);
  }
  return { find: (kind, namespace, name) => byKey.get(`${kind}/${namespace}/${name}`) };
}
