/**
 * Every custom message between the extension client, the language server and the preview
 * page, with who sends it. Shared by all three bundles; types only, plus method names.
 */
import type { Plan, Simulation, WhatIf } from '../server/src/simulator';

export type { Simulation, WhatIf } from '../server/src/simulator';

/** A zero-based line and UTF-16 character, as LSP counts them. */
export interface Position {
  line: number;
  character: number;
}

/** client → server: simulate the StatefulSet at a position (or with a name) in an open file. */
export const previewMethod = 'statefulset/preview';

export interface PreviewParams {
  uri: string;
  /** The cursor: the StatefulSet whose document holds it. */
  position?: Position;
  /** Or the StatefulSet with this name (from the CodeLens); the first one when neither matches. */
  name?: string;
  whatIf?: WhatIf;
}

/** One StatefulSet of the file, for the page's picker. */
export interface StatefulSetRef {
  name: string;
  namespace: string;
  /** The line of its `kind:` document start, for "reveal in editor". */
  line: number;
}

/** The server's answer: null when the file holds no StatefulSet we can read. */
export type PreviewResult = {
  uri: string;
  statefulSet: StatefulSetRef;
  others: StatefulSetRef[];
  simulation: Simulation;
  /** The cluster domain and gate the simulation used, shown in the page's footer. */
  clusterDomain: string;
  maxUnavailableGate: boolean;
  /** The Kubernetes release the answer is for (statefulset.kubernetesVersion), and its StatefulSet gates as in force. */
  kubernetesVersion: string;
  featureGates: Record<string, boolean>;
  /** What applying this version over the deployed one does (off by default: statefulset.baseline names a git ref or an export); null without one. */
  impact: RolloutImpact | null;
  /** Errors that stop this StatefulSet: the page says so first and describes no rollout. Null when none. */
  blocked: PreviewBlocked | null;
  /** The rollout settings as the manifest writes them, without the what-if (the page marks what differs). */
  declared: DeclaredSettings;
  /** A chart template's preview: the release it was rendered as (the page's footer says so). */
  release?: HelmRelease;
  /** A kustomize base or patch file's preview: the overlay whose build it shows (the page's footer says so). */
  overlay?: PreviewOverlay;
} | null;

/** client → server: the overlays whose builds the preview of a base or patch file can show (for the picker), or null when none builds a StatefulSet of it. */
export const previewOverlaysMethod = 'statefulset/previewOverlays';

export interface PreviewOverlaysParams {
  uri: string;
}

/** The overlay a base or patch file's preview was built by. */
export interface PreviewOverlay {
  /** Its folder, relative to the workspace folder (`overlays/prod`). */
  name: string;
  /** Every overlay that builds this file's StatefulSets, in path order: `statefulset.kustomize.previewOverlay` picks one (default: the first). */
  all: string[];
}

/** How a chart is rendered: `helm template`'s release name, namespace, values files and --set values. */
export interface HelmRelease {
  /** The chart's folder (a path). */
  chart: string;
  releaseName: string;
  namespace: string;
  /** values.yaml and the extra values files, relative to the chart's folder where inside it. */
  valuesFiles: string[];
  set: string[];
}

/** client → server: the release a chart file renders as (for the status item), or null outside a rendered chart. */
export const chartReleaseMethod = 'statefulset/chartRelease';

export interface ChartReleaseParams {
  uri: string;
}

/** An error diagnostic of the StatefulSet's document, for the preview's "refused" banner. */
export interface PreviewProblem {
  rule: string;
  message: string;
  /** Zero-based line of the diagnostic, for "reveal in editor". */
  line: number;
}

/**
 * Why the StatefulSet never gets pods: the API server refuses the object (`refused`), or it
 * accepts it but the controller can never create its pods (`podsNeverCreated`, e.g. a pod name
 * over 63 characters).
 */
export interface PreviewBlocked {
  kind: 'refused' | 'podsNeverCreated';
  problems: PreviewProblem[];
}

/** The what-if's knobs as the manifest sets them (after Kubernetes defaults). */
export type DeclaredSettings = Pick<Simulation, 'replicas' | 'partition' | 'podManagementPolicy' | 'maxUnavailable'>;

/** extension host → page. */
export type HostMessage =
  | { type: 'preview'; preview: NonNullable<PreviewResult>; whatIf: WhatIf; live?: LiveColumn }
  | { type: 'empty'; reason: string };

/** page → extension host. */
export type PageMessage =
  | { type: 'ready' }
  | { type: 'whatIf'; whatIf: WhatIf }
  | { type: 'select'; name: string }
  | { type: 'reveal'; line: number }
  | { type: 'copy'; text: string };

/** What applying the edited StatefulSet over the deployed one does to its pods. */
export interface RolloutImpact {
  templateChanged: boolean;
  /** Replicas deployed and now. */
  replicas: { before: number; after: number };
  /** The pods that restart for the new template, in the controller's order (empty under OnDelete or a partition ≥ replicas). */
  restarts: Plan;
  /** Pods created or deleted by the change of replicas, in the controller's order. */
  scale: Plan;
  /** PVCs of scaled-down pods, kept or deleted under whenScaled. */
  pvcsKept: string[];
  pvcsDeleted: string[];
  /** One paragraph for a hover, the preview and the CLI. */
  summary: string;
}

// ---- The live cluster beside the plan (issue 26) ----

/** client → server: the contexts of the user's kubeconfig, for "StatefulSet: Connect to Cluster". */
export const clusterContextsMethod = 'statefulset/clusterContexts';

/** The contexts, or (none and) why not. */
export interface ClusterContextsResult {
  contexts: string[];
  current: string | null;
  error?: string;
}

/** client → server: connect (read-only) to a context, or disconnect with null. Refused in an untrusted workspace. */
export const connectClusterMethod = 'statefulset/connectCluster';

export interface ConnectClusterParams {
  context: string | null;
}

export interface ConnectClusterResult {
  connected: boolean;
  message: string;
}

/** client → server: the live state of the StatefulSet of this name and namespace, for the preview's live column. */
export const liveStatusMethod = 'statefulset/liveStatus';

export interface LiveStatusParams {
  namespace: string;
  name: string;
}

/** server → client: a watched object changed (or the connection did); the preview asks again. */
export const liveChangedNotification = 'statefulset/liveChanged';

/** The preview's live column: not connected, connected and the set is (not) there, or the cluster cannot be read. */
export type LiveColumn =
  | { state: 'connected'; context: string; report: StatusReport }
  | { state: 'absent'; context: string }
  | { state: 'error'; context: string; message: string };


/** Why a rollout or a scale does not go on; `none` when nothing holds it. */
export type BlockReason =
  | 'crash-loop'
  | 'image-pull'
  | 'unschedulable'
  | 'failed-create'
  | 'terminating'
  | 'partition'
  | 'on-delete'
  | 'max-unavailable'
  | 'not-ready'
  | 'none';

/** One pod as the cluster reports it. */
export interface LivePod {
  name: string;
  ordinal: number;
  phase: string;
  ready: boolean;
  /** Its controller-revision-hash label's revision: "update", "current", or "other" (neither). */
  revision: 'update' | 'current' | 'other';
  revisionHash: string;
  restarts: number;
  /** The first waiting reason of its containers (CrashLoopBackOff, ImagePullBackOff, ...). */
  waitingReason?: string;
  terminating: boolean;
  finalizers: string[];
  /** The scheduler's message when PodScheduled is False. */
  unschedulable?: string;
}

/** One claim of the set's pods. */
export interface LiveClaim {
  name: string;
  phase: string;
  size?: string;
  storageClass?: string;
  /** The pod the claim's name says it belongs to (<template>-<set>-<ordinal>). */
  pod?: string;
}

/** The diagnosis of one StatefulSet. */
export interface StatusReport {
  statefulSet: string;
  namespace: string;
  blocked: boolean;
  blockingPod: string | null;
  reason: BlockReason;
  explanation: string;
  /** Commands to copy; the tool never runs them. */
  recovery: string[];
  rollout: {
    replicas: number;
    readyReplicas: number;
    updatedReplicas: number;
    currentRevision: string;
    updateRevision: string;
    podManagementPolicy: string;
    updateStrategy: string;
    partition: number;
  };
  pods: LivePod[];
  claims: LiveClaim[];
  /** What the controller does once the block is gone (the simulator's plan from the live state). */
  next: string[];
}
