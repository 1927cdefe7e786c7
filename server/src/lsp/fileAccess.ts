import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DocumentsOf } from '../service/codeActions';
import type { ManifestDocument } from '../service/model';
import { parseFile } from '../service/parse/documentStore';
import { LineIndex, type Lines } from '../service/parse/lineIndex';
import type { EditTarget } from './toCodeActions';

/** How handlers read files beyond the one they answer for: open ones from the editor, others from disk. */
export interface FileAccess {
  /** A file's text: the editor's copy when open, else the disk's. */
  textOf(uri: string): string | undefined;
  /** A file's lines and the version an edit of it is for (null on disk). */
  editTarget(uri: string): EditTarget | undefined;
  /** A file's parsed documents, for fixes that edit a Service elsewhere. */
  documentsOf: DocumentsOf;
}

/** An open file as the handlers see it. */
export interface OpenFileView {
  version: number;
  text: string;
  /** The file's documents, parsed (only those that changed are parsed again). */
  documents: () => readonly ManifestDocument[];
  lines: () => Lines;
}

export function fileAccess(open: (uri: string) => OpenFileView | undefined): FileAccess {
  function textOf(uri: string): string | undefined {
    const file = open(uri);
    if (file) return file.text;
    try {
      return uri.startsWith('file:') ? readFileSync(fileURLToPath(uri), 'utf8') : undefined;
    } catch {
      return undefined;
    }
  }
  return {
    textOf,
    editTarget: (uri) => {
      const file = open(uri);
      if (file) return { lines: file.lines(), version: file.version };
      const text = textOf(uri);
      return text === undefined ? undefined : { lines: new LineIndex(text), version: null };
    },
    documentsOf: (uri) => {
      const file = open(uri);
      if (file) return file.documents();
      const text = textOf(uri);
      return text === undefined ? undefined : parseFile(text);
    },
  };
}
