import { setTimeout as delay } from 'node:timers/promises';

/** How often `waitFor` asks again. Short: each check is a cheap DOM read. */
const POLL_MS = 100;

/**
 * Calls `check` until it returns a value other than `undefined`, `null` or `false`,
 * and returns that value. A check that throws counts as "not yet". After `timeoutMs`
 * it fails with `what` (a function is asked then, so it can describe the state it
 * sees) and the last value or error seen, which is usually the clue.
 */
export async function waitFor<T>(
  check: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  timeoutMs: number,
  what: string | (() => string | Promise<string>),
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = undefined;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== null && value !== false) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() >= deadline) {
      const seen = last instanceof Error ? last.message : JSON.stringify(last);
      const described = typeof what === 'string' ? what : await what();
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${described} (last seen: ${seen})`);
    }
    await delay(POLL_MS);
  }
}
