import type { ServiceInfo, ServiceLookup } from './serviceLookup';

/** The Services of every indexed file, by namespace and name. */
export class WorkspaceIndex {
  private readonly byUri = new Map<string, ServiceInfo[]>();
  private readonly byName = new Map<string, ServiceInfo[]>();

  set(uri: string, services: readonly ServiceInfo[]): void {
    this.delete(uri);
    if (services.length === 0) return;
    this.byUri.set(uri, [...services]);
    for (const service of services) {
      // push, not copy: a file with thousands of same-named Services must not cost quadratic time
      const key = `${service.namespace}/${service.name}`;
      const list = this.byName.get(key);
      if (list) list.push(service);
      else this.byName.set(key, [service]);
    }
  }

  delete(uri: string): void {
    // each name once: filtering once per Service was quadratic for a file with many same-named Services
    for (const key of new Set((this.byUri.get(uri) ?? []).map((s) => `${s.namespace}/${s.name}`))) {
      const rest = (this.byName.get(key) ?? []).filter((s) => s.uri !== uri);
      if (rest.length > 0) this.byName.set(key, rest);
      else this.byName.delete(key);
    }
    this.byUri.delete(uri);
  }

  /** The Services indexed for one file. */
  lookupAll(uri: string): readonly ServiceInfo[] {
    return this.byUri.get(uri) ?? [];
  }

  /** Every indexed Service of a namespace, for completion (read-only). */
  servicesIn(namespace: string): readonly ServiceInfo[] {
    return [...this.byUri.values()].flat().filter((s) => s.namespace === namespace);
  }

  /** The files that hold indexed Services, for finding references across the workspace. */
  uris(): readonly string[] {
    return [...this.byUri.keys()];
  }

  get size(): number {
    return this.byUri.size;
  }

  /** Lookup for one file: its own Services first, then the rest of the workspace (its stale entries skipped). */
  lookupFor(uri: string, local: readonly ServiceInfo[]): ServiceLookup {
    // A map of the file's own Services (first one wins, as `find` did): a linear search per
    // StatefulSet made a file with thousands of documents quadratic on every keystroke.
    const own = new Map<string, ServiceInfo>();
    for (const s of local) if (!own.has(`${s.namespace}/${s.name}`)) own.set(`${s.namespace}/${s.name}`, s);
    return {
      find: (namespace, name) =>
        own.get(`${namespace}/${name}`)
        ?? (this.byName.get(`${namespace}/${name}`) ?? []).find((s) => s.uri !== uri),
    };
  }
}
