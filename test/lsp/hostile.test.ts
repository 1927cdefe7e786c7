import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspSession } from './lspClient';
import { statefulSetYaml } from '../helpers/manifests';

// The language server survives malformed requests and hostile files, and keeps answering
// while it works on a large one. Run `node esbuild.mjs` first: this spawns dist/cli.js.

const statefulSet = statefulSetYaml;

let session: LspSession;
before(async () => {
  session = new LspSession();
  await session.initialize();
});
after(() => session.close());

/** Milliseconds a request takes to come back. */
async function timedRequest<T>(method: string, params: unknown): Promise<{ ms: number; result: T }> {
  const started = Date.now();
  const result = await session.connection.sendRequest<T>(method, params);
  return { ms: Date.now() - started, result };
}

/** The server still validates a fresh file: it is alive and answering. */
async function assertAlive(label: string): Promise<void> {
  const uri = `file:///tmp/alive-${label}.yaml`;
  await session.open(uri, statefulSet('alive'));
  const diagnostics = await session.diagnostics(uri, (d) => d.some((x) => x.code === 'grace-period-zero'));
  assert.ok(diagnostics.length > 0, `the server stopped validating after ${label}`);
  assert.equal(session.exitCode, null, `the server exited after ${label}: ${session.stderr}`);
}

const range = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

test('code actions with positions outside the document, negative or absurd, answer without fixes', async () => {
  const uri = 'file:///tmp/hostile-positions.yaml';
  await session.open(uri, statefulSet('web'));
  const diagnostics = await session.diagnostics(uri, (d) => d.length > 0);
  const grace = diagnostics.find((d) => d.code === 'grace-period-zero');
  assert.ok(grace);
  for (const bad of [range(9999, 0, 9999, 5), range(0, 99999, 0, 100000), range(5, 3, 2, 0), range(-1, -5, -1, -1), range(2 ** 31, 0, 2 ** 31, 0)]) {
    const params: unknown = { textDocument: { uri }, range: bad, context: { diagnostics: [{ ...grace, range: bad }] } };
    const actions: unknown[] = await session.connection.sendRequest<unknown[]>('textDocument/codeAction', params);
    assert.deepEqual(actions, [], `a diagnostic at ${JSON.stringify(bad)} got fixes`);
  }
  // Diagnostics that are not ours, or not diagnostics at all, are ignored.
  const odd = [{ range: range(0, 0, 0, 1), message: 'x', source: 'other', code: 'grace-period-zero' }, { range: range(0, 0, 0, 1), message: 'x', source: 'statefulset', code: 42 }];
  assert.deepEqual(await session.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: range(0, 0, 0, 0), context: { diagnostics: odd } }), []);
  await assertAlive('bad positions');
});

test('requests about unknown or never-opened URIs answer empty', async () => {
  for (const uri of ['file:///tmp/never-opened.yaml', 'untitled:Untitled-9', 'not a uri at all', '']) {
    const textDocument = { uri };
    assert.deepEqual(await session.connection.sendRequest('textDocument/codeAction', { textDocument, range: range(0, 0, 0, 0), context: { diagnostics: [] } }), []);
    assert.deepEqual(await session.connection.sendRequest('textDocument/codeLens', { textDocument }), []);
    assert.equal(await session.connection.sendRequest('statefulset/preview', { uri }), null);
  }
  await assertAlive('unknown uris');
});

test('statefulset/preview with malformed params answers or fails that request only', async () => {
  const uri = 'file:///tmp/hostile-preview.yaml';
  await session.open(uri, statefulSet('web'));
  await session.diagnostics(uri, (d) => d.length > 0);
  const params: unknown[] = [
    { uri, position: { line: -4, character: 1e9 } }, { uri, position: { line: 1e9, character: -1 } }, { uri, position: 'top' },
    { uri, name: 42 }, { uri, name: '<script>alert(1)</script>' }, { uri, whatIf: { replicas: -5, partition: 1e12, maxUnavailable: '-%', failingOrdinal: -1 } },
    { uri, whatIf: { replicas: 1e9 } }, { uri, whatIf: 'everything' }, { uri: 42 }, {}, null, [uri],
  ];
  for (const p of params) {
    const started = Date.now();
    try {
      await session.connection.sendRequest('statefulset/preview', p);
    } catch {
      // An error reply for that one request is fine; the server must stay up.
    }
    assert.ok(Date.now() - started < 5000, `preview with ${JSON.stringify(p)} took ${Date.now() - started} ms`);
  }
  await assertAlive('malformed preview params');
});

test('a didChange for a closed or never-opened document is ignored', async () => {
  const uri = 'file:///tmp/hostile-closed.yaml';
  await session.open(uri, statefulSet('web'));
  await session.diagnostics(uri, (d) => d.length > 0);
  await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  await session.change(uri, 2, [{ range: range(0, 0, 0, 0), text: 'x' }]);
  await session.change('file:///tmp/never-opened-change.yaml', 5, [{ text: 'apiVersion: v1\n' }]);
  await session.change(uri, 3, [{ range: range(99, 0, 120, 4), text: '\0' }]);
  await assertAlive('didChange for closed documents');
});

test('edits with ranges past the end, and text with NUL, invalid surrogates and a BOM, are survived', async () => {
  const uri = 'file:///tmp/hostile-edits.yaml';
  await session.open(uri, statefulSet('web'));
  await session.diagnostics(uri, (d) => d.length > 0);
  await session.change(uri, 2, [{ range: range(500, 0, 600, 0), text: '\0\uD800\uFEFF' }]);
  await session.change(uri, 3, [{ range: range(3, 8, 3, 11), text: 'w\0b' }]);
  const diagnostics = await session.diagnostics(uri, (_, version) => version === 3);
  assert.ok(diagnostics.length > 0 && diagnostics.every((d) => d.range.end.line <= 19), JSON.stringify(diagnostics.map((d) => [d.code, d.range])));
  await session.change(uri, 4, [{ range: range(19, 0, 19, 3), text: '' }]); // the junk line goes; the NUL in the name stays
  const clean = await session.diagnostics(uri, (_, version) => version === 4);
  assert.ok(clean.some((d) => d.code === 'name-invalid'), `the name with a NUL byte is reported: ${JSON.stringify(clean.map((d) => d.code))}`);
  await assertAlive('hostile edits');
});

test('an alias bomb is refused quickly with one diagnostic', async () => {
  const uri = 'file:///tmp/hostile-bomb.yaml';
  const levels = 'abcdefghij'.split('');
  const bomb = levels.map((l, i) => (i === 0 ? `${l}: &${l} [lol, lol, lol, lol, lol, lol, lol, lol, lol]` : `${l}: &${l} [${Array(9).fill(`*${levels[i - 1]}`).join(', ')}]`)).join('\n');
  const started = Date.now();
  await session.open(uri, `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\ndata:\n${bomb.replace(/^/gm, '  ')}\n`);
  const diagnostics = await session.diagnostics(uri, (d) => d.length > 0);
  assert.ok(Date.now() - started < 3000, `the bomb took ${Date.now() - started} ms`);
  assert.deepEqual(diagnostics.map((d) => d.code), ['yaml-syntax']);
  assert.match(String(diagnostics[0]?.message ?? ''), /billion laughs/);
  await assertAlive('an alias bomb');
});

test('a 50 MB file is not checked: one info diagnostic, and the server goes on answering', async () => {
  const uri = 'file:///tmp/hostile-50mb.yaml';
  const one = statefulSet('big');
  const text = Array.from({ length: Math.ceil((50 * 1024 * 1024) / (one.length + 4)) }, () => one).join('---\n');
  const started = Date.now();
  await session.open(uri, text);
  const diagnostics = await session.diagnostics(uri, (d) => d.length > 0, 60_000);
  assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['file-too-large', 3]]);
  assert.match(String(diagnostics[0]?.message ?? ''), /too large to check/);
  assert.ok(Date.now() - started < 20_000, `the 50 MB file took ${Date.now() - started} ms to be refused`);
  const { ms } = await timedRequest('textDocument/codeAction', { textDocument: { uri }, range: range(0, 0, 0, 0), context: { diagnostics: [] } });
  assert.ok(ms < 2000, `a code action on the 50 MB file took ${ms} ms`);
  await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  await assertAlive('a 50 MB file');
});

test('while a 20,000-document file is checked, requests about a small file answer promptly', async () => {
  const small = 'file:///tmp/hostile-small.yaml';
  await session.open(small, statefulSet('small'));
  const smallDiagnostics = await session.diagnostics(small, (d) => d.length > 0);
  const big = 'file:///tmp/hostile-20k.yaml';
  const text = Array.from({ length: 20_000 }, (_, i) => statefulSet(`web-${i}`)).join('---\n');
  await session.open(big, text);
  await new Promise((resolve) => setTimeout(resolve, 300)); // the big file is being parsed now
  const grace = smallDiagnostics.filter((d: Diagnostic) => d.code === 'grace-period-zero');
  const worst = { ms: 0 };
  let answered = 0;
  const bigDone = session.diagnostics(big, (d) => d.length > 0, 120_000).then(() => true);
  let finished = false;
  void bigDone.then(() => { finished = true; });
  while (!finished && answered < 20) {
    const { ms, result } = await timedRequest<unknown[]>('textDocument/codeAction', { textDocument: { uri: small }, range: grace[0]?.range, context: { diagnostics: grace } });
    assert.ok(result.length > 0);
    worst.ms = Math.max(worst.ms, ms);
    answered++;
    const hover = await timedRequest('textDocument/hover', { textDocument: { uri: small }, position: { line: 5, character: 4 } });
    worst.ms = Math.max(worst.ms, hover.ms);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.ok(answered > 0);
  assert.ok(worst.ms < 1500, `a request on the small file waited ${worst.ms} ms while the big file was checked`);
  const diagnostics = await session.diagnostics(big, (d) => d.length > 0, 120_000);
  assert.equal(diagnostics.filter((d) => d.code === 'grace-period-zero').length, 20_000);
  // An edit of the big file is checked again (one document re-parsed).
  await session.change(big, 2, [{ range: range(15, 37, 15, 38), text: '30' }]);
  const edited = await session.diagnostics(big, (_, version) => version === 2, 60_000);
  assert.equal(edited.filter((d) => d.code === 'grace-period-zero').length, 19_999);
  await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: big } });
  await assertAlive('a 20,000-document file');
});

test('a big file edited while it is still being parsed ends with the diagnostics of its last version', async () => {
  const uri = 'file:///tmp/hostile-cancel.yaml';
  const text = Array.from({ length: 5000 }, (_, i) => statefulSet(`c-${i}`)).join('---\n');
  await session.open(uri, text, 1);
  await session.change(uri, 2, [{ text: statefulSet('only') }]);
  const diagnostics = await session.diagnostics(uri, (_, version) => version === 2, 60_000);
  assert.equal(diagnostics.filter((d) => d.code === 'grace-period-zero').length, 1);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const last = await session.diagnostics(uri);
  assert.equal(last.filter((d) => d.code === 'grace-period-zero').length, 1, 'a stale validation of version 1 published after version 2');
});
