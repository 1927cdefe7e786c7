/**
 * What `sts status` and the preview's live column say about a StatefulSet in a cluster.
 * Plain JSON: the CLI prints it, the server sends it to the page.
 */

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
