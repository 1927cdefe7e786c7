// `sts check CHART_DIR`: the chart rendered with Helm's engine, findings on the template line and
// the values line (JSON `related`, SARIF `relatedLocations`); a chart Helm refuses is one error.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { sts } from './cliRun';

let folder: string;
before(() => {
  folder = mkdtempSync(join(tmpdir(), 'sts-cli-chart-'));
  cpSync(join(import.meta.dirname, '..', 'fixtures', 'charts', 'postgresql'), join(folder, 'postgresql'), { recursive: true });
});
after(() => rmSync(folder, { recursive: true, force: true }));

test('a --set value that the API server refuses: the template line, with the values line related', () => {
  const { status, stdout } = sts(['check', '--format', 'json', join(folder, 'postgresql'), '--set', 'primary.updateStrategy.type=Recreate']);
  assert.equal(status, 1);
  const reports = JSON.parse(stdout) as { file: string; line: number; rule: string; related?: { file: string; line: number }[] }[];
  const onTemplate = reports.find((r) => r.file.endsWith('templates/primary/statefulset.yaml') && r.rule === 'update-strategy-invalid');
  assert.ok(onTemplate, stdout);
  const template = readFileSync(join(folder, 'postgresql', 'templates', 'primary', 'statefulset.yaml'), 'utf8').split('\n');
  assert.match(template[onTemplate.line - 1]!, /updateStrategy: \{\{- toYaml \.Values\.primary\.updateStrategy/);
  assert.ok(onTemplate.related?.[0]?.file.endsWith('postgresql/values.yaml'));
  const sarif = JSON.parse(sts(['check', '--format', 'sarif', join(folder, 'postgresql'), '--set', 'primary.updateStrategy.type=Recreate']).stdout);
  const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'update-strategy-invalid');
  assert.match(result.relatedLocations[0].physicalLocation.artifactLocation.uri, /postgresql\/values\.yaml$/);
});

test('the vendored chart as it is renders with no finding', () => {
  const { status, stdout } = sts(['check', join(folder, 'postgresql')]);
  assert.equal(stdout, '0 errors, 0 warnings\n');
  assert.equal(status, 0);
});

test('a chart with a missing dependency is one helm-render error that says to build the dependencies', () => {
  const broken = join(folder, 'nodeps');
  cpSync(join(folder, 'postgresql'), broken, { recursive: true });
  rmSync(join(broken, 'charts'), { recursive: true, force: true });
  const { status, stdout } = sts(['check', '--format', 'json', broken]);
  assert.equal(status, 1);
  const reports = JSON.parse(stdout) as { file: string; rule: string; message: string }[];
  assert.deepEqual(reports.map((r) => [r.file.endsWith('Chart.yaml'), r.rule]), [[true, 'helm-render']]);
  assert.match(reports[0]!.message, /helm dependency build/);
});

test('a template that loops is stopped and reported, not waited for', () => {
  const looping = join(folder, 'looping');
  cpSync(join(folder, 'postgresql'), looping, { recursive: true });
  writeFileSync(join(looping, 'templates', 'loop.yaml'), '{{- define "loop" }}{{ include "loop" . }}{{ end }}\n{{ include "loop" . }}\n');
  const { status, stdout } = sts(['check', '--format', 'json', looping]);
  assert.equal(status, 1);
  const reports = JSON.parse(stdout) as { rule: string; message: string }[];
  assert.deepEqual(reports.map((r) => r.rule), ['helm-render']);
});

test('a required value that is missing is one helm-render error at the template line Helm names', () => {
  const chart = join(folder, 'required');
  cpSync(join(folder, 'postgresql'), chart, { recursive: true });
  const template = join(chart, 'templates', 'primary', 'statefulset.yaml');
  writeFileSync(template, readFileSync(template, 'utf8').replace(/^ {2}replicas: 1$/m, '  replicas: {{ required "primary.replicas is required" .Values.primary.nope }}'));
  const { status, stdout } = sts(['check', '--format', 'json', chart]);
  assert.equal(status, 1);
  const reports = JSON.parse(stdout) as { file: string; line: number; rule: string; message: string }[];
  assert.deepEqual(reports.map((r) => [r.file.endsWith('templates/primary/statefulset.yaml'), r.line, r.rule]), [[true, 20, 'helm-render']]);
  assert.match(reports[0]!.message, /primary\.replicas is required/);
});

test('a line a helper wrote is reported on the helper line, with the include line related', () => {
  const { stdout } = sts(['check', '--format', 'json', 'test/fixtures/charts-own/labels']);
  const reports = JSON.parse(stdout) as { file: string; line: number; rule: string; related?: { file: string; line: number; message: string }[] }[];
  const trap = reports.find((r) => r.rule === 'label-changes-on-upgrade');
  assert.ok(trap, stdout);
  assert.deepEqual([trap.file, trap.line], ['test/fixtures/charts-own/labels/templates/_helpers.tpl', 8]);
  assert.deepEqual(trap.related?.map((r) => [r.file, r.line, r.message]), [['test/fixtures/charts-own/labels/templates/statefulset.yaml', 12, 'the helper is included here']]);
  const grace = reports.filter((r) => r.rule === 'grace-period-zero').map((r) => [r.file, r.line]);
  assert.deepEqual(grace, [['test/fixtures/charts-own/labels/templates/statefulset.yaml', 18], ['test/fixtures/charts-own/labels/values.yaml', 5]]);
});
