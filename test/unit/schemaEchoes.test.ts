import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse, stringify } from 'yaml';
import { checkFile } from '../../server/src/service/languageService';
import { defaultSettings } from '../../server/src/service/settings';
import { WorkspaceIndex } from '../../server/src/service/workspace/workspaceIndex';

// A schema error is dropped beside another rule's error on the same span (that one says it
// better), never beside a warning: the long differential run (seed 12000345) had a number where
// an affinity term belongs, which Kubernetes cannot decode, reported only as the term's warning.
test('a schema error on the span of a warning is kept', () => {
  const [set, service] = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'fixes', 'affinity-selects-nothing.before.yaml'), 'utf8').split('\n---\n');
  const object = parse(set!) as { spec: { template: { spec: { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: unknown[] } } } } } };
  const terms = object.spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution;
  terms.splice(0, 1, 1, terms[0]);
  const file = checkFile('file:///zk.yaml', `${stringify(object)}---\n${service}`, defaultSettings, new WorkspaceIndex());
  const { findings } = file;
  assert.ok(findings.some((f) => f.rule === 'schema' && f.severity === 'error'), JSON.stringify(findings.map((f) => [f.rule, f.severity, f.message])));
});
