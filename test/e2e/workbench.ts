/**
 * What a user does in the VS Code workbench, as selectors and key presses that work with
 * VS Code 1.100.3 in Chromium (see /work/shared/real-vscode.md). Every wait polls with a
 * deadline; none sleeps for a fixed time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type FrameLocator, type Page } from 'playwright-core';
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

const SHORT = 10_000;

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
      const m = /^(\w+): ([\s\S]*) at line (\d+) and character (\d+)\.(?: generated by (.*))?$/.exec(row.label);
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

  /**
   * Ctrl+. in the editor at its cursor. Returns the titles of the code actions offered,
   * or an empty list when VS Code says there are none. The menu stays open.
   */
  async openCodeActions(): Promise<string[]> {
    await this.page.keyboard.press('Control+.');
    const rows = this.page.locator('.action-widget .monaco-list-row.action');
    const none = this.page.locator('.monaco-editor-overlaymessage', { hasText: /no code actions/i });
    return waitFor(async () => {
      if (await none.isVisible()) return [];
      if ((await rows.count()) === 0) return undefined;
      return (await rows.evaluateAll((es) => es.map((e) => e.getAttribute('aria-label') ?? '')));
    }, SHORT, 'the code action menu (or "No code actions available")');
  }

  /**
   * Applies `title` from the open code action menu. A click would hit the pointer block
   * that covers the menu until the mouse moves, so walk to it with the arrow keys.
   */
  async applyCodeAction(title: string): Promise<void> {
    const focused = this.page.locator('.action-widget .monaco-list-row.action.focused');
    const count = await this.page.locator('.action-widget .monaco-list-row.action').count();
    for (let i = 0; i <= count; i++) {
      if ((await focused.getAttribute('aria-label', { timeout: SHORT })) === title) {
        await this.page.keyboard.press('Enter');
        await this.page.locator('.action-widget').waitFor({ state: 'hidden', timeout: SHORT });
        return;
      }
      await this.page.keyboard.press('ArrowDown');
    }
    throw new Error(`Code action "${title}" is not in the menu`);
  }

  /**
   * Ctrl+Space in the editor, types `prefix`, and takes the suggestion whose aria-label
   * contains `label` (walked to with the arrow keys, like a code action).
   */
  async acceptSuggestion(prefix: string, label: string): Promise<void> {
    await this.page.keyboard.press('Control+Space');
    await this.page.keyboard.type(prefix);
    const rows = this.page.locator('.suggest-widget .monaco-list-row');
    const labels = () => rows.evaluateAll((es) => es.map((e) => e.getAttribute('aria-label') ?? ''));
    const widget = this.page.locator('.suggest-widget.visible');
    let seen: string[] = [];
    let asked = Date.now();
    await waitFor(async () => {
      if ((seen = await labels()).some((l) => l.includes(label))) return true;
      // A Ctrl+Space that came before the editor was ready opens nothing: after a while
      // without the widget, ask again (for the prefix typed by then).
      if (Date.now() - asked > 2_000 && !(await widget.isVisible())) {
        await this.page.keyboard.press('Control+Space');
        asked = Date.now();
      }
      return false;
    }, 20_000, () => `"${label}" among the suggestions for "${prefix}" (seen: ${JSON.stringify(seen)})`);
    const focused = this.page.locator('.suggest-widget .monaco-list-row.focused');
    for (let i = 0; i <= seen.length; i++) {
      if ((await focused.getAttribute('aria-label', { timeout: SHORT }))?.includes(label)) {
        await this.page.keyboard.press('Enter');
        await this.page.locator('.suggest-widget').waitFor({ state: 'hidden', timeout: SHORT });
        return;
      }
      await this.page.keyboard.press('ArrowDown');
    }
    throw new Error(`Could not walk to the suggestion "${label}" (suggestions: ${JSON.stringify(seen)})`);
  }

  /** Runs a command from the command palette (F1), found by its id, shown by its title. */
  async runCommand(id: string, title: string): Promise<void> {
    await this.quickOpen('F1', id, (label) => label.toLowerCase().includes(title.toLowerCase()), `command "${title}"`);
  }

  /**
   * Shows the hover at the cursor with the keyboard (Ctrl+K Ctrl+I, "Show or Focus Hover")
   * and returns its text once it satisfies `accept`. While it does not, the hover is closed
   * and asked for again: a language server still indexing answers with less.
   */
  async waitForHover(accept: (text: string) => boolean, what: string, timeoutMs = 15_000): Promise<string> {
    const hover = this.page.locator('.monaco-hover').filter({ visible: true });
    let last = '';
    return waitFor(async () => {
      if (!(await hover.first().isVisible())) {
        await this.page.keyboard.press('Control+K');
        await this.page.keyboard.press('Control+I');
        await hover.first().waitFor({ state: 'visible', timeout: 3_000 });
      }
      last = (await hover.allInnerTexts()).join('\n').trim();
      // The hover fades in: done when it and its ancestors are fully opaque (and a screenshot shows it).
      const opacity = await hover.first().evaluate((e) => {
        let product = 1;
        for (let n: Element | null = e; n; n = n.parentElement) product *= Number(getComputedStyle(n).opacity);
        return product;
      });
      if (opacity < 0.99) return undefined;
      if (accept(last)) return last;
      await this.page.keyboard.press('Escape');
      return undefined;
    }, timeoutMs, () => `${what}; the hover shows ${JSON.stringify(last)}`);
  }

  /** The rows of the open suggest widget (Ctrl+Space) in list order: aria-label and text. */
  async suggestions(): Promise<{ label: string; text: string }[]> {
    const rows = await this.page.locator('.suggest-widget.visible .monaco-list-row').evaluateAll((es) =>
      es.map((e) => ({
        index: Number(e.getAttribute('data-index')),
        label: e.getAttribute('aria-label') ?? '',
        text: (e as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
      })));
    return rows.sort((a, b) => a.index - b.index).map(({ label, text }) => ({ label, text }));
  }

  /**
   * Ctrl+Space at the cursor; waits until the suggestions satisfy `accept` and leaves the
   * widget open. While they do not, the widget is closed and asked for again.
   */
  async waitForSuggestions(accept: (rows: { label: string; text: string }[]) => boolean, what: string,
    timeoutMs = 15_000): Promise<{ label: string; text: string }[]> {
    const widget = this.page.locator('.suggest-widget.visible');
    let last: { label: string; text: string }[] = [];
    return waitFor(async () => {
      if (!(await widget.isVisible())) {
        await this.page.keyboard.press('Control+Space');
        await widget.waitFor({ state: 'visible', timeout: 3_000 });
      }
      // The widget opens with "Loading..." before the server's answer fills it.
      last = await waitFor(async () => {
        const rows = await this.suggestions();
        return rows.length > 0 && rows;
      }, 3_000, 'suggestion rows').catch(() => []);
      if (accept(last)) return last;
      await this.page.keyboard.press('Escape');
      return undefined;
    }, timeoutMs, () => `${what}; the suggestions are ${JSON.stringify(last)}`);
  }

  /**
   * Picks a color theme as a user does: F1, "Preferences: Color Theme", the theme's name,
   * Enter. (code-server does not pick up a settings.json changed on disk while it runs.)
   */
  async selectColorTheme(theme: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget input');
    const rows = this.page.locator('.quick-input-list .monaco-list-row');
    const labels = () => rows.evaluateAll((es) => es.map((e) => e.getAttribute('aria-label') ?? ''));
    let seen: string[] = [];
    await this.page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: SHORT });
    await input.fill('>workbench.action.selectTheme');
    await waitFor(async () => (seen = await labels())[0]?.includes('Color Theme'), SHORT,
      () => `"Preferences: Color Theme" as the first row of the command palette (rows: ${JSON.stringify(seen)})`);
    await this.page.keyboard.press('Enter');
    // The theme picker opens in the same widget, with an empty input and the themes listed.
    await waitFor(async () => !(await input.inputValue()).startsWith('>') && (seen = await labels()).length > 1, SHORT,
      () => `the color theme picker (rows: ${JSON.stringify(seen)})`);
    await input.fill(theme);
    // A theme's row reads e.g. "Light Modern, Default Light Modern"; "Browse Additional
    // Color Themes..." stays above it. Walk to it with the arrow keys (that previews it).
    const isTheme = (label: string | null | undefined) => label?.split(', ').includes(theme) === true;
    await waitFor(async () => (seen = await labels()).some(isTheme), SHORT,
      () => `the theme "${theme}" in the picker (rows: ${JSON.stringify(seen)})`);
    const focused = this.page.locator('.quick-input-list .monaco-list-row.focused');
    for (let i = 0; !isTheme(await focused.getAttribute('aria-label', { timeout: SHORT })); i++) {
      if (i > seen.length) throw new Error(`Could not walk to the theme "${theme}" in the picker (rows: ${JSON.stringify(seen)})`);
      await this.page.keyboard.press('ArrowDown');
    }
    await this.page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: SHORT });
  }

  /** The kind of the current color theme, from the workbench's classes. */
  async themeKind(): Promise<'light' | 'dark' | 'high contrast' | 'unknown'> {
    const classes = (await this.page.locator('.monaco-workbench').first().getAttribute('class')) ?? '';
    const list = classes.split(/\s+/);
    if (list.includes('hc-black') || list.includes('hc-light')) return 'high contrast';
    if (list.includes('vs-dark')) return 'dark';
    if (list.includes('vs')) return 'light';
    return 'unknown';
  }

  /** Waits until the workbench shows a theme of this kind (e.g. after changing workbench.colorTheme). */
  async waitForThemeKind(kind: 'light' | 'dark', timeoutMs = 15_000): Promise<void> {
    let last = '';
    await waitFor(async () => (last = await this.themeKind()) === kind, timeoutMs,
      () => `a ${kind} color theme in the workbench (it shows a ${last} one)`);
  }

  /** The page inside the (only) webview panel. */
  webview(): FrameLocator {
    // The inner frame's `name` stays `pending-frame`; its id is stable.
    return this.page.frameLocator('iframe.webview').frameLocator('#active-frame');
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
