/**
 * What the worker sent the engine of each chart, so that the next render of that chart sends
 * only the files that changed (an edit changes one; a bitnami chart's folder is over 1 MB, and
 * decoding it as JSON in WebAssembly took a quarter of a render). The engine keeps the files
 * between renders (go/helm/cmd/wasm/keptFiles.go) and answers "stale" when it does not hold
 * the generation a delta names; the worker then forgets the chart and sends it whole.
 */
export interface FileDelta {
  /** The chart's key (its folder). */
  chart: string;
  /** The generation the delta applies to; 0: `files` is the whole folder. */
  base: number;
  generation: number;
  files: Map<string, Uint8Array>;
  removed: string[];
}

/** As many charts as the engine keeps (maxKeptCharts): a chart beyond that is sent whole. */
const maxCharts = 8;

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean =>
  a.byteLength === b.byteLength && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);

export class SentFiles {
  /** In order of use, the least recent first. */
  private readonly last = new Map<string, { generation: number; files: ReadonlyMap<string, Uint8Array> }>();
  private generation = 0;

  /** The request for `files` of `chart`, as a change of what was sent last, and now remembered as sent. */
  delta(chart: string, files: ReadonlyMap<string, Uint8Array>): FileDelta {
    const before = this.last.get(chart);
    const generation = ++this.generation;
    this.last.delete(chart);
    this.last.set(chart, { generation, files });
    if (this.last.size > maxCharts) this.last.delete(this.last.keys().next().value as string);
    if (!before) return { chart, base: 0, generation, files: new Map(files), removed: [] };
    const changed = new Map<string, Uint8Array>();
    for (const [name, bytes] of files) {
      const old = before.files.get(name);
      if (!old || !sameBytes(old, bytes)) changed.set(name, bytes);
    }
    const removed = [...before.files.keys()].filter((name) => !files.has(name));
    return { chart, base: before.generation, generation, files: changed, removed };
  }

  /** The engine did not hold what was sent (it restarted, or dropped the chart): send it whole next time. */
  forget(chart: string): void {
    this.last.delete(chart);
  }
}

/** The engine's answer when a delta's base is not what it holds (go/helm/cmd/wasm/keptFiles.go errStale). */
export const staleFileSetMessage = 'helm engine: stale file set';
