import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { completionsAt } from '../../server/src/service/intelligence/completion';
import { cursorAt } from '../../server/src/service/intelligence/cursorContext';
import { definitionAt } from '../../server/src/service/intelligence/definition';
import { documentSymbols } from '../../server/src/service/intelligence/documentSymbols';
import { hoverAt } from '../../server/src/service/intelligence/hover';
import { referencesAt } from '../../server/src/service/intelligence/references';
import { prepareRenameAt, renameAt } from '../../server/src/service/intelligence/rename';
import { schemaAt, typeLabel } from '../../server/src/service/intelligence/schemaNavigator';
import { checkFile } from '../../server/src/service/languageService';
import { parseFile } from '../../server/src/service/parse/documentStore';
import { defaultSettings } from '../../server/src/service/settings';
import { WorkspaceIndex } from '../../server/src/service/workspace/workspaceIndex';

/** The text with `|` marking the cursor, and the cursor's offset. */
function cursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

function labels(marked: string): string[] {
  const { text, offset } = cursor(marked);
  return completionsAt({ uri: 'file:///a.yaml', documents: parseFile(text), offset, defaultNamespace: 'default', servicesIn: () => [] })
    .map((entry) => entry.label);
}

test('the schema navigator follows $ref and allOf, keeps the field\'s own description, and names types', () => {
  const spec = schemaAt('apps/v1', 'StatefulSet', ['spec']);
  assert.equal(spec?.definition, 'io.k8s.api.apps.v1.StatefulSetSpec');
  assert.equal(spec?.description, 'Spec defines the desired identities of pods in this set.');
  const label = (path: (string | number)[]): string | undefined => {
    const schema = schemaAt('apps/v1', 'StatefulSet', path);
    return schema && typeLabel(schema);
  };
  assert.equal(label(['spec', 'template', 'metadata', 'labels']), 'map[string]string');
  assert.equal(label(['spec', 'template', 'metadata', 'labels', 'app']), 'string');
  assert.equal(label(['spec', 'updateStrategy', 'rollingUpdate', 'maxUnavailable']), 'integer | string');
  assert.equal(label(['spec', 'volumeClaimTemplates']), 'PersistentVolumeClaim[]');
  assert.equal(label(['spec', 'volumeClaimTemplates', 0, 'spec', 'resources', 'requests']), 'map[string]Quantity');
  assert.equal(label(['spec', 'template', 'spec', 'containers', 0, 'args']), 'string[]');
  assert.equal(schemaAt('apps/v1', 'StatefulSet', ['spec', 'nonsense']), undefined);
  assert.equal(schemaAt('v1', 'ConfigMap', []), undefined);
  assert.deepEqual(schemaAt('v1', 'Service', ['spec', 'clusterIP'])?.owner, { definition: 'io.k8s.api.core.v1.ServiceSpec', property: 'clusterIP' });
});

test('the cursor context: key or value, path from the object, and the scalar inside quotes', () => {
  const { text, offset } = cursor('apiVersion: v1\nkind: List\nitems:\n  - apiVersion: apps/v1\n    kind: StatefulSet\n    metadata:\n      name: "w|eb"\n');
  const context = cursorAt(parseFile(text), offset);
  assert.deepEqual(context?.path, ['metadata', 'name']);
  assert.equal(context?.target, 'value');
  assert.deepEqual(context?.scalar && { value: context.scalar.value, quoted: text.slice(context.scalar.start, context.scalar.end), inner: text.slice(context.scalar.inner.start, context.scalar.inner.end) },
    { value: 'web', quoted: '"web"', inner: 'web' });
  const key = cursor('apiVersion: apps/v1\nkind: StatefulSet\nspec:\n  repl|icas: 3\n');
  assert.deepEqual(cursorAt(parseFile(key.text), key.offset)?.path, ['spec', 'replicas']);
  assert.equal(cursorAt(parseFile(key.text), key.offset)?.target, 'key');
});

test('completion finds its place in half-typed lines, list items and CRLF files, and stays quiet in comments', () => {
  const head = 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n';
  assert.deepEqual(labels(`${head}  updateStrategy:\n    ty|\n`), ['rollingUpdate', 'type']);
  assert.deepEqual(labels(`${head}  updateStrategy:\n    type: |\n`), ['RollingUpdate', 'OnDelete']);
  assert.deepEqual(labels(`${head}  persistentVolumeClaimRetentionPolicy:\n    whenScaled: D|\n`), ['Retain', 'Delete']);
  assert.deepEqual(labels(`${head}  volumeClaimTemplates:\n    - spec:\n        accessModes:\n          - R|\n`),
    ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod']);
  assert.deepEqual(labels(`${head}  template:\n    spec:\n      restartPolicy: |\n`), ['Always']);
  assert.deepEqual(labels(`${head}  template:\n    spec:\n      containers:\n        - name: a\n          imagePullPolicy: |\n`), ['Always', 'IfNotPresent', 'Never']);
  assert.deepEqual(labels(`${head}  template:\n    spec:\n      hostNetwork: |\n`), ['true', 'false']);
  assert.deepEqual(labels(`${head.replaceAll('\n', '\r\n')}  ordinals:\r\n    st|\r\n`), ['start']);
  assert.deepEqual(labels(`${head}  # podManagementPolicy: |\n`), []);
  assert.deepEqual(labels(`${head}  ordinals:\n    start: 1\n    |\n`), [], 'start is already there');
  assert.deepEqual(labels('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  clusterIP: |\n'), ['None']);
  assert.deepEqual(labels('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: |\n'), ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']);
  assert.deepEqual(labels('apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: {{ .Values.name }}\nspec:\n  podManagementPolicy: |\n'), []);
  assert.deepEqual(labels('apiVersion: example.com/v1\nkind: Widget\nspec:\n  |\n'), []);
});

test('template labels complete from the selector, with the value when the key is written', () => {
  const set = 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n      role: db\n  template:\n    metadata:\n      labels:\n';
  assert.deepEqual(labels(`${set}        app: web\n        |\n`), ['role: db']);
  assert.deepEqual(labels(`${set}        role: |\n`), ['db']);
});

test('the outline of a List, a templated document and a broken one', () => {
  const text = 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Service\n    metadata: {name: a}\n  - apiVersion: apps/v1\n    kind: StatefulSet\n    metadata:\n      name: b\n---\nkind: StatefulSet\nmetadata:\n  name: {{ .Release.Name }}\n---\nkind: [\n';
  assert.deepEqual(documentSymbols(parseFile(text)).map((s) => [s.name, text.slice(s.selection.start, s.selection.end)]), [
    ['Service a', 'a'], ['StatefulSet b', 'b'],
  ]);
});

test('hover on a second StatefulSet of a List gives the schema but not the first one\'s pods', () => {
  const { text, offset } = cursor('apiVersion: v1\nkind: List\nitems:\n  - apiVersion: apps/v1\n    kind: StatefulSet\n    metadata: {name: a}\n    spec: {replicas: 2}\n  - apiVersion: apps/v1\n    kind: StatefulSet\n    metadata: {name: b}\n    spec:\n      repl|icas: 5\n');
  const index = new WorkspaceIndex();
  const file = checkFile('file:///l.yaml', text, defaultSettings, index);
  const hover = hoverAt({ uri: 'file:///l.yaml', file, offset, settings: defaultSettings, index });
  assert.equal(hover?.markdown.split('\n\n').length, 2);
  assert.equal(hover?.markdown.split('\n\n')[0], '**replicas**: `integer`');
});

test('every handler answers at any offset of the corpus without throwing', () => {
  const root = join(import.meta.dirname, '..', 'fixtures', 'corpus');
  const files = ['plain', 'helm'].flatMap((folder) => readdirSync(join(root, folder)).map((name) => join(root, folder, name)));
  const index = new WorkspaceIndex();
  for (const path of files) {
    const text = readFileSync(path, 'utf8');
    const uri = pathToFileURL(path).href;
    const file = checkFile(uri, text, defaultSettings, index);
    documentSymbols(file.documents);
    // About 30 offsets a file: completion re-parses the document each time, which adds up over the corpus.
    const step = Math.max(23, Math.ceil(text.length / 30));
    for (let offset = 0; offset <= text.length; offset += step) {
      const navigation = { uri, file, offset, settings: defaultSettings, index, textOf: () => text };
      hoverAt(navigation);
      completionsAt({ uri, documents: file.documents, offset, defaultNamespace: 'default', servicesIn: () => [] });
      definitionAt(navigation);
      referencesAt({ ...navigation, includeDeclaration: true, otherUris: [] });
      if (prepareRenameAt(file.documents, offset)) assert.ok(renameAt(file.documents, offset, 'renamed'));
    }
  }
});
