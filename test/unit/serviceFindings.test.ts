import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits } from '../../server/src/service/fixes/applyEdits';
import { fixesFor } from '../../server/src/service/codeActions';
import { checkFile } from '../../server/src/service/languageService';
import { defaultSettings } from '../../server/src/service/settings';
import { WorkspaceIndex } from '../../server/src/service/workspace/workspaceIndex';

const statefulSet = (metadata = '', serviceName = 'web'): string => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
${metadata}spec:
  serviceName: ${serviceName}
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web, gossip: "true" } }
    spec: { containers: [{ name: c, image: nginx }] }
`;
const uri = 'file:///work/web.yaml';
const checked = (text: string) => checkFile(uri, text, defaultSettings, new WorkspaceIndex());
const check = (text: string) => checked(text).findings;

test('an operator-owned StatefulSet (controller owner of a custom kind) gets no service-missing warning, only an information naming the owner', () => {
  const owned = statefulSet('  ownerReferences:\n    - { apiVersion: monitoring.coreos.com/v1, kind: Alertmanager, name: main, uid: u1, controller: true }\n');
  const findings = check(owned);
  assert.deepEqual(findings.map((f) => `${f.rule}:${f.severity}`), ['service-missing:info']);
  assert.match(findings[0]!.message, /Alertmanager "main" \(monitoring\.coreos\.com\/v1\), which creates its Service/);
});

test('app.kubernetes.io/managed-by naming an operator counts; Helm, or a built-in owner, does not', () => {
  assert.deepEqual(check(statefulSet('  labels: { app.kubernetes.io/managed-by: strimzi-cluster-operator }\n')).map((f) => f.severity), ['info']);
  assert.deepEqual(check(statefulSet('  labels: { app.kubernetes.io/managed-by: Helm }\n')).map((f) => `${f.rule}:${f.severity}`), ['service-missing:warning']);
  const builtIn = statefulSet('  ownerReferences:\n    - { apiVersion: apps/v1, kind: Deployment, name: x, uid: u, controller: true }\n');
  assert.deepEqual(check(builtIn).map((f) => f.severity), ['warning']);
});

test('service-missing and service-not-headless say what breaks: the per-pod DNS names', () => {
  assert.match(check(statefulSet()).find((f) => f.rule === 'service-missing')!.message, /web-0\.web\.default\.svc/);
  const clusterIp = `${statefulSet()}---\napiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec: { selector: { app: web }, ports: [{ port: 80 }] }\n`;
  const finding = check(clusterIp).find((f) => f.rule === 'service-not-headless')!;
  assert.match(finding.message, /web-0\.web\.default\.svc… do not exist|\(web-0\.web\.default\.svc…\) do not exist/);
});

test('another headless Service of the same pods is named, with the fix "point serviceName at it"', () => {
  const text = `${statefulSet()}---\napiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec: { selector: { app: web }, ports: [{ port: 80 }] }\n---\napiVersion: v1\nkind: Service\nmetadata: { name: gossip-ring }\nspec: { clusterIP: None, selector: { gossip: "true" } }\n`;
  const finding = check(text).find((f) => f.rule === 'service-not-headless')!;
  assert.match(finding.message, /The headless Service "gossip-ring" selects these pods: point serviceName at it/);
  const file = checked(text);
  const actions = fixesFor(uri, text, file, finding, defaultSettings, () => file.documents);
  const point = actions.find((a) => a.title.startsWith('Point serviceName at the headless Service "gossip-ring"'));
  assert.ok(point, actions.map((a) => a.title).join(' | '));
  const after = applyEdits(text, point.edits[uri] ?? []);
  assert.match(after, /serviceName: gossip-ring\n/);
  assert.deepEqual(check(after).map((f) => f.rule), []);
  // Missing Service, same suggestion.
  const missing = `${statefulSet('', 'nowhere')}---\napiVersion: v1\nkind: Service\nmetadata: { name: gossip-ring }\nspec: { clusterIP: None, selector: { gossip: "true" } }\n`;
  assert.match(check(missing).find((f) => f.rule === 'service-missing')!.message, /The headless Service "gossip-ring" selects these pods/);
});

test('two Services with one name and namespace: the last wins, as kubectl apply leaves it, and the first is reported', () => {
  const service = (spec: string) => `---\napiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec: ${spec}\n`;
  const lastHeadless = `${statefulSet()}${service('{ selector: { app: web } }')}${service('{ clusterIP: None, selector: { app: web } }')}`;
  assert.deepEqual(check(lastHeadless).map((f) => f.rule), ['service-duplicate']);
  const lastClusterIp = `${statefulSet()}${service('{ clusterIP: None, selector: { app: web } }')}${service('{ selector: { app: web } }')}`;
  assert.deepEqual(check(lastClusterIp).map((f) => f.rule).sort(), ['service-duplicate', 'service-not-headless']);
  assert.match(check(lastClusterIp).find((f) => f.rule === 'service-duplicate')!.message, /twice: kubectl apply applies both in order and the last one wins/);
});
