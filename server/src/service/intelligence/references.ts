import { servicesOf } from '../workspace/servicesOf';
import { isService, isStatefulSet } from '../rules/read';
import { cursorAt, type CursorContext } from './cursorContext';
import { documentsOf, type NavigationInput } from './definition';
import { samePath } from './paths';
import { serviceNamePlace, serviceNameUses, type Place } from './serviceReferences';
import { isClaimTemplateNamePath, isVolumeNamePath, isVolumeUsePath, volumeDeclarations, volumeUses } from './volumeReferences';

export interface ReferencesInput extends NavigationInput {
  includeDeclaration: boolean;
  /** Files to search besides this one: the open files and the indexed ones. */
  otherUris: readonly string[];
}

/** The Service named at the cursor: on a Service's own name, or on a StatefulSet's serviceName. */
function serviceAt(context: CursorContext, defaultNamespace: string): { namespace: string; name: string } | undefined {
  const { object, path, scalar } = context;
  const namespace = object.namespace ?? defaultNamespace;
  if (isService(object) && samePath(path, ['metadata', 'name']) && object.name) return { namespace, name: object.name };
  if (isStatefulSet(object) && samePath(path, ['spec', 'serviceName']) && context.target === 'value' && scalar) {
    return { namespace, name: scalar.value };
  }
  return undefined;
}

function serviceReferences(input: ReferencesInput, service: { namespace: string; name: string }): Place[] {
  const { defaultNamespace } = input.settings;
  const uris = [...new Set([input.uri, ...input.otherUris])];
  const uses = uris.flatMap((uri) => serviceNameUses(uri, documentsOf(input, uri), service.namespace, service.name, defaultNamespace));
  if (!input.includeDeclaration) return uses;
  const local = servicesOf(input.uri, input.file.documents, defaultNamespace);
  const found = input.index.lookupFor(input.uri, local).find(service.namespace, service.name);
  return found ? [serviceNamePlace(found, documentsOf(input, found.uri)), ...uses] : uses;
}

/** The claim template or volume named at the cursor (on its declaration or on a mount). */
function volumeAt(context: CursorContext): string | undefined {
  const { object, path, scalar } = context;
  if (!isStatefulSet(object) || !scalar || context.target !== 'value') return undefined;
  return isClaimTemplateNamePath(path) || isVolumeNamePath(path) || isVolumeUsePath(path) ? scalar.value : undefined;
}

function volumeReferences(input: ReferencesInput, context: CursorContext, name: string): Place[] {
  const offset = context.document.offset;
  const declarations = input.includeDeclaration ? volumeDeclarations(context.object, offset).filter((d) => d.name === name) : [];
  const uses = volumeUses(context.object, offset).filter((u) => u.name === name);
  return [...declarations, ...uses].flatMap(({ scalar }) => scalar ? [{ uri: input.uri, span: { start: scalar.start, end: scalar.end } }] : []);
}

/** Who refers to the thing at the cursor: StatefulSets naming a Service, mounts of a claim template or volume. */
export function referencesAt(input: ReferencesInput): Place[] {
  const context = cursorAt(input.file.documents, input.offset);
  if (!context) return [];
  const service = serviceAt(context, input.settings.defaultNamespace);
  if (service) return serviceReferences(input, service);
  const volume = volumeAt(context);
  return volume === undefined ? [] : volumeReferences(input, context, volume);
}
