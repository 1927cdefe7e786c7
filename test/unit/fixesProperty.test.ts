import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fixAllEdits, fixesFor, type FileFix } from '../../server/src/service/codeActions';
import { applyEdits } from '../../server/src/service/fixes/applyEdits';
import { checkFile, type CheckedFile } from '../../server/src/service/languageService';
import { defaultSettings } from '../../server/src/service/settings';
import { WorkspaceIndex } from '../../server/src/service/workspace/workspaceIndex';

// Every fix offered on every real manifest and rule fixture, applied: the result parses, the
// finding is gone, no new error appears, and fixing everything again never corrupts the file.
const uri = 'file:///manifest.yaml';
const fixtures = join(import.meta.dirname, '..', 'fixtures');
const files = [
  ...readdirSync(join(fixtures, 'corpus', 'plain')).map((f) => join(fixtures, 'corpus', 'plain', f)),
  ...readdirSync(join(fixtures, 'rules')).filter((f) => f.endsWith('.yaml')).map((f) => join(fixtures, 'rules', f)),
];

const check = (text: string): CheckedFile => checkFile(uri, text, defaultSettings, new WorkspaceIndex());
const finder = (file: CheckedFile) => (target: string) => (target === uri ? file.documents : undefined);
const count = (file: CheckedFile, rule: string, severity?: string): number =>
  file.findings.filter((f) => f.rule === rule && (!severity || f.severity === severity)).length;
const errorRules = (file: CheckedFile): Set<string> => new Set(file.findings.filter((f) => f.severity === 'error').map((f) => f.rule));

function assertSound(name: string, before: CheckedFile, fix: FileFix, text: string): void {
  const edits = fix.edits[uri] ?? [];
  const label = `${name}: "${fix.title}"`;
  assert.ok(edits.length > 0, `${label} has no edits`);
  for (const edit of edits) assert.ok(edit.start >= 0 && edit.start <= edit.end && edit.end <= text.length, `${label}: edit out of range`);
  const after = applyEdits(text, edits);
  const fixed = check(after);
  assert.equal(count(fixed, 'yaml-syntax'), count(before, 'yaml-syntax'), `${label} broke the YAML:\n${after}`);
  assert.ok(count(fixed, fix.rule) < count(before, fix.rule), `${label} left its finding:\n${after}`);
  // Moving off a removed API version brings the apps/v1 checks in: what they find was there all along.
  const baseline = fix.rule === 'api-version-removed' ? check(text.replace(/apiVersion: apps\/v1beta[12]/g, 'apiVersion: apps/v1')) : before;
  for (const rule of errorRules(fixed)) {
    const was = Math.max(count(before, rule, 'error'), count(baseline, rule, 'error'));
    assert.ok(count(fixed, rule, 'error') <= was, `${label} added a ${rule} error:\n${after}`);
  }
  const again = applyEdits(after, fixAllEdits(uri, fixed, defaultSettings, finder(fixed)));
  assert.equal(count(check(again), 'yaml-syntax'), count(before, 'yaml-syntax'), `${label} then fix-all broke the YAML:\n${again}`);
}

for (const path of files) {
  const name = path.slice(fixtures.length + 1);
  test(`every fix is sound on ${name}`, () => {
    const text = readFileSync(path, 'utf8');
    const before = check(text);
    for (const finding of before.findings) {
      for (const fix of fixesFor(uri, text, before, finding, defaultSettings, finder(before))) {
        if (Object.keys(fix.edits).some((target) => target !== uri)) continue;
        assertSound(name, before, fix, text);
      }
    }
  });
}

test('fix-all leaves a file with nothing to fix byte-identical', () => {
  const text = readFileSync(join(fixtures, 'corpus', 'plain', files.map((f) => f.split('/').pop()).find((f) => f?.startsWith('kubernetes-website__web')) ?? ''), 'utf8');
  const file = check(text);
  assert.deepEqual(fixAllEdits(uri, file, defaultSettings, finder(file)), []);
});
