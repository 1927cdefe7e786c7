import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { compareWithBranch } from './compareWithBranch';
import { helmStatusItem } from './helmStatus';
import { registerClusterConnection } from './clusterConnect';
import { otherSchemaValidatorActive } from './otherSchemaValidator';
import { pickPreviewOverlay } from './pickPreviewOverlay';
import { PreviewPanel } from './preview/panel';

let client: LanguageClient | undefined;

/** Starts the language server for YAML files and registers our commands; nothing else happens here. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  // glibc gives each thread that allocates its own malloc arena; the server's worker threads
  // (the Helm and kustomize engines, the checks) then leave memory spread over several: two
  // arenas kept the server ~12 MB smaller while a chart is edited, at no cost in latency. And
  // glibc keeps up to 32 MB free at the top of an arena before it gives it back: the engines'
  // compilations free that much and more, so the server trims above 128 KB (~9 MB less while a
  // chart is edited). scripts/bench-lsp-client.mjs launches the server the same way.
  const env = { ...process.env, MALLOC_ARENA_MAX: '2', MALLOC_TRIM_THRESHOLD_: '131072' };
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { env } },
    debug: { module, transport: TransportKind.ipc, options: { env, execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Chart templates may be in the `helm` language (vscode-kubernetes-tools) and helpers in .tpl files.
    documentSelector: [
      { scheme: 'file', language: 'yaml' }, { scheme: 'untitled', language: 'yaml' },
      { scheme: 'file', language: 'helm' }, { scheme: 'file', pattern: '**/templates/**/*.tpl' },
    ],
    initializationOptions: { otherSchemaValidator: otherSchemaValidatorActive(), trusted: vscode.workspace.isTrusted },
    outputChannelName: 'StatefulSet Studio',
  };
  client = new LanguageClient('statefulset', 'StatefulSet Studio', serverOptions, clientOptions);
  const languageClient = client;
  context.subscriptions.push(
    vscode.commands.registerCommand('statefulset.restartServer', () => client?.restart()),
    vscode.commands.registerCommand('statefulset.compareWithBranch', compareWithBranch),
    // The preview asks again once the server has the new setting (it reads settings on their change notice).
    vscode.commands.registerCommand('statefulset.pickPreviewOverlay', () => pickPreviewOverlay(languageClient, () => setTimeout(() => PreviewPanel.liveChanged(), 300))),
    // Trust granted: start again, so that external programs (git, a configured helm) may run.
    vscode.workspace.onDidGrantWorkspaceTrust(() => client?.restart()),
    // From the CodeLens with (uri, name); from the palette or the editor title with the active editor.
    vscode.commands.registerCommand('statefulset.openPreview', (uri?: unknown, name?: unknown) => {
      const editor = vscode.window.activeTextEditor;
      const target = typeof uri === 'string'
        ? { uri, ...(typeof name === 'string' ? { name } : {}) }
        : editor?.document.languageId === 'yaml' ? { uri: editor.document.uri.toString(), position: editor.selection.active } : undefined;
      PreviewPanel.show(context.extensionUri, languageClient, target);
    }),
  );
  await client.start();
  context.subscriptions.push(helmStatusItem(languageClient));
  registerClusterConnection(context, languageClient, () => PreviewPanel.liveChanged());
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
