/** Zero-based line and UTF-16 character, as LSP counts them. */
export interface LineColumn {
  line: number;
  character: number;
}

/** Turns offsets into line/character positions: the one place where that happens. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
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
