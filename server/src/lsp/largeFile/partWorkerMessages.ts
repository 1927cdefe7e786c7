import type { Finding } from '../../service/model';
import type { Settings } from '../../service/settings';
import type { ServiceInfo } from '../../service/workspace/serviceLookup';

/**
 * Language server → check worker, about one part of a file (a run of whole documents, see
 * `parsePart`): parse it (the worker holds the parse), then check it once the whole file's
 * Services are known, or drop it.
 */
export type ToWorker =
  | { id: number; kind: 'parse'; uri: string; text: string; settings: Settings }
  | { id: number; kind: 'check'; fileServices: readonly ServiceInfo[]; workspace: readonly (readonly [string, readonly ServiceInfo[]])[] }
  | { id: number; kind: 'drop' };

/**
 * Check worker → language server: a part's Services once parsed (ordinals count from the part's
 * start), its findings once checked (offsets from the part's start), or why there are none.
 */
export type FromWorker = { id: number; services: ServiceInfo[] } | { id: number; findings: Finding[] } | { id: number; error: string };
