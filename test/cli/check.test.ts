import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sts } from './cliRun';

const fixture = 'test/fixtures/rules/selector-mismatch.yaml';

test('json output: 1-based positions, rule ids, exit 1 on errors', () => {
  const { status, stdout } = sts(['check', '--format', 'json', fixture]);
  assert.equal(status, 1);
  const reports = JSON.parse(stdout) as Record<string, unknown>[];
  const first = reports[0];
  assert.deepEqual(first && Object.keys(first).sort(), ['column', 'endColumn', 'endLine', 'file', 'line', 'message', 'rule', 'severity']);
  assert.deepEqual({ ...first, message: undefined }, {
    file: fixture, line: 6, column: 3, endLine: 6, endColumn: 11, severity: 'error', rule: 'selector-mismatch', message: undefined,
  });
});

test('text output and exit 0 when only warnings', () => {
  const { status, stdout } = sts(['check', 'test/fixtures/rules/pod-template.yaml', '--format', 'text'], undefined);
  assert.equal(status, 1);
  assert.match(stdout, /pod-template\.yaml:10:22: error \[restart-policy-invalid\]/);
  const clean = sts(['check', '-'], 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: w}\nspec:\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: b}}\n    spec:\n      terminationGracePeriodSeconds: 0\n      containers: [{name: c, image: i}]\n');
  assert.equal(clean.status, 0);
  assert.match(clean.stdout, /<stdin>:9:\d+: warning \[grace-period-zero\]/);
  assert.match(clean.stdout, /0 errors, 1 warning/);
});

test('a folder is searched recursively, and Services in other files count', () => {
  const { status, stdout } = sts(['check', '--format', 'json', 'test/fixtures/cli']);
  assert.equal(status, 0, stdout);
  assert.deepEqual(JSON.parse(stdout), []);
});

test('sarif output is SARIF 2.1.0 with rule ids and regions', () => {
  const { stdout } = sts(['check', '--format', 'sarif', fixture]);
  const sarif = JSON.parse(stdout) as { version: string; runs: { results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
  assert.equal(sarif.version, '2.1.0');
  const result = sarif.runs[0]?.results[0];
  assert.equal(result?.ruleId, 'selector-mismatch');
  assert.equal(result?.locations[0]?.physicalLocation.region.startLine, 6);
});

test('usage errors and unreadable input exit 2 with a message, not a stack trace', () => {
  for (const args of [['check'], ['check', '--format', 'xml', fixture], ['check', 'no/such/file.yaml'], ['frobnicate']]) {
    const { status, stderr } = sts(args);
    assert.equal(status, 2, args.join(' '));
    assert.match(stderr, /^sts: /);
    assert.doesNotMatch(stderr, /\n\s+at /);
  }
});
