const sliceMs = 20;

/**
 * Runs the steps, yielding to the event loop every `sliceMs` so that the server answers other
 * requests meanwhile. False as soon as `current` says the work is stale (the file changed or
 * closed): the check scheduled for that change takes over.
 */
export async function inSlices(steps: Iterable<unknown>, current: () => boolean): Promise<boolean> {
  let sliceEnd = Date.now() + sliceMs;
  for (const _ of steps) {
    if (Date.now() < sliceEnd) continue;
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (!current()) return false;
    sliceEnd = Date.now() + sliceMs;
  }
  return current();
}
