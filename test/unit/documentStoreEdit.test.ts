import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import '../helpers/propertySeed';
import { checkFile } from '../../server/src/service/languageService';
import type { Finding } from '../../server/src/service/model';
import { DocumentStore } from '../../server/src/service/parse/documentStore';
import { LineIndex } from '../../server/src/service/parse/lineIndex';
import { splitDocuments } from '../../server/src/service/parse/splitDocuments';
import { defaultSettings } from '../../server/src/service/settings';
import { WorkspaceIndex } from '../../server/src/service/workspace/workspaceIndex';

// The language server applies the editor's changes to a DocumentStore, which splits again only
// around the changed range. Whatever the edits, the store must hold exactly the text, documents
// and positions of the edited text taken whole.

const uri = 'file:///edited.yaml';

/** Texts made of separator-like pieces, line breaks of every kind and a little Kubernetes YAML. */
const fragment = fc.constantFrom(
  '---', '...', '--- # c', '--', '\n', '\r\n', '\r', ' ', 'a: 1', '# sts-ignore', 'x',
  'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  clusterIP: None\n',
  'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db\n  replicas: 2\n',
);
const text = fc.array(fragment, { maxLength: 30 }).map((parts) => parts.join(''));
/** An edit as fractions of the text's length (start, length) and the text typed. */
const edit = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 0.3, noNaN: true }), text);

const split = (t: string): [number, string][] =>
  splitDocuments(t).filter((c, _, all) => c.text !== '' || all.length === 1).map((c) => [c.offset, c.text]);
const visible = (findings: readonly Finding[]): string[] => findings.map((f) => `${f.start}-${f.end} ${f.rule}: ${f.message}`);

test('edits applied to a DocumentStore give the text, documents, positions and findings of the whole edited text', () => {
  fc.assert(fc.property(text, fc.array(edit, { minLength: 1, maxLength: 8 }), (initial, edits) => {
    const store = new DocumentStore();
    store.setText(initial);
    // One index throughout, as in the server: each check reuses the findings of the documents the edit left alone.
    const index = new WorkspaceIndex();
    checkFile(uri, store, defaultSettings, index);
    let expected = initial;
    for (const [at, size, typed] of edits) {
      // Offsets an editor can name: never between the \r and \n of a line break.
      const lines = new LineIndex(expected);
      const nameable = (offset: number): number => lines.offsetAt(lines.positionAt(offset));
      const start = nameable(Math.floor(at * expected.length));
      const end = Math.max(start, nameable(Math.min(expected.length, start + Math.floor(size * expected.length))));
      store.edit(lines.positionAt(start), lines.positionAt(end), typed);
      expected = expected.slice(0, start) + typed + expected.slice(end);
      assert.equal(store.length, expected.length);
      const checked = checkFile(uri, store, defaultSettings, index);
      const whole = checkFile(uri, expected, defaultSettings, new WorkspaceIndex());
      assert.deepEqual(visible(checked.findings), visible(whole.findings), 'findings after an edit');
      assert.deepEqual(checked.services, whole.services, 'Services after an edit');
    }
    assert.equal(store.text, expected);
    assert.deepEqual(store.documents().map((d) => [d.offset, d.text]), split(expected));
    const whole = new LineIndex(expected);
    const lines = store.lines();
    for (let offset = 0; offset <= expected.length; offset++) {
      const position = whole.positionAt(offset);
      assert.deepEqual(lines.positionAt(offset), position, `position of offset ${offset}`);
      assert.equal(lines.offsetAt(position), whole.offsetAt(position), `offset of ${position.line}:${position.character}`);
    }
  }), { numRuns: 400 });
});

test('positions past a line end or past the last line are clamped as the editor clamps them', () => {
  const store = new DocumentStore();
  store.setText('a: 1\r\n---\nb: 2');
  const lines = store.lines();
  assert.equal(lines.offsetAt({ line: 0, character: 99 }), 4); // before the \r\n
  assert.equal(lines.offsetAt({ line: 9, character: 0 }), 14);
  store.edit({ line: 2, character: 4 }, { line: 9, character: 0 }, '\n---\nc: 3\n');
  assert.equal(store.text, 'a: 1\r\n---\nb: 2\n---\nc: 3\n');
  assert.equal(store.documents().length, 3);
});

test('an edit in the middle of a 2000-document file parses one document and moves the others without parsing them', () => {
  const unit = (i: number): string => `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\ndata:\n  k: v\n`;
  const store = new DocumentStore();
  store.setText(Array.from({ length: 2000 }, (_, i) => unit(i)).join(''));
  const before = [...store.documents()];
  const offsets = before.map((d) => d.offset);
  store.edit({ line: 7 * 1000 + 6, character: 6 }, { line: 7 * 1000 + 6, character: 6 }, 'x');
  const after = store.documents();
  const parsedAgain = after.filter((d, i) => d.yaml !== before[i]?.yaml);
  assert.equal(parsedAgain.length, 1);
  assert.equal(parsedAgain[0]?.text, unit(1000).replace('k: v', 'k: vx'));
  assert.equal(after[1500]?.offset, (offsets[1500] ?? 0) + 1);
  assert.equal(after[500], before[500]);
});
