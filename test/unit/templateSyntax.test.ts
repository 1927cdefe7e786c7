import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkFile } from '../../server/src/service/languageService';
import { defaultSettings } from '../../server/src/service/settings';
import { WorkspaceIndex } from '../../server/src/service/workspace/workspaceIndex';

// Issue 18: `{{` anywhere skipped the whole document, so a rendered StatefulSet whose annotation
// or argument carries an Alertmanager/Go template went unchecked (a selector mismatch in it was
// never reported). Only template syntax that makes the document something else is skipped.
const rendered = (extra: string): string => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: alertmanager
  annotations:
    summary: "{{ $labels.instance }} is down"
    note: '{{ .Values.x }}'
    description: Config failed for {{ $labels.namespace }}/{{ $labels.pod }}.
spec:
  serviceName: alertmanager
  selector:
    matchLabels: { app: alertmanager }
  template:
    metadata:
      labels: { app: other }
    spec:
      containers:
        - name: am
          image: prom/alertmanager:v0.28.1
          args:
            - --web.external-url={{ external }}
          command:
            - sh
            - -c
            - |
              echo "{{ template \\"slack\\" . }}" > /etc/am/tmpl
${extra}`;

const rulesOf = (text: string, uri = 'file:///work/out.yaml'): string[] => checkFile(uri, text, defaultSettings, new WorkspaceIndex()).findings.map((f) => `${f.rule}:${f.severity}`);

test('template syntax inside quoted, plain and block scalars, or a comment, is text: the document is checked', () => {
  const found = rulesOf(rendered('      # {{ a comment }}\n'));
  assert.ok(found.includes('selector-mismatch:error'), found.join());
  assert.ok(!found.some((f) => f.startsWith('template-syntax')), found.join());
});

test('template syntax that starts a value or a line makes the document unchecked, with one information where it starts', () => {
  const text = rendered('      nodeSelector: {{ toYaml .Values.nodeSelector }}\n');
  const { findings } = checkFile('file:///work/out.yaml', text, defaultSettings, new WorkspaceIndex());
  assert.deepEqual(findings.map((f) => `${f.rule}:${f.severity}`), ['template-syntax:info']);
  assert.equal(findings[0]!.start, text.indexOf('{{ toYaml'));
  assert.match(findings[0]!.message, /^Not checked: template syntax/);
  // A document that does not parse at all because of templates: no yaml-syntax error, one information.
  assert.deepEqual(rulesOf(`{{- if .Values.on }}\napiVersion: v1\nkind: Service\nmetadata:\n  name: {{ include "x" . }}-headless\n{{- end }}\n`), ['template-syntax:info']);
});

test('a Helm chart\'s own template gets no information: the chart is checked through its rendering', () => {
  assert.deepEqual(rulesOf('apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n', 'file:///chart/templates/svc.yaml'), []);
});

test('the information can be turned off like a rule', () => {
  const settings = { ...defaultSettings, rules: { 'template-syntax': 'off' as const } };
  assert.deepEqual(checkFile('file:///a.yaml', 'replicas: {{ .Values.n }}\n', settings, new WorkspaceIndex()).findings, []);
});
