// Issue 21: the same manifest judged per Kubernetes release, with the reason in the message.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { hoverAt } from '../../server/src/service/intelligence/hover';
import { checkFile } from '../../server/src/service/languageService';
import { defaultSettings, type Settings } from '../../server/src/service/settings';
import { gateOn, gatesInForce, versionSummary } from '../../server/src/service/versions/gates';
import { gateFacts, kubernetesVersions, statefulSetGates, type KubernetesVersion } from '../../server/src/service/versions/kubernetesVersions';
import { parseFeatureGates, readVersionSettings } from '../../server/src/service/versions/readVersionSettings';
import { WorkspaceIndex } from '../../server/src/service/workspace/workspaceIndex';

const manifest = (spec: string, podSpec = '') => `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: web
  selector: {matchLabels: {app: web}}
${spec}  template:
    metadata: {labels: {app: web}}
    spec:
${podSpec}      containers: [{name: c, image: nginx}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {clusterIP: None, selector: {app: web}}
`;

const settingsFor = (kubernetesVersion: KubernetesVersion, featureGates: Record<string, boolean> = {}): Settings =>
  ({ ...defaultSettings, kubernetesVersion, featureGates });

function findings(text: string, settings: Settings) {
  return checkFile('file:///m.yaml', text, settings, new WorkspaceIndex()).findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message }));
}

test('maxUnavailable: 0 is an error for 1.37 (gate on by default) and a warning that the field is dropped for 1.36', () => {
  const text = manifest('  updateStrategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 0}}\n');
  const [for137] = findings(text, settingsFor('1.37'));
  assert.equal(for137?.rule, 'max-unavailable-invalid');
  assert.equal(for137?.severity, 'error');
  assert.match(for137?.message ?? '', /rejects it \(Kubernetes 1\.37, MaxUnavailableStatefulSet gate on \(the 1\.37 default\)\)/);
  const [for136] = findings(text, settingsFor('1.36'));
  assert.equal(for136?.severity, 'warning');
  assert.match(for136?.message ?? '', /With Kubernetes 1\.36, MaxUnavailableStatefulSet gate off \(the 1\.36 default\) the API server drops the field/);
  // A 1.37 cluster that turned the gate off: the user's override is the reason.
  const [off] = findings(text, settingsFor('1.37', { MaxUnavailableStatefulSet: false }));
  assert.equal(off?.severity, 'warning');
  assert.match(off?.message ?? '', /gate off \(set in statefulset\.featureGates\)/);
  // The default is the newest release.
  assert.equal(findings(text, defaultSettings)[0]?.severity, 'error');
});

test('pod-level resources: fine for 1.37 and 1.34, dropped for 1.33 (gate off), unknown for 1.31', () => {
  const text = manifest('', '      resources: {limits: {cpu: "2"}}\n');
  assert.deepEqual(findings(text, settingsFor('1.37')), []);
  assert.deepEqual(findings(text, settingsFor('1.34')), []);
  const [for133] = findings(text, settingsFor('1.33'));
  assert.deepEqual([for133?.rule, for133?.severity], ['field-not-in-version', 'warning']);
  assert.match(for133?.message ?? '', /spec\.template\.spec\.resources is dropped by the API server \(Kubernetes 1\.33, PodLevelResources gate off \(the 1\.33 default\)\)/);
  assert.deepEqual(findings(text, settingsFor('1.33', { PodLevelResources: true })), []);
  const for131 = findings(text, settingsFor('1.31'));
  assert.equal(for131.length, 1, JSON.stringify(for131));
  assert.deepEqual([for131[0]?.rule, for131[0]?.severity], ['field-not-in-version', 'error']);
  assert.match(for131[0]?.message ?? '', /^spec\.template\.spec\.resources was added in Kubernetes 1\.32: the API server of Kubernetes 1\.31 does not know it/);
});

test('updateStrategy Recreate: only with the 1.37 StatefulSetRecreateStrategy gate on', () => {
  const text = manifest('  updateStrategy: {type: Recreate}\n');
  assert.deepEqual(findings(text, settingsFor('1.37', { StatefulSetRecreateStrategy: true })), []);
  const [off] = findings(text, settingsFor('1.37'));
  assert.equal(off?.rule, 'update-strategy-invalid');
  assert.match(off?.message ?? '', /not "Recreate" \(Kubernetes 1\.37, StatefulSetRecreateStrategy gate off \(the 1\.37 default\): Recreate needs that gate on/);
  const [old] = findings(text, settingsFor('1.36', { StatefulSetRecreateStrategy: true }));
  assert.match(old?.message ?? '', /must be "RollingUpdate" or "OnDelete", not "Recreate" \(Kubernetes 1\.36, which has no StatefulSetRecreateStrategy gate/);
});

test('serviceName that is no DNS label: refused on create from 1.33; stored by 1.32, whose pods are then refused', () => {
  const text = manifest('').replace('serviceName: web', 'serviceName: Web_Service');
  const message = (version: KubernetesVersion) => findings(text, settingsFor(version)).find((f) => f.rule === 'service-name-invalid')?.message ?? '';
  assert.match(message('1.33'), /and the API server rejects it\.$/);
  assert.match(message('1.32'), /the API server of Kubernetes 1\.32 stores the StatefulSet \(it checks serviceName from 1\.33\), then refuses every pod/);
});

test('a field only 1.35 had (PodSpec.workloadRef) is known to 1.35, unknown to 1.37 and 1.34, said once', () => {
  const text = manifest('', '      workloadRef: {name: w, podGroup: g}\n');
  assert.deepEqual(findings(text, settingsFor('1.35')), []);
  const for137 = findings(text, settingsFor('1.37'));
  assert.deepEqual(for137.map((f) => f.rule), ['field-not-in-version']);
  assert.match(for137[0]?.message ?? '', /^spec\.template\.spec\.workloadRef was removed after Kubernetes 1\.35: the API server of Kubernetes 1\.37 does not know it/);
  assert.match(findings(text, settingsFor('1.34'))[0]?.message ?? '', /workloadRef was added in Kubernetes 1\.35/);
});

test('hover says since which release a field exists, and whether the target has it', () => {
  const text = manifest('', '      resources: {limits: {cpu: "2"}}\n');
  const hover = (settings: Settings) => {
    const file = checkFile('file:///m.yaml', text, settings, new WorkspaceIndex());
    return hoverAt({ uri: 'file:///m.yaml', file, offset: text.indexOf('resources') + 2, settings, index: new WorkspaceIndex() })?.markdown ?? '';
  };
  assert.match(hover(settingsFor('1.31')), /Since Kubernetes 1\.32: not in your target, 1\.31/);
  assert.match(hover(settingsFor('1.37')), /Since Kubernetes 1\.32: your target, 1\.37, has it/);
});

test('gates: each release default, overrides, the old setting, a gate the release lacks', () => {
  assert.deepEqual(kubernetesVersions.map((v) => gateOn(settingsFor(v), 'MaxUnavailableStatefulSet')), [false, false, false, false, false, false, true]);
  assert.deepEqual(kubernetesVersions.map((v) => gateOn(settingsFor(v), 'PodLevelResources')), [false, false, false, true, true, true, true]);
  assert.equal(gateOn({ ...defaultSettings, kubernetesVersion: '1.36', maxUnavailableGate: true }, 'MaxUnavailableStatefulSet'), true);
  assert.equal(gateOn(settingsFor('1.36', { StatefulSetRecreateStrategy: true }), 'StatefulSetRecreateStrategy'), false);
  assert.deepEqual(gatesInForce(settingsFor('1.31')), { MaxUnavailableStatefulSet: false });
  assert.equal(versionSummary(settingsFor('1.37')), 'Kubernetes 1.37 · gates: MaxUnavailableStatefulSet on, StatefulSetRecreateStrategy off, PodLevelResources on, ContainerRestartRules on');
});

test('settings: statefulset.maxUnavailableGate is read as featureGates and said to have moved; a wrong version falls back to 1.37', () => {
  const moved = readVersionSettings({ maxUnavailableGate: true, kubernetesVersion: '1.35' });
  assert.deepEqual(moved.featureGates, { MaxUnavailableStatefulSet: true });
  assert.equal(moved.kubernetesVersion, '1.35');
  assert.match(moved.notices[0] ?? '', /statefulset\.maxUnavailableGate has moved: set "statefulset\.featureGates": \{ "MaxUnavailableStatefulSet": true \}/);
  // featureGates wins over the old setting.
  assert.deepEqual(readVersionSettings({ maxUnavailableGate: true, featureGates: { MaxUnavailableStatefulSet: false, Bad: 'yes' } }).featureGates, { MaxUnavailableStatefulSet: false });
  const wrong = readVersionSettings({ kubernetesVersion: '1.29' });
  assert.equal(wrong.kubernetesVersion, '1.37');
  assert.match(wrong.notices[0] ?? '', /"1\.29" is not one of 1\.31, 1\.32/);
  assert.deepEqual(readVersionSettings({}), { kubernetesVersion: '1.37', featureGates: {}, notices: [] });
  assert.deepEqual(parseFeatureGates('MaxUnavailableStatefulSet=false, PodLevelResources=TRUE'), { gates: { MaxUnavailableStatefulSet: false, PodLevelResources: true }, errors: [] });
  assert.deepEqual(parseFeatureGates('X').errors, ['--feature-gates: "X" is not Gate=true or Gate=false']);
});

// The gate table against each release's own pkg/features (the Go module cache, as
// scripts/gen-version-schemas.mjs fills it). Skipped where the modules are not there.
const patches: Record<KubernetesVersion, string> = { '1.31': 'v1.31.14', '1.32': 'v1.32.13', '1.33': 'v1.33.13', '1.34': 'v1.34.4', '1.35': 'v1.35.4', '1.36': 'v1.36.3', '1.37': 'v1.37.2' };
function moduleCache(): string | undefined {
  try { return execFileSync('go', ['env', 'GOMODCACHE'], { encoding: 'utf8' }).trim(); } catch { return undefined; }
}

/** The gate's default in one release, read as kube-apiserver would: the last versioned entry not newer than it. */
function defaultInSource(dir: string, gate: string, version: KubernetesVersion): boolean | undefined {
  const files = ['kube_features.go', 'versioned_kube_features.go'].map((f) => join(dir, 'pkg', 'features', f)).filter(existsSync);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const unversioned = new RegExp(`^\\t${gate}: \\{Default: (true|false)`, 'm').exec(text);
    if (unversioned) return unversioned[1] === 'true';
    const block = new RegExp(`^\\t${gate}: \\{\\n((?:\\t\\t\\{Version.*\\n)+)`, 'm').exec(text);
    if (!block?.[1]) continue;
    const entries = [...block[1].matchAll(/MustParse\("1\.(\d+)"\), Default: (true|false)/g)].map((m) => ({ minor: Number(m[1]), on: m[2] === 'true' }));
    const applicable = entries.filter((e) => e.minor <= Number(version.slice(2)));
    return applicable.length ? applicable[applicable.length - 1]?.on : undefined;
  }
  return undefined;
}

test('the gate defaults are those of each release\'s pkg/features', (t) => {
  const cache = moduleCache();
  const dirs = kubernetesVersions.map((v) => join(cache ?? '/nonexistent', 'k8s.io', `kubernetes@${patches[v]}`));
  if (!dirs.every(existsSync)) return t.skip('the k8s.io/kubernetes modules are not in the Go module cache (node scripts/gen-version-schemas.mjs fetches them)');
  for (const gate of statefulSetGates) {
    kubernetesVersions.forEach((version, i) => {
      assert.equal(defaultInSource(dirs[i] ?? '', gate, version), gateFacts[gate].defaults[version], `${gate} in ${patches[version]}`);
    });
  }
});

test('an invalid pod template: refused with the StatefulSet from 1.34; before, accepted and every pod creation fails', () => {
  const text = manifest('', '      dnsPolicy: Sometimes\n');
  const message = (version: KubernetesVersion) => findings(text, settingsFor(version)).find((f) => f.rule === 'pod-spec-invalid');
  assert.match(message('1.34')?.message ?? '', /^The API server refuses this StatefulSet at create or update \(its pod template is validated too\): /);
  const old = message('1.33');
  assert.equal(old?.severity, 'error');
  assert.match(old?.message ?? '', /^Kubernetes 1\.33 accepts this StatefulSet \(it validates the pod template only from 1\.34\), but the controller's every pod creation fails \(FailedCreate\): /);
});

test('an invalid claim template: refused from 1.34; before, accepted and no claim (so no pod) can be created', () => {
  const text = manifest('  volumeClaimTemplates: [{metadata: {name: data}, spec: {accessModes: [ReadWriteOnce], storageClassName: Fast_SSD, resources: {requests: {storage: 1Gi}}}}]\n');
  const message = (version: KubernetesVersion) => findings(text, settingsFor(version)).find((f) => f.rule === 'claim-spec-invalid')?.message ?? '';
  assert.match(message('1.37'), /^The API server refuses this StatefulSet at create: storageClassName "Fast_SSD"/);
  assert.match(message('1.31'), /^Kubernetes 1\.31 accepts this StatefulSet \(it validates claim templates only from 1\.34\), but the controller cannot create the claims, and so no pod \(FailedCreate\): storageClassName "Fast_SSD"/);
});

test("a container's restartPolicyRules: unknown to 1.33, dropped by 1.34 (ContainerRestartRules off), checked from 1.35", () => {
  const text = manifest('').replace('containers: [{name: c, image: nginx}]', 'containers: [{name: c, image: nginx, restartPolicy: Never, restartPolicyRules: [{action: Restart, exitCodes: {operator: In, values: [42]}}]}]');
  assert.notEqual(text, manifest(''));
  const rules = (version: KubernetesVersion) => findings(text, settingsFor(version)).filter((f) => f.rule === 'field-not-in-version');
  assert.match(rules('1.33')[0]?.message ?? '', /^spec\.template\.spec\.containers\[0\]\.restartPolicyRules was added in Kubernetes 1\.34/);
  const dropped = rules('1.34');
  assert.equal(dropped[0]?.severity, 'warning');
  assert.match(dropped[0]?.message ?? '', /is dropped by the API server \(Kubernetes 1\.34, ContainerRestartRules gate off \(the 1\.34 default\)\)/);
  assert.deepEqual(rules('1.35'), []);
});
