import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { runExecPlugin, type ExecCredential } from './execCredential';
import type { ClusterAccess } from './kubeconfig';
import { redact } from './redact';
import { t } from '../../messages';

/** The only verbs this client has. Each is an HTTP GET; no other method exists here. */
export type ReadVerb = 'get' | 'list' | 'watch';

export type ClusterErrorKind = 'unreachable' | 'tls' | 'unauthorized' | 'forbidden' | 'not-found' | 'credentials' | 'other';

/** A failed read, with a message fit for a person: it never holds a token or a key. */
export class ClusterError extends Error {
  constructor(message: string, readonly kind: ClusterErrorKind, readonly status?: number) {
    super(message);
  }
}

/** One event of a watch: ADDED, MODIFIED, DELETED, BOOKMARK or ERROR, and the object. */
export interface WatchEvent {
  type: string;
  object: unknown;
}

export interface Watch {
  close(): void;
}

const requestTimeoutMs = 15_000;

/**
 * A Kubernetes API client that can only read: get, list and watch, each sent as GET.
 * TLS is verified as the kubeconfig says (its CA, else the system's roots); there is no
 * insecure retry. Credentials: client certificate, bearer token (or token file, re-read
 * on each request as client-go does), basic auth, or an exec plugin (its credential
 * cached until it expires or the server answers 401).
 */
export class ReadOnlyClient {
  private execCredential: ExecCredential | undefined;

  constructor(readonly access: ClusterAccess, private readonly exec = runExecPlugin) {}

  /** One object: `/api/v1/namespaces/ns/pods/web-0`. */
  get(path: string): Promise<unknown> {
    return this.read('get', path);
  }

  /** A collection: `/api/v1/namespaces/ns/pods`, optionally with a query. */
  list(path: string): Promise<unknown> {
    return this.read('list', path);
  }

  /**
   * Watches a collection from a resourceVersion: each event is handed to onEvent; onEnd
   * is called once when the stream ends or fails (the caller reconnects).
   */
  watch(path: string, resourceVersion: string, onEvent: (event: WatchEvent) => void, onEnd: (error?: ClusterError) => void): Watch {
    let closed = false;
    let request: http.ClientRequest | undefined;
    const end = (error?: ClusterError): void => {
      if (closed) return;
      closed = true;
      onEnd(error);
    };
    const query = `watch=true&allowWatchBookmarks=true&resourceVersion=${encodeURIComponent(resourceVersion)}`;
    void this.open('watch', `${path}${path.includes('?') ? '&' : '?'}${query}`, 0).then(({ req, response }) => {
      request = req;
      if (closed) return req.destroy();
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let newline: number;
        while ((newline = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, newline).trim();
          buffer = buffer.slice(newline + 1);
          if (line === '') continue;
          try {
            const event = JSON.parse(line) as WatchEvent;
            if (!closed) onEvent(event);
          } catch {
            end(new ClusterError(t('cluster.watchNotJson'), 'other'));
            req.destroy();
            return;
          }
        }
      });
      response.on('end', () => end());
      response.on('error', () => end(new ClusterError(t('cluster.watchDropped'), 'unreachable')));
    }, (error: ClusterError) => end(error));
    return { close: () => { closed = true; request?.destroy(); } };
  }

  private async read(verb: ReadVerb, path: string): Promise<unknown> {
    const { response } = await this.open(verb, path, requestTimeoutMs);
    const body = await new Promise<string>((resolve, reject) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => { text += chunk; });
      response.on('end', () => resolve(text));
      response.on('error', () => reject(new ClusterError(t('cluster.connectionDropped', { server: this.access.server }), 'unreachable')));
    });
    try {
      return JSON.parse(body) as unknown;
    } catch {
      throw new ClusterError(t('cluster.answerNotJson', { server: this.access.server, path }), 'other');
    }
  }

  /** Opens a GET and resolves once a 2xx response starts; retries a 401 once after a fresh exec credential. */
  private async open(verb: ReadVerb, path: string, timeoutMs: number, retried = false): Promise<{ req: http.ClientRequest; response: http.IncomingMessage }> {
    const credential = await this.credential();
    const url = new URL(this.access.server + path);
    const headers: Record<string, string> = { Accept: 'application/json', 'User-Agent': `statefulset-studio (${verb})` };
    const token = credential.token ?? this.staticToken();
    if (token !== undefined) headers.Authorization = `Bearer ${token}`;
    else if (this.access.username !== undefined && this.access.password !== undefined) {
      headers.Authorization = `Basic ${Buffer.from(`${this.access.username}:${this.access.password}`).toString('base64')}`;
    }
    const tls: https.RequestOptions = {
      rejectUnauthorized: !this.access.insecureSkipTlsVerify,
      ...(this.access.ca !== undefined ? { ca: this.access.ca } : {}),
      ...(this.access.tlsServerName !== undefined ? { servername: this.access.tlsServerName } : {}),
      ...((credential.cert ?? this.access.cert) !== undefined ? { cert: credential.cert ?? this.access.cert } : {}),
      ...((credential.key ?? this.access.key) !== undefined ? { key: credential.key ?? this.access.key } : {}),
    };
    const transport = url.protocol === 'http:' ? http : https;
    const result = await new Promise<{ req: http.ClientRequest; response: http.IncomingMessage }>((resolve, reject) => {
      // The one request this client sends; its method is GET and nothing else.
      const req = transport.request(url, { method: 'GET', headers, agent: false, ...(url.protocol === 'https:' ? tls : {}) }, (response) => resolve({ req, response }));
      if (timeoutMs > 0) req.setTimeout(timeoutMs, () => req.destroy(new Error(t('cluster.noAnswer', { seconds: timeoutMs / 1000 }))));
      req.on('error', (error) => reject(this.networkError(error)));
      req.end();
    });
    const status = result.response.statusCode ?? 0;
    if (status >= 200 && status < 300) return result;
    const body = await new Promise<string>((resolve) => {
      let text = '';
      result.response.setEncoding('utf8');
      result.response.on('data', (chunk: string) => { if (text.length < 4096) text += chunk; });
      result.response.on('end', () => resolve(text));
      result.response.on('error', () => resolve(text));
    });
    if (status === 401 && this.access.exec !== undefined && !retried) {
      this.execCredential = undefined;
      return this.open(verb, path, timeoutMs, true);
    }
    throw this.statusError(status, body, verb, path);
  }

  private staticToken(): string | undefined {
    if (this.access.token !== undefined) return this.access.token;
    if (this.access.tokenFile === undefined) return undefined;
    try {
      return readFileSync(this.access.tokenFile, 'utf8').trim();
    } catch {
      throw new ClusterError(t('cluster.tokenFile', { file: String(this.access.tokenFile) }), 'credentials');
    }
  }

  private async credential(): Promise<ExecCredential> {
    if (this.access.exec === undefined) return {};
    const cached = this.execCredential;
    if (cached !== undefined && (cached.expires === undefined || cached.expires > Date.now() + 10_000)) return cached;
    try {
      this.execCredential = await this.exec(this.access.exec);
    } catch (error) {
      throw new ClusterError(this.clean(error instanceof Error ? error.message : String(error)), 'credentials');
    }
    return this.execCredential;
  }

  private networkError(error: Error & { code?: string }): ClusterError {
    const code = error.code ?? '';
    if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|ALTNAME|SSL/.test(code) || /certificate/i.test(error.message)) {
      return new ClusterError(this.clean(t('cluster.tls', { server: this.access.server, reason: code || error.message })), 'tls');
    }
    return new ClusterError(this.clean(t('cluster.unreachable', { server: this.access.server, reason: code || error.message })), 'unreachable');
  }

  private statusError(status: number, body: string, verb: ReadVerb, path: string): ClusterError {
    let message = '';
    try {
      const parsed = JSON.parse(body) as { message?: unknown };
      if (typeof parsed.message === 'string') message = parsed.message;
    } catch { /* not a Status: the code says enough */ }
    const what = `${verb} ${path}`;
    if (status === 401) return new ClusterError(this.clean(t('cluster.unauthorized', { server: this.access.server, context: this.access.context })), 'unauthorized', status);
    if (status === 403) return new ClusterError(this.clean(message ? t('cluster.forbiddenBecause', { what, message }) : t('cluster.forbidden', { what })), 'forbidden', status);
    if (status === 404) return new ClusterError(this.clean(message ? t('cluster.notFoundBecause', { what, message }) : t('cluster.notFound', { what })), 'not-found', status);
    return new ClusterError(this.clean(message ? t('cluster.httpBecause', { what, status, message }) : t('cluster.http', { what, status })), 'other', status);
  }

  /** Every message leaves through here: the known secrets are taken out. */
  private clean(message: string): string {
    const c = this.execCredential;
    return redact(message, [this.access.token, this.access.key, this.access.password, c?.token, c?.key]);
  }
}
