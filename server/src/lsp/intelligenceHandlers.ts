import {
  CompletionItemKind, ErrorCodes, InsertTextFormat, MarkupKind, ResponseError, SymbolKind,
  type CompletionItem, type Connection, type DocumentSymbol, type Location, type Position, type Range, type ServerCapabilities,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { CheckedFile } from '../service/languageService';
import type { Span } from '../service/model';
import { LineIndex, type Lines } from '../service/parse/lineIndex';
import type { Settings } from '../service/settings';
import { completionsAt, visibleServices, type CompletionEntry } from '../service/intelligence/completion';
import { definitionAt, type NavigationInput } from '../service/intelligence/definition';
import { documentSymbols, type OutlineSymbol } from '../service/intelligence/documentSymbols';
import { hoverAt } from '../service/intelligence/hover';
import { referencesAt } from '../service/intelligence/references';
import { prepareRenameAt, renameAt } from '../service/intelligence/rename';
import type { Place } from '../service/intelligence/serviceReferences';
import { servicesOf } from '../service/workspace/servicesOf';
import type { WorkspaceIndex } from '../service/workspace/workspaceIndex';
import type { CurrentFile } from './requestHandlers';
import { t } from '../messages';

/** What the editor is told we offer: completion, hover, definition, references, outline and rename. */
export const intelligenceCapabilities = {
  completionProvider: { triggerCharacters: [' '] },
  hoverProvider: true,
  definitionProvider: true,
  referencesProvider: true,
  documentSymbolProvider: true,
  renameProvider: { prepareProvider: true },
} satisfies Partial<ServerCapabilities>;

/** What the handlers need from the server: the checked file, the settings, the index and other files' text. */
export interface IntelligenceDeps {
  /** The open file as the editor has it now, checked; undefined when not open or excluded. */
  current(uri: string): Promise<CurrentFile | undefined>;
  /** Any file's text: the editor's copy when open, else the disk's. */
  textOf(uri: string): string | undefined;
  settings(): Settings;
  index: WorkspaceIndex;
  /** The uris of the open documents. */
  openUris(): readonly string[];
  log(message: string): void;
}

/** A position of the text as an offset; undefined when the line is not in the text. */
function offsetOf(text: string, lines: Lines, position: Position): number | undefined {
  const last = lines.positionAt(text.length).line;
  if (position.line < 0 || position.line > last || position.character < 0) return undefined;
  const lineStart = lines.offsetAt({ line: position.line, character: 0 });
  const nextLine = position.line < last ? lines.offsetAt({ line: position.line + 1, character: 0 }) - 1 : text.length;
  return Math.min(lineStart + position.character, nextLine);
}

function rangeOf(lines: Lines, span: Span): Range {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

const completionKinds: Record<CompletionEntry['kind'], CompletionItemKind> = {
  field: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  service: CompletionItemKind.Reference,
  volume: CompletionItemKind.Reference,
  label: CompletionItemKind.Value,
  snippet: CompletionItemKind.Snippet,
};

const symbolKinds: Record<OutlineSymbol['kind'], SymbolKind> = {
  object: SymbolKind.Class,
  container: SymbolKind.Object,
  claimTemplate: SymbolKind.Field,
};

function toDocumentSymbol(lines: Lines, symbol: OutlineSymbol): DocumentSymbol {
  return {
    name: symbol.name,
    ...(symbol.detail ? { detail: symbol.detail } : {}),
    kind: symbolKinds[symbol.kind],
    range: rangeOf(lines, symbol.span),
    selectionRange: rangeOf(lines, symbol.selection),
    children: symbol.children.map((child) => toDocumentSymbol(lines, child)),
  };
}

/** Wires the intelligence requests to the language service. Every handler answers empty rather than fail. */
export function registerIntelligence(connection: Connection, deps: IntelligenceDeps): void {
  /** Runs a handler on the file and cursor; a failure is logged and answered with `empty`. */
  async function at<T>(name: string, uri: string, position: Position | undefined, empty: T,
    answer: (now: CurrentFile, offset: number) => T): Promise<T> {
    try {
      const now = await deps.current(uri);
      if (!now) return empty;
      const offset = position ? offsetOf(now.text, now.file.lines, position) : 0;
      return offset === undefined ? empty : answer(now, offset);
    } catch (error) {
      deps.log(t('log.requestFailed', { name, uri, error: error instanceof Error ? error.stack ?? error.message : String(error) }));
      return empty;
    }
  }

  function navigation(uri: string, now: { file: CheckedFile }, offset: number): NavigationInput {
    return { uri, file: now.file, offset, settings: deps.settings(), index: deps.index, textOf: deps.textOf };
  }

  function toLocations(uri: string, now: { file: CheckedFile }, places: readonly Place[]): Location[] {
    return places.flatMap((place) => {
      const text = place.uri === uri ? undefined : deps.textOf(place.uri);
      const lines = place.uri === uri ? now.file.lines : text === undefined ? undefined : new LineIndex(text);
      return lines ? [{ uri: place.uri, range: rangeOf(lines, place.span) }] : [];
    });
  }

  connection.onCompletion(({ textDocument: { uri }, position }) => at('completion', uri, position, [] as CompletionItem[], (now, offset) => {
    const settings = deps.settings();
    const local = servicesOf(uri, now.file.documents, settings.defaultNamespace);
    const entries = completionsAt({
      uri, documents: now.file.documents, offset, defaultNamespace: settings.defaultNamespace,
      servicesIn: (namespace) => visibleServices(uri, local, deps.index.servicesIn(namespace), namespace),
    });
    return entries.map((entry): CompletionItem => ({
      label: entry.label,
      kind: completionKinds[entry.kind],
      ...(entry.detail ? { detail: entry.detail } : {}),
      ...(entry.documentation ? { documentation: { kind: MarkupKind.Markdown, value: entry.documentation } } : {}),
      sortText: entry.sortText,
      textEdit: { range: rangeOf(now.file.lines, entry.replace), newText: entry.insertText },
      ...(entry.snippet ? { insertTextFormat: InsertTextFormat.Snippet } : {}),
    }));
  }));

  connection.onHover(({ textDocument: { uri }, position }) => at('hover', uri, position, null, (now, offset) => {
    const hover = hoverAt({ uri, file: now.file, offset, settings: deps.settings(), index: deps.index });
    return hover ? { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: rangeOf(now.file.lines, hover.span) } : null;
  }));

  connection.onDefinition(({ textDocument: { uri }, position }) => at('definition', uri, position, [] as Location[], (now, offset) =>
    toLocations(uri, now, definitionAt(navigation(uri, now, offset)))));

  connection.onReferences(({ textDocument: { uri }, position, context }) => at('references', uri, position, [] as Location[], (now, offset) => {
    const otherUris = [...deps.openUris(), ...deps.index.uris()];
    return toLocations(uri, now, referencesAt({ ...navigation(uri, now, offset), includeDeclaration: context.includeDeclaration, otherUris }));
  }));

  connection.onDocumentSymbol(({ textDocument: { uri } }) => at('document symbols', uri, undefined, [] as DocumentSymbol[], (now) =>
    documentSymbols(now.file.documents).map((symbol) => toDocumentSymbol(now.file.lines, symbol))));

  connection.onPrepareRename(({ textDocument: { uri }, position }) => at('prepare rename', uri, position, null, (now, offset) => {
    const target = prepareRenameAt(now.file.documents, offset);
    return target ? { range: rangeOf(now.file.lines, target.span), placeholder: target.name } : null;
  }));

  connection.onRenameRequest(({ textDocument: { uri }, position, newName }) =>
    at<WorkspaceEdit | ResponseError | null>('rename', uri, position, null, (now, offset) => {
      const result = renameAt(now.file.documents, offset, newName);
      if (!result) return null;
      if ('error' in result) return new ResponseError(ErrorCodes.InvalidParams, result.error);
      const edits = result.edits.map((edit) => ({ range: rangeOf(now.file.lines, edit), newText: edit.newText }));
      return { changes: { [uri]: edits } };
    }));
}
