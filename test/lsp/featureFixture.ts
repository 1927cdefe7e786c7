import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before } from 'node:test';
import type { Position } from 'vscode-languageserver-protocol';
import { LspSession } from './lspClient';

// What the completion, hover and navigation tests share: a workspace folder with Services on
// disk, a StatefulSet opened in it, one spawned server over both, and requests by position.

/** Services in a file on disk that is never opened: the server knows them from its workspace scan. */
export const servicesOnDisk = `apiVersion: v1
kind: Service
metadata:
  name: web-lb
spec:
  type: LoadBalancer
  selector:
    app: web
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  clusterIP: None
  selector:
    app: web
---
apiVersion: v1
kind: Service
metadata:
  name: elsewhere
  namespace: prod
spec:
  clusterIP: None
`;

export const statefulSet = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: web
  replicas: 3
  podManagementPolicy: OrderedReady
  updateStrategy:
    type: RollingUpdate
    rollingUpdate:
      partition: 1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
        tier: db
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          volumeMounts:
            - name: "data"
              mountPath: /data
            - name: scratch
              mountPath: /tmp
      volumes:
        - name: scratch
          emptyDir: {}
  volumeClaimTemplates:
    - metadata:
        name: data   # one PVC per pod
      spec:
        accessModes: ["ReadWriteOnce"]
        resources:
          requests:
            storage: 1Gi
`;

export let session: LspSession;
let folder: string;
export let servicesUri: string;
export let stsUri: string;

/** Starts the server on the workspace before the file's tests (once the scan is done) and stops it after them. */
export function useWorkspaceSession(): void {
  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'sts-intelligence-'));
    writeFileSync(join(folder, 'services.yaml'), servicesOnDisk);
    servicesUri = pathToFileURL(join(folder, 'services.yaml')).href;
    stsUri = pathToFileURL(join(folder, 'sts.yaml')).href;
    session = new LspSession();
    await session.initialize(pathToFileURL(folder).href);
    await session.open(stsUri, statefulSet);
    // The workspace scan is done once the Service on disk is found (service-missing would say otherwise).
    await session.diagnostics(stsUri, (d) => !d.some((x) => x.code === 'service-missing'), 20_000);
  });
  after(() => session.close());
}

/** The position `delta` characters into the `occurrence`-th match of `needle`. */
export function positionOf(text: string, needle: string, delta = 0, occurrence = 1): Position {
  let at = -1;
  for (let i = 0; i < occurrence; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} not in text`);
  const before = text.slice(0, at + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - (before.lastIndexOf('\n') + 1) };
}

export function request<T>(method: string, uri: string, position?: Position, extra: Record<string, unknown> = {}): Promise<T> {
  return session.connection.sendRequest(method, { textDocument: { uri }, ...(position ? { position } : {}), ...extra });
}

export async function openEdited(name: string, text: string): Promise<string> {
  const uri = pathToFileURL(join(folder, name)).href;
  await session.open(uri, text);
  return uri;
}
