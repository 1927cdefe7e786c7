/** Zero-based line and UTF-16 character, as LSP counts them. */
export interface LineColumn {
  line: number;
  character: number;
}

/** Turns offsets into line/character positions: the one place where that happens. */
export class LineIndex {
  private lineStarts: number[] | undefined;

  /**
   * The line starts are found on first use: every check makes a LineIndex, but the server
   * converts positions with the editor's own document, and a 165,000-line file costs
   * milliseconds to scan on every keystroke.
   */
  constructor(private readonly text: string) {}

  private get starts(): number[] {
    if (!this.lineStarts) {
      const starts = [0];
      for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
    }
    return this.lineStarts;
  }

  positionAt(offset: number): LineColumn {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: offset - (this.starts[low] ?? 0) };
  }

  offsetAt(position: LineColumn): number {
    const lineStart = this.starts[Math.min(position.line, this.starts.length - 1)] ?? 0;
    return lineStart + position.character;
  }
}
