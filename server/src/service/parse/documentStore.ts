import type { ManifestDocument } from '../model';
import { parseChunk } from './parseChunk';
import { splitDocuments } from './splitDocuments';

/**
 * Parses files document by document and remembers each document by its text, so that an
 * edit re-parses only the documents whose text changed. One store per file.
 */
export class DocumentStore {
  private byText = new Map<string, ManifestDocument>();
  /** The documents of the last parse, in file order. */
  private last: ManifestDocument[] = [];

  parse(text: string): ManifestDocument[] {
    const next = new Map<string, ManifestDocument>();
    const chunks = splitDocuments(text);
    const shift = this.last.length - chunks.length;
    const documents = chunks.map(({ offset, text: chunk }, i) => {
      // An edit leaves the documents before it at the same index and those after it at the
      // same index counted from the end. Comparing with those two first is a plain memcmp;
      // a Map lookup would hash every new chunk, i.e. the whole 4 MB file on each keystroke.
      const before = this.last[i];
      const after = this.last[i + shift];
      const known = (before?.text === chunk ? before : after?.text === chunk ? after : undefined)
        ?? next.get(chunk) ?? this.byText.get(chunk);
      // Unmoved documents stay the same object; moved ones get their new offset.
      const document = known ? (known.offset === offset ? known : { ...known, offset }) : parseChunk(offset, chunk);
      // Keyed by the cached document's own string, whose hash V8 has already computed.
      next.set(known ? known.text : chunk, document);
      return document;
    });
    this.byText = next;
    this.last = documents;
    return documents;
  }

  /**
   * Parses the documents of `text` not known yet, one per step, so that a caller can pause
   * between them (the language server does, to keep answering while it opens a large file).
   * The next `parse(text)` finds them all.
   */
  *prepare(text: string): Generator<ManifestDocument> {
    for (const { offset, text: chunk } of splitDocuments(text)) {
      let document = this.byText.get(chunk);
      if (!document) {
        document = parseChunk(offset, chunk);
        this.byText.set(chunk, document);
      }
      yield document;
    }
  }
}

/** Parses a whole file once, without a cache (for the CLI and tests). */
export function parseFile(text: string): ManifestDocument[] {
  return new DocumentStore().parse(text);
}
