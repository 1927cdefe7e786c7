import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

const serverPath = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');

/** A language server spawned as an editor would (`sts lsp --stdio`), spoken to over JSON-RPC. */
export class LspSession {
  readonly connection: MessageConnection;
  private readonly child: ChildProcess;
  private readonly published = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters: (() => void)[] = [];
  /**
   * Every publishDiagnostics (`diagnostics <uri>`) and window/logMessage (`log <message>`) in the
   * order they arrived: tests of what happens before what compare positions here, not clocks.
   */
  readonly arrivals: string[] = [];
  stderr = '';

  constructor(settings: Record<string, unknown> = {}) {
    this.child = spawn(process.execPath, [serverPath, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr?.on('data', (chunk: Buffer) => { this.stderr += chunk.toString(); });
    this.connection = createMessageConnection(
      new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.set(params.uri, [...(this.published.get(params.uri) ?? []), params]);
      this.arrivals.push(`diagnostics ${params.uri}`);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.connection.onRequest('workspace/configuration', () => [settings]);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onNotification('window/logMessage', ({ message }: { message: string }) => {
      this.arrivals.push(`log ${message}`);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.connection.listen();
  }

  /** `pullConfiguration: false` is a client that pushes settings: the server then starts its work without waiting on a reply. `locale`: the editor's display language. */
  async initialize(rootUri: string | null = null, { pullConfiguration = true, initializationOptions = undefined as unknown, locale = undefined as string | undefined } = {}): Promise<unknown> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid, rootUri, workspaceFolders: rootUri ? [{ uri: rootUri, name: 'ws' }] : null, initializationOptions, ...(locale ? { locale } : {}),
      capabilities: { workspace: { configuration: pullConfiguration }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
  }

  change(uri: string, version: number, changes: unknown[]): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  /** Waits until diagnostics for `uri` arrive that satisfy `accept` (at most `timeoutMs`). */
  async diagnostics(uri: string, accept: (d: Diagnostic[], version?: number) => boolean = () => true, timeoutMs = 10_000): Promise<Diagnostic[]> {
    const match = await this.until(() => (this.published.get(uri) ?? []).findLast((p) => accept(p.diagnostics, p.version)), timeoutMs, `diagnostics for ${uri}`);
    return match.diagnostics;
  }

  /** Every publishDiagnostics for `uri` so far, oldest first. */
  publishes(uri: string): readonly PublishDiagnosticsParams[] {
    return this.published.get(uri) ?? [];
  }

  closeFile(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Waits until the server logs a message (window/logMessage) that matches `pattern`. */
  log(pattern: RegExp, timeoutMs = 10_000): Promise<string> {
    return this.until(() => this.arrivals.find((a) => a.startsWith('log ') && pattern.test(a))?.slice('log '.length), timeoutMs, `log message ${pattern}`);
  }

  private async until<T>(find: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = find();
      if (found !== undefined) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching ${what} within ${timeoutMs} ms; stderr: ${this.stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => { clearTimeout(timer); resolve(); });
      });
    }
  }

  async close(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch { /* the server may be gone already */ }
    this.connection.dispose();
    this.child.kill();
  }

  get exitCode(): number | null {
    return this.child.exitCode;
  }
}
