/** A Service as the StatefulSet rules need it. */
export interface ServiceInfo {
  name: string;
  namespace: string;
  headless: boolean;
  /** `spec.selector`, or undefined when the Service selects nothing by labels. */
  selector: Readonly<Record<string, string>> | undefined;
  /** The file it is in, and which of that file's Services it is (0 for the first): not an offset, which every edit above it would move. */
  uri: string;
  ordinal: number;
}

/** Whether two ServiceInfos say the same, field by field (this runs on every keystroke). */
export function sameService(a: ServiceInfo | undefined, b: ServiceInfo | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.uri === b.uri && a.ordinal === b.ordinal
    && a.namespace === b.namespace && a.name === b.name && a.headless === b.headless
    && (a.selector === b.selector || JSON.stringify(a.selector) === JSON.stringify(b.selector)));
}

/** Finds Services by namespace and name: in the same file first, then the workspace. */
export interface ServiceLookup {
  find(namespace: string, name: string): ServiceInfo | undefined;
  /**
   * The Services of a namespace in this file and the files of its folder (one per name, as
   * `find` answers), for rules that look for another Service of the same pods: a Service of an
   * unrelated folder that happens to select `app: nginx` is no suggestion.
   */
  inNamespace?(namespace: string): readonly ServiceInfo[];
}

export const noServices: ServiceLookup = { find: () => undefined };
