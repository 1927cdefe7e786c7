import type { ManifestDocument } from '../model';
import { FileLines, type LinedPart } from './fileLines';
import { lastAtMost } from './lastAtMost';
import { LineIndex, type LineColumn } from './lineIndex';
import { parseChunk } from './parseChunk';
import { splitDocuments } from './splitDocuments';

/** One document's text, its lines and, once parsed, its parse (at the offset it was last seen at). */
interface Piece {
  text: string;
  lines: LineIndex;
  document: ManifestDocument | undefined;
}

const pieceOf = (text: string): Piece => ({ text, lines: new LineIndex(text), document: undefined });

/**
 * The pieces of `text`: one per document, never an empty one unless the text is empty. `known`
 * offers a piece to reuse; each is used once, since a document's offset is kept in its object.
 */
function piecesOf(text: string, known: (text: string, index: number, count: number) => Piece | undefined): Piece[] {
  const chunks = splitDocuments(text).filter((chunk, _, all) => chunk.text !== '' || all.length === 1);
  const used = new Set<Piece>();
  return chunks.map((chunk, i) => {
    const piece = known(chunk.text, i, chunks.length);
    if (!piece || used.has(piece)) return pieceOf(chunk.text);
    used.add(piece);
    return piece;
  });
}

/**
 * An open file held as its documents, so that an edit costs the documents it touches, not the
 * file: `edit` re-splits only around the changed range, unchanged documents keep their parse
 * (and their rules' memo), and positions come from each document's own line index. The text
 * as one string is only built when asked for. One store per file.
 */
export class DocumentStore {
  private pieces: Piece[] = [pieceOf('')];
  private joined: string | undefined = '';
  /** Where each document starts (offset, line), and the documents parsed: both kept until the next change. */
  private starts: LinedPart[] | undefined;
  private parsed: ManifestDocument[] | undefined;
  private size = 0;

  /** The whole text (built from the documents on first use after a change). */
  get text(): string {
    this.joined ??= this.pieces.map((p) => p.text).join('');
    return this.joined;
  }

  get length(): number {
    return this.size;
  }

  /** Replaces the whole text; documents whose text is unchanged keep their parse. Returns the store. */
  setText(text: string): this {
    const last = this.pieces;
    let byText: Map<string, Piece> | undefined;
    this.pieces = piecesOf(text, (chunk, i, count) => {
      // Same index from the start or from the end first: a plain string compare, where a Map
      // lookup would hash every chunk of a 4 MB file.
      const before = last[i];
      const after = last[i + last.length - count];
      if (before?.text === chunk) return before;
      if (after?.text === chunk) return after;
      byText ??= new Map(last.map((p) => [p.text, p]));
      return byText.get(chunk);
    });
    this.changed(text.length, text);
    return this;
  }

  /**
   * Applies one change as the editor sends it: the text between two positions replaced. Only
   * the documents the range touches and their neighbours are split again (see `regionAround`).
   */
  edit(start: LineColumn, end: LineColumn, newText: string): void {
    const lines = this.lines();
    const from = lines.offsetAt(start);
    const to = Math.max(from, lines.offsetAt(end));
    const parts = this.parts();
    const [first, last] = regionAround(parts, from, to);
    const regionStart = parts[first]!.offset;
    const region = this.pieces.slice(first, last + 1);
    const oldText = region.map((p) => p.text).join('');
    const newRegion = oldText.slice(0, from - regionStart) + newText + oldText.slice(to - regionStart);
    const byText = new Map(region.map((p) => [p.text, p]));
    const replacement = piecesOf(newRegion, (chunk) => byText.get(chunk));
    const keepOne = replacement.length === 1 && replacement[0]!.text === '' && this.pieces.length > region.length;
    this.pieces.splice(first, region.length, ...(keepOne ? [] : replacement));
    this.changed(this.size + newText.length - (to - from), undefined);
  }

  /**
   * Parses the documents not parsed yet, one per step, so that a caller can pause between them:
   * those of [from, to) whose text passes `only`.
   */
  *prepare(from = 0, to = this.pieces.length, only: (text: string) => boolean = () => true): Generator<ManifestDocument> {
    for (const piece of this.pieces.slice(from, to)) {
      if (piece.document || !only(piece.text)) continue;
      piece.document = parseChunk(0, piece.text);
      yield piece.document;
    }
  }

  /** How much text is not parsed yet. */
  get unparsedLength(): number {
    return this.pieces.reduce((sum, p) => sum + (p.document ? 0 : p.text.length), 0);
  }

  /** How many documents the file has. */
  get count(): number {
    return this.pieces.length;
  }

  /** The first document of the second half of the text not parsed yet: where to split a parse in two. */
  unparsedMiddle(): number {
    let left = this.unparsedLength / 2;
    const i = this.pieces.findIndex((p) => !p.document && (left -= p.text.length) <= 0);
    return i < 0 ? this.pieces.length : i + 1;
  }

  /** The text of documents [from, to), and its offset in the file. */
  textOf(from: number, to: number): { text: string; offset: number } {
    const offset = this.parts()[from]?.offset ?? this.size;
    return { text: this.pieces.slice(from, to).map((p) => p.text).join(''), offset };
  }

  /** The documents parsed so far, in file order, with their offsets in the file. */
  parsedDocuments(): ManifestDocument[] {
    return this.located(0, this.pieces.length, false);
  }

  /** Documents [from, to), parsed, with their offsets in the file. */
  documentsIn(from: number, to: number): ManifestDocument[] {
    return this.located(from, to, true);
  }

  /** Every document, parsed, with its offset in the file. */
  documents(): ManifestDocument[] {
    this.parsed ??= this.located(0, this.pieces.length, true);
    return this.parsed;
  }

  /** Positions in the file, from the documents' own line indexes. */
  lines(): FileLines {
    return new FileLines(this.parts());
  }

  /** Replaces the whole text and returns its documents. */
  parse(text: string): ManifestDocument[] {
    this.setText(text);
    return this.documents();
  }

  private changed(size: number, text: string | undefined): void {
    this.size = size;
    this.joined = text;
    this.starts = undefined;
    this.parsed = undefined;
  }

  private located(from: number, to: number, parse: boolean): ManifestDocument[] {
    const parts = this.parts();
    const documents: ManifestDocument[] = [];
    for (let i = from; i < to; i++) {
      const piece = this.pieces[i]!;
      const { offset } = parts[i]!;
      if (parse) piece.document ??= parseChunk(offset, piece.text);
      if (!piece.document) continue;
      // Moved in place: a copy of each document after an edit cost more than the edit itself.
      // Only the store's latest documents are ever read, so no older view sees the change.
      piece.document.offset = offset;
      documents.push(piece.document);
    }
    return documents;
  }

  private parts(): LinedPart[] {
    if (this.starts) return this.starts;
    let offset = 0;
    let line = 0;
    this.starts = this.pieces.map((piece) => {
      const part = { offset, line, lines: piece.lines, length: piece.text.length };
      offset += piece.text.length;
      line += piece.lines.breaks;
      return part;
    });
    return this.starts;
  }
}

/**
 * The pieces to split again for an edit of [from, to]: those it touches, and one more on each
 * side. Splitting is line-local, so the result equals a split of the whole text as long as the
 * region starts where an untouched document starts and ends with an untouched line break: the
 * edit may remove the separator that opened its first document, or the `...` line that ended
 * the one before the next.
 */
function regionAround(parts: readonly LinedPart[], from: number, to: number): [number, number] {
  const containing = (offset: number): number => lastAtMost(parts, offset, (part) => part.offset);
  return [Math.max(0, containing(from) - 1), Math.min(parts.length - 1, containing(to) + 1)];
}

/** Parses a whole file once, without a cache (for the CLI and tests). */
export function parseFile(text: string): ManifestDocument[] {
  return new DocumentStore().parse(text);
}
