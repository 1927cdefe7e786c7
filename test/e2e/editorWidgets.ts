/**
 * The editor's pop-up widgets, driven with the keyboard as a user does: the code action
 * menu (Ctrl+.), the suggestions (Ctrl+Space) and the hover (VS Code 1.100.3, code-server).
 */
import { waitFor } from './waitFor';
import { SHORT, type Workbench } from './workbench';

/**
 * Ctrl+. in the editor at its cursor. Returns the titles of the code actions offered,
 * or an empty list when VS Code says there are none. The menu stays open.
 */
export async function openCodeActions(wb: Workbench): Promise<string[]> {
  const { page } = wb;
  await page.keyboard.press('Control+.');
  const rows = page.locator('.action-widget .monaco-list-row.action');
  const none = page.locator('.monaco-editor-overlaymessage', { hasText: /no code actions/i });
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
export async function applyCodeAction(wb: Workbench, title: string): Promise<void> {
  const { page } = wb;
  const focused = page.locator('.action-widget .monaco-list-row.action.focused');
  const count = await page.locator('.action-widget .monaco-list-row.action').count();
  for (let i = 0; i <= count; i++) {
    if ((await focused.getAttribute('aria-label', { timeout: SHORT })) === title) {
      await page.keyboard.press('Enter');
      await page.locator('.action-widget').waitFor({ state: 'hidden', timeout: SHORT });
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`Code action "${title}" is not in the menu`);
}

/**
 * Ctrl+Space in the editor, types `prefix`, and takes the suggestion whose aria-label
 * contains `label` (walked to with the arrow keys, like a code action).
 */
export async function acceptSuggestion(wb: Workbench, prefix: string, label: string): Promise<void> {
  const { page } = wb;
  await page.keyboard.press('Control+Space');
  await page.keyboard.type(prefix);
  const rows = page.locator('.suggest-widget .monaco-list-row');
  const labels = () => rows.evaluateAll((es) => es.map((e) => e.getAttribute('aria-label') ?? ''));
  const widget = page.locator('.suggest-widget.visible');
  let seen: string[] = [];
  let asked = Date.now();
  await waitFor(async () => {
    if ((seen = await labels()).some((l) => l.includes(label))) return true;
    // A Ctrl+Space that came before the editor was ready opens nothing: after a while
    // without the widget, ask again (for the prefix typed by then).
    if (Date.now() - asked > 2_000 && !(await widget.isVisible())) {
      await page.keyboard.press('Control+Space');
      asked = Date.now();
    }
    return false;
  }, 20_000, () => `"${label}" among the suggestions for "${prefix}" (seen: ${JSON.stringify(seen)})`);
  const focused = page.locator('.suggest-widget .monaco-list-row.focused');
  for (let i = 0; i <= seen.length; i++) {
    if ((await focused.getAttribute('aria-label', { timeout: SHORT }))?.includes(label)) {
      await page.keyboard.press('Enter');
      await page.locator('.suggest-widget').waitFor({ state: 'hidden', timeout: SHORT });
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`Could not walk to the suggestion "${label}" (suggestions: ${JSON.stringify(seen)})`);
}

/** The rows of the open suggest widget (Ctrl+Space) in list order: aria-label and text. */
export async function suggestions(wb: Workbench): Promise<{ label: string; text: string }[]> {
  const rows = await wb.page.locator('.suggest-widget.visible .monaco-list-row').evaluateAll((es) =>
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
export async function waitForSuggestions(wb: Workbench, accept: (rows: { label: string; text: string }[]) => boolean, what: string,
  timeoutMs = 15_000): Promise<{ label: string; text: string }[]> {
  const { page } = wb;
  const widget = page.locator('.suggest-widget.visible');
  let last: { label: string; text: string }[] = [];
  return waitFor(async () => {
    if (!(await widget.isVisible())) {
      await page.keyboard.press('Control+Space');
      await widget.waitFor({ state: 'visible', timeout: 3_000 });
    }
    // The widget opens with "Loading..." before the server's answer fills it.
    last = await waitFor(async () => {
      const rows = await suggestions(wb);
      return rows.length > 0 && rows;
    }, 3_000, 'suggestion rows').catch(() => []);
    if (accept(last)) return last;
    await page.keyboard.press('Escape');
    return undefined;
  }, timeoutMs, () => `${what}; the suggestions are ${JSON.stringify(last)}`);
}

/**
 * Shows the hover at the cursor with the keyboard (Ctrl+K Ctrl+I, "Show or Focus Hover")
 * and returns its text once it satisfies `accept`. While it does not, the hover is closed
 * and asked for again: a language server still indexing answers with less.
 */
export async function waitForHover(wb: Workbench, accept: (text: string) => boolean, what: string, timeoutMs = 15_000): Promise<string> {
  const { page } = wb;
  const hover = page.locator('.monaco-hover').filter({ visible: true });
  let last = '';
  return waitFor(async () => {
    if (!(await hover.first().isVisible())) {
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
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
    await page.keyboard.press('Escape');
    return undefined;
  }, timeoutMs, () => `${what}; the hover shows ${JSON.stringify(last)}`);
}
