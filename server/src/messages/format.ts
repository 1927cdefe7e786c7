import { catalogs, type En, type MessageId } from './catalog';
import type { Locale } from './locale';

/**
 * The language this process speaks. One process speaks one language: the CLI reads it once
 * (--lang, LC_ALL, LC_MESSAGES, LANG) and a language server serves one editor, whose display
 * language is fixed for the session (VS Code restarts its extensions when it changes). So the
 * locale is set once at the edge (setLocale) instead of being threaded through every function
 * from the rules down to the simulator; worker threads are given it with their other data.
 */
let current: Locale = 'en';

export function setLocale(locale: Locale): void {
  current = locale;
}

export function currentLocale(): Locale {
  return current;
}

/** The names of a template's placeholders: `{name}` (a `{{ }}` or `{ a: 1 }` is text, not a placeholder). */
export type Placeholders<S extends string> = S extends `${string}{${infer Body}`
  ? (Body extends `${infer Name}}${infer Rest}`
    ? (Name extends `${string}${' ' | '{' | '"' | ':' | '.'}${string}` | '' ? Placeholders<Body> : Name | Placeholders<Rest>)
    : never)
  : never;

/** The parameters a message needs: one value per placeholder of its English template. */
export type ParamsOf<K extends MessageId> = Record<Placeholders<En[K]>, string | number>;

const placeholder = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** The placeholder names of a template, sorted (the catalog test compares the languages with it). */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(placeholder)].map((m) => m[1] ?? ''))].sort();
}

/** Fills a template; a placeholder without a value stays as written. */
export function fill(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(placeholder, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** A message by id in the process's language, its placeholders filled from `params`. */
export function t<K extends MessageId>(id: K, ...args: Placeholders<En[K]> extends never ? [] : [ParamsOf<K>]): string {
  return fill(catalogs[current][id], args[0] ?? {});
}

/** A message whose id is data (chosen at run time from a table): its parameters are not type-checked. */
export function messageOf(id: MessageId, params: Readonly<Record<string, string | number>> = {}): string {
  return fill(catalogs[current][id], params);
}

/** Whether a string made at run time (`yaml.${code}`) names a message. */
export function isMessageId(id: string): id is MessageId {
  return Object.hasOwn(catalogs.en, id);
}

/** The same message in a language chosen by the caller (tests, and a page told the editor's language). */
export function tIn<K extends MessageId>(locale: Locale, id: K, ...args: Placeholders<En[K]> extends never ? [] : [ParamsOf<K>]): string {
  return fill(catalogs[locale][id], args[0] ?? {});
}

/** Items joined as the language lists them: "a, b" in English, "a、b" in Chinese. */
export function listOf(items: readonly string[], englishSeparator = ', '): string {
  return items.join(current === 'zh-cn' ? (englishSeparator === ', ' ? '、' : chineseSeparator(englishSeparator)) : englishSeparator);
}

/** Sentences one after another: a space between English ones, none between Chinese ones (they end in 。). */
export function sentences(parts: readonly string[]): string {
  return parts.join(current === 'zh-cn' ? '' : ' ');
}

function chineseSeparator(english: string): string {
  if (english === ' and ') return ' 和 ';
  if (english === ' or ') return '或';
  if (english === '; ') return '；';
  return english;
}
