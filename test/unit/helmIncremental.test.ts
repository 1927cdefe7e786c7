// A chart's files travel to the engine once; later renders send what changed (sentFiles.ts,
// go/helm/cmd/wasm/keptFiles.go). Each render must equal a full render of the same folder,
// whatever was sent before, the engine restarted or a chart dropped from its memory.
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chartRootOf, isLibraryChart } from '../../server/src/host/chartCheck';
import type { ChartFiles } from '../../server/src/host/helm/renderTypes';
import { SentFiles } from '../../server/src/host/helm/sentFiles';
import type { WasmEngine } from '../../server/src/host/helm/wasmEngine';
import { noGo, testEngine } from './helmSupport';

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

describe('renders after a change equal full renders', { skip: noGo }, () => {
  let engine: WasmEngine;
  let fresh: WasmEngine;
  before(() => {
    engine = testEngine({ warmUpBudgetMs: 0 });
    fresh = testEngine({ warmUpBudgetMs: 0 });
  });
  after(async () => {
    await engine.dispose();
    await fresh.dispose();
  });

  const fullRender = async (folder: Record<string, string>): Promise<string> => {
    const result = await fresh.render({ files: files(folder) }); // no chartDir: always the whole folder
    assert.equal(result.error, undefined);
    return result.manifest;
  };

  test('an edited template, an edited values file, a removed and an added template', async () => {
    const steps: Record<string, string>[] = [
      base,
      { ...base, 'templates/sts.yaml': base['templates/sts.yaml'].replace('replicas:', 'serviceName: x\n  replicas:') },
      { ...base, 'values.yaml': 'replicas: 7\n' },
      { ...base, 'templates/svc.yaml': 'kind: Service\nmetadata:\n  name: other\n', 'templates/extra.yaml': 'kind: ConfigMap\nmetadata:\n  name: extra\n' },
      Object.fromEntries(Object.entries(base).filter(([k]) => k !== 'templates/svc.yaml')),
    ];
    for (const step of steps) {
      const result = await engine.render({ files: files(step), chartDir: '/charts/inc' });
      assert.equal(result.error, undefined);
      assert.equal(result.manifest, await fullRender(step));
    }
  });

  test('after the engine restarted, the worker sends the chart whole again', async () => {
    assert.match((await engine.render({ files: files(base), chartDir: '/charts/restart' })).manifest, /replicas: 3/);
    await engine.dispose(); // a new worker: nothing kept, nothing remembered as sent
    const changed = { ...base, 'values.yaml': 'replicas: 4\n' };
    const result = await engine.render({ files: files(changed), chartDir: '/charts/restart' });
    assert.equal(result.manifest, await fullRender(changed));
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
