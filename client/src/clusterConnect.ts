import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  clusterContextsMethod, connectClusterMethod, liveChangedNotification,
  type ClusterContextsResult, type ConnectClusterParams, type ConnectClusterResult,
} from '../../protocol/protocol';

/** The context this workspace opted in to, remembered per workspace (never globally). */
const chosenContextKey = 'statefulset.cluster.context';
const disconnect = vscode.l10n.t('Disconnect');

/**
 * "StatefulSet: Connect to Cluster": the user picks a kubeconfig context; the server then
 * reads it (get, list and watch only) for the preview's live column. Opt-in per workspace,
 * remembered in its workspace state and reconnected on the next start; never in an
 * untrusted workspace (a kubeconfig's exec plugin is a program). A watch's change reaches
 * the preview through onLiveChanged.
 */
export function registerClusterConnection(context: vscode.ExtensionContext, client: LanguageClient, onLiveChanged: () => void): void {
  const item = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 10);
  item.command = 'statefulset.connectCluster';
  const show = (connectedTo: string | undefined): void => {
    if (connectedTo === undefined) { item.hide(); return; }
    item.text = `$(cloud) ${connectedTo}`;
    item.tooltip = vscode.l10n.t('StatefulSet Studio reads {0} (get, list, watch only). Click to change or disconnect.', connectedTo);
    item.show();
  };
  let connected: string | undefined;
  const connect = async (target: string | null, quiet = false): Promise<void> => {
    const params: ConnectClusterParams = { context: target };
    const result = await client.sendRequest<ConnectClusterResult>(connectClusterMethod, params);
    connected = result.connected && target !== null ? target : undefined;
    await context.workspaceState.update(chosenContextKey, target ?? undefined);
    show(connected);
    if (!result.connected && target !== null) void vscode.window.showWarningMessage(result.message);
    else if (!quiet) void vscode.window.setStatusBarMessage(result.message, 4000);
  };
  context.subscriptions.push(
    item,
    client.onNotification(liveChangedNotification, onLiveChanged),
    vscode.commands.registerCommand('statefulset.connectCluster', async () => {
      if (!vscode.workspace.isTrusted) {
        void vscode.window.showWarningMessage(vscode.l10n.t('StatefulSet Studio connects to a cluster only in a trusted workspace: a kubeconfig may run credential programs.'));
        return;
      }
      const found = await client.sendRequest<ClusterContextsResult>(clusterContextsMethod);
      if (found.error !== undefined) {
        void vscode.window.showErrorMessage(found.error);
        return;
      }
      const picks = found.contexts.map((name) => ({ label: name, description: name === found.current ? vscode.l10n.t('current context') : '' }));
      if (connected !== undefined) picks.push({ label: disconnect, description: vscode.l10n.t('stop reading {0}', connected) });
      const pick = await vscode.window.showQuickPick(picks, { placeHolder: vscode.l10n.t('Read a cluster (get, list, watch only) for the preview\'s live column') });
      if (pick !== undefined) await connect(pick.label === disconnect ? null : pick.label);
    }),
  );
  const saved = context.workspaceState.get<string>(chosenContextKey);
  if (saved !== undefined && vscode.workspace.isTrusted) void connect(saved, true);
}
