import { parseAhead } from '../../service/languageService';
import type { Finding } from '../../service/model';
import type { DocumentStore } from '../../service/parse/documentStore';
import type { Settings } from '../../service/settings';
import { checkDocuments, moved } from '../../service/checkDocuments';
import type { ServiceInfo } from '../../service/workspace/serviceLookup';
import { servicesOf } from '../../service/workspace/servicesOf';
import type { WorkspaceIndex } from '../../service/workspace/workspaceIndex';
import { inSlices } from './inSlices';
import type { PartWorker } from './partWorker';

/**
 * The first check of a large file, with the parse shared between two threads: a worker parses
 * the second half of the documents while the server parses the first. Parsing is most of
 * opening a file, so the first diagnostics come in little more than half the time. The halves
 * then swap their Services, which the rules about `serviceName` need, and each checks its own.
 * The server still parses the worker's half afterwards, in the background (its edits, fixes and
 * hovers need the parse): this only brings the first diagnostics forward.
 * Undefined when the worker could not help or the file changed meanwhile.
 */
export async function sharedFirstCheck(
  uri: string, store: DocumentStore, settings: Settings, index: WorkspaceIndex, worker: Pick<PartWorker, 'parse'>, current: () => boolean,
): Promise<{ findings: Finding[]; services: ServiceInfo[] } | undefined> {
  const cut = store.unparsedMiddle();
  const second = store.textOf(cut, store.count);
  const part = worker.parse(uri, second.text, settings);
  try {
    if (!(await inSlices(parseAhead(store, settings, 0, cut), current))) return undefined;
    const first = store.documentsIn(0, cut);
    const theirServices = await part.services;
    if (!theirServices || !current()) return undefined;
    const ownServices = servicesOf(uri, first, settings.defaultNamespace);
    const services = [...ownServices, ...theirServices.map((s) => ({ ...s, ordinal: s.ordinal + ownServices.length }))];
    const workspace = index.uris().filter((other) => other !== uri).map((other) => [other, index.lookupAll(other)] as const);
    const theirs = part.check(services, workspace);
    const ours = checkDocuments(first, settings, { services: index.lookupFor(uri, services) });
    const theirFindings = await theirs;
    if (!theirFindings || !current()) return undefined;
    return { findings: [...ours, ...theirFindings.map((f) => moved(f, second.offset))], services };
  } finally {
    part.drop();
  }
}
