// The page's own words in the editor's display language. The host writes VS Code's language
// (vscode.env.language) into <html lang>; the page reads the same bundle VS Code gives the
// extension (l10n/bundle.l10n.<language>.json, keyed by the English text), bundled in, since the
// page cannot call vscode.l10n. Outside VS Code (page tests, a plain browser) there is no lang:
// English. Text from the server (problems, warnings, notes) comes already in the right language.
import zhCn from '../../../../l10n/bundle.l10n.zh-cn.json';

const bundles: Readonly<Record<string, Readonly<Record<string, string>>>> = { 'zh-cn': zhCn };

/** The page's language: <html lang> as the host wrote it, lower-cased ('' when none). */
export function pageLanguage(): string {
  return (document.documentElement.lang || '').toLowerCase();
}

/**
 * `message` in the page's language, `{0}`, `{1}`… replaced by `args` (vscode.l10n.t's form, so
 * one bundle serves the host and the page). A message the bundle lacks stays English.
 */
export function t(message: string, ...args: Array<string | number>): string {
  const text = bundles[pageLanguage()]?.[message] ?? message;
  return formatMessage(text, args);
}

/** Fills `{n}` placeholders; a placeholder without an argument stays as written. */
export function formatMessage(text: string, args: ReadonlyArray<string | number>): string {
  return text.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? whole : String(value);
  });
}
