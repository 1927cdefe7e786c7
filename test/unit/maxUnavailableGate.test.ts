import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkFile } from '../../server/src/service/languageService';
import { defaultSettings } from '../../server/src/service/settings';
import { WorkspaceIndex } from '../../server/src/service/workspace/workspaceIndex';

const manifest = (strategy: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  updateStrategy: ${strategy}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: nginx}]}
`;

function findings(text: string, maxUnavailableGate: boolean, rules: Record<string, 'error' | 'off'> = {}) {
  return checkFile('file:///m.yaml', text, { ...defaultSettings, maxUnavailableGate, rules }, new WorkspaceIndex()).findings
    .map((f) => `${f.rule} ${f.severity}`);
}

const invalid = manifest('{type: RollingUpdate, rollingUpdate: {maxUnavailable: 0}}');

test('an invalid maxUnavailable is an error only where the feature gate makes the API server check it', () => {
  assert.deepEqual(findings(invalid, true), ['max-unavailable-invalid error']);
  // Gate off (the 1.36 default): the API server drops the field and accepts the object.
  assert.deepEqual(findings(invalid, false), ['max-unavailable-invalid warning']);
});

test("a user's severity setting wins over the finding's own", () => {
  assert.deepEqual(findings(invalid, false, { 'max-unavailable-invalid': 'error' }), ['max-unavailable-invalid error']);
});

test('under OnDelete only the misplaced rollingUpdate is reported, not its contents', () => {
  const onDelete = manifest('{type: OnDelete, rollingUpdate: {partition: -1, maxUnavailable: 0}}');
  assert.deepEqual(findings(onDelete, true), ['update-strategy-invalid error']);
});
