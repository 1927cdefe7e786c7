/**
 * One end-to-end session: the packaged VSIX installed into a fresh VS Code (code-server),
 * a fresh copy of the fixture workspace open in Chromium. Screenshots, logs and the
 * console go to test-results/e2e/ (git-ignored).
 *
 *   E2E_VSIX=path   test this VSIX instead of (re)packaging dist/statefulset-studio.vsix
 *   E2E_KEEP=1      keep the temporary workspace, extensions and user data folders
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { assertToolsInstalled, ensureVsix, installExtension, repoRoot, startCodeServer, type CodeServer } from './codeServer';
import { chromiumPath, Workbench } from './workbench';

export const resultsDir = path.join(repoRoot, 'test-results/e2e');
const fixtures = path.join(import.meta.dirname, 'workspace');

/** What the extension contributes, as read from the package.json inside the installed VSIX. */
export interface InstalledManifest {
  contributes?: {
    commands?: { command: string; title: string }[];
    snippets?: { language: string; path: string }[];
  };
}

export class Session {
  /** Checks that passed, for the summary line. */
  private passed = 0;
  private readonly skipped: string[] = [];

  private constructor(
    readonly wb: Workbench,
    /** The workspace folder open in VS Code (a copy of test/e2e/workspace). */
    readonly workspace: string,
    readonly manifest: InstalledManifest,
    private readonly server: CodeServer,
    private readonly tmp: string,
  ) {}

  static async start(): Promise<Session> {
    fs.rmSync(resultsDir, { recursive: true, force: true });
    fs.mkdirSync(resultsDir, { recursive: true });
    assertToolsInstalled(chromiumPath);
    const vsix = await ensureVsix();

    // Everything fresh per run: an old user data folder restores the last run's editors.
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'statefulset-e2e-'));
    const workspace = path.join(tmp, 'workspace');
    fs.cpSync(fixtures, workspace, { recursive: true });
    const extensionsDir = path.join(tmp, 'extensions');
    const userDataDir = path.join(tmp, 'user-data');
    fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
    fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({
      // The Welcome page would take the focus and close Quick Open.
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'extensions.ignoreRecommendations': true,
      'telemetry.telemetryLevel': 'off',
      // Suggestions only on Ctrl+Space: one that pops up by itself would take a Tab or Enter.
      // VS Code's YAML support turns them on for strings (all plain scalars), hence [yaml].
      '[yaml]': { 'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' } },
    }, null, 2));
    // code-server writes its config.yaml under XDG_CONFIG_HOME: keep it out of $HOME.
    const env = { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'config') };

    let server: CodeServer | undefined;
    try {
      const installed = await installExtension(vsix, extensionsDir, env);
      const manifest = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8')) as InstalledManifest;
      server = await startCodeServer({ folder: workspace, extensionsDir, userDataDir, env, logFile: codeServerLog() });
      const wb = await Workbench.open(server.url, resultsDir);
      return new Session(wb, workspace, manifest, server, tmp);
    } catch (error) {
      await server?.stop();
      keepLogs(tmp);
      throw error;
    }
  }

  /** Closes the browser and stops code-server (and all it started), whatever happened before. */
  async close(): Promise<void> {
    try {
      await this.wb.close().catch(() => undefined);
    } finally {
      await this.server.stop();
      keepLogs(this.tmp);
    }
  }

  /**
   * A test's body with its failure made readable: on failure a screenshot, and the error
   * message gains the Problems panel's text, the tail of the code-server log and that of
   * the language client's output channel.
   */
  test(body: (t: TestContext) => Promise<void>): (t: TestContext) => Promise<void> {
    return async (t) => {
      try {
        await body(t);
      } catch (error) {
        if (!(error instanceof Error)) throw error;
        await this.wb.screenshot(`FAILED-${t.name}`).catch(() => undefined);
        const context = `\n\n--- Problems panel ---\n${await this.wb.problemsText().catch((e: Error) => e.message)}`
          + `\n\n--- code-server log (tail) ---\n${tail(codeServerLog())}`
          + `\n\n--- "StatefulSet Studio" output channel (tail) ---\n${tail(this.outputChannelLog())}\n`;
        // Reporters print the stack, which holds the message as it was when thrown.
        const message = error.message;
        error.message += context;
        if (error.stack?.includes(message)) error.stack = error.stack.replace(message, error.message);
        // Close what the failed test left open (a menu, Quick Open), so the next one starts clean.
        await this.wb.press('Escape').then(() => this.wb.press('Escape')).catch(() => undefined);
        throw error;
      }
    };
  }

  /** Records a check that passed, with a screenshot of what the user sees at that point. */
  async passedCheck(screenshot: string): Promise<void> {
    this.passed++;
    await this.wb.screenshot(screenshot);
  }

  skip(t: TestContext, reason: string): void {
    this.skipped.push(`${t.name}: ${reason}`);
    t.skip(reason);
  }

  summary(): string {
    const skipped = this.skipped.length ? `; skipped: ${this.skipped.join('; ')}` : '';
    return `e2e: ${this.passed} checks passed in a real VS Code${skipped} (screenshots in ${path.relative(repoRoot, resultsDir)}/)`;
  }

  private outputChannelLog(): string {
    const logs = path.join(this.tmp, 'user-data', 'logs');
    const found = fs.existsSync(logs)
      ? fs.readdirSync(logs, { recursive: true, encoding: 'utf8' }).find((f) => f.endsWith('StatefulSet Studio.log'))
      : undefined;
    return found ? path.join(logs, found) : '';
  }
}

function codeServerLog(): string {
  return path.join(resultsDir, 'code-server.log');
}

/** Copies the extension host's and the language client's logs next to the screenshots. */
function keepLogs(tmp: string): void {
  const logs = path.join(tmp, 'user-data', 'logs');
  if (fs.existsSync(logs)) fs.cpSync(logs, path.join(resultsDir, 'logs'), { recursive: true, force: true });
  if (!process.env.E2E_KEEP) fs.rmSync(tmp, { recursive: true, force: true });
}

function tail(file: string, lines = 30): string {
  if (!file || !fs.existsSync(file)) return '(no log)';
  return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}
