import { lastAtMost } from './lastAtMost';
import type { LineColumn, LineIndex, Lines } from './lineIndex';

/** A part of a file: where it starts (offset and line) and its own line index. */
export interface LinedPart {
  offset: number;
  line: number;
  lines: LineIndex;
  length: number;
}

/**
 * Positions in a file held as documents: each document's own line index, shifted by where
 * it starts. Nothing here scans the whole text, so an edit never pays for the file's size.
 */
export class FileLines implements Lines {
  constructor(private readonly parts: readonly LinedPart[]) {}

  positionAt(offset: number): LineColumn {
    if (this.parts.length === 0) return { line: 0, character: 0 };
    const part = this.parts[lastAtMost(this.parts, offset, (p) => p.offset)]!;
    const local = part.lines.positionAt(Math.min(offset - part.offset, part.length));
    return { line: part.line + local.line, character: local.character };
  }

  offsetAt(position: LineColumn): number {
    if (this.parts.length === 0) return 0;
    const part = this.parts[lastAtMost(this.parts, position.line, (p) => p.line)]!;
    return part.offset + part.lines.offsetAt({ line: position.line - part.line, character: position.character });
  }
}
