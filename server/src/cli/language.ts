import { localeFromEnvironment, type Locale } from '../messages';

/**
 * `--lang LANG` (or `--lang=LANG`) may stand anywhere before `--`, with any command: it is
 * taken out of the arguments before they are parsed, so that each command's own options stay
 * as they are. Without it, LC_ALL, LC_MESSAGES and LANG decide (zh_CN.UTF-8 is zh-cn).
 */
export function takeLanguage(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): { argv: string[]; locale: Locale } {
  const rest: string[] = [];
  let flag: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === '--lang' && i + 1 < argv.length) flag = argv[++i];
    else if (arg.startsWith('--lang=')) flag = arg.slice('--lang='.length);
    else rest.push(arg);
  }
  return { argv: rest, locale: localeFromEnvironment(flag, env) };
}
