// Issue 23: a CLI that refuses bad flags and paths with a sentence (exit 2), names a binary file,
// sorts its findings and says why its exit code is what it is.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { repoWith } from '../helpers/gitRepo';
import { repoRoot, sts } from './cliRun';

const folder = mkdtempSync(join(tmpdir(), 'sts-usage-'));
after(() => rmSync(folder, { recursive: true, force: true }));

/** Exit 2, one `sts: ` sentence (then the pointer to the help), no stack, no Node error code. */
function refused(args: string[], expected: RegExp, input?: string): string {
  const { status, stdout, stderr } = sts(args, input);
  assert.equal(status, 2, `sts ${args.join(' ')}: ${stderr}`);
  assert.equal(stdout, '');
  assert.match(stderr, /^sts: [^\n]+[.?!)]\n/);
  assert.match(stderr, expected);
  assert.doesNotMatch(stderr, /\bE[A-Z]{3,}\b|\n\s+at /, 'no raw Node error code or stack');
  return stderr;
}

test('an unknown option is refused, naming the closest known option', () => {
  refused(['check', '--formt', 'json', 'examples'], /unknown option --formt for sts check; did you mean --format\?/);
  refused(['check', '--fxi', 'examples'], /did you mean --fix\?/);
  refused(['check', '--json', 'examples'], /did you mean --format json\?/);
  refused(['check', '--bogus', 'examples'], /unknown option --bogus for sts check; its options are --format, -f? ?.*--fix/);
  refused(['preview', '--nmae', 'db', 'examples/web.yaml'], /did you mean --name\?/);
  refused(['diff', '--format', 'sarif', 'a.yaml', 'b.yaml'], /--format takes text or json, not "sarif"\./);
  refused(['check', '--format'], /--format needs a value: --format FORMAT \(text, json or sarif\)\./);
  refused(['check', '--fix=yes', 'examples'], /--fix is a switch and takes no value/);
  refused(['chek', 'examples'], /unknown command "chek"; did you mean "check"\?/);
});

test('-f is --values: `-f json` without a chart says so instead of looking for a file named json', () => {
  refused(['check', '-f', 'json', 'examples'], /--values applies to Helm charts, and no PATH is a chart.*-f is short for --values.*--format/);
});

test('a path that holds no YAML is a usage error, not a clean run', () => {
  const empty = join(folder, 'empty');
  mkdirSync(empty);
  refused(['check', empty], /holds no YAML: no \*\.yaml or \*\.yml file and no Helm chart/);
  const text = join(folder, 'text-only');
  mkdirSync(text);
  writeFileSync(join(text, 'README.md'), '# not YAML\n');
  refused(['check', text], /text-only holds no YAML/);
  refused(['check', join(folder, 'missing.yaml')], /missing\.yaml does not exist\./);
  refused(['check', '--format', 'json', 'examples', join(folder, 'nope')], /nope does not exist\./);
});

test('sts preview of a folder, sts diff of a missing file: sentences, not EISDIR or ENOENT', () => {
  // CHANGED EXPECTATION: a folder with a Chart.yaml or a kustomization is previewed now; others are still refused.
  refused(['preview', 'examples'], /examples is a folder with neither a Chart\.yaml nor a kustomization: sts preview shows one file's StatefulSet, a Helm chart's or a kustomize overlay's \(sts check takes any folder\)\./);
  refused(['diff', 'examples/web.yaml', join(folder, 'gone.yaml')], /gone\.yaml does not exist\./);
  refused(['diff', 'examples', 'examples/web.yaml'], /examples is a folder, not a file\./);
});

test('a binary file is named as one, not reported as a YAML syntax error', () => {
  refused(['check', 'images/icon.png'], /images\/icon\.png is a binary file \(a PNG image\), not YAML\./);
  const gz = join(folder, 'manifests.yaml');
  writeFileSync(gz, Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x4b, 0x4c, 0x4a, 0x06, 0x00]));
  refused(['check', gz], /manifests\.yaml is a binary file \(a gzip archive\), not YAML\./);
  refused(['check', '-'], /standard input is a binary file/, `\x00\x01\x02\x03${'\x00'.repeat(64)}`);
});

test('findings are sorted by file, then line', () => {
  const sorted = join(folder, 'sorted');
  mkdirSync(sorted);
  writeFileSync(join(sorted, 'b.yaml'), readFileSync(join(repoRoot, 'examples', 'mistakes.yaml')));
  writeFileSync(join(sorted, 'a.yaml'), readFileSync(join(repoRoot, 'examples', 'mistakes.yaml')));
  const { stdout } = sts(['check', '--format', 'json', join(sorted, 'b.yaml'), join(sorted, 'a.yaml')]);
  const findings = JSON.parse(stdout) as { file: string; line: number; column: number }[];
  assert.ok(findings.length > 2);
  const keys = findings.map((f) => [f.file, f.line, f.column] as const);
  const inOrder = [...keys].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] - y[1] || x[2] - y[2]));
  assert.deepEqual(keys, inOrder);
  assert.ok(findings[0]?.file.endsWith('a.yaml'));
});

test('the summary line says why the exit code is what it is', () => {
  const errors = sts(['check', 'examples/mistakes.yaml']);
  assert.equal(errors.status, 1);
  assert.match(errors.stdout, /\n\d+ errors?, \d+ warnings?(, \d+ notes?)?; exit 1: errors fail the check\.\n$/);
  const warningOnly = sts(['check', '-'], 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: w}\nspec:\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: b}}\n    spec:\n      terminationGracePeriodSeconds: 0\n      containers: [{name: c, image: i}]\n');
  assert.equal(warningOnly.status, 0);
  assert.match(warningOnly.stdout, /\n0 errors, 1 warning; exit 0: no errors \(warnings and notes do not fail the check\)\.\n$/);
});

test('--baseline: an immutable-field warning that fails the run says so in the summary', () => {
  const deployed = readFileSync(join(repoRoot, 'examples', 'web.yaml'), 'utf8');
  const dir = repoWith({ 'web.yaml': deployed });
  writeFileSync(join(dir, 'web.yaml'), deployed.replace(/storage: \S+/, 'storage: 99Gi'));
  const result = sts(['check', '--baseline', 'HEAD', join(dir, 'web.yaml')]);
  assert.equal(result.status, 1, result.stderr);
  assert.match(result.stdout, /warning \[immutable-field-changed\]/);
  assert.match(result.stdout, /\n0 errors, 1 warning; exit 1: 1 immutable-field-changed finding \(--baseline: kubectl apply would refuse the change\) fails the check\.\n$/);
});

test('sts --version prints the package version; sts help and sts help <command>', () => {
  const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  for (const flag of ['--version', '-v']) assert.deepEqual(sts([flag]), { status: 0, stdout: `${version}\n`, stderr: '' });
  const general = sts(['help']);
  assert.equal(general.status, 0);
  for (const command of ['check', 'diff', 'preview', 'lsp', 'help']) assert.match(general.stdout, new RegExp(`^  sts ${command} `, 'm'));
  const check = sts(['help', 'check']);
  assert.equal(check.status, 0);
  assert.match(check.stdout, /^Usage: sts check \[options\] PATH\.\.\./);
  for (const flag of ['--format FORMAT', '--sarif FILE', '--fix', '--baseline REF|FILE', '-f, --values FILE', '--set KEY=VALUE', '--release NAME']) {
    assert.ok(check.stdout.includes(flag), flag);
  }
  assert.equal(sts(['check', '--help']).stdout, check.stdout);
  assert.match(sts(['help', 'preview']).stdout, /--name NAME/);
  // `help` is a command like the others: its own --help shows its usage.
  const helpOfHelp = sts(['help', '--help']);
  assert.equal(helpOfHelp.status, 0);
  assert.match(helpOfHelp.stdout, /^Usage: sts help \[COMMAND\]/);
  refused(['help', 'preveiw'], /there is no command "preveiw"; did you mean "preview"\?/);
  const bare = sts([]);
  assert.equal(bare.status, 2);
  assert.match(bare.stderr, /Usage:/);
});

test('--sarif FILE writes SARIF beside the text report', () => {
  const sarifFile = join(folder, 'reports', 'out.sarif'); // a folder that does not exist yet
  const result = sts(['check', '--sarif', sarifFile, 'examples/mistakes.yaml']);
  assert.equal(result.status, 1);
  assert.match(result.stdout, /exit 1: errors fail the check/);
  const sarif = JSON.parse(readFileSync(sarifFile, 'utf8')) as { version: string; runs: { results: unknown[]; invocations: unknown[] }[] };
  assert.equal(sarif.version, '2.1.0');
  assert.deepEqual(sarif.runs[0]?.invocations, [{ executionSuccessful: true, exitCode: 1, exitCodeDescription: result.stdout.trim().split('\n').pop()!.replace(/\.$/, '') }]);
  assert.equal(sarif.runs[0]?.results.length, result.stdout.split('\n').filter((l) => /: (error|warning|info|hint) \[/.test(l)).length);
});

test('--baseline that names nothing is refused: a ref that is not a commit (a shallow clone), a missing export', () => {
  const dir = repoWith({ 'web.yaml': readFileSync(join(repoRoot, 'examples', 'web.yaml'), 'utf8') });
  refused(['check', '--baseline', 'origin/main', join(dir, 'web.yaml')], /--baseline origin\/main is not a commit in the git repository of .*web\.yaml \(a typo, or a shallow clone: fetch it first/);
  refused(['check', '--baseline', join(folder, 'deployed.yaml'), join(dir, 'web.yaml')], /--baseline .*deployed\.yaml: the file .*deployed\.yaml does not exist\./);
  assert.equal(sts(['check', '--baseline', 'HEAD', join(dir, 'web.yaml')]).status, 0);
});
