import { closest } from './closest';
import { commandNamed, commands, type CommandSpec, type OptionSpec } from './commands';
import { UsageError } from './usageError';
import { listOf as words, t } from '../messages';

/** The parsed command line of `sts`. */
export interface CliArgs {
  command: string | undefined;
  paths: string[];
  /** Options by their long flag (`-f` is stored as `--values`). */
  options: Map<string, string | true>;
  /** Flags that may repeat (`--values F --values G`, `--set K=V`), each value in order. */
  lists: Map<string, string[]>;
}

/** What may stand where a command does. */
const commandFlags = new Map([['--version', 'version'], ['-v', 'version'], ['-V', 'version'], ['--help', 'help'], ['-h', 'help']]);

/**
 * Splits `sts <command> [--flag value | --flag=value | --flag] PATH...` against the command's
 * options (commands.ts). Throws a UsageError that names the closest known option or command
 * on anything it does not know, so that a typo in CI fails instead of being ignored.
 */
export function parseArgs(argv: readonly string[]): CliArgs {
  const [first, ...rest] = argv;
  const command = first === undefined ? undefined : commandFlags.get(first) ?? first;
  const spec = command === undefined || command === 'version' ? undefined : commandNamed(command);
  if (command !== undefined && command !== 'version' && !spec) throw unknownCommand(command);
  const paths: string[] = [];
  const options = new Map<string, string | true>();
  const lists = new Map<string, string[]>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    if (arg === '--') {
      paths.push(...rest.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      paths.push(arg);
      continue;
    }
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const typed = equals > 0 ? arg.slice(0, equals) : arg;
    const option = spec ? optionOf(spec, typed) : undefined;
    if (!option) throw unknownOption(typed, spec ?? { name: command ?? '', options: [] });
    const name = `${option.alias && typed === option.alias ? `${option.alias} (${option.flag})` : option.flag}`;
    let value: string | true = true;
    if (option.value === undefined) {
      if (equals > 0) throw new UsageError(t('args.switch', { flag: option.flag, arg }), spec?.name);
    } else {
      const next = equals > 0 ? arg.slice(equals + 1) : rest[++i];
      if (next === undefined || (equals < 0 && next.startsWith('--'))) {
        throw new UsageError(t('args.needsValue', { name, value: option.value, choices: option.choices ? t('args.choices', { choices: listOf(option.choices) }) : '' }), spec?.name);
      }
      if (option.choices && !option.choices.includes(next)) {
        throw new UsageError(t('args.takes', { flag: option.flag, choices: listOf(option.choices), value: next }), spec?.name);
      }
      value = next;
    }
    if (option.repeated && typeof value === 'string') lists.set(option.flag, [...(lists.get(option.flag) ?? []), value]);
    else options.set(option.flag, value);
  }
  return { command, paths, options, lists };
}

function optionOf(spec: CommandSpec, typed: string): OptionSpec | undefined {
  return spec.options.find((o) => o.flag === typed || o.alias === typed);
}

/** Options of other tools that people type out of habit, and what they mean here. */
const habits: Record<string, string> = { '--json': '--format json', '-o': '--format', '--output': '--format', '-v': '--version' };

function unknownOption(typed: string, spec: Pick<CommandSpec, 'name' | 'options'>): UsageError {
  const where = spec.name ? `sts ${spec.name}` : 'sts';
  const command = spec.name || undefined;
  const habit = habits[typed];
  if (habit && spec.options.some((o) => o.flag === habit.split(' ')[0])) return new UsageError(t('args.didYouMean', { typed, where, near: habit }), command);
  const known = spec.options.flatMap((o) => (o.alias ? [o.flag, o.alias] : [o.flag]));
  // A one-letter option is one edit from every other: no guess. -format is --format mistyped.
  const long = typed.startsWith('--') ? typed : typed.length > 2 ? `-${typed}` : undefined;
  const near = long === undefined ? undefined : closest(long, spec.options.map((o) => o.flag));
  if (near) return new UsageError(t('args.didYouMean', { typed, where, near }), command);
  const elsewhere = commands.find((c) => c.options.some((o) => o.flag === typed || o.alias === typed));
  if (elsewhere) return new UsageError(t('args.elsewhere', { typed, other: elsewhere.name, where }), command);
  return new UsageError(t('args.itsOptions', { typed, where, options: listOf(known) }), command);
}

function unknownCommand(typed: string): UsageError {
  if (typed.startsWith('-')) {
    const near = closest(typed, [...commandFlags.keys()].filter((f) => f.startsWith('--')));
    return new UsageError(near ? t('args.commandFirstNear', { typed, near }) : t('args.commandFirst', { typed }));
  }
  const near = closest(typed, commands.map((c) => c.name));
  return new UsageError(near ? t('args.unknownCommandNear', { typed, near }) : t('args.unknownCommand', { typed }));
}

/** "a, b or c" */
export function listOf(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : t('args.or', { items: words(items.slice(0, -1)), last: items.at(-1) ?? '' });
}
