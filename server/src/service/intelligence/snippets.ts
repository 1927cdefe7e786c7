import definitions from '../../../../snippets/statefulset.json';
import type { ManifestDocument, ObjectPath, Span } from '../model';
import { isRecord, isStatefulSet } from '../rules/read';
import { documentAt } from './cursorContext';
import type { CompletionSpot } from './completionProbe';
import { isPlaceholder } from './completionProbe';
import { valueAt } from './paths';
import { messageOf, type MessageId } from '../../messages';

/**
 * Where a snippet fits: a whole new document (a StatefulSet and its Service, a Service, a
 * PodDisruptionBudget), a key of a StatefulSet's spec, or a new item of its volumeClaimTemplates.
 * The language server offers each only there, under one name: VS Code's contributed snippets
 * showed each twice (two prefixes) and everywhere, even as the value of podManagementPolicy.
 */
type Place = 'document' | 'spec' | 'claimTemplate';

interface SnippetDefinition {
  title: string;
  place: Place;
  description: string;
  body: string[];
}

/** A snippet ready to offer: its label (what one types), the text with tab stops, and the span it replaces. */
export interface SnippetEntry {
  label: string;
  title: string;
  description: string;
  snippet: string;
  replace: Span;
}

const snippets = Object.entries(definitions as Record<string, SnippetDefinition>);

/** Each snippet's title and description in the catalog (the JSON's English is the same; test/unit/messages.test.ts holds them equal). */
const worded: Record<string, readonly [MessageId, MessageId]> = {
  'statefulset': ['snippet.statefulset.title', 'snippet.statefulset.description'],
  'headless-service': ['snippet.headless-service.title', 'snippet.headless-service.description'],
  'volumeclaimtemplate': ['snippet.volumeclaimtemplate.title', 'snippet.volumeclaimtemplate.description'],
  'updatestrategy': ['snippet.updatestrategy.title', 'snippet.updatestrategy.description'],
  'retentionpolicy': ['snippet.retentionpolicy.title', 'snippet.retentionpolicy.description'],
  'poddisruptionbudget': ['snippet.poddisruptionbudget.title', 'snippet.poddisruptionbudget.description'],
};
const wordBefore = /[A-Za-z0-9_./-]*$/;
const wordAfter = /^[A-Za-z0-9_./-]*/;

function offer(place: Place, replace: Span, fits: (label: string, definition: SnippetDefinition) => boolean = () => true): SnippetEntry[] {
  return snippets.filter(([label, definition]) => definition.place === place && fits(label, definition)).map(([label, definition]) => ({
    label, title: worded[label] ? messageOf(worded[label][0]) : definition.title, description: worded[label] ? messageOf(worded[label][1]) : definition.description, snippet: definition.body.join('\n'), replace,
  }));
}

/** The whole-document snippets: at the start of a line of a document that holds nothing else yet. */
function documentSnippets(documents: readonly ManifestDocument[], offset: number): SnippetEntry[] {
  const document = documentAt(documents, offset);
  if (!document) return [];
  const text = document.text;
  const local = offset - document.offset;
  const lineStart = text.lastIndexOf('\n', local - 1) + 1;
  const before = text.slice(lineStart, local);
  const start = local - (wordBefore.exec(before)?.[0].length ?? 0);
  const end = local + (wordAfter.exec(text.slice(local))?.[0].length ?? 0);
  if (start !== lineStart) return []; // indented, or after a key: not a new document
  const rest = text.slice(0, start) + text.slice(end);
  // Nothing else but comments and the document's own `---` marker.
  if (rest.split('\n').some((line) => line.trim() !== '' && !line.trim().startsWith('#') && !/^---\s*$/.test(line))) return [];
  return offer('document', { start: document.offset + start, end: document.offset + end });
}

const isSpecKey = (path: ObjectPath): boolean => path.length === 2 && path[0] === 'spec' && typeof path[1] === 'string' && isPlaceholder(path[1]);
const isNewClaimTemplate = (path: ObjectPath): boolean =>
  path.length === 4 && path[0] === 'spec' && path[1] === 'volumeClaimTemplates' && typeof path[2] === 'number' && typeof path[3] === 'string' && isPlaceholder(path[3]);

/** The snippets that fit at the cursor: whole documents where a document starts, StatefulSet parts where they belong. */
export function snippetsAt(documents: readonly ManifestDocument[], offset: number, spot: CompletionSpot | undefined): SnippetEntry[] {
  if (!spot) return documentSnippets(documents, offset);
  if (spot.mode !== 'key' || !isStatefulSet(spot.object)) return [];
  const { object, path, replace } = spot;
  if (isSpecKey(path)) {
    const spec = valueAt(object.value, ['spec']);
    // Not over a key already written: the first line of each body is the key it adds.
    return offer('spec', replace, (_, definition) => {
      const key = /^([A-Za-z]+):/.exec(definition.body[0] ?? '')?.[1];
      return !(isRecord(spec) && key !== undefined && key in spec);
    });
  }
  if (isNewClaimTemplate(path)) {
    const item = valueAt(object.value, path.slice(0, 3));
    // Only in an item that holds nothing else yet (`- ` and the word being typed).
    return isRecord(item) && Object.keys(item).every(isPlaceholder) ? offer('claimTemplate', replace) : [];
  }
  return [];
}
