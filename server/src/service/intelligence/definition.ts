import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { servicesOf } from '../workspace/servicesOf';
import type { CheckedFile } from '../languageService';
import type { ManifestDocument } from '../model';
import { parseFile } from '../parse/documentStore';
import { isStatefulSet } from '../rules/read';
import type { Settings } from '../settings';
import { cursorAt } from './cursorContext';
import { samePath } from './paths';
import { serviceNamePlace, type Place } from './serviceReferences';
import { isVolumeUsePath, volumeDeclarations } from './volumeReferences';

/** What navigation needs: the file under the cursor, the index, and a way to read other files. */
export interface NavigationInput {
  uri: string;
  file: CheckedFile;
  /** Whole-file offset of the cursor. */
  offset: number;
  settings: Settings;
  index: WorkspaceIndex;
  /** Another file's text (the editor's copy when open); undefined when it cannot be read. */
  textOf: (uri: string) => string | undefined;
}

/** The parsed documents of a file: this one's as checked, another's parsed from its text. */
export function documentsOf(input: NavigationInput, uri: string): readonly ManifestDocument[] {
  if (uri === input.uri) return input.file.documents;
  const text = input.textOf(uri);
  return text === undefined ? [] : parseFile(text);
}

/** Where the thing under the cursor is defined: a serviceName's Service, a mount's claim template or volume. */
export function definitionAt(input: NavigationInput): Place[] {
  const context = cursorAt(input.file.documents, input.offset);
  if (!context?.scalar || context.target !== 'value' || !isStatefulSet(context.object)) return [];
  const { object, path, scalar, document } = context;
  if (samePath(path, ['spec', 'serviceName'])) {
    const namespace = object.namespace ?? input.settings.defaultNamespace;
    const local = servicesOf(input.uri, input.file.documents, input.settings.defaultNamespace);
    const service = input.index.lookupFor(input.uri, local).find(namespace, scalar.value);
    return service ? [serviceNamePlace(service, documentsOf(input, service.uri))] : [];
  }
  if (isVolumeUsePath(path)) {
    // A claim template wins over a volume of the same name, as in the controller.
    const declaration = volumeDeclarations(object, document.offset).find((d) => d.name === scalar.value && d.scalar);
    return declaration?.scalar ? [{ uri: input.uri, span: { start: declaration.scalar.start, end: declaration.scalar.end } }] : [];
  }
  return [];
}
