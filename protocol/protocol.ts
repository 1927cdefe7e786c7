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
  /** What applying this version over the deployed one does (off by default: statefulset.baseline names a git ref or an export); null without one. */
  impact: RolloutImpact | null;
  /** Errors that stop this StatefulSet: the page says so first and describes no rollout. Null when none. */
  blocked: PreviewBlocked | null;
  /** The rollout settings as the manifest writes them, without the what-if (the page marks what differs). */
  declared: DeclaredSettings;
  /** A chart template's preview: the release it was rendered as (the page's footer says so). */
  release?: HelmRelease;
} | null;

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
  | { type: 'preview'; preview: NonNullable<PreviewResult>; whatIf: WhatIf }
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
