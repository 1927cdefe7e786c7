import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { statefulSetYaml } from '../helpers/manifests';
import { LspSession } from './lspClient';

// The workspace index builds in the background: the file the user opens gets its diagnostics
// without waiting for the scan, and once the scan is done a Service found only in the
// workspace counts. Ordering is asserted, not milliseconds (scripts/bench-workspace.mjs times it).

const fileCount = 2000;
const indexedLog = /indexed (\d+) YAML files/;

const service = (name: string, app: string): string =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  clusterIP: None\n  selector:\n    app: ${app}\n`;
const configMap = (name: string): string =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n${Array.from({ length: 20 }, (_, i) => `  key${i}: value ${i}\n`).join('')}`;

/** One file in the workspace: Services with their StatefulSets, ConfigMaps, and YAML that is not Kubernetes. */
function workspaceFile(i: number): string {
  switch (i % 4) {
    case 0: return `${service(`app-${i}`, `app-${i}`)}---\n${statefulSetYaml(`app-${i}`)}`;
    case 1: return service(`svc-${i}`, `svc-${i}`);
    case 2: return configMap(`config-${i}`);
    default: return `name: build-${i}\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n`;
  }
}

/** The opened file: grace-period-zero on `web`; `ledger` names a Service defined only in one workspace file. */
const opened = `${statefulSetYaml('web')}---\n${service('web', 'web')}---\n${statefulSetYaml('ledger')
  .replace('serviceName: ledger', 'serviceName: ledger-hl').replace('terminationGracePeriodSeconds: 0', 'terminationGracePeriodSeconds: 30')}`;

let root: string;
let openedUri: string;
before(() => {
  root = mkdtempSync(join(tmpdir(), 'sts-lsp-scan-'));
  for (let i = 0; i < fileCount; i++) {
    const folder = join(root, `team-${i % 10}`, `app-${i % 20}`, i % 2 ? 'base' : 'overlays');
    mkdirSync(folder, { recursive: true });
    const text = i === Math.floor(fileCount * 0.7) ? `${service('ledger-hl', 'ledger')}---\n${workspaceFile(i)}` : workspaceFile(i);
    writeFileSync(join(folder, `m-${i}.yaml`), text);
  }
  const openedPath = join(root, 'apps', 'web', 'statefulset.yaml');
  mkdirSync(join(root, 'apps', 'web'), { recursive: true });
  writeFileSync(openedPath, opened);
  openedUri = pathToFileURL(openedPath).href;
});
after(() => rmSync(root, { recursive: true, force: true }));

const codesOf = (diagnostics: { code?: number | string }[]): string[] => diagnostics.map((d) => String(d.code)).sort();

test(`the opened file's diagnostics come before the index of ${fileCount} files, which then supplies its Service`, async () => {
  const session = new LspSession();
  try {
    // A client that pushes settings: the server starts scanning on `initialized`, before it has seen the open.
    await session.initialize(pathToFileURL(root).href, { pullConfiguration: false });
    await session.open(openedUri, opened);

    const first = await session.diagnostics(openedUri, () => true, 30_000);
    assert.ok(codesOf(first).includes('grace-period-zero'), `first diagnostics: ${codesOf(first).join(', ')}`);

    const log = await session.log(indexedLog, 120_000);
    // fileCount, or one more when the scan reached the opened file on disk before the server saw it opened.
    assert.ok(Number(indexedLog.exec(log)?.[1]) >= fileCount, log);
    const firstAt = session.arrivals.indexOf(`diagnostics ${openedUri}`);
    const indexedAt = session.arrivals.findIndex((a) => a.startsWith('log ') && indexedLog.test(a));
    assert.ok(firstAt >= 0 && firstAt < indexedAt, `the first diagnostics waited for the scan: ${session.arrivals.join(' | ')}`);

    // After the scan the open file is checked again: ledger-hl, defined only on disk, now counts.
    const settled = await session.diagnostics(openedUri, () => session.arrivals.lastIndexOf(`diagnostics ${openedUri}`) > indexedAt, 30_000);
    assert.deepEqual(codesOf(settled), ['grace-period-zero'], 'service-missing for ledger after the index');
  } finally {
    await session.close();
  }
});
