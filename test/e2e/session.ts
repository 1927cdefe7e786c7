/**
 * One end-to-end session: the packaged VSIX installed into a fresh VS Code (code-server),
 * a fresh copy of the fixture workspace open in Chromium. Screenshots, logs and the
 * console go to test-results/e2e/ (git-ignored).
 *
 * A session started with a `name` (another test file's) opens test/e2e/workspace/<name>/
 * instead and keeps its results in test-results/e2e/<name>/. test-results/e2e/ is cleared
 * once per `node --test` run, by whichever session starts first.
 *
 *   E2E_VSIX=path   test this VSIX instead of (re)packaging dist/statefulset-studio.vsix
 *   E2E_KEEP=1      keep the temporary workspace, extensions and user data folders
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, type TestContext } from 'node:test';
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

/** What makes one session differ from the default one (statefulset.test.ts). */
export interface SessionOptions {
  /**
   * The session's name: its workspace is a copy of test/e2e/workspace/<name>/, its
   * screenshots and logs go to test-results/e2e/<name>/.
   */
  name?: string;
  /** User settings on top of the defaults below. */
  settings?: Record<string, unknown>;
  /** Runs on the fresh copy of the workspace before VS Code opens it (e.g. `git init`). */
  prepareWorkspace?: (workspace: string) => void | Promise<void>;
  /**
   * VS Code's display language (e.g. `zh-cn`), as "Configure Display Language" sets it: the
   * user's argv.json, which code-server reads at each page load. VS Code takes a language only
   * from an installed language pack (without one it stays `en`, and so does vscode.env.language),
   * so the session also installs test/e2e/languagePacks/<locale>/: a stub pack that makes the
   * language available and translates nothing of VS Code's own (its words stay English), as a
   * Chinese user's pack would make vscode.env.language, package.nls.<locale>.json and the
   * extension's l10n bundle follow it.
   */
  locale?: string;
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
    /** Where this session's screenshots and logs go. */
    readonly results: string,
  ) {}

  static async start(options: SessionOptions = {}): Promise<Session> {
    const results = options.name ? path.join(resultsDir, options.name) : resultsDir;
    clearResults(results);
    assertToolsInstalled(chromiumPath);
    const vsix = await ensureVsix();

    // Everything fresh per run: an old user data folder restores the last run's editors.
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'statefulset-e2e-'));
    const workspace = path.join(tmp, 'workspace');
    const source = options.name ? path.join(fixtures, options.name) : fixtures;
    if (!fs.existsSync(source)) throw new Error(`No fixture workspace ${source} for the session "${options.name}"`);
    // The default session takes the top-level files only: subfolders are other sessions' workspaces.
    fs.cpSync(source, workspace, {
      recursive: true,
      filter: (from) => options.name !== undefined || path.dirname(from) !== fixtures || !fs.statSync(from).isDirectory(),
    });
    await options.prepareWorkspace?.(workspace);
    const extensionsDir = path.join(tmp, 'extensions');
    const userDataDir = path.join(tmp, 'user-data');
    fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
    fs.writeFileSync(userSettingsFile(tmp), JSON.stringify({
      // The Welcome page would take the focus and close Quick Open.
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'extensions.ignoreRecommendations': true,
      'telemetry.telemetryLevel': 'off',
      // Suggestions only on Ctrl+Space: one that pops up by itself would take a Tab or Enter.
      // VS Code's YAML support turns them on for strings (all plain scalars), hence [yaml].
      '[yaml]': { 'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' } },
      ...options.settings,
    }, null, 2));
    if (options.locale) fs.writeFileSync(path.join(userDataDir, 'User', 'argv.json'), JSON.stringify({ locale: options.locale }));
    // code-server writes its config.yaml under XDG_CONFIG_HOME: keep it out of $HOME.
    const env = { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'config') };

    let server: CodeServer | undefined;
    try {
      if (options.locale) installLanguagePack(options.locale, extensionsDir, userDataDir);
      const installed = await installExtension(vsix, extensionsDir, env);
      const manifest = localizedManifest(installed, options.locale) as InstalledManifest;
      server = await startCodeServer({ folder: workspace, extensionsDir, userDataDir, env, logFile: codeServerLog(results) });
      const wb = await Workbench.open(server.url, results);
      return new Session(wb, workspace, manifest, server, tmp, results);
    } catch (error) {
      await server?.stop();
      keepLogs(tmp, results);
      throw error;
    }
  }

  /** Closes the browser and stops code-server (and all it started), whatever happened before. */
  async close(): Promise<void> {
    try {
      await this.wb.close().catch(() => undefined);
    } finally {
      await this.server.stop();
      keepLogs(this.tmp, this.results);
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
          + `\n\n--- code-server log (tail) ---\n${tail(codeServerLog(this.results))}`
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
    return `e2e: ${this.passed} checks passed in a real VS Code${skipped} (screenshots in ${path.relative(repoRoot, this.results)}/)`;
  }

  private outputChannelLog(): string {
    const logs = path.join(this.tmp, 'user-data', 'logs');
    const found = fs.existsSync(logs)
      ? fs.readdirSync(logs, { recursive: true, encoding: 'utf8' }).find((f) => f.endsWith('StatefulSet Studio.log'))
      : undefined;
    return found ? path.join(logs, found) : '';
  }
}

/**
 * The installed package.json as VS Code shows it: each `%key%` replaced from package.nls.<locale>.json
 * (the session's display language), else package.nls.json, so tests find commands by their titles.
 */
function localizedManifest(extensionDir: string, locale: string | undefined): unknown {
  const read = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(extensionDir, file), 'utf8'));
  const nlsFile = locale && fs.existsSync(path.join(extensionDir, `package.nls.${locale}.json`)) ? `package.nls.${locale}.json` : 'package.nls.json';
  const nls = fs.existsSync(path.join(extensionDir, nlsFile)) ? read(nlsFile) as Record<string, string> : {};
  const localize = (value: unknown): unknown => {
    if (typeof value === 'string') return value.replace(/^%([\w.-]+)%$/, (whole, key: string) => nls[key] ?? whole);
    if (Array.isArray(value)) return value.map(localize);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, localize(v)]));
    return value;
  };
  return localize(read('package.json'));
}

/**
 * Copies the stub language pack of `locale` in before the first run (the VSIX's install, which
 * registers what is there), and writes the user data's languagepacks.json as VS Code 1.100 does
 * once it has scanned its packs: code-server reads it on each page load to pick the language,
 * but writes it only when something asks for the packs (Configure Display Language).
 */
function installLanguagePack(locale: string, extensionsDir: string, userDataDir: string): void {
  const pack = path.join(import.meta.dirname, 'languagePacks', locale);
  const manifest = JSON.parse(fs.readFileSync(path.join(pack, 'package.json'), 'utf8')) as {
    publisher: string; name: string; version: string;
    contributes: { localizations: { languageId: string; localizedLanguageName: string; translations: { id: string; path: string }[] }[] };
  };
  const folder = path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.cpSync(pack, folder, { recursive: true });
  const id = `${manifest.publisher}.${manifest.name}`;
  const packs = Object.fromEntries(manifest.contributes.localizations.map((l) => [l.languageId, {
    hash: `${id}-${manifest.version}`,
    extensions: [{ extensionIdentifier: { id }, version: manifest.version }],
    translations: Object.fromEntries(l.translations.map((t) => [t.id, path.join(folder, t.path)])),
    label: l.localizedLanguageName,
  }]));
  fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify(packs));
}

function codeServerLog(results: string): string {
  return path.join(results, 'code-server.log');
}

function userSettingsFile(tmp: string): string {
  return path.join(tmp, 'user-data', 'User', 'settings.json');
}

/**
 * Empties test-results/e2e/ when this is the first session of a test run, then the
 * session's own folder. Each test file runs in a child process of the same `node --test`
 * runner, so the runner (its pid and start time) identifies the run; a later session of
 * the same run must not delete the earlier ones' screenshots.
 */
function clearResults(results: string): void {
  const marker = path.join(resultsDir, '.run');
  const run = `${process.ppid} ${processStartTime(process.ppid)}`;
  const sameRun = fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === run;
  if (!sameRun) fs.rmSync(resultsDir, { recursive: true, force: true });
  if (results !== resultsDir) fs.rmSync(results, { recursive: true, force: true });
  fs.mkdirSync(results, { recursive: true });
  fs.writeFileSync(marker, run);
}

/** A process's start time (clock ticks after boot, from /proc); empty where there is no /proc. */
function processStartTime(pid: number): string {
  try {
    // Field 22 of /proc/<pid>/stat; the command name (field 2, in parentheses) may hold spaces.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
  } catch {
    return '';
  }
}

/** Copies the extension host's and the language client's logs next to the screenshots. */
function keepLogs(tmp: string, results: string): void {
  const logs = path.join(tmp, 'user-data', 'logs');
  if (fs.existsSync(logs)) fs.cpSync(logs, path.join(results, 'logs'), { recursive: true, force: true });
  if (!process.env.E2E_KEEP) fs.rmSync(tmp, { recursive: true, force: true });
}

function tail(file: string, lines = 30): string {
  if (!file || !fs.existsSync(file)) return '(no log)';
  return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

/**
 * Starts VS Code for the enclosing `describe` (before its tests, closed after them) and
 * returns how a test body gets it; failures carry the Problems panel and the logs.
 */
export function vsCodeForSuite(options: SessionOptions = {}) {
  let session: Session | undefined;
  before(async () => {
    session = await Session.start(options);
  }, { timeout: 180_000 });
  after(async () => {
    if (!session) return;
    await session.close();
    console.log(session.summary());
  });
  return (body: (s: Session, t: TestContext) => Promise<void>) => async (t: TestContext): Promise<void> => {
    const running = session;
    assert.ok(running, 'VS Code did not start: see the error of the before hook');
    await running.test((tt) => body(running, tt))(t);
  };
}
