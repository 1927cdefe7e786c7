// A rule lives in one file, but the product needs more of it: a docs page (diagnostics link
// there), a row in the README and the docs index, a fixture where it is expected, and, when it
// has fixes, a fixture that applies one. This test proves each exists for every rule id.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ruleById, ruleIds, sourceDiagnosticIds } from '../../server/src/service/rules/index';

const root = join(import.meta.dirname, '..', '..');
const read = (...path: string[]): string => readFileSync(join(root, ...path), 'utf8');
const yamlIn = (folder: string, suffix: string): string[] =>
  readdirSync(join(root, folder)).filter((f) => f.endsWith(suffix)).map((f) => read(folder, f));

const docs = new Set(readdirSync(join(root, 'docs', 'rules')));
/** The Chinese pages (issue 22): diagnostics link there when the editor's language is zh-cn. */
const docsZhCn = new Set(readdirSync(join(root, 'docs', 'zh-cn', 'rules')));
const docsIndex = read('docs', 'rules', 'README.md');
const readme = read('README.md');
const expectations = yamlIn('test/fixtures/rules', '.yaml').join('\n');
const fixCases = yamlIn('test/fixtures/fixes', '.before.yaml').join('\n');

for (const id of ruleIds) {
  test(`rule ${id} has its docs page (English and Chinese), README row, expected-finding fixture${ruleById.get(id)?.fix ? ' and fix fixture' : ''}`, () => {
    assert.ok(docs.has(`${id}.md`), `docs/rules/${id}.md is missing`);
    assert.ok(docsZhCn.has(`${id}.md`), `docs/zh-cn/rules/${id}.md is missing`);
    assert.match(docsIndex, new RegExp(`\\(${id}\\.md\\)`), `docs/rules/README.md does not link ${id}.md`);
    assert.match(readme, new RegExp(`^\\| \`${id}\` \\|`, 'm'), `README's rules table has no row for ${id}`);
    assert.match(expectations, new RegExp(`#\\s*expect:[\\w\\s,-]*\\b${id}\\b`), `no fixture in test/fixtures/rules expects ${id}`);
    if (ruleById.get(id)?.fix) {
      assert.match(fixCases, new RegExp(`^# fix: ${id} \\|`, 'm'), `no test/fixtures/fixes/*.before.yaml applies a fix of ${id}`);
    }
  });
}

// A source's own diagnostics (a chart Helm cannot render) have no fixture of plain YAML: their
// tests are the source's (test/lsp/helmChart.test.ts, test/cli/helmChart.test.ts).
for (const id of sourceDiagnosticIds) {
  test(`source diagnostic ${id} has its docs page (English and Chinese) and README row`, () => {
    assert.ok(docs.has(`${id}.md`), `docs/rules/${id}.md is missing`);
    assert.ok(docsZhCn.has(`${id}.md`), `docs/zh-cn/rules/${id}.md is missing`);
    assert.match(docsIndex, new RegExp(`\\(${id}\\.md\\)`), `docs/rules/README.md does not link ${id}.md`);
    assert.match(readme, new RegExp(`^\\| \`${id}\` \\|`, 'm'), `README's rules table has no row for ${id}`);
  });
}

test('every docs page names a rule that exists', () => {
  const known = new Set([...ruleIds, ...sourceDiagnosticIds].map((id) => `${id}.md`));
  assert.deepEqual([...docs].filter((f) => f !== 'README.md' && !known.has(f)), []);
  assert.deepEqual([...docsZhCn].filter((f) => f !== 'README.md' && !known.has(f)), []);
});
