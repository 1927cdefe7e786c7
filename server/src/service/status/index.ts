/** Why a StatefulSet in a cluster is stuck, from its live objects: pure, no I/O. */
export { diagnose, type DiagnoseOptions } from './diagnose';
export { liveObjectsOf, emptyLiveObjects, type LiveObjects } from './liveObjects';
export type * from './types';
