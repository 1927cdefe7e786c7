// The overlay source's origin map: a field of the built object is placed on the line that wrote
// it — a patch line (strategic merge or JSON 6902, in a file or inline), a kustomization line of a
// transformer (namespace, namePrefix, commonLabels, images), else the base resource's line —
// on our own layouts with injected mistakes and on real ones (metacontroller).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, test } from 'node:test';
import { buildOverlay, readOverlay } from '../../server/src/host/kustomize/index';
import type { KustomizeEngine } from '../../server/src/host/kustomize/kustomizeEngine';
import { LineIndex } from '../../server/src/service/parse/lineIndex';
import { locate } from '../../server/src/service/parse/locate';
import { overlaySource } from '../../server/src/service/sources/kustomize/overlaySource';
import type { ObjectPath } from '../../server/src/service/model';
import { noGo, ownLayouts, realLayouts, testKustomizeEngine } from './kustomizeSupport';

const fixtures = join(ownLayouts, '..');

/** Where the origin map puts `path` of the built StatefulSet: `file:line` (1-based, relative to test/fixtures), and its related places. */
async function placeOf(engine: KustomizeEngine, dir: string, path: ObjectPath): Promise<{ primary: string; related: string[] }> {
  const overlay = readOverlay(dir)!;
  const result = await buildOverlay(overlay, engine);
  assert.equal(result.error, undefined);
  const texts = new Map([...overlay.files].map(([file, text]) => [pathToFileURL(file).href, text]));
  const source = overlaySource({ dirUri: pathToFileURL(overlay.dir).href, kustomizationUri: pathToFileURL(overlay.kustomization).href, name: 'o', resources: result.resources, textOf: (u) => texts.get(u) });
  const document = source.documents.find((d) => d.objects[0]?.kind === 'StatefulSet')!;
  const span = locate(document.objects[0]!.node, path, 'key');
  const origin = source.origins.originOf(document, span);
  assert.ok(origin, `no origin for ${path.join('.')}`);
  const at = (r: { uri: string; start: number }): string => `${r.uri.slice(pathToFileURL(fixtures).href.length + 1)}:${new LineIndex(texts.get(r.uri)!).positionAt(r.start).line + 1}`;
  return { primary: at(origin.primary), related: origin.related.map(at) };
}

describe('overlay origins', { skip: noGo }, () => {
  let engine: KustomizeEngine;
  after(() => engine?.dispose());
  const own = (name: string): string => join(ownLayouts, 'db/overlays', name);
  const boa = (overlay: string): string => join(realLayouts, 'bank-of-anthos/src', overlay);
  const cases: { dir: string; path: ObjectPath; primary: string; related?: string }[] = [
    // A strategic-merge patch file sets replicas: its line; the base's line is related.
    { dir: own('prod'), path: ['spec', 'replicas'], primary: 'kustomize-own/db/overlays/prod/replicas.yaml:6', related: 'kustomize-own/db/base/statefulset.yaml:9' },
    // Transformers: the kustomization's own lines.
    { dir: own('prod'), path: ['metadata', 'namespace'], primary: 'kustomize-own/db/overlays/prod/kustomization.yaml:5' },
    { dir: own('prod'), path: ['metadata', 'name'], primary: 'kustomize-own/db/overlays/prod/kustomization.yaml:6' },
    { dir: own('prod'), path: ['spec', 'selector', 'matchLabels', 'tier'], primary: 'kustomize-own/db/overlays/prod/kustomization.yaml:8' },
    { dir: own('prod'), path: ['spec', 'template', 'spec', 'containers', 0, 'image'], primary: 'kustomize-own/db/overlays/prod/kustomization.yaml:10' },
    // What no patch touched stays on the base, with the overlay's patch related.
    { dir: own('prod'), path: ['spec', 'updateStrategy', 'rollingUpdate', 'partition'], primary: 'kustomize-own/db/base/statefulset.yaml:13', related: 'kustomize-own/db/overlays/prod/replicas.yaml:1' },
    { dir: own('prod'), path: ['spec', 'template', 'spec', 'containers', 0, 'ports', 0, 'containerPort'], primary: 'kustomize-own/db/base/statefulset.yaml:27' },
    // An inline strategic-merge patch: its line inside the kustomization's block scalar.
    { dir: own('staging'), path: ['spec', 'template', 'metadata', 'labels', 'app'], primary: 'kustomize-own/db/overlays/staging/kustomization.yaml:16', related: 'kustomize-own/db/base/statefulset.yaml:20' },
    // An inline JSON 6902 patch: its value line.
    { dir: own('split'), path: ['metadata', 'namespace'], primary: 'kustomize-own/db/overlays/split/kustomization.yaml:12' },
    // Real layouts: metacontroller's dev overlay (patch files) and debug overlay (target: patches).
    { dir: join(realLayouts, 'metacontroller/manifests/dev'), path: ['spec', 'template', 'spec', 'containers', 0, 'image'], primary: 'kustomize-real/metacontroller/manifests/dev/image.yaml:12', related: 'kustomize-real/metacontroller/manifests/production/metacontroller.yaml:23' },
    { dir: join(realLayouts, 'metacontroller/manifests/debug'), path: ['spec', 'template', 'spec', 'containers', 0, 'image'], primary: 'kustomize-real/metacontroller/manifests/debug/image.yaml:12' },
    { dir: join(realLayouts, 'metacontroller/manifests/debug'), path: ['spec', 'template', 'spec', 'containers', 0, 'args', 0], primary: 'kustomize-real/metacontroller/manifests/debug/args.yaml:14' },
    // Bank of Anthos: the StatefulSet in the development overlay, through components (commonLabels, an inline JSON 6902 patch with a target).
    { dir: boa('accounts/accounts-db/k8s/overlays/development'), path: ['spec', 'serviceName'], primary: 'kustomize-real/bank-of-anthos/src/accounts/accounts-db/k8s/overlays/development/accounts-db.yaml:20' },
    { dir: boa('accounts/accounts-db/k8s/overlays/development'), path: ['metadata', 'labels', 'environment'], primary: 'kustomize-real/bank-of-anthos/src/components/development/kustomization.yaml:18' },
    { dir: boa('accounts/accounts-db/k8s/overlays/development'), path: ['metadata', 'labels', 'team'], primary: 'kustomize-real/bank-of-anthos/src/accounts/components/accounts/kustomization.yaml:18' },
    { dir: boa('ledger/ledger-db/k8s/overlays/development'), path: ['spec', 'template', 'spec', 'serviceAccount'], primary: 'kustomize-real/bank-of-anthos/src/components/bank-of-anthos/kustomization.yaml:33' },
  ];
  for (const c of cases) {
    test(`${c.dir.slice(fixtures.length + 1)}: ${c.path.join('.')}`, async () => {
      engine ??= testKustomizeEngine();
      const place = await placeOf(engine, c.dir, c.path);
      assert.equal(place.primary, c.primary);
      if (c.related) assert.ok(place.related.includes(c.related), `related: ${place.related.join(', ')}`);
    });
  }
});
