import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fixesFor } from '../../server/src/service/codeActions';
import { applyEdits } from '../../server/src/service/fixes/applyEdits';
import { baselineFrom } from '../../server/src/service/baseline/baselineLookup';
import { checkFile } from '../../server/src/service/languageService';
import { DocumentStore, parseFile } from '../../server/src/service/parse/documentStore';
import { defaultSettings } from '../../server/src/service/settings';
import { WorkspaceIndex } from '../../server/src/service/workspace/workspaceIndex';

// Each `<case>.before.yaml` names the fix to apply in its first line
// (`# fix: <rule> | <title prefix>`); `<case>.after.yaml` is the exact text expected.
// UPDATE_FIXTURES=1 writes missing `.after.yaml` files (read them before committing).
// A `<case>.baseline.yaml` beside them is the deployed version the case is checked against.
const folder = join(import.meta.dirname, '..', 'fixtures', 'fixes');
const uri = 'file:///case.yaml';

function applyNamedFix(text: string, deployed?: string): string {
  const baseline = deployed === undefined ? undefined : baselineFrom(parseFile(deployed), defaultSettings.defaultNamespace);
  const check = (t: string) => checkFile(uri, t, defaultSettings, new WorkspaceIndex(), baseline);
  const [, rule, prefix] = /^# fix: ([\w-]+) \| (.+)$/m.exec(text) ?? [];
  assert.ok(rule && prefix, 'the first line must say "# fix: <rule> | <title prefix>"');
  const file = check(text);
  const finding = file.findings.find((f) => f.rule === rule);
  assert.ok(finding, `no ${rule} finding; found ${file.findings.map((f) => f.rule).join(', ') || 'none'}`);
  const fixes = fixesFor(uri, text, file, finding, defaultSettings, () => file.documents);
  const fix = fixes.find((f) => f.title.startsWith(prefix));
  assert.ok(fix, `no fix titled "${prefix}…"; offered: ${fixes.map((f) => f.title).join(' / ')}`);
  assert.deepEqual(Object.keys(fix.edits), [uri]);
  const after = applyEdits(text, fix.edits[uri] ?? []);
  const remaining = check(after).findings.filter((f) => f.rule === rule);
  assert.equal(remaining.length, file.findings.filter((f) => f.rule === rule).length - 1, `the ${rule} finding is still there`);
  return after;
}

for (const before of readdirSync(folder).filter((f) => f.endsWith('.before.yaml'))) {
  const name = before.replace('.before.yaml', '');
  test(`fix ${name}: exact text after the fix`, () => {
    const baselinePath = join(folder, `${name}.baseline.yaml`);
    const after = applyNamedFix(readFileSync(join(folder, before), 'utf8'), existsSync(baselinePath) ? readFileSync(baselinePath, 'utf8') : undefined);
    const expectedPath = join(folder, `${name}.after.yaml`);
    if (!existsSync(expectedPath) && process.env.UPDATE_FIXTURES === '1') writeFileSync(expectedPath, after);
    assert.equal(after, readFileSync(expectedPath, 'utf8'));
  });
}
