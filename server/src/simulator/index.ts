/**
 * The pure StatefulSet controller simulator: no editor, no I/O, no clock, no randomness, so the
 * server, the CLI and the webview can all bundle it.
 */
export { simulate } from './simulate';
export { planScale, planUpdate, type ScaleContext, type UpdateContext } from './plans';
export { podNameProblem, revisionWhenRecreated } from './identity';
export { runPlan } from './run';
export { failureImpact } from './failure';
export { maxSimulatedPods } from './readStatefulSet';
export { holdEveryPodTitle, holdsEveryPodNote, partitionExceedsMessage, partitionHold, type PartitionHold } from './partition';
export type * from './types';
