// Bad input to the Helm engine: every case ends in a result with an error (or a render),
// never a crash or a hang; the messages are Helm's own, compared with the real helm CLI.
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { renderWithHelmBinary } from '../../server/src/host/helm/helmBinary';
import { renderChart } from '../../server/src/host/helm/index';
import { documentsOf } from '../../server/src/host/helm/manifestDocuments';
import { literalIgnores, readChartFolder } from '../../server/src/host/helm/readChartFolder';
import type { ChartFiles } from '../../server/src/host/helm/renderTypes';
import { WasmEngine } from '../../server/src/host/helm/wasmEngine';
import { setLocale } from '../../server/src/messages';
import { chartsDir, exists, helmCli, helmErrorMessage, helmTemplate, noGo, testEngine } from './helmSupport';

const chartYaml = 'apiVersion: v2\nname: tiny\nversion: 0.1.0\n';
const statefulSet = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: {{ .Release.Name }}-db
spec:
  serviceName: {{ .Release.Name }}-db
  replicas: {{ .Values.replicas }}
  selector: { matchLabels: { app: db } }
  template:
    metadata: { labels: { app: db } }
    spec: { containers: [{ name: db, image: "{{ .Values.image }}" }] }
`;

function chart(extra: Record<string, string> = {}): ChartFiles {
  const files: Record<string, string> = { 'Chart.yaml': chartYaml, 'values.yaml': 'replicas: 3\nimage: postgres:17\n', 'templates/statefulset.yaml': statefulSet, ...extra };
  return new Map(Object.entries(files).map(([k, v]) => [k, Buffer.from(v)]));
}

let temp: string;
async function writeChart(name: string, files: ChartFiles): Promise<string> {
  const dir = join(temp, name);
  for (const [path, content] of files) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

describe('the Helm engine on bad input', { skip: noGo }, () => {
  let engine: WasmEngine;
  before(async () => {
    temp = await mkdtemp(join(tmpdir(), 'sts-helm-test-'));
    engine = testEngine({ timeoutMs: 5_000, warmUpBudgetMs: 0 });
  });
  after(async () => {
    await engine.dispose();
    await rm(temp, { recursive: true, force: true });
  });

  test('a template that loops without end is stopped and reported, and the next render works', async () => {
    const loop = chart({ 'templates/loop.yaml': '{{- range $i := until 100000 }}{{ range $j := until 100000 }}{{ end }}{{ end }}\n' });
    const result = await engine.render({ files: loop });
    assert.equal(result.error?.kind, 'timeout');
    assert.equal(result.error.message, "the chart's templates did not finish rendering within 5 s (a loop?)");
    assert.equal(engine.running, false);
    const next = await engine.render({ files: chart() });
    assert.equal(next.error, undefined);
    assert.match(next.manifest, /replicas: 3/);
  });

  test('a template that eats memory is stopped at the memory limit, and the next render works', async () => {
    const hungry = testEngine({ timeoutMs: 30_000, memoryLimitBytes: 300 * 1024 * 1024, warmUpBudgetMs: 0 });
    try {
      // A string that doubles 28 times: 2.7 GB.
      const files = chart({ 'templates/big.yaml': '{{- $s := "0123456789" }}{{ range until 28 }}{{ $s = print $s $s }}{{ end }}size: {{ len $s }}\n' });
      const result = await hungry.render({ files });
      assert.equal(result.error?.kind, 'memory');
      assert.equal(result.error.message, "the chart's templates used more than 300 MB of memory while rendering");
      assert.equal((await hungry.render({ files: chart() })).error, undefined);
    } finally {
      await hungry.dispose();
    }
  });

  test('a template that includes itself is Helm\'s recursion error', async () => {
    const files = chart({ 'templates/_loop.tpl': '{{- define "loop" }}{{ include "loop" . }}{{ end }}', 'templates/cm.yaml': '{{ include "loop" . }}\n' });
    const result = await engine.render({ files });
    assert.equal(result.error?.kind, 'helm');
    const helm = helmTemplate([await writeChart('recursive', files)]);
    assert.equal(result.error.message, helmErrorMessage(helm.stderr));
  });

  test('a 5 MB values file renders', async () => {
    const big = ['replicas: 4', 'image: postgres:17', 'padding:'];
    for (let size = 0; size < 5 * 1024 * 1024;) {
      const line = `  - key-${big.length}: ${'x'.repeat(100)}`;
      big.push(line);
      size += line.length + 1;
    }
    const content = Buffer.from(big.join('\n') + '\n');
    assert.ok(content.length >= 5 * 1024 * 1024);
    // Parsing 5 MB of YAML takes seconds in WebAssembly, more on a busy machine: 20 s, which
    // the engine raises by 2 s a MB.
    const started = performance.now();
    const result = await engine.render({ files: chart(), valuesFiles: [{ name: 'big.yaml', content }] }, 20_000);
    console.log(`# a 5 MB values file rendered in ${Math.round(performance.now() - started)} ms`);
    assert.equal(result.error, undefined);
    assert.match(result.manifest, /replicas: 4/);
    const valuesPath = join(temp, 'big.yaml');
    await writeFile(valuesPath, content);
    assert.equal(result.manifest, helmTemplate([await writeChart('big', chart()), '--values', valuesPath]).stdout);
  });

  test('what Helm logs while rendering comes with the result', async () => {
    // A table in values.yaml overridden by a scalar: Helm keeps the table and says so.
    const result = await engine.render({ files: chart({ 'values.yaml': 'replicas: 3\nimage: postgres:17\nnested: {extra: {a: 1}}\n' }), set: ['nested.extra=5'] });
    assert.equal(result.error, undefined);
    assert.match(result.log ?? '', /cannot overwrite table with non table for tiny\.nested\.extra/);
    assert.equal((await engine.render({ files: chart() })).log, undefined);
  });

  test('a chart whose dependency is not in charts/ asks for helm dependency build', async () => {
    const files = await readChartFolder(join(chartsDir, 'postgresql'));
    for (const path of [...files.keys()]) if (path.startsWith('charts/')) files.delete(path);
    const result = await engine.render({ files });
    assert.equal(result.error?.kind, 'helm');
    assert.match(result.error.message, /helm dependency build/);
    assert.match(result.error.message, /found in Chart\.yaml, but missing in charts\/ directory: common/);
    assert.equal(result.error.message, helmErrorMessage(helmTemplate([await writeChart('nodeps', files)]).stderr));
  });

  test('a values file that is not YAML is Helm\'s parse error, naming the file', async () => {
    const content = 'replicas: [3\nimage: {{ nope\n';
    const valuesPath = join(temp, 'bad-values.yaml');
    await writeFile(valuesPath, content);
    const result = await engine.render({ files: chart(), valuesFiles: [{ name: valuesPath, content }] });
    assert.equal(result.error?.kind, 'helm');
    assert.match(result.error.message, /^failed to parse .*bad-values\.yaml: /);
    assert.equal(result.error.message, helmErrorMessage(helmTemplate([await writeChart('badvalues', chart()), '--values', valuesPath]).stderr));
  });

  test('a folder with templates/ but no Chart.yaml is an error', async () => {
    const files = chart();
    files.delete('Chart.yaml');
    const result = await engine.render({ files });
    assert.equal(result.error?.kind, 'helm');
    assert.match(result.error.message, /Chart\.yaml/);
  });

  test('.helmignore is applied as Helm applies it', async () => {
    const files = chart({ '.helmignore': 'templates/ignored.yaml\nskipped/\n', 'templates/ignored.yaml': 'kind: ConfigMap\n', 'skipped/x.txt': 'x' });
    const result = await engine.render({ files });
    assert.equal(result.error, undefined);
    assert.deepEqual(result.documents.map((d) => d.source), ['tiny/templates/statefulset.yaml']);
    assert.equal(result.manifest, helmTemplate([await writeChart('ignored', files)]).stdout);
  });

  test('the chart reader follows links inside the chart only', async () => {
    const dir = await writeChart('links', chart());
    await writeFile(join(temp, 'secret.txt'), 'outside');
    await symlink(join(temp, 'secret.txt'), join(dir, 'outside.txt'));
    await symlink(join(dir, 'values.yaml'), join(dir, 'inside.yaml'));
    await symlink(dir, join(dir, 'templates', 'loop'));
    const files = await readChartFolder(dir);
    assert.deepEqual([...files.keys()].sort(), ['Chart.yaml', 'inside.yaml', 'templates/statefulset.yaml', 'values.yaml']);
  });

  test('an engine whose module is missing answers an engine error', async () => {
    const built = testEngine();
    const missing = new WasmEngine({ files: { ...built.files, wasmFile: join(temp, 'no-such.wasm') } });
    const result = await missing.render({ files: chart() });
    assert.equal(result.error?.kind, 'engine');
    assert.match(result.error.message, /cannot load the Helm engine: .*no-such\.wasm/);
    await missing.dispose();
    // In Chinese the sentence is ours and the error's own text is quoted.
    setLocale('zh-cn');
    try {
      const again = new WasmEngine({ files: { ...built.files, wasmFile: join(temp, 'no-such.wasm') } });
      const said = await again.render({ files: chart() });
      assert.match(said.error?.message ?? '', /^无法加载 Helm 引擎：“.*no-such\.wasm.*”$/);
      await again.dispose();
    } finally {
      setLocale('en');
    }
  });

  test('a warm-up settles when the engine is stopped during it', async () => {
    const stopped = testEngine();
    const warming = stopped.warmUp().then(() => 'settled', () => 'settled');
    await stopped.dispose();
    const hung = new Promise((resolve) => setTimeout(() => resolve('hung'), 5_000).unref());
    assert.equal(await Promise.race([warming, hung]), 'settled');
  });

  test('an untrusted workspace never runs the configured helm', async () => {
    const marker = join(temp, 'ran');
    const fakeHelm = join(temp, 'fake-helm.sh');
    await writeFile(fakeHelm, `#!/bin/sh\ntouch '${marker}'\n`, { mode: 0o755 });
    const result = await renderChart({ files: chart() }, { helmPath: fakeHelm, allowExternalProgram: false });
    assert.equal(result.error?.kind, 'refused');
    assert.equal((await renderChart({ files: chart() }, { helmPath: fakeHelm })).error?.kind, 'refused', 'trust is not assumed');
    assert.equal(exists(marker), false);
  });

  test('the helm binary backend gives the same manifest as the engine', async () => {
    const request = { files: chart(), set: ['replicas=5'], releaseName: 'orders', namespace: 'shop' };
    const binary = await renderWithHelmBinary(request, { helmPath: helmCli, allowExternalProgram: true });
    const wasm = await engine.render(request);
    assert.equal(binary.error, undefined);
    assert.equal(binary.engine, 'binary');
    assert.equal(binary.manifest, wasm.manifest);
    // An error names the values file as the request does, not the temporary file helm read.
    const bad = { files: chart(), valuesFiles: [{ name: 'my-values.yaml', content: 'replicas: [3\n' }] };
    const binaryError = await renderWithHelmBinary(bad, { helmPath: helmCli, allowExternalProgram: true });
    assert.equal(binaryError.error?.kind, 'helm');
    assert.equal(binaryError.error.message, (await engine.render(bad)).error?.message);
    assert.match(binaryError.error.message, /^failed to parse my-values\.yaml: /);
    const missing = await renderWithHelmBinary(request, { helmPath: join(temp, 'no-such-helm'), allowExternalProgram: true });
    assert.equal(missing.error?.kind, 'engine');
  });
});

test('names a .helmignore lists literally are the ones skipped; a negated rule turns it off', () => {
  assert.deepEqual([...literalIgnores('# c\n.git/\nCHANGELOG.md\n*.tmp\ndocs/*.md\n/abs\n  .idea/ \r\n').entries()], [['.git', 'dir'], ['CHANGELOG.md', 'any'], ['.idea', 'dir']]);
  assert.deepEqual([...literalIgnores('.git/\n!templates/\n').entries()], []);
});

test('documents are cut at Helm\'s headers only', () => {
  const manifest = '---\n# Source: c/templates/a.yaml\nkind: A\ndata: |\n  ---\n  # Source: fake\n---\n# Source: c/templates/b.yaml\nkind: B\n';
  const docs = documentsOf(manifest);
  assert.deepEqual(docs.map((d) => [d.source, d.text]), [
    ['c/templates/a.yaml', 'kind: A\ndata: |\n  ---\n  # Source: fake\n'],
    ['c/templates/b.yaml', 'kind: B\n'],
  ]);
  assert.deepEqual(documentsOf('\n'), []);
});
