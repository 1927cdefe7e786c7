import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { chartReleaseMethod, type ChartReleaseParams, type HelmRelease } from '../../protocol/protocol';
import { releaseText } from './helmRelease';

/**
 * The status item of a chart file: which release, namespace and values the chart's findings and
 * preview were rendered with; a click opens the settings that choose them (statefulset.helm).
 * Asked again when the editor changes and when the file's diagnostics do (a render publishes them).
 */
export function helmStatusItem(client: LanguageClient): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('statefulset.helmRelease', vscode.StatusBarAlignment.Right, 100);
  item.name = vscode.l10n.t('StatefulSet Studio: Helm release');
  item.command = { title: vscode.l10n.t('Helm settings'), command: 'workbench.action.openSettings', arguments: ['statefulset.helm'] };
  let asked = 0;
  const update = async (): Promise<void> => {
    const editor = vscode.window.activeTextEditor;
    const ask = ++asked;
    const release = editor && editor.document.uri.scheme === 'file'
      ? await client.sendRequest<HelmRelease | null>(chartReleaseMethod, { uri: editor.document.uri.toString() } satisfies ChartReleaseParams).catch(() => null)
      : null;
    if (ask !== asked) return; // a newer question was asked meanwhile
    if (!release) {
      item.hide();
      return;
    }
    item.text = `$(package) ${release.releaseName} · ${release.valuesFiles.length === 1 ? 'values.yaml' : vscode.l10n.t('{0} values files', release.valuesFiles.length)}`;
    item.tooltip = `${releaseText(release, (message, ...args) => vscode.l10n.t(message, ...args))}\n${vscode.l10n.t('Click to choose the values files, --set values, release name and namespace ({0}).', 'statefulset.helm')}`;
    item.show();
  };
  void update();
  return vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(() => void update()),
    vscode.languages.onDidChangeDiagnostics((event) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && event.uris.some((uri) => uri.toString() === active)) void update();
    }),
  );
}
