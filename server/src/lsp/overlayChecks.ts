import { dirname, isAbsolute, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CodeAction, Connection, Diagnostic } from 'vscode-languageserver/node';
import { kustomizationFolderOf, overlayRoots, sharedKustomizeEngine, topOverlays } from '../host/kustomize/index';
import { checkOverlay, type OverlayCheck } from '../host/overlayCheck';
import type { PreviewOverlay } from '../../../protocol/protocol';
import { checkFile, type CheckedFile } from '../service/languageService';
import type { Finding } from '../service/model';
import { settingsFingerprint, type Settings } from '../service/settings';
import type { WorkspaceIndex } from '../service/workspace/workspaceIndex';
import { chartCodeActions } from './chartCodeActions';
import type { OpenFile } from './openFiles';
import { toDiagnostics, type LinesOf } from './toDiagnostic';
import { t } from '../messages';

/** What the overlay checks read from the server. */
export interface OverlayChecksDeps {
  connection: Connection;
  open: ReadonlyMap<string, OpenFile>;
  index: WorkspaceIndex;
  settings(): Settings;
  log(message: string): void;
  /** An open file's diagnostics are published by the scheduler, which merges ours in. */
  recheck(uri: string): void;
  /** The workspace folders, to name overlays relative to them. */
  folders(): readonly string[];
}

/** A file's StatefulSets as an overlay builds them (see OverlayChecks.builtFileOf). */
export interface BuiltFile {
  file: CheckedFile;
  /** The line of the file that wrote a built StatefulSet (by its built name). */
  lineOf(name: string): number;
  /** The built StatefulSet written nearest above a line of the file (the cursor's). */
  nameAt(line: number): string | undefined;
  overlay: PreviewOverlay;
}

const within = (file: string, folder: string): boolean => file === folder || file.startsWith(folder + sep);

/**
 * The kustomize source in the server. Every folder with a kustomization that no other includes is
 * an overlay; an edit of any file below the kustomization folders it goes through (its patches,
 * its bases' resources, the kustomizations) builds it again on the next turn, with kustomize's
 * engine in its worker thread (in process: allowed in an untrusted workspace), one build per
 * overlay at a time. Findings land on the patch, kustomization or base lines that wrote them;
 * the scheduler merges them into open files, closed files get theirs published here; the build's
 * Services join the workspace index (under `kustomize:<folder>`).
 */
export class OverlayChecks {
  /** Kustomization folders seen (the scan, opened files), with the folders each goes through. */
  private readonly known = new Map<string, string[]>();
  private readonly built = new Map<string, OverlayCheck>();
  private readonly timers = new Map<string, NodeJS.Immediate>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly dirty = new Set<string>();
  /** Files whose diagnostics we published while closed (cleared when no overlay has findings there). */
  private readonly published = new Set<string>();
  private warming = false;
  /** The preview's checked StatefulSets of a file, per build and settings (a CodeLens request asks for each file often). */
  private readonly builtFiles = new WeakMap<OverlayCheck, Map<string, { key: string; file: BuiltFile }>>();

  constructor(private readonly deps: OverlayChecksDeps) {}

  /** The scan found a kustomization file: its folder is known, and the engine loads while idle. */
  discovered(kustomizationUri: string): void {
    if (!kustomizationUri.startsWith('file:')) return;
    this.learn(dirname(fileURLToPath(kustomizationUri)));
    if (!this.warming) {
      this.warming = true;
      void sharedKustomizeEngine().warmUp().then((ms) => this.deps.log(t('log.kustomizeWarm', { ms: Math.round(ms) })), () => undefined);
    }
  }

  /** Every overlay builds again (settings changed). */
  buildAll(): void {
    for (const overlay of this.overlays()) this.schedule(overlay);
  }

  /**
   * A file was opened, edited, or changed on disk: each overlay that goes through its folder builds
   * again — unless the last build read this very text (opening a file the scan's build read).
   */
  touched(uri: string): void {
    if (!uri.startsWith('file:')) return;
    const path = fileURLToPath(uri);
    const text = this.deps.open.get(uri)?.store.text;
    const own = kustomizationFolderOf(path);
    if (own && !this.known.has(own)) this.learn(own);
    // A kustomization changed: what it includes may have changed too.
    if (/(^|[\\/])(kustomization\.ya?ml|Kustomization)$/.test(path)) for (const dir of this.known.keys()) this.known.set(dir, overlayRoots(dir));
    for (const overlay of this.overlays()) {
      const roots = this.known.get(overlay) ?? [];
      const built = this.built.get(overlay);
      if (text !== undefined && built?.texts.get(path) === text && !this.running.has(overlay)) continue;
      if (built?.files.has(path) || roots.some((root) => within(path, root))) this.schedule(overlay);
    }
  }

  /** The overlay findings of a file, from every overlay that has some there. */
  findingsOf(uri: string): { findings: readonly Finding[]; linesOf: LinesOf } {
    const findings: Finding[] = [];
    const sources: OverlayCheck[] = [];
    for (const check of this.built.values()) {
      const found = check.byUri.get(uri);
      if (found) {
        findings.push(...found);
        sources.push(check);
      }
    }
    return { findings, linesOf: (u) => sources.map((s) => s.linesOf(u)).find((l) => l !== undefined) };
  }

  /** Quick fixes (and fix-all) for the overlay findings a client's diagnostics stand for, as edits of the patch or base that wrote the value. */
  codeActions(uri: string, diagnostics: readonly Diagnostic[], only: readonly string[] | undefined): CodeAction[] {
    const versionOf = (u: string): number | null => this.deps.open.get(u)?.version ?? null;
    return [...this.built.values()].flatMap((check) => chartCodeActions(check, uri, diagnostics, only, versionOf));
  }

  /** The overlays that build a file (for the preview's choice), in path order. */
  overlaysOf(uri: string): string[] {
    const path = uri.startsWith('file:') ? fileURLToPath(uri) : '';
    return this.overlays().filter((o) => this.built.get(o)?.files.has(path)).sort();
  }

  /**
   * A base resource or patch file's StatefulSets as an overlay builds them, checked, for the preview
   * and its CodeLens. The overlay is the one `choice` names (statefulset.kustomize.previewOverlay: its
   * folder, relative to a workspace folder or absolute), else the first in path order whose build
   * this file writes a StatefulSet of; `lineOf` is the line of this file that wrote each (the base
   * resource's `kind:`, the patch's first line). Undefined when no built overlay does.
   */
  builtFileOf(uri: string, choice: string): BuiltFile | undefined {
    const all = this.overlaysOf(uri).filter((o) => (this.built.get(o)?.statefulSetsBy(uri).length ?? 0) > 0);
    const chosen = all.find((o) => this.names(o, choice)) ?? all[0];
    const check = chosen === undefined ? undefined : this.built.get(chosen);
    if (!check) return undefined;
    let files = this.builtFiles.get(check);
    if (!files) this.builtFiles.set(check, (files = new Map()));
    const key = `${settingsFingerprint(this.deps.settings())}\n${all.map((o) => this.built.get(o)?.name).join('\n')}`;
    const kept = files.get(uri);
    if (kept?.key === key) return kept.file;
    const sets = check.statefulSetsBy(uri);
    const lines = check.linesOf(uri);
    const lineByName = new Map(sets.map((s) => [s.name, lines?.positionAt(s.offset).line ?? 0]));
    const file: BuiltFile = {
      file: checkFile(`kustomize:${uri}`, sets.map((s) => s.text).join('---\n'), this.deps.settings(), this.deps.index),
      lineOf: (name) => lineByName.get(name) ?? 0,
      nameAt: (line) => [...lineByName].filter(([, l]) => l <= line).sort((a, b) => b[1] - a[1])[0]?.[0],
      overlay: { name: check.name, all: all.map((o) => this.built.get(o)?.name ?? o) },
    };
    files.set(uri, { key, file });
    return file;
  }

  /** Whether the setting `choice` names the overlay folder `dir` (relative to a workspace folder, or absolute). */
  private names(dir: string, choice: string): boolean {
    if (choice === '') return false;
    const wanted = choice.replace(/[\\/]+$/, '');
    if (isAbsolute(wanted)) return resolve(wanted) === dir;
    return this.deps.folders().some((f) => resolve(f, wanted) === dir);
  }

  private learn(dir: string): void {
    this.known.set(dir, overlayRoots(dir));
  }

  /** The known kustomization folders that no other known one includes (a cycle's are kept: their build reports it). */
  private overlays(): string[] {
    return topOverlays(this.known);
  }

  private schedule(overlay: string): void {
    clearImmediate(this.timers.get(overlay));
    this.timers.set(overlay, setImmediate(() => {
      this.timers.delete(overlay);
      void this.build(overlay);
    }));
  }

  private async build(overlay: string): Promise<void> {
    if (this.running.has(overlay)) {
      this.dirty.add(overlay);
      return;
    }
    const run = this.buildNow(overlay).finally(() => {
      this.running.delete(overlay);
      if (this.dirty.delete(overlay)) void this.build(overlay);
    });
    this.running.set(overlay, run);
    await run;
  }

  private async buildNow(overlay: string): Promise<void> {
    const { open, settings, index, log } = this.deps;
    // Found to be a base since it was scheduled (another kustomization includes it): its overlays build it.
    if (!this.overlays().includes(overlay)) {
      if (this.built.delete(overlay)) index.set(`kustomize:${pathToFileURL(overlay).href}`, []);
      return;
    }
    const openPaths = new Map([...open].filter(([uri]) => uri.startsWith('file:')).map(([uri, file]) => [fileURLToPath(uri), file]));
    const folder = this.deps.folders().find((f) => within(overlay, f));
    let checked: OverlayCheck | undefined;
    try {
      checked = await checkOverlay(overlay, settings(), index, { openText: (path) => openPaths.get(path)?.store.text, ...(folder ? { relativeTo: folder } : {}) });
    } catch (error) {
      log(t('log.overlayFailed', { overlay, error: error instanceof Error ? error.message : String(error) }));
      return;
    }
    const before = this.built.get(overlay);
    if (checked) this.built.set(overlay, checked);
    else this.built.delete(overlay);
    if (index.set(`kustomize:${pathToFileURL(overlay).href}`, checked?.services ?? [])) for (const uri of open.keys()) this.deps.recheck(uri);
    log(t('log.overlayBuilt', { overlay, ms: Math.round(checked?.buildMs ?? 0), findings: [...checked?.byUri.values() ?? []].reduce((n, f) => n + f.length, 0), error: checked?.result.error ? ` (${checked.result.error.kind})` : '' }));
    const uris = new Set([...before?.byUri.keys() ?? [], ...checked?.byUri.keys() ?? [], ...this.published]);
    for (const uri of uris) {
      if (open.has(uri)) {
        this.deps.recheck(uri);
        continue;
      }
      const { findings, linesOf } = this.findingsOf(uri);
      const lines = linesOf(uri);
      if (findings.length > 0) this.published.add(uri);
      else this.published.delete(uri);
      void this.deps.connection.sendDiagnostics({ uri, diagnostics: lines && findings.length > 0 ? toDiagnostics(findings, lines, linesOf) : [] });
    }
  }
}
