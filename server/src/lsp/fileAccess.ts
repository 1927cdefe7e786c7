import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { objectInDocuments } from '../service/codeActions';
import type { ManifestDocument } from '../service/model';
import { parseFile } from '../service/parse/documentStore';
import { LineIndex } from '../service/parse/lineIndex';
import type { ObjectElsewhere } from '../service/rules/types';
import type { EditTarget } from './toCodeActions';

/** How handlers read files beyond the one they answer for: open ones from the editor, others from disk. */
export interface FileAccess {
  /** A file's text: the editor's copy when open, else the disk's. */
  textOf(uri: string): string | undefined;
  /** A file's lines and the version an edit of it is for (null on disk). */
  editTarget(uri: string): EditTarget | undefined;
  /** The object at an offset of a file, for fixes that edit a Service elsewhere. */
  objectElsewhere(uri: string, offset: number): ObjectElsewhere | undefined;
}

/** `parsed(uri, text)` gives the server's parse of an open file when it is of that text, so it is not parsed again. */
export function fileAccess(
  documents: TextDocuments<TextDocument>, parsed: (uri: string, text: string) => readonly ManifestDocument[] | undefined,
): FileAccess {
  function textOf(uri: string): string | undefined {
    const open = documents.get(uri);
    if (open) return open.getText();
    try {
      return uri.startsWith('file:') ? readFileSync(fileURLToPath(uri), 'utf8') : undefined;
    } catch {
      return undefined;
    }
  }
  return {
    textOf,
    editTarget: (uri) => {
      const text = textOf(uri);
      return text === undefined ? undefined : { lines: new LineIndex(text), version: documents.get(uri)?.version ?? null };
    },
    objectElsewhere: (uri, offset) => {
      const text = textOf(uri);
      return text === undefined ? undefined : objectInDocuments(parsed(uri, text) ?? parseFile(text), offset);
    },
  };
}
