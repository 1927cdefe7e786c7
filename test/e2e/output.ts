/**
 * The Output view, as a user reaches it: F1, "Output: Show Output Channels...", the
 * channel's name. Its text is read from the DOM, as shown (VS Code 1.100.3, code-server).
 */
import { waitFor } from './waitFor';
import { SHORT, type Workbench } from './workbench';

const outputView = '.part.panel .output-view';

/** Shows the output channel `name` in the Output view, picked from "Output: Show Output Channels...". */
export async function showOutputChannel(wb: Workbench, name: string): Promise<void> {
  const { page } = wb;
  const { input, labels } = await wb.openPicker('workbench.action.showOutputChannels', 'Show Output Channels', 'the output channel picker', 1);
  let seen: string[] = [];
  await input.fill(name);
  await waitFor(async () => (seen = await labels())[0] === name, SHORT,
    () => `the channel "${name}" as the first row of the picker (rows: ${JSON.stringify(seen)})`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: SHORT });
  await page.locator(`${outputView} .monaco-editor`).waitFor({ state: 'visible', timeout: SHORT });
}

/**
 * The text the Output view shows now, top to bottom (only the lines scrolled into view).
 * The view wraps long lines over several rendered ones: they are joined back at the time
 * stamp that starts each line of a log channel, so a message can be matched whole.
 */
export async function outputText(wb: Workbench): Promise<string> {
  const lines = await wb.page.locator(`${outputView} .monaco-editor .view-lines .view-line`).evaluateAll((es) =>
    es.map((e) => ({ top: parseFloat((e as HTMLElement).style.top) || 0, text: (e as HTMLElement).innerText })));
  // Monaco reuses line elements, so DOM order is not screen order; it renders spaces as U+00A0.
  return lines.sort((a, b) => a.top - b.top).map((l) => l.text.replace(/\u00a0/g, ' ')).join('')
    .replace(/(?=\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} \[)/g, '\n').trim();
}

/** Waits until the Output view's text matches `pattern`, and returns the match. */
export async function waitForOutput(wb: Workbench, pattern: RegExp, what: string, timeoutMs = 15_000): Promise<string> {
  let last = '';
  return waitFor(async () => pattern.exec(last = await outputText(wb))?.[0], timeoutMs,
    () => `${what}: ${pattern} in the Output view, which shows ${JSON.stringify(last)}`);
}
