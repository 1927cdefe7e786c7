/** The parsed command line of `sts`. */
export interface CliArgs {
  command: string | undefined;
  paths: string[];
  options: Map<string, string | true>;
  /** Flags that may repeat (`--values F --values G`, `--set K=V`), each value in order. */
  lists: Map<string, string[]>;
}

const valued = new Set(['--format', '--cluster-domain', '--namespace', '--name', '--baseline', '--release']);
const repeated = new Set(['--values', '--set']);

/** Splits `sts <command> [--flag value | --flag] PATH...`; throws a readable Error on a bad flag. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const [command, ...rest] = argv;
  const paths: string[] = [];
  const options = new Map<string, string | true>();
  const lists = new Map<string, string[]>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    if (arg.startsWith('--') && arg.includes('=')) {
      const [flag = '', ...value] = arg.split('=');
      options.set(flag, value.join('='));
    } else if (repeated.has(arg) || arg === '-f') {
      const value = rest[++i];
      if (value === undefined) throw new Error(`${arg} needs a value`);
      const flag = arg === '-f' ? '--values' : arg;
      lists.set(flag, [...(lists.get(flag) ?? []), value]);
    } else if (valued.has(arg)) {
      const value = rest[++i];
      if (value === undefined) throw new Error(`${arg} needs a value`);
      options.set(arg, value);
    } else if (arg.startsWith('--')) {
      options.set(arg, true);
    } else {
      paths.push(arg);
    }
  }
  return { command, paths, options, lists };
}
