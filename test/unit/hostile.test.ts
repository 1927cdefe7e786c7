import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs, { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, lstatSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mock, test } from 'node:test';
import { checkFiles } from '../../server/src/cli/check';
import { fixesFor } from '../../server/src/service/codeActions';
import { applyEdits } from '../../server/src/service/fixes/applyEdits';
import { checkFile, type CheckedFile } from '../../server/src/service/languageService';
import { DocumentStore } from '../../server/src/service/parse/documentStore';
import { defaultSettings } from '../../server/src/service/settings';
import { WorkspaceIndex } from '../../server/src/service/workspace/workspaceIndex';
import { assertFindingsInBounds, assertServiceSound, timed } from '../fuzz/properties';
import { statefulSetYaml } from '../helpers/manifests';

// Hostile inputs, each its own test: a clear diagnostic or a quiet skip, never a crash or a hang.
const uri = 'file:///hostile.yaml';
const check = (text: string, store?: DocumentStore): CheckedFile => checkFile(uri, store ? store.setText(text) : text, defaultSettings, new WorkspaceIndex());
const cli = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');
const sts = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 60_000 });
const where = (file: CheckedFile) => file.findings.map((f) => {
  const p = file.lines.positionAt(f.start);
  return `${f.rule}@${p.line}:${p.character}`;
});

const statefulSet = statefulSetYaml;

check(statefulSet()); // compile the schemas before anything is timed

test('an alias bomb ("billion laughs") is refused quickly with one diagnostic', () => {
  const levels = 'abcdefghi'.split('');
  const lines = levels.map((l, i) => (i === 0 ? `${l}: &${l} [lol, lol, lol, lol, lol, lol, lol, lol, lol]` : `${l}: &${l} [${Array(9).fill(`*${levels[i - 1]}`).join(', ')}]`));
  for (const text of [
    `apiVersion: v1\nkind: ConfigMap\n${lines.join('\n')}\n`,
    // The same through merge keys, inside a StatefulSet.
    `${statefulSet()}x0: &x0 {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8}\n${Array.from({ length: 8 }, (_, i) => `x${i + 1}: &x${i + 1} [${Array(10).fill(`*x${i}`).join(', ')}]`).join('\n')}\n`,
  ]) {
    const file = timed('alias bomb', () => check(text), 1000);
    assert.deepEqual(file.findings.map((f) => f.rule), ['yaml-syntax']);
    assert.match(file.findings[0]?.message ?? '', /billion laughs/);
    assertServiceSound(text);
  }
});

test('10,000-deep nesting, flow and block, is refused with a clear diagnostic', () => {
  let block = 'apiVersion: v1\nkind: ConfigMap\ndata:\n';
  for (let i = 1; i <= 10_000; i++) block += `${' '.repeat(i * 2)}k${i}:\n`;
  const cases = {
    'flow': `apiVersion: v1\nkind: ConfigMap\ndata: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
    'flow, unclosed': `a: ${'{a: '.repeat(10_000)}\n`,
    'block sequences': `${'- '.repeat(10_000)}x\n`,
    'block maps': block,
  };
  for (const [name, text] of Object.entries(cases)) {
    const file = timed(name, () => check(text), 5000);
    assert.deepEqual(file.findings.map((f) => f.rule), ['yaml-syntax'], name);
    assert.match(file.findings[0]?.message ?? '', /nested too deeply|nested more than/, name);
    assertFindingsInBounds(text, file, name);
  }
});

test('a single 1 MB line: as a value, as brackets (once a crash), and as dense YAML tokens', () => {
  const mb = 1024 * 1024;
  const value = `${statefulSet()}      annotations:\n        blob: ${'x'.repeat(mb)}\n`;
  assertServiceSound(value);
  const brackets = `a: ${'['.repeat(mb)}`; // 500,000 of these ran the parser out of memory and killed the process
  const refused = timed('1 MB of [', () => check(brackets), 1000);
  assert.match(refused.findings[0]?.message ?? '', /nested more than/);
  const quarter = mb / 4; // dense tokens cost the YAML library about 4 s/MB, linearly: a quarter shows it is bounded
  for (const [name, text] of [['a line of "a: "', 'a: '.repeat(quarter / 3)], ['a line of aliases', `a: &a ${'*a '.repeat(quarter / 3)}`], ['1 MB quoted', `"${'a'.repeat(mb)}`]] as const) {
    const file = timed(name, () => check(text), 5000);
    assertFindingsInBounds(text, file, name);
  }
});

test('a map of 100,000 keys parses in linear time (its duplicate-key check was quadratic: minutes)', () => {
  const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n${Array.from({ length: 100_000 }, (_, i) => `  k${i}: v`).join('\n')}\n  k7: again\n`;
  const file = timed('100,000 keys', () => check(text), 15_000);
  assert.deepEqual(file.findings.map((f) => f.rule), ['yaml-syntax']);
  assert.match(file.findings[0]?.message ?? '', /Duplicate key/);
  assert.equal(file.lines.positionAt(file.findings[0]?.start ?? 0).line, 100_005);
});

test('NUL bytes and lone surrogates in a manifest are reported, not crashed on', () => {
  const text = statefulSet('w\0eb').replace('image: nginx', 'image: "ng\0inx\uD800"');
  const file = check(text);
  assert.ok(file.findings.some((f) => f.rule === 'name-invalid'));
  assertServiceSound(text);
  assertServiceSound(`\0\0\0${statefulSet()}\uDC00`);
});

test('the CLI reads a file with invalid UTF-8 and NUL bytes and reports on the right lines', () => {
  const folder = mkdtempSync(join(tmpdir(), 'sts-hostile-'));
  try {
    const file = join(folder, 'bytes.yaml');
    const text = statefulSet();
    const graceLine = text.split('\n').findIndex((l) => l.includes('terminationGracePeriodSeconds')) + 1;
    // Invalid bytes in a comment above everything: the lines below keep their numbers.
    writeFileSync(file, Buffer.concat([Buffer.from('# \xff\xfe\xc3\x28 \x00 junk\n', 'latin1'), Buffer.from(text)]));
    const result = sts(['check', '--format', 'json', file]);
    assert.ok(result.status === 0 || result.status === 1, result.stderr);
    const reports = JSON.parse(result.stdout) as { rule: string; line: number }[];
    assert.equal(reports.find((r) => r.rule === 'grace-period-zero')?.line, graceLine + 1);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a BOM: the service and the CLI report the same lines and columns as without it', () => {
  const text = statefulSet();
  const plain = check(text);
  const withBom = check(`\uFEFF${text}`);
  // The BOM is one UTF-16 unit on line 0 only; every later line is unchanged.
  assert.deepEqual(where(withBom).filter((w) => !w.includes('@0:')), where(plain).filter((w) => !w.includes('@0:')));
  const folder = mkdtempSync(join(tmpdir(), 'sts-hostile-'));
  try {
    writeFileSync(join(folder, 'plain.yaml'), text);
    writeFileSync(join(folder, 'bom.yaml'), `\uFEFF${text}`);
    const report = (name: string) => (JSON.parse(sts(['check', '--format', 'json', join(folder, name)]).stdout) as { line: number; column: number; rule: string }[])
      .map((r) => `${r.rule}@${r.line}:${r.column}`);
    assert.deepEqual(report('bom.yaml'), report('plain.yaml'));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('CRLF: findings on the same lines as LF, and a quick fix keeps CRLF', () => {
  const lf = `${statefulSet()}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: other\n`;
  const crlf = lf.replace(/\n/g, '\r\n');
  const a = check(lf);
  const b = check(crlf);
  assert.deepEqual(where(b), where(a));
  assert.ok(b.findings.length >= 3);
  let fixes = 0;
  for (const finding of b.findings) {
    for (const fix of fixesFor(uri, crlf, b, finding, defaultSettings, () => b.documents)) {
      const after = applyEdits(crlf, fix.edits[uri] ?? []);
      assert.doesNotMatch(after, /(^|[^\r])\n/, `"${fix.title}" wrote a bare LF:\n${JSON.stringify(after)}`);
      assert.doesNotMatch(after, /\r\r/, `"${fix.title}" split a CRLF`);
      fixes++;
    }
  }
  assert.ok(fixes >= 4);
});

test('sts check --fix on a CRLF file keeps CRLF', () => {
  const folder = mkdtempSync(join(tmpdir(), 'sts-hostile-'));
  try {
    const file = join(folder, 'crlf.yaml');
    writeFileSync(file, statefulSet().replace(/\n/g, '\r\n'));
    sts(['check', '--fix', file]);
    const after = readFileSync(file, 'utf8');
    assert.match(after, /terminationGracePeriodSeconds: 30\r\n/);
    assert.doesNotMatch(after, /(^|[^\r])\n/);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('tabs: tab indentation is a syntax error on its line; tabs inside values are fine', () => {
  const tabbed = statefulSet().replace('\n  replicas: 2', '\n\treplicas: 2');
  const file = check(tabbed);
  assert.deepEqual(where(file).filter((w) => w.startsWith('yaml-syntax')), ['yaml-syntax@6:0']);
  assertServiceSound(tabbed);
  const inValue = check(statefulSet().replace('image: nginx', 'image: "nginx\tlatest"'));
  assert.ok(!inValue.findings.some((f) => f.rule === 'yaml-syntax'));
  assertServiceSound(statefulSet().replace(/ {2}/g, '\t'));
});

// CHANGED EXPECTATION (issue 18): a template is no longer skipped in silence: each templated
// document gets one information, template-syntax, and nothing else.
test('Helm templates are not checked (one template-syntax information each), and the plain documents beside them still are', () => {
  const helm = join(import.meta.dirname, '..', 'fixtures', 'corpus', 'helm');
  for (const name of readdirSync(helm)) {
    const text = readFileSync(join(helm, name), 'utf8');
    const file = check(text);
    assert.ok(file.findings.length > 0, name);
    assert.deepEqual(file.findings.filter((f) => f.rule !== 'template-syntax' || f.severity !== 'info'), [], name);
    assertServiceSound(text);
  }
  const mixed = `{{- if .Values.enabled }}\n${statefulSet('{{ .Values.name }}')}{{- end }}\n---\n${statefulSet('plain')}`;
  const file = check(mixed);
  const checked = file.findings.filter((f) => f.rule !== 'template-syntax');
  assert.deepEqual(file.findings.filter((f) => f.rule === 'template-syntax').map((f) => f.start), [0]);
  assert.ok(checked.length > 0 && checked.every((f) => f.start > mixed.indexOf('name: plain') - 100));
});

test('a document that is only a comment (or empty, or only separators) gives no findings', () => {
  for (const text of ['# only a comment\n', '# a\n# b', '---\n# comment\n---\n', '', '\n\n', '---', '...\n', '--- # c\n...\n---\n', `# x\n---\n${statefulSet()}---\n# y\n`]) {
    const file = check(text);
    assert.ok(file.findings.every((f) => f.rule !== 'yaml-syntax'), JSON.stringify(text));
    assertServiceSound(text);
  }
});

test('10,000 documents are checked in seconds, and an edit of one of them in well under a second', () => {
  const text = Array.from({ length: 10_000 }, (_, i) => statefulSet(`web-${i}`)).join('---\n');
  const store = new DocumentStore();
  const file = timed('10,000 documents', () => check(text, store), 30_000);
  assert.equal(file.findings.filter((f) => f.rule === 'grace-period-zero').length, 10_000);
  const at = text.indexOf('terminationGracePeriodSeconds: 0') + 'terminationGracePeriodSeconds: '.length;
  const edited = `${text.slice(0, at)}30${text.slice(at + 1)}`;
  const after = timed('an edit of one of 10,000 documents', () => check(edited, store), 1500);
  assert.equal(after.findings.filter((f) => f.rule === 'grace-period-zero').length, 9_999);
});

test('sts check --fix never truncates or replaces a file when writing fails, and leaves no temporary file', () => {
  const folder = mkdtempSync(join(tmpdir(), 'sts-hostile-'));
  const file = join(folder, 'web.yaml');
  const original = statefulSet();
  writeFileSync(file, original);
  const rename = mock.method(fs, 'renameSync', () => { throw new Error('EIO: simulated failure'); });
  try {
    assert.throws(() => checkFiles([file], defaultSettings, () => '', () => undefined), /simulated failure/);
    assert.equal(readFileSync(file, 'utf8'), original);
    assert.deepEqual(readdirSync(folder), ['web.yaml']);
    rename.mock.restore();
    const realWrite = fs.writeFileSync;
    const write = mock.method(fs, 'writeFileSync', (path: string) => {
      realWrite(path, 'half'); // a disk that fills up mid-write
      throw new Error('ENOSPC: simulated failure');
    });
    assert.throws(() => checkFiles([file], defaultSettings, () => '', () => undefined), /ENOSPC/);
    write.mock.restore();
    assert.equal(readFileSync(file, 'utf8'), original);
    assert.deepEqual(readdirSync(folder), ['web.yaml']);
  } finally {
    mock.restoreAll();
    rmSync(folder, { recursive: true, force: true });
  }
});

test('sts check --fix writes through a symbolic link and keeps the file mode', () => {
  const folder = mkdtempSync(join(tmpdir(), 'sts-hostile-'));
  try {
    const real = join(folder, 'real.yaml');
    const link = join(folder, 'link.yaml');
    writeFileSync(real, statefulSet());
    chmodSync(real, 0o640);
    symlinkSync(real, link);
    sts(['check', '--fix', link]);
    assert.ok(lstatSync(link).isSymbolicLink(), 'the link was replaced by a file');
    assert.match(readFileSync(real, 'utf8'), /terminationGracePeriodSeconds: 30/);
    assert.equal(statSync(real).mode & 0o777, 0o640);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
