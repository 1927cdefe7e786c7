// The minimal LSP client over stdio (Content-Length framing) that scripts/bench-workspace.mjs
// times the server with: requests, notifications, and the server's own requests answered as
// vscode-languageclient answers them.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/** Spawns `node <cli> lsp --stdio` in `cwd`; notifications reach `on`/`next` listeners with their arrival time. */
export function startServer(cli, cwd) {
  // The environment the extension gives the server (client/src/extension.ts): two malloc arenas, trimmed above 128 KB.
  const child = spawn(process.execPath, [cli, 'lsp', '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, MALLOC_ARENA_MAX: '2', MALLOC_TRIM_THRESHOLD_: '131072' } });
  const listeners = new Set();
  const pendingRequests = new Map();
  let nextId = 1;
  let buffer = Buffer.alloc(0);
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  child.stdin.on('error', () => undefined); // a server that died: the timeouts below report it
  child.stdout.on('data', (chunk) => {
    const at = performance.now();
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())?.[1]);
      if (buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
      buffer = buffer.subarray(headerEnd + 4 + length);
      if (message.method && message.id !== undefined) { // a request from the server
        const result = message.method === 'workspace/configuration' ? message.params.items.map(() => ({})) : null;
        send({ jsonrpc: '2.0', id: message.id, result });
        // vscode-languageclient answers a registration for settings changes with the settings at once.
        for (const registration of message.method === 'client/registerCapability' ? message.params.registrations : []) {
          const section = registration.method === 'workspace/didChangeConfiguration' ? registration.registerOptions?.section : undefined;
          if (typeof section === 'string') send({ jsonrpc: '2.0', method: 'workspace/didChangeConfiguration', params: { settings: { [section]: {} } } });
        }
      } else if (message.id !== undefined) {
        pendingRequests.get(message.id)?.(message);
        pendingRequests.delete(message.id);
      } else {
        for (const listener of [...listeners]) listener(message, at);
      }
    }
  });
  function send(message) {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]));
  }
  return {
    request: (method, params) => new Promise((resolve) => {
      const id = nextId++;
      pendingRequests.set(id, resolve);
      send({ jsonrpc: '2.0', id, method, params });
    }),
    notify: (method, params) => send({ jsonrpc: '2.0', method, params }),
    /** Resolves with [message, arrival time] for the first notification that `accept`s. */
    next: (accept, timeoutMs = 120_000) => new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        listeners.delete(listener);
        reject(new Error(`timed out after ${timeoutMs} ms; server stderr: ${stderr.slice(-2000)}`));
      }, timeoutMs);
      const listener = (message, at) => {
        if (!accept(message)) return;
        clearTimeout(timer);
        listeners.delete(listener);
        resolve([message, at]);
      };
      listeners.add(listener);
    }),
    on: (listener) => listeners.add(listener),
    async stop() {
      await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 2000))]);
      this.notify('exit', null);
      setTimeout(() => child.kill('SIGKILL'), 2000).unref();
    },
  };
}
