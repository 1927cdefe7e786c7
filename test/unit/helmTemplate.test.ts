// The Helm engine's output equals the real `helm template` of the same Helm module version
// byte for byte, on real charts written by others (test/fixtures/charts, see each
// SOURCE.md), with their default values and with values files and --set.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { readChartFolder } from '../../server/src/host/helm/readChartFolder';
import type { RenderRequest } from '../../server/src/host/helm/renderTypes';
import type { WasmEngine } from '../../server/src/host/helm/wasmEngine';
import { chartsDir, helmErrorMessage, helmTemplate, noGo, testEngine } from './helmSupport';

interface Case {
  name: string;
  chart: string;
  /** Under test/fixtures/charts/_values. */
  values?: string[];
  set?: string[];
  release?: string;
  namespace?: string;
  kubeVersion?: string;
}

// Bitnami's charts make up a random password when none is given; a fixed one keeps two
// renders equal. Everything else is the chart's defaults.
const cases: Case[] = [
  { name: 'postgresql, default values', chart: 'postgresql', set: ['auth.postgresPassword=fixed'] },
  { name: 'postgresql, replication values file, release and namespace', chart: 'postgresql', values: ['postgresql-replication.yaml'], release: 'orders', namespace: 'shop' },
  { name: 'redis, default values', chart: 'redis', set: ['auth.password=fixed'] },
  { name: 'redis, sentinel values file and --set', chart: 'redis', values: ['redis-sentinel.yaml'], set: ['replica.replicaCount=5', 'commonLabels.team=data'] },
  { name: 'vault, default values', chart: 'vault' },
  { name: 'vault, the chart\'s OpenShift values file', chart: 'vault', values: ['../vault/values.openshift.yaml'] },
  { name: 'vault, two values files, --set and a kube version', chart: 'vault', values: ['../vault/values.openshift.yaml', 'vault-ha-raft.yaml'], set: ['server.ha.replicas=7', 'global.namespace=secrets'], kubeVersion: '1.31.2' },
];

function helmArgs(c: Case): string[] {
  const args = [c.release ?? 'release-name', join(chartsDir, c.chart)];
  if (c.namespace) args.push('--namespace', c.namespace);
  for (const v of c.values ?? []) args.push('--values', join(chartsDir, '_values', v));
  for (const s of c.set ?? []) args.push('--set', s);
  if (c.kubeVersion) args.push('--kube-version', c.kubeVersion);
  return args;
}

async function request(c: Case): Promise<RenderRequest> {
  const valuesFiles = await Promise.all((c.values ?? []).map(async (v) => {
    const path = join(chartsDir, '_values', v);
    return { name: path, content: await readFile(path) };
  }));
  return {
    files: await readChartFolder(join(chartsDir, c.chart)),
    valuesFiles,
    ...(c.set ? { set: c.set } : {}),
    ...(c.release ? { releaseName: c.release } : {}),
    ...(c.namespace ? { namespace: c.namespace } : {}),
    ...(c.kubeVersion ? { kubeVersion: c.kubeVersion } : {}),
  };
}

/** The first line where two texts differ, for a readable failure. */
function firstDifference(a: string, b: string): string {
  const al = a.split('\n');
  const bl = b.split('\n');
  for (let i = 0; i < Math.max(al.length, bl.length); i++) {
    if (al[i] !== bl[i]) return `line ${i + 1}:\n  engine: ${JSON.stringify(al[i])}\n  helm:   ${JSON.stringify(bl[i])}`;
  }
  return 'no line differs';
}

describe('the engine renders as helm template', { skip: noGo }, () => {
  let engine: WasmEngine;
  before(() => { engine = testEngine({ timeoutMs: 60_000 }); });
  after(() => engine.dispose());

  for (const c of cases) {
    test(c.name, async () => {
      const helm = helmTemplate(helmArgs(c));
      assert.equal(helm.status, 0, helm.stderr);
      const result = await engine.render(await request(c));
      assert.equal(result.error, undefined);
      if (result.manifest !== helm.stdout) assert.fail(`the manifests differ at ${firstDifference(result.manifest, helm.stdout)}`);
      // Every document is cut at its header, and the documents put back make the manifest.
      assert.ok(result.documents.some((d) => /^kind: StatefulSet$/m.test(d.text)), 'a StatefulSet was rendered');
      for (const d of result.documents) assert.equal(result.manifest.slice(d.offset, d.offset + d.text.length), d.text);
      assert.equal(result.documents.map((d) => `---\n# Source: ${d.source}\n${d.text}`).join(''), result.manifest);
    });
  }

  test('a dependency packed as charts/<name>.tgz renders as helm template renders it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sts-helm-tgz-'));
    try {
      await cp(join(chartsDir, 'postgresql'), dir, { recursive: true });
      // As `helm dependency build` leaves it: the library chart as an archive, not a folder.
      execFileSync('tar', ['-czf', join(dir, 'charts', 'common-2.31.10.tgz'), '-C', join(dir, 'charts'), 'common']);
      await rm(join(dir, 'charts', 'common'), { recursive: true });
      const files = await readChartFolder(dir);
      assert.ok(files.has('charts/common-2.31.10.tgz'));
      const result = await engine.render({ files, set: ['auth.postgresPassword=fixed'] });
      assert.equal(result.error, undefined);
      const helm = helmTemplate([dir, '--set', 'auth.postgresPassword=fixed']);
      assert.equal(helm.status, 0, helm.stderr);
      if (result.manifest !== helm.stdout) assert.fail(`the manifests differ at ${firstDifference(result.manifest, helm.stdout)}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('a chart at a repository\'s root: what .helmignore lists by name is not read, and the output is helm\'s', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sts-helm-repo-'));
    try {
      await cp(join(chartsDir, 'vault'), dir, { recursive: true });
      await mkdir(join(dir, '.git', 'objects'), { recursive: true });
      await writeFile(join(dir, '.git', 'objects', 'pack'), Buffer.alloc(1 << 20));
      await mkdir(join(dir, 'test', 'unit'), { recursive: true });
      await writeFile(join(dir, 'test', 'unit', 'x.bats'), 'run helm template');
      const files = await readChartFolder(dir);
      assert.deepEqual([...files.keys()].filter((k) => k.startsWith('.git/') || k.startsWith('test/')), []);
      const result = await engine.render({ files });
      assert.equal(result.manifest, helmTemplate([dir]).stdout);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('a template error is Helm\'s message, naming the template, line and column', async () => {
    const files = await readChartFolder(join(chartsDir, 'vault'));
    const broken = new Map(files);
    const statefulSet = files.get('templates/server-statefulset.yaml');
    assert.ok(statefulSet);
    broken.set('templates/server-statefulset.yaml', Buffer.concat([Buffer.from(statefulSet), Buffer.from('\n{{ .Values.server.nope.deeper }}\n')]));
    const result = await engine.render({ files: broken });
    assert.equal(result.error?.kind, 'helm');
    // Helm 4's form: FILE:LINE:COL, then what it was executing, then why, one per line.
    assert.match(result.error.message, /vault\/templates\/server-statefulset\.yaml:\d+:\d+\n\s+executing "vault\/templates\/server-statefulset\.yaml" at <\.Values\.server\.nope\.deeper>:\n\s+nil pointer evaluating interface \{\}\.deeper/);
    const dir = await mkdtemp(join(tmpdir(), 'sts-helm-broken-'));
    try {
      for (const [path, content] of broken) {
        await mkdir(dirname(join(dir, path)), { recursive: true });
        await writeFile(join(dir, path), content);
      }
      assert.equal(result.error.message, helmErrorMessage(helmTemplate([dir]).stderr));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('a required value that is missing is Helm\'s message', async () => {
    const helm = helmTemplate([join(chartsDir, 'postgresql'), '--set', 'auth.postgresPassword=x', '--set', 'architecture=nonsense']);
    const result = await engine.render({ files: await readChartFolder(join(chartsDir, 'postgresql')), set: ['auth.postgresPassword=x', 'architecture=nonsense'] });
    if (helm.status === 0) {
      assert.equal(result.manifest, helm.stdout);
    } else {
      assert.equal(result.error?.message, helmErrorMessage(helm.stderr));
    }
  });
});
