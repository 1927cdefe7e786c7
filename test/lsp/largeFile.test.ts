import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toDiagnostic } from '../../server/src/lsp/toDiagnostic';
import { checkFile } from '../../server/src/service/languageService';
import { defaultSettings } from '../../server/src/service/settings';
import { WorkspaceIndex } from '../../server/src/service/workspace/workspaceIndex';
import { statefulSetYaml } from '../helpers/manifests';
import { LspSession } from './lspClient';

// A file over a megabyte is first checked by two threads, each parsing half of it (see
// server/src/lsp/sharedFirstCheck.ts). Its first diagnostics must be exactly those of a check
// of the whole file, including the rules that link a StatefulSet in one half to a Service in
// the other; then the server's own full check publishes the same again.

const units = 600;
const padding = `# ${'-'.repeat(76)}\n`.repeat(20); // 1.6 KB a unit: the file passes a megabyte

const service = (name: string, headless = true): string =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n${headless ? '  clusterIP: None\n' : ''}  selector:\n    app: ${name}\n`;
const statefulSet = (name: string, serviceName = name): string =>
  statefulSetYaml(name).replace(`serviceName: ${name}`, `serviceName: ${serviceName}`).replace('terminationGracePeriodSeconds: 0', 'terminationGracePeriodSeconds: 30');

/** Findings in both halves; the special StatefulSets sit near the start and near the end. */
function unit(i: number): string {
  switch (i) {
    case 3: return `${service('early-svc', false)}---\n${statefulSet('early', 'late-svc')}`; // names a Service of the other half
    case 7: return `${service('u7')}---\n${statefulSetYaml('u7')}`; // grace-period-zero
    case units - 9: return `${service('late-svc', false)}---\n${statefulSet('late', 'early-svc')}`;
    case units - 6: return `${service('u-ghost')}---\n${statefulSet('ghost', 'nowhere')}`; // service-missing
    case units - 3: return `${service('u-bad')}---\n${statefulSet('u-bad').replace('replicas: 2', 'replicas: "three"')}`; // schema
    default: return `${service(`u${i}`)}---\n${padding}${statefulSet(`u${i}`)}`;
  }
}

const text = Array.from({ length: units }, (_, i) => unit(i)).join('---\n');
const uri = 'file:///large/units.yaml';

function expected(): unknown[] {
  const checked = checkFile(uri, text, defaultSettings, new WorkspaceIndex());
  return checked.findings.map((f) => toDiagnostic(f, (offset) => checked.lines.positionAt(offset)));
}

test('a large file: the first diagnostics, shared between two threads, are those of the whole file; so are the next, and those after a reopen', async () => {
  assert.ok(text.length > 1024 * 1024, `the file must pass a megabyte to be shared: ${text.length}`);
  const want = expected();
  assert.deepEqual(
    [...new Set(want.map((d) => (d as { code: string }).code))].sort(),
    ['grace-period-zero', 'schema', 'service-missing', 'service-not-headless', 'service-selector-mismatch'],
    'the fixture has findings of each kind',
  );
  const session = new LspSession();
  try {
    await session.initialize();
    await session.open(uri, text);
    // VS Code asks for lenses and symbols as a file opens: they wait for the check instead of
    // parsing the whole file at once on the server's thread (which would also undo the sharing).
    const answered = (what: string) => (result: unknown[]) => {
      session.arrivals.push(what);
      return result;
    };
    const lenses = session.connection.sendRequest<unknown[]>('textDocument/codeLens', { textDocument: { uri } }).then(answered('lenses'));
    const symbols = session.connection.sendRequest<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } }).then(answered('symbols'));
    await session.log(/parsed by two threads/, 60_000);
    await session.diagnostics(uri, () => session.publishes(uri).length >= 2, 60_000);
    const [early, full] = session.publishes(uri);
    assert.deepEqual(early!.diagnostics, want, 'the early diagnostics (two threads)');
    assert.deepEqual(full!.diagnostics, want, "the server's own full check");
    assert.equal((await lenses).length, units, 'a preview lens per StatefulSet');
    assert.equal((await symbols).length, 2 * units, 'a symbol per object');
    const earlyAt = session.arrivals.indexOf(`diagnostics ${uri}`);
    assert.ok(earlyAt >= 0 && earlyAt < session.arrivals.indexOf('lenses') && earlyAt < session.arrivals.indexOf('symbols'), session.arrivals.join(' | '));

    await session.closeFile(uri);
    await session.diagnostics(uri, (d) => d.length === 0);
    const before = session.publishes(uri).length;
    await session.open(uri, text, 2);
    const reopened = await session.diagnostics(uri, (_, version) => version === 2, 60_000);
    assert.deepEqual(reopened, want, 'after a reopen (from the kept parse)');
    assert.equal(session.publishes(uri).length, before + 1, 'a reopen from the kept parse publishes once, with no early pass');
  } finally {
    await session.close();
  }
});
