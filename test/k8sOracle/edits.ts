/** Edits of a manifest as plain JSON: set, delete, duplicate a list item. Paths are dotted, `[n]` for items. */

export type Path = (string | number)[];

export type Edit =
  | { op: 'set'; path: string; value: unknown }
  | { op: 'delete'; path: string }
  | { op: 'dup'; path: string };

/** `spec.containers[0].ports[1].name` → ['spec', 'containers', 0, 'ports', 1, 'name']; `labels[a.b/c]` keeps the key whole. */
export function parsePath(path: string): Path {
  const out: Path = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[([^\]]*)\]/g)) {
    if (match[1] !== undefined) out.push(match[1]);
    else if (match[2] !== undefined) out.push(/^\d+$/.test(match[2]) ? Number(match[2]) : match[2]);
  }
  return out;
}

export function formatPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : /[.[\]]/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Applies edits to a deep copy; a set creates the maps on its way, an edit whose parent is not a container does nothing. */
export function applyEdits(object: unknown, edits: readonly Edit[]): unknown {
  const root: unknown = structuredClone(object);
  for (const edit of edits) {
    const path = parsePath(edit.path);
    const last = path[path.length - 1];
    if (last === undefined) continue;
    let node: unknown = root;
    let ok = true;
    for (const segment of path.slice(0, -1)) {
      if (Array.isArray(node) && typeof segment === 'number') {
        node = node[segment];
      } else if (isRecord(node) && typeof segment === 'string') {
        if (edit.op === 'set' && !(segment in node)) node[segment] = {};
        node = node[segment];
      } else { ok = false; break; }
    }
    if (!ok) continue;
    if (Array.isArray(node) && typeof last === 'number') {
      if (edit.op === 'set') node[last] = structuredClone(edit.value);
      else if (edit.op === 'delete' && last < node.length) node.splice(last, 1);
      else if (edit.op === 'dup' && last < node.length) node.splice(last, 0, structuredClone(node[last]));
    } else if (isRecord(node) && typeof last === 'string') {
      if (edit.op === 'set') node[last] = structuredClone(edit.value);
      else if (edit.op === 'delete') delete node[last];
      else if (edit.op === 'dup' && Array.isArray(node[last]) && (node[last] as unknown[]).length > 0) (node[last] as unknown[]).push(structuredClone((node[last] as unknown[])[0]));
    }
  }
  return root;
}

/** Every path in a JSON value (containers and leaves), for mutations to pick from. */
export function allPaths(value: unknown, prefix: Path = []): Path[] {
  const out: Path[] = prefix.length ? [prefix] : [];
  if (Array.isArray(value)) value.forEach((item, i) => out.push(...allPaths(item, [...prefix, i])));
  else if (isRecord(value)) for (const [key, item] of Object.entries(value)) out.push(...allPaths(item, [...prefix, key]));
  return out;
}
