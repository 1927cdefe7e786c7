/** A copy of a JSON value without null-valued object fields: to the API server `key: null` means "not set". */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field !== null) out[key] = withoutNulls(field);
  }
  return out;
}

/** Whether some object field of the value is null. */
export function hasNullField(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasNullField);
  if (value === null || typeof value !== 'object') return false;
  return Object.values(value).some((field) => field === null || hasNullField(field));
}

/** A copy of a JSON value whose null-valued object fields hold `marker` instead. */
export function nullsMarked(value: unknown, marker: object): unknown {
  if (Array.isArray(value)) return value.map((item) => nullsMarked(item, marker));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, field === null ? marker : nullsMarked(field, marker)]));
}
