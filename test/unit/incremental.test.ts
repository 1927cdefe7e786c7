import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import '../helpers/propertySeed';
import type { Finding, ManifestDocument } from '../../server/src/service/model';
import { checkFile } from '../../server/src/service/languageService';
import { DocumentStore } from '../../server/src/service/parse/documentStore';
import { LineIndex } from '../../server/src/service/parse/lineIndex';
import { splitDocuments, type Chunk } from '../../server/src/service/parse/splitDocuments';
import { defaultSettings } from '../../server/src/service/settings';
import { applySuppressions } from '../../server/src/service/suppression';
import { WorkspaceIndex } from '../../server/src/service/workspace/workspaceIndex';

// An edit in one document of a big file costs that document: the others are neither split
// differently, nor re-parsed, nor reported differently from a fresh check.

const uri = 'file:///big.yaml';

/** One headless Service and the StatefulSet that names it; `broken` gives it a few findings. */
function unit(i: number, broken: boolean): string {
  const name = `db-${String(i).padStart(4, '0')}`;
  return `---
# unit ${i}
apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  clusterIP: ${broken ? '10.0.0.1' : 'None'}
  selector:
    app: ${name}
  ports:
    - port: 5432
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ${name}
spec:
  serviceName: ${broken ? `${name}-missing` : name}
  replicas: ${broken ? '"three"' : 3}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
        - name: db
          image: postgres:16
          env:
            - name: MODE
              value: primary
`;
}

/** 1000 units = 2000 documents; every 97th unit has findings. */
const bigFile = Array.from({ length: 1000 }, (_, i) => unit(i, i % 97 === 5)).join('');
const middle = bigFile.indexOf('value: primary', bigFile.length >> 1) + 'value: primary'.length;

const visible = (findings: readonly Finding[]): string[] =>
  findings.map((f) => `${f.start}-${f.end} ${f.severity} ${f.rule}: ${f.message} ${JSON.stringify(f.data ?? null)}`);

function check(text: string, store?: DocumentStore) {
  return checkFile(uri, store ? store.setText(text) : text, defaultSettings, new WorkspaceIndex());
}

/** How many documents of `after` were parsed anew rather than taken from `before`. */
function reparsed(before: readonly ManifestDocument[], after: readonly ManifestDocument[]): number {
  const known = new Set(before.map((d) => d.yaml));
  return after.filter((d) => !known.has(d.yaml)).length;
}

test('the big file has 2000 documents and some findings', () => {
  const file = check(bigFile);
  assert.equal(file.documents.length, 2000);
  assert.ok(file.findings.length >= 20, `${file.findings.length} findings`);
});

test('typing in one document of 2000 re-parses that document only, and reports as a fresh check does', () => {
  const store = new DocumentStore();
  let text = bigFile;
  let previous = check(text, store).documents;
  for (const typed of 'abc') {
    text = `${text.slice(0, middle)}${typed}${text.slice(middle)}`;
    const offsets = previous.map((d) => d.offset); // the store moves documents in place
    const file = check(text, store);
    assert.equal(reparsed(previous, file.documents), 1);
    const edited = file.documents.findIndex((d) => d.offset <= middle && middle < d.offset + d.text.length);
    // Documents before the edit are the very same objects; those after it keep their parse and move.
    file.documents.forEach((document, i) => {
      if (i < edited) assert.equal(document, previous[i]);
      if (i > edited) {
        assert.equal(document.yaml, previous[i]?.yaml);
        assert.equal(document.offset, (offsets[i] ?? 0) + 1);
      }
    });
    assert.deepEqual(visible(file.findings), visible(check(text).findings));
    previous = [...file.documents];
  }
});

test('inserting, breaking and removing whole documents re-parses only what changed', () => {
  const store = new DocumentStore();
  const first = check(bigFile, store).documents;
  const at = first[1000]?.offset ?? 0;
  const inserted = `${bigFile.slice(0, at)}${unit(5000, true)}${bigFile.slice(at)}`;
  const withNew = check(inserted, store);
  assert.equal(withNew.documents.length, 2002);
  assert.equal(reparsed(first, withNew.documents), 2);
  assert.deepEqual(visible(withNew.findings), visible(check(inserted).findings));

  // A `---` typed in the middle of a document splits it in two: both halves are new.
  const split = `${inserted.slice(0, middle)}\n---\n${inserted.slice(middle)}`;
  const splitFile = check(split, store);
  assert.equal(splitFile.documents.length, 2003);
  assert.equal(reparsed(withNew.documents, splitFile.documents), 2);
  assert.deepEqual(visible(splitFile.findings), visible(check(split).findings));

  // Back to the original text: every document is known again, nothing is parsed.
  const back = check(bigFile, store);
  assert.equal(reparsed([...first, ...withNew.documents, ...splitFile.documents], back.documents), 0);
  assert.deepEqual(visible(back.findings), visible(check(bigFile).findings));
});

test('an edit that breaks a Service changes the findings of its StatefulSet, as a fresh check does', () => {
  const store = new DocumentStore();
  check(bigFile, store);
  const text = bigFile.replace('  clusterIP: None\n  selector:\n    app: db-0500', '  clusterIP: 10.0.0.9\n  selector:\n    app: db-0500');
  assert.notEqual(text, bigFile);
  const file = check(text, store);
  assert.ok(file.findings.some((f) => f.rule === 'service-not-headless' && f.message.includes('db-0500')));
  assert.deepEqual(visible(file.findings), visible(check(text).findings));
});

/** The splitter's rule taken line by line (YAML's line breaks: \n, \r\n, \r), the reference for the indexOf one. */
function splitByLines(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  let start = 0;
  let offset = 0;
  for (const line of text.split(/(?<=\n|\r(?!\n))/)) {
    if (/^(---|\.\.\.)([ \t\r\n]|$)/.test(line)) {
      if (offset > start) chunks.push({ offset: start, text: text.slice(start, offset) });
      start = offset;
      if (line.startsWith('...')) {
        chunks.push({ offset, text: line });
        start = offset + line.length;
      }
    }
    offset += line.length;
  }
  if (start < text.length || chunks.length === 0) chunks.push({ offset: start, text: text.slice(start) });
  return chunks;
}

/** Texts made of separator-like pieces, line breaks of every kind and a little YAML. */
const yamlish = fc.array(
  fc.constantFrom('---', '...', '--', '..', '----', '\n', '\r\n', '\r', '\u2028', '\u2029', ' ', '\t', 'a: 1', '#', '# sts-ignore', '# sts-ignore schema', 'x'),
  { maxLength: 40 },
).map((pieces) => pieces.join(''));

test('splitDocuments cuts exactly where the line-by-line rule does', () => {
  fc.assert(fc.property(yamlish, (text) => {
    assert.deepEqual(splitDocuments(text), splitByLines(text));
  }), { numRuns: 3000 });
});

/** Suppression as it was: whole-text LineIndex, the reference for the line-local one. */
function suppressByLineIndex(text: string, findings: readonly Finding[]): Finding[] {
  const marker = /#\s*sts-ignore(?![-\w])([^#\n]*)/;
  if (!text.includes('sts-ignore')) return [...findings];
  const lines = new LineIndex(text);
  const lineText = (n: number): string => {
    if (n < 0) return '';
    const start = lines.offsetAt({ line: n, character: 0 });
    const end = text.slice(start).search(/[\r\n]/);
    return text.slice(start, end < 0 ? text.length : start + end);
  };
  return findings.filter((finding) => {
    const line = lines.positionAt(finding.start).line;
    return ![lineText(line), lineText(line - 1)].some((candidate) => {
      const match = marker.exec(candidate);
      if (!match) return false;
      const ids = new Set((match[1] ?? '').split(/[\s,]+/).filter(Boolean));
      return ids.size === 0 || ids.has(finding.rule);
    });
  });
}

test('suppression reads the lines around each finding exactly as the whole-text version did', () => {
  fc.assert(fc.property(yamlish, fc.array(fc.tuple(fc.nat(60), fc.constantFrom('schema', 'yaml-syntax'))), (text, at) => {
    const findings: Finding[] = at.map(([start, rule]) => ({ rule, severity: 'error', message: 'm', start, end: start + 1 }));
    assert.deepEqual(applySuppressions(text, findings), suppressByLineIndex(text, findings));
  }), { numRuns: 3000 });
});
