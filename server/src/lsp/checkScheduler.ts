import type { Connection } from 'vscode-languageserver/node';
import type { BaselineLookup } from '../service/baseline/baselineLookup';
import { checkFile, type CheckedFile } from '../service/languageService';
import type { Settings } from '../service/settings';
import type { ServiceInfo } from '../service/workspace/serviceLookup';
import type { WorkspaceIndex } from '../service/workspace/workspaceIndex';
import { largeFileOpen, slicedFrom } from './largeFile/largeFileOpen';
import type { OpenFile } from './openFiles';
import type { CurrentFile } from './requestHandlers';
import { toDiagnostics, type LinesOf } from './toDiagnostic';
import type { Finding } from '../service/model';
import { t } from '../messages';

/**
 * Larger files are not checked in the editor; one info diagnostic says so. Parsing 50 MB of
 * YAML holds gigabytes for minutes (hostile-input tests). `sts check` still checks them.
 */
export const maxCheckedLength = 10 * 1024 * 1024;

/** What the scheduler reads from the server. */
export interface SchedulerDeps {
  connection: Connection;
  open: ReadonlyMap<string, OpenFile>;
  index: WorkspaceIndex;
  settings(): Settings;
  baselineOf(uri: string): BaselineLookup | undefined;
  excluded(uri: string): boolean;
  log(message: string): void;
  /** After a file's first diagnostics (reading its deployed version costs a git start). */
  firstChecked(uri: string): void;
  /** Findings of sources (a chart, an overlay) on a file; `onlySource`: the file's own check is not shown (a chart's template). */
  sourceFindings(uri: string): { findings: readonly Finding[]; linesOf: LinesOf; onlySource?: boolean };
}

/**
 * Owns the pending checks of the open files (as yaml-language-server's validation handler
 * does): one scheduled per uri, the last result per version, and the requests waiting for one.
 */
export class CheckScheduler {
  /** The last check of each open file, with the version it was of. */
  private readonly checked = new Map<string, { version: number; file: CheckedFile }>();
  /** Open files whose check is scheduled or running: their last check may be stale. */
  private readonly pending = new Set<string>();
  private readonly timers = new Map<string, NodeJS.Immediate>();
  /** Requests waiting for a file's check (see `current`). */
  private readonly waiting = new Map<string, (() => void)[]>();
  private readonly largeFile;

  constructor(private readonly deps: SchedulerDeps) {
    this.largeFile = largeFileOpen({
      connection: deps.connection, index: deps.index, settings: deps.settings, log: deps.log,
      updateIndex: (uri, services) => this.updateIndex(uri, services), isCurrent: (uri, file, version) => this.isCurrent(uri, file, version),
    });
  }

  /**
   * Checks a file on the next turn of the event loop, with no debounce: an edit re-checks one
   * document (about a millisecond at 2000 documents), so any wait would only add latency; a
   * 0 ms timer alone cost a millisecond, and lsp-bench measured a 5 ms debounce as 6 ms more per edit.
   */
  schedule(uri: string): void {
    this.pending.add(uri);
    clearImmediate(this.timers.get(uri));
    this.timers.set(uri, setImmediate(() => {
      this.timers.delete(uri);
      void this.check(uri).finally(() => {
        if (this.timers.has(uri)) return;
        this.pending.delete(uri);
        this.wake(uri);
      });
    }));
  }

  scheduleAll(): void {
    for (const uri of this.deps.open.keys()) this.schedule(uri);
  }

  /** Keeps the index current with an open file's Services; other files are re-checked when those change. */
  updateIndex(uri: string, services: readonly ServiceInfo[]): void {
    if (this.deps.index.set(uri, services)) for (const other of this.deps.open.keys()) if (other !== uri) this.schedule(other);
  }

  /** A closed file: nothing of it is kept, its diagnostics are cleared. */
  forget(uri: string): void {
    clearImmediate(this.timers.get(uri));
    this.timers.delete(uri);
    this.checked.delete(uri);
    this.pending.delete(uri);
    this.wake(uri);
    void this.deps.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /**
   * The file as the editor has it now, checked. The last check's result when it is of this
   * version and nothing has changed since (requests follow every edit: checking again would
   * double the work of a keystroke); else a check now (unchanged documents come from the store).
   * A large file still being parsed for its check is waited for, not parsed here at once: that
   * would block the server for seconds (VS Code asks for lenses and symbols as a file opens).
   */
  async current(uri: string): Promise<CurrentFile | undefined> {
    let file = this.deps.open.get(uri);
    while (file && this.pending.has(uri) && file.store.unparsedLength >= slicedFrom) {
      await this.settled(uri);
      file = this.deps.open.get(uri);
    }
    // Not a file over the size limit: answering would parse all of it here, blocking the server.
    if (!file || this.deps.excluded(uri) || file.store.length > maxCheckedLength) return undefined;
    const { store } = file;
    const last = this.checked.get(uri);
    const checkedFile = last && last.version === file.version && !this.pending.has(uri)
      ? last.file : checkFile(uri, store, this.deps.settings(), this.deps.index, this.deps.baselineOf(uri));
    return { get text() { return store.text; }, file: checkedFile };
  }

  /** Whether work begun for a file at a version still stands: the file is open and not edited since. */
  private isCurrent(uri: string, file: OpenFile, version: number): boolean {
    return this.deps.open.get(uri) === file && file.version === version;
  }

  private async check(uri: string): Promise<void> {
    const { connection, settings, index } = this.deps;
    const file = this.deps.open.get(uri);
    if (!file) return;
    try {
      const { version, store } = file;
      if (this.deps.excluded(uri)) {
        void connection.sendDiagnostics({ uri, version, diagnostics: [] });
        return;
      }
      if (store.length > maxCheckedLength) {
        this.tooLarge(uri, version, store.length);
        return;
      }
      const first = !this.checked.has(uri);
      if (this.largeFile.needsOpening(file, !first)) {
        const early = first && !this.deps.baselineOf(uri);
        if (!(await this.largeFile.open(uri, file, version, early))) return;
      }
      const other = this.deps.sourceFindings(uri);
      if (other.onlySource) {
        // A chart's template is not a manifest: its diagnostics are what it renders, and its own
        // check (hover and lenses still ask for one, see current()) would only cost the wait.
        // No deployed version is read for it either (firstChecked): a template's text is never applied.
        this.checked.delete(uri);
        void connection.sendDiagnostics({ uri, version, diagnostics: toDiagnostics(other.findings, store.lines(), other.linesOf) });
        return;
      }
      const result = checkFile(uri, store, settings(), index, this.deps.baselineOf(uri));
      this.checked.set(uri, { version, file: result });
      // A source's finding that the file's own check already made (same rule, same line: a kustomize patch's own value) is shown once.
      const lineOf = (f: Finding): string => `${f.rule}\n${result.lines.positionAt(f.start).line}`;
      const own = other.findings.length > 0 ? new Set(result.findings.map(lineOf)) : undefined;
      const findings = own ? [...result.findings, ...other.findings.filter((f) => !own.has(lineOf(f)))] : result.findings;
      void connection.sendDiagnostics({ uri, version, diagnostics: toDiagnostics(findings, result.lines, other.linesOf) });
      this.updateIndex(uri, result.services);
      if (first) this.deps.firstChecked(uri);
    } catch (error) {
      this.deps.log(t('log.checkFailed', { uri, error: error instanceof Error ? error.stack ?? error.message : String(error) }));
    }
  }

  /** A one-line info diagnostic instead of checking a file over maxCheckedLength. */
  private tooLarge(uri: string, version: number, length: number): void {
    this.checked.delete(uri);
    const message = t('lsp.tooLarge', { size: (length / 1024 / 1024).toFixed(1), limit: maxCheckedLength / 1024 / 1024 });
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    void this.deps.connection.sendDiagnostics({ uri, version, diagnostics: [{ range, severity: 3, source: 'statefulset', code: 'file-too-large', message }] });
  }

  /** Resolves when no check of the file is scheduled or running (or it closed). */
  private settled(uri: string): Promise<void> {
    return new Promise((resolve) => this.waiting.set(uri, [...(this.waiting.get(uri) ?? []), resolve]));
  }

  private wake(uri: string): void {
    for (const resolve of this.waiting.get(uri) ?? []) resolve();
    this.waiting.delete(uri);
  }
}
