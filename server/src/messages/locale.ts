/** The languages our words are written in: English (the default) and Simplified Chinese. */
export type Locale = 'en' | 'zh-cn';

export const locales: readonly Locale[] = ['en', 'zh-cn'];

/**
 * A language tag as an editor or the environment spells it ("zh-cn", "zh-Hans", "zh_CN.UTF-8",
 * "en-US", "C") as one of ours. Chinese of mainland China and Singapore and the bare "zh" are
 * Simplified Chinese; everything else, Traditional Chinese included, stays English: a
 * Traditional-Chinese reader is better served by the English original than by
 * characters of the other script.
 */
export function localeOf(tag: string | undefined): Locale {
  if (tag === undefined) return 'en';
  const base = tag.trim().toLowerCase().split(/[.@]/)[0]?.replace(/_/g, '-') ?? '';
  if (base === 'zh' || base === 'zh-cn' || base === 'zh-sg' || base === 'zh-hans' || base.startsWith('zh-hans-')) return 'zh-cn';
  return 'en';
}

/**
 * The CLI's language: `--lang` first, then the POSIX variables in their order of precedence
 * (LC_ALL, then LC_MESSAGES, then LANG; the first one set and not empty decides).
 */
export function localeFromEnvironment(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): Locale {
  if (flag !== undefined && flag !== '') return localeOf(flag);
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value !== undefined && value !== '') return localeOf(value);
  }
  return 'en';
}
