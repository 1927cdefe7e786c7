import type { CodeAction, Connection, Diagnostic } from 'vscode-languageserver/node';
import {
  chartReleaseMethod, previewMethod, previewOverlaysMethod, type ChartReleaseParams, type HelmRelease, type PreviewOverlay, type PreviewOverlaysParams, type PreviewParams, type PreviewResult,
} from '../../../protocol/protocol';
import type { BaselineLookup } from '../service/baseline/baselineLookup';
import { previewLenses } from '../service/codeLenses';
import type { CheckedFile } from '../service/languageService';
import { previewOf } from '../service/previewOf';
import type { Settings } from '../service/settings';
import type { WorkspaceIndex } from '../service/workspace/workspaceIndex';
import type { FileAccess } from './fileAccess';
import type { BuiltFile } from './overlayChecks';
import { toCodeActions } from './toCodeActions';
import { t } from '../messages';

/** What the request handlers read from the server's state. */
export interface RequestDeps {
  /** The open file as the editor has it now, checked; undefined when it is not checked. */
  current(uri: string): Promise<CurrentFile | undefined>;
  files: FileAccess;
  index: WorkspaceIndex;
  log(message: string): void;
  settings(): Settings;
  baselineOf(uri: string): BaselineLookup | undefined;
  /** A Helm chart template's StatefulSets as its release renders them (see chartChecks.ts). */
  renderedFileOf?(uri: string): { file: CheckedFile; line: number; release: HelmRelease } | undefined;
  /** A kustomize base or patch file's StatefulSets as an overlay builds them (see overlayChecks.ts). */
  builtFileOf?(uri: string): BuiltFile | undefined;
  /** The release a chart file renders as, for the status item. */
  chartReleaseOf?(uri: string): HelmRelease | undefined;
  /** Quick fixes of a Helm chart's findings in this file, edits of the template or values line that wrote them. */
  sourceCodeActions?(uri: string, diagnostics: readonly Diagnostic[], only: readonly string[] | undefined): CodeAction[];
}

/** An open file as the editor has it now, checked (its whole text is joined only if read). */
export interface CurrentFile {
  readonly text: string;
  file: CheckedFile;
}

/** The preview request, the "Preview · N pods" lenses and the code actions: language-service calls out. */
export function registerRequests(connection: Connection, { current, files, index, log, settings, baselineOf, renderedFileOf, builtFileOf, chartReleaseOf, sourceCodeActions }: RequestDeps): void {
  connection.onRequest(previewMethod, async (params: PreviewParams): Promise<PreviewResult> => {
    const whatIf = params.whatIf ? { whatIf: params.whatIf } : {};
    // A rendered chart's template is answered from its render, before (and without) a check of its own text.
    const rendered = renderedFileOf?.(params.uri);
    // A base or patch file of a built overlay: the StatefulSet as the overlay builds it, revealed at the line that wrote it.
    const built = rendered ? undefined : builtFileOf?.(params.uri);
    if (built) {
      const name = params.name ?? (params.position ? built.nameAt(params.position.line) : undefined);
      const overlay = previewOf(params.uri, built.file, settings(), index, { ...(name ? { name } : {}), ...whatIf });
      return overlay && {
        ...overlay, statefulSet: { ...overlay.statefulSet, line: built.lineOf(overlay.statefulSet.name) }, others: overlay.others.map((o) => ({ ...o, line: built.lineOf(o.name) })), overlay: built.overlay,
      };
    }
    if (!rendered) {
      const now = await current(params.uri);
      if (!now) return null;
      const offset = params.position ? now.file.lines.offsetAt(params.position) : undefined;
      return previewOf(params.uri, now.file, settings(), index, {
        ...(offset !== undefined ? { offset } : {}), ...(params.name ? { name: params.name } : {}), ...whatIf, baseline: baselineOf(params.uri),
      });
    }
    // A chart template: the StatefulSet its release renders, revealed at the template's `kind:` line.
    const release = previewOf(params.uri, rendered.file, settings(), index, { ...(params.name ? { name: params.name } : {}), ...whatIf });
    return release && {
      ...release, statefulSet: { ...release.statefulSet, line: rendered.line }, others: release.others.map((o) => ({ ...o, line: rendered.line })), release: rendered.release,
    };
  });

  connection.onRequest(chartReleaseMethod, ({ uri }: ChartReleaseParams): HelmRelease | null => chartReleaseOf?.(uri) ?? null);
  connection.onRequest(previewOverlaysMethod, ({ uri }: PreviewOverlaysParams): PreviewOverlay | null => builtFileOf?.(uri)?.overlay ?? null);

  connection.onCodeLens(async ({ textDocument }) => {
    const rendered = renderedFileOf?.(textDocument.uri);
    const built = rendered ? undefined : builtFileOf?.(textDocument.uri);
    const now = rendered || built ? undefined : await current(textDocument.uri);
    const lenses = rendered ? previewLenses(rendered.file).map((lens) => ({ ...lens, line: rendered.line }))
      : built ? previewLenses(built.file).map((lens) => ({ ...lens, line: built.lineOf(lens.name) }))
        : now ? previewLenses(now.file) : [];
    return lenses.map((lens) => ({
      range: { start: { line: lens.line, character: 0 }, end: { line: lens.line, character: 0 } },
      command: { title: lens.title, command: 'statefulset.openPreview', arguments: [textDocument.uri, lens.name] },
    }));
  });

  connection.onCodeAction(async (params) => {
    const { uri } = params.textDocument;
    try {
      // Answer for the text the editor has now, even if its validation is still scheduled.
      const now = await current(uri);
      if (!now) return [];
      const { text, file } = now;
      const own = toCodeActions(params, { uri, text, file }, settings(), files.documentsOf, files.editTarget);
      const fromSources = sourceCodeActions?.(uri, params.context.diagnostics, params.context.only) ?? [];
      return fromSources.length > 0 ? [...fromSources, ...own] : own;
    } catch (error) {
      log(t('log.requestFailed', { name: 'textDocument/codeAction', uri, error: error instanceof Error ? error.stack ?? error.message : String(error) }));
      return [];
    }
  });
}
