import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { servicesOf } from '../workspace/servicesOf';
import type { CheckedFile } from '../languageService';
import type { Span } from '../model';
import { previewOf } from '../previewOf';
import { field, isStatefulSet } from '../rules/read';
import type { Settings } from '../settings';
import { cursorAt, type CursorContext } from './cursorContext';
import { hasIdentityFacts, identityFacts } from './identityFacts';
import { valueAt } from './paths';
import { schemaAt, typeLabel, type FieldSchema } from './schemaNavigator';
import { existsIn, fieldSpan } from '../versions/fieldHistory';
import { targetVersion } from '../versions/gates';
import { listOf, t } from '../../messages';

export interface HoverInput {
  uri: string;
  file: CheckedFile;
  /** Whole-file offset of the cursor. */
  offset: number;
  settings: Settings;
  index: WorkspaceIndex;
}

/** Markdown for the editor and the span it describes (whole-file offsets). */
export interface HoverResult {
  markdown: string;
  span: Span;
}

/** The StatefulSet facts for the field under the cursor, from the same simulation as the preview. */
function factsFor(context: CursorContext, input: HoverInput, path: CursorContext['path']): string[] {
  const { object } = context;
  if (!isStatefulSet(object) || !hasIdentityFacts(path)) return [];
  const preview = previewOf(input.uri, input.file, input.settings, input.index, { offset: input.offset });
  // In a List of several StatefulSets the preview takes the document's first one: only use it when it is this one.
  if (!preview || preview.simulation.statefulSet.name !== (object.name ?? '')) return [];
  const namespace = object.namespace ?? input.settings.defaultNamespace;
  const serviceName = field(object.value, 'spec', 'serviceName');
  const lookup = input.index.lookupFor(input.uri, servicesOf(input.uri, input.file.documents, input.settings.defaultNamespace));
  const claimName = valueAt(object.value, path);
  return identityFacts({
    path,
    simulation: preview.simulation,
    claimName: typeof claimName === 'string' ? claimName : undefined,
    service: typeof serviceName === 'string' ? lookup.find(namespace, serviceName) : undefined,
    uri: input.uri,
  });
}

/** The hover for a key or value: the field's type and description from the schema, and what it makes the cluster do. */
export function hoverAt(input: HoverInput): HoverResult | undefined {
  const context = cursorAt(input.file.documents, input.offset);
  if (!context?.scalar) return undefined;
  // A scalar in a list (`- ReadWriteOnce`) is described by its list's field.
  const path = typeof context.path[context.path.length - 1] === 'number' ? context.path.slice(0, -1) : context.path;
  const name = [...path].reverse().find((segment): segment is string => typeof segment === 'string');
  const schema = name === undefined ? undefined : schemaAt(context.object.apiVersion, context.object.kind, path);
  const facts = factsFor(context, input, path);
  if (!schema && facts.length === 0) return undefined;
  const parts = [
    schema ? `**${name}**: \`${typeLabel(schema)}\`` : `**${name}**`,
    ...releaseNote(schema?.owner, input.settings),
    ...facts,
    ...(schema?.description ? [schema.description] : []),
  ];
  return { markdown: parts.join('\n\n'), span: { start: context.scalar.start, end: context.scalar.end } };
}

/** "Since Kubernetes 1.32" for a field not in every release we support, and whether the target release has it (issue 21). */
function releaseNote(owner: FieldSchema['owner'], settings: Settings): string[] {
  const span = owner ? fieldSpan(owner.definition, owner.property) : undefined;
  if (!span) return [];
  const version = targetVersion(settings);
  const range = listOf([span.since ? t('hover.since', { since: span.since }) : '', span.until ? t('hover.until', { until: span.until }) : ''].filter(Boolean));
  const verdict = existsIn(span, version) ? t('hover.targetHas', { version }) : t('hover.targetLacks', { version });
  return [t('hover.release', { range: `${range.charAt(0).toUpperCase()}${range.slice(1)}`, verdict })];
}
