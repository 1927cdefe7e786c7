import { sameService, type ServiceInfo, type ServiceLookup } from './serviceLookup';

/** Whether two lists of a file's Services say the same. */
function sameServices(a: readonly ServiceInfo[], b: readonly ServiceInfo[]): boolean {
  return sameObjects(a, b) || (a.length === b.length && a.every((s, i) => sameService(s, b[i])));
}

function sameObjects<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The Services of every indexed file, by namespace and name. */
export class WorkspaceIndex {
  private readonly byUri = new Map<string, ServiceInfo[]>();
  private readonly byName = new Map<string, ServiceInfo[]>();
  /** Counts the changes of what any lookup could find. */
  private generation = 0;
  private readonly lookups = new Map<string, { local: readonly ServiceInfo[]; generation: number; lookup: ServiceLookup }>();
  /** Files a kustomization names as patches (their file URIs): parts of objects, not whole ones. */
  private patchFiles: ReadonlySet<string> = new Set();

  /** Sets the files that kustomizations name as patches (read by the host: host/kustomizationPatches.ts). */
  setPatchFiles(uris: Iterable<string>): void {
    this.patchFiles = new Set(uris);
  }

  /** Whether a kustomization names this file as a patch: its objects are not checked as whole objects. */
  isPatchFile(uri: string): boolean {
    return this.patchFiles.has(uri);
  }

  /** Sets a file's Services; false when they are the same as before (nothing that depends on them needs checking again). */
  set(uri: string, services: readonly ServiceInfo[]): boolean {
    const known = this.byUri.get(uri) ?? [];
    if (sameObjects(known, services)) return false;
    if (sameServices(known, services)) {
      this.adopt(uri, known, services);
      return false;
    }
    this.delete(uri);
    if (services.length === 0) return true;
    this.generation++;
    this.byUri.set(uri, [...services]);
    for (const service of services) {
      // push, not copy: a file with thousands of same-named Services must not cost quadratic time
      const key = `${service.namespace}/${service.name}`;
      const list = this.byName.get(key);
      if (list) list.push(service);
      else this.byName.set(key, [service]);
    }
    return true;
  }

  /**
   * Holds `services` instead of the equal `known`, with nothing else changed: the next `set` with
   * them is then a comparison of references, not of every field of every Service (a file's
   * thousand Services, compared on each keystroke, cost a millisecond).
   */
  private adopt(uri: string, known: readonly ServiceInfo[], services: readonly ServiceInfo[]): void {
    const replacing = new Map(known.map((s, i) => [s, services[i]!]));
    for (const key of new Set(known.map((s) => `${s.namespace}/${s.name}`))) {
      this.byName.set(key, (this.byName.get(key) ?? []).map((s) => replacing.get(s) ?? s));
    }
    this.byUri.set(uri, [...services]);
  }

  delete(uri: string): void {
    this.lookups.delete(uri);
    if (!this.byUri.has(uri)) return;
    this.generation++;
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

  /**
   * Lookup for one file: its own Services first, then the rest of the workspace (its stale
   * entries skipped). The same lookup object comes back while neither the file's Services (by
   * what they say) nor the index changed, so that findings computed with it can be reused
   * without looking again.
   */
  lookupFor(uri: string, local: readonly ServiceInfo[]): ServiceLookup {
    const last = this.lookups.get(uri);
    if (last && last.generation === this.generation && sameServices(last.local, local)) return last.lookup;
    // A map of the file's own Services: a linear search per StatefulSet made a file with
    // thousands of documents quadratic on every keystroke. The last of one name wins, as
    // `kubectl apply` of the stream leaves it (it applies both; the second replaces the first).
    const own = new Map<string, ServiceInfo>();
    for (const s of local) own.set(`${s.namespace}/${s.name}`, s);
    const elsewhere = (namespace: string, name: string): ServiceInfo | undefined => {
      const others = (this.byName.get(`${namespace}/${name}`) ?? []).filter((s) => s.uri !== uri);
      const file = others[0]?.uri;
      return others.findLast((s) => s.uri === file); // the last one of the first file that has it
    };
    const lookup: ServiceLookup = {
      find: (namespace, name) => own.get(`${namespace}/${name}`) ?? elsewhere(namespace, name),
      inNamespace: (namespace) => {
        const folder = uri.slice(0, uri.lastIndexOf('/') + 1);
        const beside = this.servicesIn(namespace).filter((s) => s.uri !== uri && s.uri.startsWith(folder) && !s.uri.slice(folder.length).includes('/'));
        const names = new Set([...local, ...beside].filter((s) => s.namespace === namespace).map((s) => s.name));
        return [...names].sort().flatMap((name) => lookup.find(namespace, name) ?? []);
      },
    };
    this.lookups.set(uri, { local, generation: this.generation, lookup });
    return lookup;
  }
}
