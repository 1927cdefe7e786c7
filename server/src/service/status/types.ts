/**
 * What `sts status` and the preview's live column say about a StatefulSet in a cluster.
 * The shapes live in the protocol (the page renders them); the service fills them.
 */
export type { BlockReason, LiveClaim, LivePod, StatusReport } from '../../../../protocol/protocol';
