import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { previewOverlaysMethod, type PreviewOverlay, type PreviewOverlaysParams } from '../../protocol/protocol';

/**
 * "Pick the Overlay to Preview…": which kustomize overlay's build the preview of a base resource or
 * patch file shows (issue 20). Lists the overlays that build a StatefulSet of the active file and
 * writes the choice to `statefulset.kustomize.previewOverlay` (workspace); the server reads it.
 */
export async function pickPreviewOverlay(client: LanguageClient, refresh: () => void): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const params: PreviewOverlaysParams | undefined = editor ? { uri: editor.document.uri.toString() } : undefined;
  const overlays = params ? await client.sendRequest<PreviewOverlay | null>(previewOverlaysMethod, params) : null;
  if (!overlays) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No kustomize overlay builds a StatefulSet of this file.'));
    return;
  }
  const picked = await vscode.window.showQuickPick(
    overlays.all.map((name) => ({ label: name, ...(name === overlays.name ? { description: vscode.l10n.t('shown now') } : {}) })),
    { title: vscode.l10n.t('The overlay whose build the preview shows') },
  );
  if (!picked) return;
  await vscode.workspace.getConfiguration('statefulset').update('kustomize.previewOverlay', picked.label, vscode.ConfigurationTarget.Workspace);
  refresh();
}
