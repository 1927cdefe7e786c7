// kustomize's build errors (its own words, as the engine and the CLI print them) placed on the
// kustomization line that caused them: the innermost name the message quotes, a patch naming
// no resource, a cycle, a remote resource.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildErrorFinding } from '../../server/src/service/sources/kustomize/buildError';

const lineOf = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;

test('a missing resource: its entry', () => {
  const k = { uri: 'file:///w/o/kustomization.yaml', text: 'resources:\n- ../base\n- missing.yaml\n' };
  const { uri, finding } = buildErrorFinding("accumulating resources: accumulation err='accumulating resources from 'missing.yaml': '/w/o/missing.yaml' doesn't exist': must build at directory: not a valid directory: '/w/o/missing.yaml' doesn't exist", false, [k]);
  assert.equal(uri, k.uri);
  assert.equal(lineOf(k.text, finding.start), 3);
  assert.equal(finding.rule, 'kustomize-build');
  assert.match(finding.message, /^kustomize cannot build this overlay: accumulating resources/);
});

test('a cycle: the entry of the kustomization that closes it, in the innermost kustomization', () => {
  const a = { uri: 'file:///c/a/kustomization.yaml', text: 'resources:\n- ../b\n' };
  const b = { uri: 'file:///c/b/kustomization.yaml', text: 'resources:\n- ../a\n' };
  const message = "accumulating resources: accumulation err='accumulating resources from '../b': '/c/b' must resolve to a file': recursed accumulation of path '/c/b': accumulating resources: accumulation err='accumulating resources from '../a': '/c/a' must resolve to a file': cycle detected: candidate root '/c/a' contains visited root '/c/a'";
  const { uri, finding } = buildErrorFinding(message, false, [a, b]);
  assert.equal(uri, b.uri);
  assert.equal(lineOf(b.text, finding.start), 2);
});

test('a patch naming no resource: the patch\'s entry, found through the patch file\'s name', () => {
  const k = { uri: 'file:///w/o/kustomization.yaml', text: 'resources:\n- ../base\npatches:\n- path: replicas.yaml\n- path: other.yaml\n' };
  const texts = new Map([
    ['file:///w/o/replicas.yaml', 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: dbb\n'],
    ['file:///w/o/other.yaml', 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\n'],
  ]);
  const message = 'no resource matches strategic merge patch "StatefulSet.v1.apps/dbb.[noNs]": no matches for Id StatefulSet.v1.apps/dbb.[noNs]; failed to find unique target for patch StatefulSet.v1.apps/dbb.[noNs]';
  const { finding } = buildErrorFinding(message, false, [k], (u) => texts.get(u));
  assert.equal(lineOf(k.text, finding.start), 4);
});

test('a remote resource: its entry, saying it is never fetched', () => {
  const k = { uri: 'file:///w/o/kustomization.yaml', text: 'resources:\n- ../base\n- https://example.com/sts.yaml\n' };
  const message = "accumulating resources: accumulation err='accumulating resources from 'https://example.com/sts.yaml': Get \"https://example.com/sts.yaml\": remote resources are not fetched: https://example.com/sts.yaml': no 'git' program on path";
  const { finding } = buildErrorFinding(message, true, [k]);
  assert.equal(lineOf(k.text, finding.start), 3);
  assert.match(finding.message, /^remote resources are never fetched: https:\/\/example\.com\/sts\.yaml is not built/);
});

test('a message that names nothing a kustomization holds: the overlay\'s first line', () => {
  const k = { uri: 'file:///w/o/kustomization.yaml', text: 'resources: [x\n' };
  const { uri, finding } = buildErrorFinding("invalid Kustomization: yaml: line 1: did not find expected ',' or ']'", false, [k]);
  assert.equal(uri, k.uri);
  assert.equal(finding.start, 0);
});
