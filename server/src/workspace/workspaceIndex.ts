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
      const key = `${service.namespace}/${service.name}`;
      this.byName.set(key, [...(this.byName.get(key) ?? []), service]);
    }
  }

  delete(uri: string): void {
    for (const service of this.byUri.get(uri) ?? []) {
      const key = `${service.namespace}/${service.name}`;
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

  get size(): number {
    return this.byUri.size;
  }

  /** Lookup for one file: its own Services first, then the rest of the workspace (its stale entries skipped). */
  lookupFor(uri: string, local: readonly ServiceInfo[]): ServiceLookup {
    return {
      find: (namespace, name) =>
        local.find((s) => s.namespace === namespace && s.name === name)
        ?? (this.byName.get(`${namespace}/${name}`) ?? []).find((s) => s.uri !== uri),
    };
  }
}
