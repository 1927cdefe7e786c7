import { t } from '../messages';
/**
 * Tolerant readers for a manifest that may be malformed: each returns a usable value and
 * records a warning instead of throwing.
 */

const maxInt32 = 2147483647;

export type JsonObject = Record<string, unknown>;

/** The value as an object, or undefined for anything else (arrays included). */
export function asObject(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

/** Follows a path of keys through nested objects. */
export function dig(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    const object = asObject(current);
    if (object === undefined) return undefined;
    current = object[key];
  }
  return current;
}

export function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * A non-negative int32 field. Absent (or null) means the default, silently; anything else
 * that is not a usable number means the default with a warning, as Kubernetes would reject it.
 */
export function readCount(value: unknown, path: string, fallback: number, warnings: string[]): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    warnings.push(t('sim.fields.notNumber', { path, v: JSON.stringify(value) ?? String(value), fallback }));
    return fallback;
  }
  if (value < 0) {
    warnings.push(t('sim.fields.negative', { path, value }));
    return 0;
  }
  if (!Number.isInteger(value)) {
    warnings.push(t('sim.fields.notInteger', { path, value, v: Math.floor(value) }));
    return Math.min(Math.floor(value), maxInt32);
  }
  if (value > maxInt32) {
    warnings.push(t('sim.fields.overInt32', { path, value, maxInt32 }));
    return maxInt32;
  }
  return value;
}

/** One of the allowed strings; absent or "" means the default (API defaulting), anything else warns. */
export function readChoice<T extends string>(
  value: unknown,
  path: string,
  allowed: readonly T[],
  fallback: T,
  warnings: string[],
): T {
  if (value === undefined || value === null || value === '') return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  warnings.push(t('sim.fields.oneOf', { path, v: allowed.join(', '), v2: JSON.stringify(value) ?? String(value), fallback }));
  return fallback;
}

/** String-valued entries of a label map; anything else is skipped. */
export function readLabels(value: unknown): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [key, label] of Object.entries(asObject(value) ?? {})) {
    if (typeof label === 'string') labels[key] = label;
  }
  return labels;
}
