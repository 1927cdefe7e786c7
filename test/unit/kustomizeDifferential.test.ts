// Differential: kustomize's engine against the real `kustomize build` (same api version) on
// generated layouts — a base of StatefulSets and Services, an overlay that mixes namespace,
// namePrefix, commonLabels, images, replicas and patches of every kind (a strategic-merge file,
// an inline strategic-merge patch, patchesStrategicMerge, patchesJson6902 from a file, an inline
// JSON 6902 patch with a target), under each kustomization file name. The same bytes, or both fail
// with the same message. A disagreement prints its seed and the layout.
//   KUSTOMIZE_DIFF_CASES=200 KUSTOMIZE_DIFF_SEED=7 node --import tsx --test test/unit/kustomizeDifferential.test.ts
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { buildOverlay, readOverlay } from '../../server/src/host/kustomize/index';
import type { KustomizeEngine } from '../../server/src/host/kustomize/kustomizeEngine';
import { kustomizeBuild, noGo, testKustomizeEngine } from './kustomizeSupport';

const cases = Number(process.env['KUSTOMIZE_DIFF_CASES'] ?? 12);
const firstSeed = Number(process.env['KUSTOMIZE_DIFF_SEED'] ?? 1);

/** mulberry32: a small seeded generator, so that a seed names a layout. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A generated layout: file path (relative) -> text; the overlay is `overlay/`. */
function layout(seed: number): Map<string, string> {
  const r = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const chance = (p: number): boolean => r() < p;
  const files = new Map<string, string>();
  const names = Array.from({ length: 1 + Math.floor(r() * 3) }, (_, i) => pick(['db', 'cache', 'queue', 'search'] as const) + i);
  for (const name of names) {
    files.set(`base/${name}.yaml`, `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ${name}
  labels: {app: ${name}}
spec:
  serviceName: ${name}
  replicas: ${1 + Math.floor(r() * 5)}
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
      - name: main
        image: ${pick(['postgres:16', 'redis:7', 'example.com/app:1.0'])}
        env:
        - {name: MODE, value: base}
---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  clusterIP: None
  selector: {app: ${name}}
  ports: [{port: 80}]
`);
  }
  files.set(`base/${pick(['kustomization.yaml', 'kustomization.yml', 'Kustomization'])}`, `resources:\n${names.map((n) => `- ${n}.yaml`).join('\n')}\n`);
  const target = pick(names);
  const lines = ['resources:', '- ../base'];
  if (chance(0.5)) lines.push(`namespace: ${pick(['prod', 'staging'])}`);
  if (chance(0.4)) lines.push(`namePrefix: ${pick(['a-', 'prod-'])}`);
  if (chance(0.4)) lines.push('commonLabels:', `  team: ${pick(['data', 'web'])}`);
  if (chance(0.4)) lines.push('images:', `- name: ${pick(['postgres', 'redis', 'example.com/app'])}`, `  newTag: "${pick(['17', '8', '2.0'])}"`);
  if (chance(0.3)) lines.push('replicas:', `- name: ${target}`, `  count: ${Math.floor(r() * 6)}`);
  const patches: string[] = [];
  if (chance(0.6)) {
    files.set('overlay/smp.yaml', `apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: ${target}\nspec:\n  replicas: ${Math.floor(r() * 9)}\n  template:\n    spec:\n      containers:\n      - name: main\n        env:\n        - {name: MODE, value: overlay}\n`);
    patches.push('- path: smp.yaml');
  }
  if (chance(0.5)) {
    patches.push('- patch: |-', '    apiVersion: apps/v1', '    kind: StatefulSet', '    metadata:', `      name: ${target}`, '    spec:', '      template:', '        metadata:', '          labels:', `            tier: ${pick(['gold', 'silver'])}`);
  }
  if (chance(0.5)) {
    patches.push('- target:', '    kind: StatefulSet', `    name: ${target}`, '  patch: |-', '    - op: replace', '      path: /spec/template/spec/containers/0/image', `      value: ${pick(['busybox:1', 'nginx:1.27'])}`);
  }
  if (patches.length > 0) lines.push('patches:', ...patches);
  if (chance(0.3)) {
    files.set('overlay/old-smp.yaml', `apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: ${target}\nspec:\n  minReadySeconds: ${Math.floor(r() * 30)}\n`);
    lines.push('patchesStrategicMerge:', '- old-smp.yaml');
  }
  if (chance(0.3)) {
    files.set('overlay/json.yaml', `- op: add\n  path: /spec/podManagementPolicy\n  value: ${pick(['Parallel', 'OrderedReady'])}\n`);
    lines.push('patchesJson6902:', '- target:', '    group: apps', '    version: v1', '    kind: StatefulSet', `    name: ${target}`, '  path: json.yaml');
  }
  // Now and then a mistake kustomize refuses: a patch naming no resource.
  if (chance(0.1)) {
    files.set('overlay/typo.yaml', 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: nothere\nspec:\n  replicas: 1\n');
    lines.push('patchesStrategicMerge:', '- typo.yaml');
  }
  files.set(`overlay/${pick(['kustomization.yaml', 'kustomization.yml', 'Kustomization'])}`, `${lines.join('\n')}\n`);
  return files;
}

describe('kustomize engine = kustomize build on generated layouts', { skip: noGo }, () => {
  let engine: KustomizeEngine;
  after(() => engine?.dispose());
  test(`${cases} layouts from seed ${firstSeed}`, async () => {
    engine ??= testKustomizeEngine();
    for (let seed = firstSeed; seed < firstSeed + cases; seed++) {
      const files = layout(seed);
      const dir = mkdtempSync(join(tmpdir(), `sts-kustomize-diff-${seed}-`));
      try {
        for (const [path, text] of files) {
          mkdirSync(dirname(join(dir, path)), { recursive: true });
          writeFileSync(join(dir, path), text);
        }
        const overlay = join(dir, 'overlay');
        const ours = await buildOverlay(readOverlay(overlay)!, engine);
        const cli = kustomizeBuild(overlay);
        const reproducer = `seed ${seed} (KUSTOMIZE_DIFF_SEED=${seed} KUSTOMIZE_DIFF_CASES=1):\n${[...files].map(([p, t]) => `--- ${p}\n${t}`).join('')}`;
        if (cli.status === 0) {
          assert.equal(ours.error, undefined, `${reproducer}\nthe engine failed: ${ours.error?.message}`);
          assert.equal(ours.manifest, cli.stdout, reproducer);
        } else {
          assert.equal(`Error: ${ours.error?.message}\n`, cli.stderr.replace(/^# Warning:.*\n/gm, ''), reproducer);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });
});
