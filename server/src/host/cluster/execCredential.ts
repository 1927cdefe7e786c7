import { execFile } from 'node:child_process';
import { isAbsolute, join } from 'node:path';
import type { ExecPlugin } from './kubeconfig';
import { t } from '../../messages';

/** What an exec plugin gave: a bearer token or a client certificate, and until when. */
export interface ExecCredential {
  token?: string;
  cert?: string;
  key?: string;
  /** Milliseconds since the epoch; undefined: valid until the server says otherwise. */
  expires?: number;
}

/** A plugin that failed; the message never holds what the plugin printed on stdout. */
export class ExecPluginError extends Error {}

/**
 * Runs an exec credential plugin as kubectl does (client-go's exec authenticator): no
 * shell, the kubeconfig's env added, KUBERNETES_EXEC_INFO set, non-interactive; reads
 * the ExecCredential it prints. Only the last line of its stderr (cut short) goes into an
 * error: stdout holds the secret.
 */
export function runExecPlugin(plugin: ExecPlugin, timeoutMs = 30_000): Promise<ExecCredential> {
  const command = plugin.command.includes('/') && !isAbsolute(plugin.command) ? join(plugin.baseDir, plugin.command) : plugin.command;
  const env = { ...process.env, ...Object.fromEntries(plugin.env.map((e) => [e.name, e.value])) };
  env.KUBERNETES_EXEC_INFO = JSON.stringify({ apiVersion: plugin.apiVersion, kind: 'ExecCredential', spec: { interactive: false } });
  return new Promise((resolve, reject) => {
    execFile(command, plugin.args, { env, timeout: timeoutMs, maxBuffer: 1 << 20, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) {
        const last = stderr.trim().split('\n').pop()?.slice(0, 200) ?? '';
        const command = plugin.command;
        reject(new ExecPluginError((error as NodeJS.ErrnoException).code === 'ENOENT' ? t('exec.notFound', { command }) : error.killed ? t('exec.timedOut', { command })
          : last ? t('exec.failedBecause', { command, reason: last }) : t('exec.failed', { command })));
        return;
      }
      let status: Record<string, unknown>;
      try {
        const parsed = JSON.parse(stdout) as { status?: Record<string, unknown> };
        status = parsed.status ?? {};
      } catch {
        reject(new ExecPluginError(t('exec.noJson', { command: plugin.command })));
        return;
      }
      const credential: ExecCredential = {};
      if (typeof status.token === 'string' && status.token !== '') credential.token = status.token;
      if (typeof status.clientCertificateData === 'string') credential.cert = status.clientCertificateData;
      if (typeof status.clientKeyData === 'string') credential.key = status.clientKeyData;
      if (typeof status.expirationTimestamp === 'string') {
        const at = Date.parse(status.expirationTimestamp);
        if (!Number.isNaN(at)) credential.expires = at;
      }
      if (credential.token === undefined && (credential.cert === undefined || credential.key === undefined)) {
        reject(new ExecPluginError(t('exec.noCredential', { command: plugin.command })));
        return;
      }
      resolve(credential);
    });
  });
}
