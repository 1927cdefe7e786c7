import type { ManifestDocument } from '../model';
import { parseChunk } from './parseChunk';
import { splitDocuments } from './splitDocuments';

/**
 * Parses files document by document and remembers each document by its text, so that an
 * edit re-parses only the documents whose text changed. One store per file.
 */
export class DocumentStore {
  private byText = new Map<string, ManifestDocument>();

  parse(text: string): ManifestDocument[] {
    const next = new Map<string, ManifestDocument>();
    const documents = splitDocuments(text).map(({ offset, text: chunk }) => {
      const known = next.get(chunk) ?? this.byText.get(chunk);
      const document = known ? { ...known, offset } : parseChunk(offset, chunk);
      next.set(chunk, document);
      return document;
    });
    this.byText = next;
    return documents;
  }
}

/** Parses a whole file once, without a cache (for the CLI and tests). */
export function parseFile(text: string): ManifestDocument[] {
  return new DocumentStore().parse(text);
}
