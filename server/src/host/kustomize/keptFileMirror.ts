/**
 * What kustomize's engine holds of the files (go/kustomize/cmd/wasm/keptFiles.go): one store for
 * every overlay, by path. The worker thread keeps this mirror of it, so that a request carries
 * only the files that changed since the last one (an edit changes one file; overlays share their
 * bases), plus the list of the files its build may read. Mirror and store live in the same
 * thread and start empty together.
 */
export class KeptFileMirror {
  private readonly sent = new Map<string, string>();
  private bytes = 0;

  constructor(private readonly maxBytes = 64 << 20) {}

  /** The engine's request JSON for a build of `dir` from `files`; `reset` sends every file again (the store is emptied first). */
  request(dir: string, files: ReadonlyMap<string, string>, reset = false): string {
    if (reset || this.bytes > this.maxBytes) {
      this.sent.clear();
      this.bytes = 0;
      reset = true;
    }
    const changed: Record<string, string> = {};
    for (const [path, text] of files) {
      const before = this.sent.get(path);
      if (before === text) continue;
      changed[path] = text;
      this.bytes += text.length - (before?.length ?? 0);
      this.sent.set(path, text);
    }
    return JSON.stringify({ dir, files: changed, paths: [...files.keys()], ...(reset ? { reset: true } : {}) });
  }
}

/** The engine's answer when a path was never sent (keptFiles.go errNotKept): the worker resets and sends all. */
export const notKeptMessage = 'kustomize engine: a file was not sent';
