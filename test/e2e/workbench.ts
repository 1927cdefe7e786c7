/**
 * What a user does in the VS Code workbench, as selectors and key presses that work with
 * VS Code 1.100.3 in Chromium (see /work/shared/real-vscode.md). Every wait polls with a
 * deadline; none sleeps for a fixed time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type FrameLocator, type Locator, type Page } from 'playwright-core';
import { waitFor } from './waitFor';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** One entry of the Problems panel, as read from its row. */
export interface Problem {
  file: string;
  severity: string;
  message: string;
  source: string;
  code: string | undefined;
  line: number;
  column: number;
}

export const SHORT = 10_000;

export class Workbench {
  private shots = 0;

  private constructor(
    private readonly browser: Browser,
    readonly page: Page,
    private readonly resultsDir: string,
  ) {}

  /** Opens the workbench at `url` and waits until it is restored (status bar problems item). */
  static async open(url: string, resultsDir: string): Promise<Workbench> {
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      const consoleLog = fs.createWriteStream(path.join(resultsDir, 'browser-console.log'));
      page.on('console', (m) => consoleLog.write(`[${m.type()}] ${m.text()}\n`));
      page.on('pageerror', (e) => consoleLog.write(`[pageerror] ${e.stack ?? e.message}\n`));
      page.on('close', () => consoleLog.end());
      await page.goto(url);
      // There once the workbench is restored; generous for a cold start on a busy machine.
      await page.locator('[id="status.problems"]').waitFor({ timeout: 60_000 });
      return new Workbench(browser, page, resultsDir);
    } catch (error) {
      await browser.close();
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.browser.close();
  }

  /** Saves what the user sees as test-results/e2e/NN-<name>.png. */
  async screenshot(name: string): Promise<void> {
    const file = `${String(++this.shots).padStart(2, '0')}-${name.replace(/[^\w.-]+/g, '-')}.png`;
    await this.page.screenshot({ path: path.join(this.resultsDir, file) });
  }

  /** Quick Open (Ctrl+P): types `query`, waits for a row matching `row`, takes it. */
  private async quickOpen(key: string, query: string, row: (label: string) => boolean, what: string, timeoutMs = SHORT): Promise<void> {
    const input = this.page.locator('.quick-input-widget input');
    await this.page.keyboard.press(key);
    await input.waitFor({ state: 'visible', timeout: SHORT });
    await input.fill(key === 'F1' ? `>${query}` : query);
    const rows = this.page.locator('.quick-input-list .monaco-list-row');
    await waitFor(async () => {
      const first = await rows.first().getAttribute('aria-label', { timeout: 500 });
      return first !== null && row(first);
    }, timeoutMs, async () => `${what} as the first row of Quick Open (rows: ${JSON.stringify(await rows.allInnerTexts())})`);
    await this.page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: SHORT });
  }

  /** Opens a workspace file by name with Ctrl+P; resolves once its editor is active. */
  async openFile(name: string): Promise<void> {
    // Generous: the first file search after a cold start has taken over 10 s on a busy machine.
    await this.quickOpen('Control+p', name, (label) => label.startsWith(name), `file ${name}`, 30_000);
    // The active tab of the active editor group: with the preview beside, each group has one.
    await waitFor(() => this.page.locator('.editor-group-container.active .tabs-container .tab.active').getAttribute('aria-label', { timeout: 500 })
      .then((label) => label?.startsWith(name)), SHORT, `the editor tab of ${name} to be active`);
    // Quick Open hands the keyboard back to the editor a moment after the tab shows: keys
    // typed before that are lost (a snippet prefix lost its first letter that way).
    await this.page.locator('.editor-group-container.active .monaco-editor.focused').waitFor({ timeout: SHORT });
  }

  /** Gives the keyboard focus to the (only) text editor, e.g. back from a webview. */
  async focusEditor(): Promise<void> {
    await this.page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await this.page.locator('.editor-instance .monaco-editor.focused').waitFor({ timeout: SHORT });
  }

  /** Moves the cursor of the active editor to line:column (1-based), via Quick Open `:`. */
  async goTo(line: number, column = 1): Promise<void> {
    await this.quickOpen('Control+p', `:${line}:${column}`,
      (label) => /line/i.test(label) && label.includes(String(line)), `go to line ${line}`);
    await waitFor(async () => (await this.cursorPosition()) === `Ln ${line}, Col ${column}`, SHORT,
      async () => `the cursor at Ln ${line}, Col ${column} (status bar: ${await this.cursorPosition()})`);
  }

  private cursorPosition(): Promise<string | null> {
    return this.page.locator('[id="status.editor.selection"]').innerText({ timeout: 500 }).catch(() => null);
  }

  /** The active editor's rendered lines (only those scrolled into view), top to bottom. */
  async editorLines(): Promise<string[]> {
    const lines = await this.page.locator('.editor-instance .monaco-editor .view-lines .view-line').evaluateAll((es) =>
      es.map((e) => ({ top: parseFloat((e as HTMLElement).style.top) || 0, text: (e as HTMLElement).innerText })));
    // Monaco reuses line elements, so DOM order is not screen order; it renders spaces as U+00A0.
    return lines.sort((a, b) => a.top - b.top).map((l) => l.text.replace(/\u00a0/g, ' '));
  }

  /** Waits until one of the active editor's visible lines matches `pattern`. */
  async waitForEditorLine(pattern: RegExp, what: string): Promise<string> {
    let last: string[] = [];
    return waitFor(async () => {
      last = await this.editorLines();
      return last.find((line) => pattern.test(line));
    }, SHORT, () => `${what}: a line matching ${pattern} in the editor, which shows:\n${last.join('\n')}`);
  }

  /** The titles of the CodeLenses the active editor shows (those scrolled into view). */
  codeLenses(): Promise<string[]> {
    return this.page.locator('.editor-instance .monaco-editor .codelens-decoration').allInnerTexts();
  }

  /** Types into the focused editor, as a user does. */
  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  /** Opens the Problems panel (Ctrl+Shift+M) unless it is showing already. */
  async showProblems(): Promise<void> {
    const panel = this.page.locator('.markers-panel');
    if (await panel.isVisible()) return;
    await this.page.keyboard.press('Control+Shift+M');
    await panel.waitFor({ state: 'visible', timeout: SHORT });
  }

  /** Hides the panel (Problems) with Ctrl+J, to give the editors the whole height. */
  async hidePanel(): Promise<void> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) return;
    await this.page.keyboard.press('Control+J');
    await panel.waitFor({ state: 'hidden', timeout: SHORT });
  }

  /** What the Problems panel shows, as text (for failure messages). */
  async problemsText(): Promise<string> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) return '(the Problems panel is not open)';
    return (await panel.innerText({ timeout: 2_000 })).trim() || '(empty)';
  }

  /** The entries the Problems panel lists now, each under its file. */
  async problems(): Promise<Problem[]> {
    const rows = await this.page.locator('.markers-panel .monaco-list-row').evaluateAll((elements) =>
      elements.map((e) => ({
        index: Number(e.getAttribute('data-index')),
        level: e.getAttribute('aria-level'),
        label: e.getAttribute('aria-label') ?? '',
        text: (e as HTMLElement).innerText,
      })));
    // The list is virtual: rows are in the DOM in any order, `data-index` is their place.
    rows.sort((a, b) => a.index - b.index);
    const problems: Problem[] = [];
    let file = '';
    for (const row of rows) {
      if (row.level === '1') {
        file = row.text.split('\n')[0] ?? '';
        continue;
      }
      // e.g. `Error: <message> at line 14 and character 7. generated by statefulset`
      // (a problem with related information says so after its source)
      const m = /^(\w+): ([\s\S]*?) at line (\d+) and character (\d+)\.(?:[\s\S]*? generated by ([\w-]+))?[\s\S]*$/.exec(row.label);
      if (row.level !== '2' || !m) continue;
      // innerText: message, source, code (when there is one), [Ln x, Col y]
      const lines = row.text.split('\n').map((l) => l.trim()).filter(Boolean);
      const beforePosition = lines[lines.length - 2];
      const source = m[5] ?? '';
      problems.push({
        file, severity: m[1]!, message: m[2]!, source, line: Number(m[3]), column: Number(m[4]),
        code: beforePosition !== undefined && beforePosition !== source && lines.length >= 4 ? beforePosition : undefined,
      });
    }
    return problems;
  }

  /** Waits until the Problems panel's entries satisfy `accept`, and returns them. */
  async waitForProblems(accept: (problems: Problem[]) => boolean, what: string, timeoutMs = 15_000): Promise<Problem[]> {
    let last: Problem[] = [];
    return waitFor(async () => {
      last = await this.problems();
      return accept(last) && last;
    }, timeoutMs, () => `${what}; the Problems panel lists ${JSON.stringify(last, null, 1)}`);
  }

  /** Runs a command from the command palette (F1), found by its id, shown by its title. */
  async runCommand(id: string, title: string): Promise<void> {
    await this.quickOpen('F1', id, (label) => label.toLowerCase().includes(title.toLowerCase()), `command "${title}"`);
  }

  /**
   * Runs a command from the command palette (F1) whose picker opens in the same widget;
   * waits until the picker shows, with an empty input and at least `minRows` rows listed.
   * Returns its input and a reader of its rows' aria-labels.
   */
  async openPicker(id: string, title: string, picker: string, minRows: number): Promise<{ input: Locator; labels: () => Promise<string[]> }> {
    const input = this.page.locator('.quick-input-widget input');
    const rows = this.page.locator('.quick-input-list .monaco-list-row');
    const labels = () => rows.evaluateAll((es) => es.map((e) => e.getAttribute('aria-label') ?? ''));
    let seen: string[] = [];
    await this.page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: SHORT });
    await input.fill(`>${id}`);
    await waitFor(async () => (seen = await labels())[0]?.includes(title), SHORT,
      () => `"${title}" as the first row of the command palette (rows: ${JSON.stringify(seen)})`);
    await this.page.keyboard.press('Enter');
    await waitFor(async () => !(await input.inputValue()).startsWith('>') && (seen = await labels()).length >= minRows, SHORT,
      () => `${picker} (rows: ${JSON.stringify(seen)})`);
    return { input, labels };
  }

  /** The page inside the (only) webview panel. */
  webview(): FrameLocator {
    // The inner frame's `name` stays `pending-frame`; its id is stable.
    return this.page.frameLocator('iframe.webview').frameLocator('#active-frame');
  }

  /** Waits until an item of the status bar has text that satisfies `accept`, and returns that item's text and tooltip. */
  async waitForStatusItem(accept: (text: string) => boolean, what: string, timeoutMs = 15_000): Promise<{ text: string; tooltip: string }> {
    let seen: string[] = [];
    return waitFor(async () => {
      const items = this.page.locator('.statusbar-item');
      seen = await items.allInnerTexts();
      const index = seen.findIndex(accept);
      if (index < 0) return false;
      const tooltip = (await items.nth(index).locator('a').first().getAttribute('aria-label').catch(() => null)) ?? '';
      return { text: seen[index] ?? '', tooltip };
    }, timeoutMs, () => `${what}; the status bar shows ${JSON.stringify(seen)}`);
  }

  /** Waits until the webview's text satisfies `accept`, and returns the text. */
  async waitForWebviewText(accept: (text: string) => boolean, what: string, timeoutMs = 15_000): Promise<string> {
    let last = '';
    return waitFor(async () => {
      last = await this.webview().locator('body').innerText({ timeout: 1_000 });
      return accept(last) && last;
    }, timeoutMs, () => `${what}; the webview shows ${JSON.stringify(last.slice(0, 2_000))}`);
  }
}
