import { isRecord } from '../rules/read';
import { listOf, t } from '../../messages';

/** One leaf that differs: its path (dotted, from the compared value) and both sides. */
interface LeafChange {
  path: string;
  before: unknown;
  after: unknown;
}

const maxShown = 4;

function scalar(value: unknown): string {
  if (value === undefined || value === null) return t('common.nothing');
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object')) return `[${value.map((v) => String(v)).join(', ')}]`;
  if (typeof value === 'object') return Object.keys(value).length === 0 ? '{}' : t('change.mapOf', { count: Object.keys(value).length });
  return JSON.stringify(value);
}

const join = (prefix: string, key: string | number): string => (typeof key === 'number' ? `${prefix}[${key}]` : prefix ? `${prefix}.${key}` : key);

function nameOf(item: unknown): string | undefined {
  if (!isRecord(item)) return undefined;
  const metadata = isRecord(item.metadata) ? item.metadata : undefined;
  const name = metadata?.name ?? item.name;
  return typeof name === 'string' ? name : undefined;
}

function equal(a: unknown, b: unknown): boolean {
  if ((a === undefined || a === null) && (b === undefined || b === null)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a !== undefined && b !== undefined && String(a) === String(b);
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Every leaf that differs, descending maps, and lists item by item (by name when the items have names). */
function leafChanges(prefix: string, before: unknown, after: unknown, into: LeafChange[]): void {
  if (equal(before, after)) return;
  // A map added or removed is described by its leaves, except a whole named item (a claim template added).
  const absent = (v: unknown): boolean => v === undefined || v === null;
  if (!prefix.endsWith('"') && ((isRecord(before) && absent(after)) || (absent(before) && isRecord(after)))) {
    leafChanges(prefix, isRecord(before) ? before : {}, isRecord(after) ? after : {}, into);
    return;
  }
  if (isRecord(before) && isRecord(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) leafChanges(join(prefix, key), before[key], after[key], into);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && before.some((item) => typeof item === 'object')) {
    const named = [...before, ...after].every((item) => nameOf(item) !== undefined);
    if (named) {
      const was = new Map(before.map((item) => [nameOf(item)!, item]));
      const now = new Map(after.map((item) => [nameOf(item)!, item]));
      for (const name of new Set([...was.keys(), ...now.keys()])) leafChanges(join(prefix, `"${name}"`), was.get(name), now.get(name), into);
      return;
    }
    if (before.length === after.length) {
      before.forEach((item, i) => leafChanges(join(prefix, i), item, after[i], into));
      return;
    }
  }
  into.push({ path: prefix, before, after });
}

function describeLeaf({ path, before, after }: LeafChange): string {
  const where = path || t('change.theValue');
  if (before === undefined || before === null) return t('change.added', { where, value: scalar(after) });
  if (after === undefined || after === null) return t('change.removed', { where, value: scalar(before) });
  return `${where}: ${scalar(before)} → ${scalar(after)}`;
}

/**
 * What changed between a deployed value and the edited one, field by field and never as raw
 * JSON: `claim template "data": spec.storageClassName added ("fast"); metadata.annotations.x
 * removed (was "fast")`. Lists of named items (claim templates) are compared by name.
 */
export function describeChange(field: string, before: unknown, after: unknown): string {
  const changes: LeafChange[] = [];
  leafChanges('', before, after, changes);
  if (changes.length === 0) return t('change.changed', { field });
  const only = changes[0];
  if (changes.length === 1 && only && only.path === '' && typeof only.before !== 'object' && typeof only.after !== 'object') {
    return t('change.deployedNow', { before: scalar(only.before), after: scalar(only.after) });
  }
  const texts = changes.slice(0, maxShown).map((change) => {
    const claim = field === 'volumeClaimTemplates' ? /^\[?"([^"]+)"\]?\.?(.*)$/.exec(change.path) : null;
    if (!claim) return describeLeaf({ ...change, path: `spec.${field}${change.path && !change.path.startsWith('[') ? '.' : ''}${change.path}` });
    const [, name, rest] = claim;
    if (!rest) return t(change.before === undefined ? 'change.claimAdded' : change.after === undefined ? 'change.claimRemoved' : 'change.claimChanged', { name: name ?? '' });
    return t('change.claim', { name: name ?? '', change: describeLeaf({ ...change, path: rest }) });
  });
  const more = changes.length > maxShown ? t('change.more', { count: changes.length - maxShown }) : '';
  return `${listOf(texts, '; ')}${more}`;
}
