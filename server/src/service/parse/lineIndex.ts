import { lastAtMost } from './lastAtMost';

/** Zero-based line and UTF-16 character, as LSP counts them. */
export interface LineColumn {
  line: number;
  character: number;
}

/** What turns offsets of a text into line/character positions and back. */
export interface Lines {
  positionAt(offset: number): LineColumn;
  offsetAt(position: LineColumn): number;
}

/**
 * Line/character positions of one text, with LSP's line breaks (`\n`, `\r\n` and a lone `\r`,
 * as VS Code counts them). The line starts are found on first use: a 165,000-line file costs
 * milliseconds to scan, and most texts are never asked.
 */
export class LineIndex implements Lines {
  private lineStarts: number[] | undefined;

  constructor(private readonly text: string) {}

  private get starts(): number[] {
    if (!this.lineStarts) {
      const starts = [0];
      const { text } = this;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
        if (code === 10 || code === 13) starts.push(i + 1);
      }
      this.lineStarts = starts;
    }
    return this.lineStarts;
  }

  /** How many line breaks the text holds (its last line is number `breaks`). */
  get breaks(): number {
    return this.starts.length - 1;
  }

  positionAt(offset: number): LineColumn {
    const starts = this.starts;
    const at = Math.max(0, Math.min(offset, this.text.length));
    const line = lastAtMost(starts, at, (start) => start);
    return { line, character: at - (starts[line] ?? 0) };
  }

  /** A character past its line's end means the line's end; a line past the last, the text's end (as TextDocument does). */
  offsetAt(position: LineColumn): number {
    const starts = this.starts;
    if (position.line >= starts.length) return this.text.length;
    if (position.line < 0) return 0;
    const lineStart = starts[position.line] ?? 0;
    let lineEnd = starts[position.line + 1] ?? this.text.length;
    while (lineEnd > lineStart && (this.text.charCodeAt(lineEnd - 1) === 10 || this.text.charCodeAt(lineEnd - 1) === 13)) lineEnd--;
    return Math.min(lineStart + Math.max(0, position.character), lineEnd);
  }
}
