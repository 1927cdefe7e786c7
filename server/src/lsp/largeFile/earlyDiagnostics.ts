import type { Connection } from 'vscode-languageserver/node';
import type { Settings } from '../../service/settings';
import type { ServiceInfo } from '../../service/workspace/serviceLookup';
import type { WorkspaceIndex } from '../../service/workspace/workspaceIndex';
import type { OpenFile } from '../openFiles';
import { PartWorker } from './partWorker';
import { sharedFirstCheck } from './sharedFirstCheck';
import { toDiagnostics } from '../toDiagnostic';
import { t } from '../../messages';

/** Opening a file larger than this shares its first parse with a worker thread. */
const sharedFrom = 1024 * 1024;

/** What early diagnostics need from the server. */
export interface EarlyDiagnosticsDeps {
  connection: Connection;
  index: WorkspaceIndex;
  settings(): Settings;
  log(message: string): void;
  /** Whether the file is still open at that version. */
  isCurrent(uri: string, file: OpenFile, version: number): boolean;
  updateIndex(uri: string, services: readonly ServiceInfo[]): void;
}

/**
 * Diagnostics for a large file's first check, published before the server has parsed all of it
 * (see sharedFirstCheck). Tried once per opened file: checks that start while it runs (VS Code's
 * settings arrive just after the open) wait for it rather than share the parse again.
 * The function returned is awaited by the server's check before its own, which follows.
 */
export function earlyDiagnostics(deps: EarlyDiagnosticsDeps): (uri: string, file: OpenFile, version: number) => Promise<void> {
  const worker = new PartWorker();
  const tried = new WeakMap<OpenFile, Promise<void>>();

  async function publish(uri: string, file: OpenFile, version: number): Promise<void> {
    const current = (): boolean => deps.isCurrent(uri, file, version);
    const started = Date.now();
    const early = await sharedFirstCheck(uri, file.store, deps.settings(), deps.index, worker, current);
    if (!early || !current()) return;
    deps.updateIndex(uri, early.services);
    // Awaited: the parse that follows runs in slices, and between slices a pipe takes only
    // 64 KB of a message; 20,000 diagnostics would then reach the editor seconds late.
    await deps.connection.sendDiagnostics({ uri, version, diagnostics: toDiagnostics(early.findings, file.store.lines()) });
    deps.log(t('log.firstDiagnostics', { uri, mb: (file.store.length / 2 ** 20).toFixed(1), ms: Date.now() - started }));
  }

  return (uri, file, version) => {
    if (file.store.unparsedLength < sharedFrom && !tried.has(file)) return Promise.resolve();
    const running = tried.get(file) ?? publish(uri, file, version);
    tried.set(file, running);
    return running;
  };
}
