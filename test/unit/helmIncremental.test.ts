// A chart's files travel to the engine once; later renders send what changed (sentFiles.ts,
// go/helm/cmd/wasm/keptFiles.go), and templates parsed before are not parsed again (the parse
// cache of go/helm/tools/wasmoverlay), nor executed when nothing they read changed (its execution
// cache). Each render must equal `helm template` of the same folder, whatever was sent, parsed and
// executed before, or the engine restarted.
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chartRootOf, isLibraryChart } from '../../server/src/host/chartCheck';
import type { ChartFiles } from '../../server/src/host/helm/renderTypes';
import { SentFiles } from '../../server/src/host/helm/sentFiles';
import type { WasmEngine } from '../../server/src/host/helm/wasmEngine';
import { helmTemplate, noGo, testEngine } from './helmSupport';

const files = (entries: Record<string, string>): ChartFiles => new Map(Object.entries(entries).map(([k, v]) => [k, Buffer.from(v)]));
const base = {
  'Chart.yaml': 'apiVersion: v2\nname: inc\nversion: 0.1.0\n',
  'values.yaml': 'replicas: 3\n',
  'templates/_names.tpl': '{{- define "inc.name" -}}{{ .Release.Name }}-db{{- end -}}\n',
  'templates/sts.yaml': 'kind: StatefulSet\nmetadata:\n  name: {{ include "inc.name" . }}\nspec:\n  replicas: {{ .Values.replicas }}\n',
  'templates/svc.yaml': 'kind: Service\nmetadata:\n  name: {{ include "inc.name" . }}\n',
};

describe('what the worker sends of a chart', () => {
  test('the first render sends the folder; the next only what changed, and what was removed', () => {
    const sent = new SentFiles();
    const first = sent.delta('/c', files(base));
    assert.equal(first.base, 0);
    assert.deepEqual([...first.files.keys()].sort(), Object.keys(base).sort());
    const { 'templates/svc.yaml': _removed, ...rest } = base;
    const second = sent.delta('/c', files({ ...rest, 'values.yaml': 'replicas: 5\n' }));
    assert.equal(second.base, first.generation);
    assert.deepEqual([...second.files.keys()], ['values.yaml']);
    assert.deepEqual(second.removed, ['templates/svc.yaml']);
    sent.forget('/c');
    assert.equal(sent.delta('/c', files(base)).base, 0, 'a forgotten chart is sent whole');
  });

  test('past eight charts, the least recently rendered is sent whole again', () => {
    const sent = new SentFiles();
    for (let i = 0; i < 9; i++) sent.delta(`/c${i}`, files(base));
    assert.equal(sent.delta('/c0', files(base)).base, 0);
    assert.notEqual(sent.delta('/c8', files(base)).base, 0);
  });
});

describe('renders after a change equal helm template of the same folder', { skip: noGo }, () => {
  let engine: WasmEngine;
  let temp: string;
  before(async () => {
    engine = testEngine({ warmUpBudgetMs: 0 });
    temp = await mkdtemp(join(tmpdir(), 'sts-helm-incremental-'));
  });
  after(async () => {
    await engine.dispose();
    await rm(temp, { recursive: true, force: true });
  });

  /** The real `helm template` of the folder, written afresh. */
  let written = 0;
  const helmOf = async (folder: Record<string, string>): Promise<string> => {
    const dir = join(temp, `step${++written}`, 'inc');
    for (const [path, text] of Object.entries(folder)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    const run = helmTemplate([dir]);
    assert.equal(run.status, 0, run.stderr);
    return run.stdout;
  };

  test('an edited template and helper, an edited values file, a removed and an added template', async () => {
    const steps: Record<string, string>[] = [
      base,
      { ...base, 'templates/sts.yaml': base['templates/sts.yaml'].replace('replicas:', 'serviceName: x\n  replicas:') },
      // The helper a template includes changes: the parse of the unchanged template must not keep the old one.
      { ...base, 'templates/_names.tpl': '{{- define "inc.name" -}}{{ .Release.Name }}-store{{- end -}}\n' },
      { ...base, 'values.yaml': 'replicas: 7\n' },
      { ...base, 'templates/svc.yaml': 'kind: Service\nmetadata:\n  name: other\n', 'templates/extra.yaml': 'kind: ConfigMap\nmetadata:\n  name: extra\n' },
      Object.fromEntries(Object.entries(base).filter(([k]) => k !== 'templates/svc.yaml')),
      base,
    ];
    for (const step of steps) {
      const result = await engine.render({ files: files(step), chartDir: '/charts/inc' });
      assert.equal(result.error, undefined);
      assert.equal(result.manifest, await helmOf(step));
    }
  });

  test('a template is executed again when what it ran changed: its text, a helper, a template it includes by name, or data another template changed with set or merge', async () => {
    const reader = 'kind: ConfigMap\nmetadata:\n  name: reader\ndata:\n  v: {{ .Values.injected | default "none" | quote }}\n';
    const withReader = {
      ...base,
      'templates/a-reader.yaml': reader,
      // Includes svc.yaml's output by its file name, as checksum annotations do.
      'templates/c-sum.yaml': 'kind: ConfigMap\nmetadata:\n  name: sum\ndata:\n  s: {{ include (print $.Template.BasePath "/svc.yaml") . | sha256sum }}\n',
      // Runs the helper with a template action, not include.
      'templates/d-static.yaml': 'kind: ConfigMap\nmetadata:\n  name: {{ template "inc.name" . }}-static\n',
    };
    // Helm executes templates of one folder in reverse name order: b-writer before a-reader.
    const writer = { ...withReader, 'templates/b-writer.yaml': '{{- $_ := set .Values "injected" "yes" }}' };
    const steps: Record<string, string>[] = [
      withReader,
      { ...withReader, 'templates/svc.yaml': 'kind: Service\nmetadata:\n  name: renamed\n' },
      { ...withReader, 'templates/_names.tpl': '{{- define "inc.name" -}}{{ .Release.Name }}-static{{- end -}}\n' },
      writer,
      { ...writer, 'templates/sts.yaml': base['templates/sts.yaml'].replace('replicas:', 'serviceName: y\n  replicas:') },
      { ...writer, 'templates/b-writer.yaml': '{{- $d := dict }}{{- $_ := set $d "injected" "local" }}' },
      { ...writer, 'templates/b-writer.yaml': '{{- $_ := mergeOverwrite .Values (dict "injected" "merged") }}' },
      { ...writer, 'templates/b-writer.yaml': '{{- $_ := mergeOverwrite .Values (dict "injected" "merged") }}', 'templates/a-reader.yaml': `${reader}# edited\n` },
      withReader,
    ];
    for (const step of steps) {
      const result = await engine.render({ files: files(step), chartDir: '/charts/exec' });
      assert.equal(result.error, undefined);
      assert.equal(result.manifest, await helmOf(step));
    }
  });

  test('after the engine restarted, the worker sends the chart whole again', async () => {
    assert.match((await engine.render({ files: files(base), chartDir: '/charts/restart' })).manifest, /replicas: 3/);
    await engine.dispose(); // a new worker: nothing kept, nothing remembered as sent
    const changed = { ...base, 'values.yaml': 'replicas: 4\n' };
    const result = await engine.render({ files: files(changed), chartDir: '/charts/restart' });
    assert.equal(result.manifest, await helmOf(changed));
  });

  test('a template that calls an undefined function is still refused with Helm\'s message after its text was parsed before', async () => {
    const bad = { ...base, 'templates/sts.yaml': `${base['templates/sts.yaml']}  x: {{ noSuchFunction }}\n` };
    for (let i = 0; i < 2; i++) {
      const result = await engine.render({ files: files(bad), chartDir: '/charts/bad' });
      assert.match(result.error?.message ?? '', /function "noSuchFunction" not defined/);
    }
  });
});

describe('which chart a file belongs to', () => {
  let temp: string;
  before(async () => {
    temp = await mkdtemp(join(tmpdir(), 'sts-chart-root-'));
    for (const path of ['app/Chart.yaml', 'app/charts/common/Chart.yaml', 'app/charts/common/templates/_x.tpl', 'app/templates/sts.yaml', 'app/docs/nested/Chart.yaml', 'app/docs/nested/templates/a.yaml']) {
      await mkdir(dirname(join(temp, path)), { recursive: true });
      await writeFile(join(temp, path), '');
    }
  });
  after(() => rm(temp, { recursive: true, force: true }));

  test("a subchart's file belongs to the chart that unpacked it in charts/; any other nested chart to itself", () => {
    assert.equal(chartRootOf(join(temp, 'app/templates/sts.yaml')), join(temp, 'app'));
    assert.equal(chartRootOf(join(temp, 'app/charts/common/templates/_x.tpl')), join(temp, 'app'));
    assert.equal(chartRootOf(join(temp, 'app/docs/nested/templates/a.yaml')), join(temp, 'app/docs/nested'));
    assert.equal(chartRootOf(join(temp, 'elsewhere.yaml')), undefined);
  });

  test('a library chart is known by its type', () => {
    assert.equal(isLibraryChart('apiVersion: v2\nname: common\ntype: library\nversion: 2.0.0\n'), true);
    assert.equal(isLibraryChart("type: 'library' # shared helpers\n"), true);
    assert.equal(isLibraryChart('apiVersion: v2\nname: app\ntype: application\n'), false);
    assert.equal(isLibraryChart('description: not a type: library\n'), false);
  });
});
