// parseArgs and closest in process: every option of every command parses; typos find their option.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseArgs } from '../../server/src/cli/args';
import { closest } from '../../server/src/cli/closest';
import { commands } from '../../server/src/cli/commands';

test('every option of every command parses, as --flag value, --flag=value and its alias', () => {
  for (const command of commands) {
    for (const option of command.options) {
      const value = option.choices?.[0] ?? 'v';
      const spellings = [option.flag, ...(option.alias ? [option.alias] : [])];
      for (const flag of spellings) {
        const args = parseArgs(option.value ? [command.name, flag, value, 'p'] : [command.name, flag, 'p']);
        const got = option.repeated ? args.lists.get(option.flag)?.[0] : args.options.get(option.flag);
        assert.equal(got, option.value ? value : true, `${command.name} ${flag}`);
        assert.deepEqual(args.paths, ['p']);
      }
      if (option.value) assert.equal(parseArgs([command.name, `${option.flag}=${value}`]).options.get(option.flag) ?? parseArgs([command.name, `${option.flag}=${value}`]).lists.get(option.flag)?.[0], value);
    }
  }
});

test('repeated flags keep every value in order; -- ends the options; - is a path', () => {
  const args = parseArgs(['check', '-f', 'a.yaml', '--values', 'b.yaml', '--set', 'x=1', '--set=y=2', '-', '--', '--odd-name.yaml']);
  assert.deepEqual(args.lists.get('--values'), ['a.yaml', 'b.yaml']);
  assert.deepEqual(args.lists.get('--set'), ['x=1', 'y=2']);
  assert.deepEqual(args.paths, ['-', '--odd-name.yaml']);
});

test('the closest option or command to a typo, and none for something unrelated', () => {
  const flags = commands.find((c) => c.name === 'check')!.options.map((o) => o.flag);
  for (const [typed, expected] of [['--formt', '--format'], ['--fromat', '--format'], ['--fix-all', '--fix'], ['--baselin', '--baseline'],
    ['--valeus', '--values'], ['--namespce', '--namespace'], ['--no-schemas', '--no-schema'], ['--max-unavailable', '--max-unavailable-gate'],
    ['--cluster', '--cluster-domain'], ['--bogus', undefined], ['--x', undefined]] as const) {
    assert.equal(closest(typed, flags), expected, typed);
  }
  assert.equal(closest('chekc', commands.map((c) => c.name)), 'check');
  assert.equal(closest('preveiw', commands.map((c) => c.name)), 'preview');
  assert.throws(() => parseArgs(['chekc']), /unknown command "chekc"; did you mean "check"\?/);
  assert.throws(() => parseArgs(['check', '--set']), /--set needs a value: --set KEY=VALUE\./);
  assert.throws(() => parseArgs(['check', '--baseline', '--fix']), /--baseline needs a value/);
});

test('a single-dash option: -format is --format mistyped; an unknown letter gets the list, not a guess', () => {
  assert.throws(() => parseArgs(['check', '-format', 'json']), /unknown option -format for sts check; did you mean --format\?/);
  assert.throws(() => parseArgs(['check', '-x']), /unknown option -x for sts check; its options are --format, --sarif, --fix, .*-f, .*-h\./);
});
