import type { FixContext, Fix, ObjectElsewhere } from '../rules/types';
import { shiftEdits } from './applyEdits';
import type { Edit } from './yamlText';

/**
 * A fix of the governing Service where it is defined, in this file or another: the finding's
 * data names it by uri and ordinal (see ServiceInfo); `edit` works in its document's offsets,
 * the fix carries the Service file's.
 */
export function serviceFix(
  context: FixContext, title: (name: string) => string, edit: (service: ObjectElsewhere) => Edit[] | undefined,
): Fix[] {
  const { uri, ordinal } = context.data ?? {};
  if (typeof uri !== 'string' || typeof ordinal !== 'number') return [];
  const service = context.serviceAt(uri, ordinal);
  const edits = service ? edit(service) : undefined;
  if (!service || !edits) return [];
  return [{ title: title(service.object.name ?? ''), uri, edits: shiftEdits(edits, service.offset) }];
}
