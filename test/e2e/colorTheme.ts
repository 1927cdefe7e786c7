/**
 * The workbench's color theme: picked as a user does, from "Preferences: Color Theme", and
 * read back from the workbench's classes (VS Code 1.100.3, code-server).
 */
import { waitFor } from './waitFor';
import { SHORT, type Workbench } from './workbench';

/**
 * Picks a color theme as a user does: F1, "Preferences: Color Theme", the theme's name,
 * Enter. (code-server does not pick up a settings.json changed on disk while it runs.)
 */
export async function selectColorTheme(wb: Workbench, theme: string): Promise<void> {
  const { page } = wb;
  const { input, labels } = await wb.openPicker('workbench.action.selectTheme', 'Color Theme', 'the color theme picker', 2);
  let seen: string[] = [];
  await input.fill(theme);
  // A theme's row reads e.g. "Light Modern, Default Light Modern"; "Browse Additional
  // Color Themes..." stays above it. Walk to it with the arrow keys (that previews it).
  const isTheme = (label: string | null | undefined) => label?.split(', ').includes(theme) === true;
  await waitFor(async () => (seen = await labels()).some(isTheme), SHORT,
    () => `the theme "${theme}" in the picker (rows: ${JSON.stringify(seen)})`);
  const focused = page.locator('.quick-input-list .monaco-list-row.focused');
  for (let i = 0; !isTheme(await focused.getAttribute('aria-label', { timeout: SHORT })); i++) {
    if (i > seen.length) throw new Error(`Could not walk to the theme "${theme}" in the picker (rows: ${JSON.stringify(seen)})`);
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: SHORT });
}

/** The kind of the current color theme, from the workbench's classes. */
export async function themeKind(wb: Workbench): Promise<'light' | 'dark' | 'high contrast' | 'unknown'> {
  const classes = (await wb.page.locator('.monaco-workbench').first().getAttribute('class')) ?? '';
  const list = classes.split(/\s+/);
  if (list.includes('hc-black') || list.includes('hc-light')) return 'high contrast';
  if (list.includes('vs-dark')) return 'dark';
  if (list.includes('vs')) return 'light';
  return 'unknown';
}

/** Waits until the workbench shows a theme of this kind (e.g. after changing workbench.colorTheme). */
export async function waitForThemeKind(wb: Workbench, kind: 'light' | 'dark', timeoutMs = 15_000): Promise<void> {
  let last = '';
  await waitFor(async () => (last = await themeKind(wb)) === kind, timeoutMs,
    () => `a ${kind} color theme in the workbench (it shows a ${last} one)`);
}
