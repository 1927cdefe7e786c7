import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { otherSchemaValidatorActive } from './otherSchemaValidator';

let client: LanguageClient | undefined;

/** Starts the language server for YAML files and registers our commands; nothing else happens here. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'yaml' }, { scheme: 'untitled', language: 'yaml' }],
    initializationOptions: { otherSchemaValidator: otherSchemaValidatorActive() },
    outputChannelName: 'StatefulSet Studio',
  };
  client = new LanguageClient('statefulset', 'StatefulSet Studio', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand('statefulset.restartServer', () => client?.restart()),
  );
  await client.start();
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
