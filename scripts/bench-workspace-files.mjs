// The workspace that scripts/bench-workspace.mjs indexes: N small YAML files in nested folders,
// as a repository of manifests holds them, and the file the user opens.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The file the user opens: one known finding (grace-period-zero), and a StatefulSet whose
 * Service lives only in the workspace (service-missing until the index has it). */
export const openedText = `apiVersion: v1
kind: Service
metadata:
  name: web
  labels:
    app: web
spec:
  clusterIP: None
  selector:
    app: web
  ports:
    - name: http
      port: 80
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: web
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      terminationGracePeriodSeconds: 0
      containers:
        - name: nginx
          image: nginx:1.27
          ports:
            - name: http
              containerPort: 80
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ledger
spec:
  serviceName: ledger-hl
  replicas: 3
  selector:
    matchLabels:
      app: ledger
  template:
    metadata:
      labels:
        app: ledger
    spec:
      containers:
        - name: ledger
          image: ledger:2.1
`;
/** The line of `replicas: 3` in the web StatefulSet: the edits retype its digit. */
export const replicasLine = openedText.split('\n').indexOf('  replicas: 3');

const labels = (app, tier) => `app: ${app}\n    tier: ${tier}\n    team: team-${app.length % 9}`;
const headlessService = (name, app) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  labels:
    ${labels(app, 'db')}
spec:
  clusterIP: None
  selector:
    app: ${app}
  ports:
    - name: peer
      port: 2380
    - name: client
      port: 2379
`;
const clusterIpService = (name, app) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  annotations:
    prometheus.io/scrape: "true"
spec:
  type: ClusterIP
  selector:
    app: ${app}
  ports:
    - port: 80
      targetPort: 8080
`;
const podSpec = (app, image) => `    spec:
      containers:
        - name: ${app}
          image: registry.example.com/${image}:1.${app.length}.0
          args: ["--config=/etc/${app}/config.yaml", "--log-level=info"]
          env:
            - name: POD_NAME
              valueFrom:
                fieldRef:
                  fieldPath: metadata.name
            - name: GOMAXPROCS
              value: "2"
          resources:
            requests: { cpu: 100m, memory: 128Mi }
            limits: { memory: 256Mi }
          volumeMounts:
            - name: data
              mountPath: /var/lib/${app}
`;
const statefulSet = (name, serviceName) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ${name}
spec:
  serviceName: ${serviceName}
  replicas: 3
  podManagementPolicy: Parallel
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
${podSpec(name, 'db')}  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes: ["ReadWriteOnce"]
        resources:
          requests:
            storage: 10Gi
`;
const deployment = (name) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: 2
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
${podSpec(name, 'web').replace(/ {10}volumeMounts:[\s\S]*$/, '')}`;
const configMap = (name, lines) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}
data:
  config.yaml: |
${Array.from({ length: lines }, (_, i) => `    option_${i}: "value number ${i} of ${name}"`).join('\n')}
`;
const disruptionBudget = (app) => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: ${app}
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      app: ${app}
`;
const networkPolicy = (app) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${app}-peers
spec:
  podSelector:
    matchLabels:
      app: ${app}
  policyTypes: [Ingress]
  ingress:
    - from:
        - podSelector:
            matchLabels:
              app: ${app}
      ports:
        - port: 2380
        - port: 2379
`;
const ciSteps = (i) => Array.from({ length: 12 }, (_, k) => `      - name: step ${k}\n        run: make target-${k} APP=app-${i}\n`).join('');
const notKubernetes = (i) => [
  `# CI pipeline\nname: build-${i}\non:\n  push:\n    branches: [main]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n${ciSteps(i)}`,
  `# Helm values\nreplicaCount: 3\nimage:\n  repository: registry.example.com/app-${i}\n  tag: "1.2.${i}"\nservice:\n  type: ClusterIP\n  port: 80\ningress:\n  enabled: false\nresources: {}\nextraEnv:\n${Array.from({ length: 25 }, (_, k) => `  - name: SETTING_${k}\n    value: "${k * i}"\n`).join('')}`,
  `version: "3.9"\nservices:\n  app:\n    image: app-${i}\n    ports: ["8080:8080"]\n    environment:\n${Array.from({ length: 25 }, (_, k) => `      SETTING_${k}: "${k * i}"\n`).join('')}  db:\n    image: postgres:16\n`,
][i % 3];

/** Text of workspace file i: a mix of what a repository of manifests holds, 1–3 KB each. */
function workspaceFile(i) {
  const app = `app-${i}`;
  switch (i % 20) {
    case 0: case 1: case 2: case 3: // a StatefulSet with its headless Service
      return `${headlessService(`${app}-hl`, app)}---\n${statefulSet(app, `${app}-hl`)}`;
    case 4: case 5: // a headless Service and its pods' policies (the StatefulSet is in the next file)
      return [headlessService(`${app}-peers`, app), disruptionBudget(app), networkPolicy(app)].join('---\n');
    case 6: case 7: // a StatefulSet whose Service is in the previous file
      return statefulSet(`app-${i - 2}`, `app-${i - 2}-peers`);
    case 8: case 9: case 10: case 11: // a Deployment with its ClusterIP Service
      return `${deployment(app)}---\n${clusterIpService(app, app)}`;
    case 12: case 13: case 14: case 15: case 16:
      return configMap(`${app}-config`, 20 + (i % 40));
    case 17: // several small documents
      return [configMap(`${app}-a`, 5), configMap(`${app}-b`, 5), clusterIpService(`${app}-metrics`, app)].join('---\n');
    case 18:
      return `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${app}-tls\ntype: kubernetes.io/tls\ndata:\n  tls.crt: ${'QUJD'.repeat(200)}\n  tls.key: ${'REVG'.repeat(100)}\n`;
    default:
      return notKubernetes(i);
  }
}

/** Writes the workspace into `dir`; returns the opened file's path and the sizes written. */
export function generateWorkspace(dir, count) {
  const sizes = [];
  const folders = new Set();
  const ledgerAt = Math.floor(count * 0.77); // somewhere deep in the tree, not first or last
  for (let i = 0; i < count; i++) {
    const folder = path.join(dir, `team-${i % 25}`, `service-${Math.floor(i / 25) % 40}`, i % 2 ? 'base' : 'overlays/prod');
    if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
    folders.add(folder);
    let text = workspaceFile(i);
    if (i === ledgerAt) text = `${headlessService('ledger-hl', 'ledger')}---\n${text}`;
    sizes.push(Buffer.byteLength(text));
    writeFileSync(path.join(folder, `m-${i}.${i % 10 === 9 ? 'yml' : 'yaml'}`), text);
  }
  if (count > 0) {
    writeFileSync(path.join(dir, 'README.md'), '# manifests\n');
    writeFileSync(path.join(dir, 'package.json'), '{}\n');
  }
  const opened = path.join(dir, 'apps', 'web', 'statefulset.yaml');
  mkdirSync(path.dirname(opened), { recursive: true });
  writeFileSync(opened, openedText);
  return { opened, sizes };
}
