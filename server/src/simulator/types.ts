/**
 * Shapes of the StatefulSet controller simulator. Everything here is plain JSON so that a
 * simulation can cross LSP to the webview and be printed by the CLI unchanged.
 */

export type PodManagementPolicy = 'OrderedReady' | 'Parallel';
export type UpdateStrategyType = 'RollingUpdate' | 'OnDelete';
export type RetentionAction = 'Retain' | 'Delete';

/** What-if knobs that replace values of the manifest for one simulation. */
export interface WhatIf {
  replicas?: number;
  partition?: number;
  podManagementPolicy?: PodManagementPolicy;
  /** An integer or a percentage string such as "50%". */
  maxUnavailable?: number | string;
  /** The pod with this ordinal never becomes Ready once (re)created. */
  failingOrdinal?: number;
  /** After the set is created as written, it is scaled to this many replicas (Simulation.scale). */
  scaleTo?: number;
}

export interface SimulationInput {
  /** The StatefulSet as parsed from YAML; may be malformed in any way. */
  statefulSet: unknown;
  /** The governing Service as parsed from YAML, or undefined when none was found. */
  service?: unknown;
  /** Defaults to "cluster.local". */
  clusterDomain?: string;
  /** Namespace of a StatefulSet without metadata.namespace; defaults to "default". */
  defaultNamespace?: string;
  /**
   * The feature gates in force (the service resolves them from statefulset.kubernetesVersion and
   * statefulset.featureGates); MaxUnavailableStatefulSet here wins over maxUnavailableGate.
   */
  featureGates?: Readonly<Record<string, boolean>>;
  /** The MaxUnavailableStatefulSet feature gate alone (the older input; off when neither is given). */
  maxUnavailableGate?: boolean;
  whatIf?: WhatIf;
}

/** One pod the controller will create, with everything that makes up its identity. */
export interface PodIdentity {
  ordinal: number;
  name: string;
  hostname: string;
  /** spec.subdomain, which the controller sets to serviceName even when that is empty. */
  subdomain: string;
  fqdn: string | null;
  pvcs: string[];
  labels: Record<string, string>;
  /** Revision after a template change: pods at or above start + partition get the update. */
  revision: 'updated' | 'current';
  /** Why the controller can never create this pod (its creation is refused: FailedCreate); absent when it can. */
  problem?: string;
}

export type StepAction = 'create' | 'delete' | 'recreate';

/** One step of a plan: the controller acts on these pods, then waits (or not) before the next step. */
export interface Step {
  pods: string[];
  action: StepAction;
  /**
   * How the pods of one step come up: all at once, or one after another lowest ordinal first
   * (OrderedReady recreating a maxUnavailable batch).
   */
  order: 'together' | 'lowestFirst';
  /** The next step waits until this one is done; a pod that never gets there halts the plan. */
  blocking: boolean;
  /** Human text of what the controller waits for before the next step; "" when it does not wait. */
  waitFor: string;
  /**
   * A Parallel rolling update with maxUnavailable of 2 or more: the controller deletes the next
   * pods as soon as fewer than this many are unavailable (it recomputes maxUnavailable −
   * unavailable every sync). A pod that never gets Ready keeps one slot and the update goes on
   * with the others, rather than halting. Absent on every other step.
   */
  slidingWindow?: number;
}

export type Plan = Step[];

/** What the garbage collector does with PVCs, following persistentVolumeClaimRetentionPolicy. */
export interface PvcFate {
  deleted: string[];
  kept: string[];
}

export interface PvcRetention {
  whenDeleted: RetentionAction;
  whenScaled: RetentionAction;
  /**
   * PVCs of every pod when the StatefulSet is deleted with cascading deletion. PVCs an earlier
   * scale-down kept (whenScaled: Retain) go the same way: under whenDeleted: Delete the
   * controller gave them the set's ownerReference too (ScaleImpact.pvcsAfterThenSetDeletion).
   */
  onDelete: PvcFate;
  /** PVCs of the pods removed by the scale-down plan. */
  onScaleDown: PvcFate;
}

/** What a pod that never becomes Ready does to a plan. */
export interface FailureImpact {
  /** The plan stops at the failing pod. */
  halts: boolean;
  /** Pods the plan never reaches because it halted: still running as they were. */
  neverReached: string[];
  /** Pods the plan took down (a rolling update's batch) and never brings back because it halted. */
  staysDown: string[];
  reason: string;
}

/** The PVCs the set's creation leaves, and those left once the set is then deleted (cascading). */
export interface PvcAfter {
  afterCreate: string[];
  afterSetDeletion: string[];
}

/** Scaling the set from its replicas to another count (WhatIf.scaleTo), and what becomes of the PVCs. */
export interface ScaleImpact {
  from: number;
  to: number;
  plan: Plan;
  /** Pods the scale creates, then deletes, in the order the controller acts. */
  creates: string[];
  deletes: string[];
  /** The PVCs that exist once the scale is done, starting from the set's creation as written. */
  pvcsAfter: string[];
  /** The PVCs left when the set is then deleted with cascading deletion. */
  pvcsAfterThenSetDeletion: string[];
}

export interface Failure {
  pod: string;
  create: FailureImpact;
  update: FailureImpact;
}

export interface DnsCheck {
  resolves: boolean;
  reason?: string;
}

/** How the controller rolls pods out: the StatefulSet's spec after Kubernetes defaults and the what-if. */
export interface RolloutSettings {
  /** spec.replicas as declared (after defaults and the what-if). */
  replicas: number;
  /** How many pods are simulated: replicas, capped to keep huge manifests cheap. */
  simulatedReplicas: number;
  ordinalStart: number;
  podManagementPolicy: PodManagementPolicy;
  updateStrategy: UpdateStrategyType;
  partition: number;
  /** Pods the rolling update may take down at once; 1 when the feature gate is off. */
  maxUnavailable: number;
  minReadySeconds: number;
}

export interface Simulation extends RolloutSettings {
  statefulSet: { name: string; namespace: string };
  serviceName: string | undefined;
  /** "<service>.<ns>.svc.<domain>", or null without serviceName. */
  serviceDomain: string | null;
  dns: DnsCheck;
  pods: PodIdentity[];
  plans: {
    /** From no pods to all replicas. */
    create: Plan;
    /** From all replicas to zero, the ordered shutdown. */
    scaleDown: Plan;
    /** Rolling out a template change. */
    update: Plan;
  };
  pvcRetention: PvcRetention;
  /** The claims of creation and deletion; fewer than every pod's when some pods can never be created. */
  pvcs: PvcAfter;
  failure: Failure | null;
  /** The scale of WhatIf.scaleTo; null without one. */
  scale: ScaleImpact | null;
  warnings: string[];
}

export type PodState = 'Absent' | 'Pending' | 'Running' | 'Ready' | 'Terminating';

/** One moment of a plan being carried out. */
export interface RunFrame {
  tick: number;
  /** Index of the plan step being carried out; -1 for the starting frame. */
  step: number;
  /** Every pod the plan touches, lowest ordinal first. */
  pods: { name: string; state: PodState }[];
  note: string;
  halted: boolean;
  /** Why the plan halted. */
  reason?: string;
}

export interface RunEvents {
  /** Never becomes Ready when created, or never finishes terminating when deleted. */
  failingPod?: string;
  /** Take one tick longer for each transition. */
  slowPods?: string[];
}
