import type { Simulation, WhatIf } from '../../../protocol/protocol';
import type { CliArgs } from './args';
import { UsageError } from './usageError';
import { t } from '../messages';

/** `sts preview --scale N --fail POD` as the simulator's what-if, and the pod name to check afterwards. */
export interface PreviewWhatIf {
  whatIf: WhatIf;
  /** `--fail` as given, when it named a pod rather than an ordinal. */
  failPod: string | undefined;
}

const count = /^[0-9]{1,7}$/;

export function previewWhatIf(args: CliArgs): PreviewWhatIf {
  const whatIf: WhatIf = {};
  let failPod: string | undefined;
  const scale = args.options.get('--scale');
  if (scale !== undefined) {
    if (typeof scale !== 'string' || !count.test(scale)) throw new UsageError(t('whatIf.scale', { value: JSON.stringify(scale) }), 'preview');
    whatIf.scaleTo = Number(scale);
  }
  const fail = args.options.get('--fail');
  if (fail !== undefined) {
    // A pod is `<set>-<ordinal>`: its ordinal is what the simulator takes; the name is checked once the set is known.
    const ordinal = typeof fail === 'string' ? /(?:^|-)([0-9]{1,10})$/.exec(fail)?.[1] : undefined;
    if (typeof fail !== 'string' || ordinal === undefined) {
      throw new UsageError(t('whatIf.fail', { value: JSON.stringify(fail) }), 'preview');
    }
    whatIf.failingOrdinal = Number(ordinal);
    if (!count.test(fail)) failPod = fail;
  }
  return { whatIf, failPod };
}

/** A `--fail` that names no pod of the set is a usage error: a script must not get an answer about another pod. */
export function requireFailingPod(given: PreviewWhatIf, sim: Simulation): void {
  if (given.whatIf.failingOrdinal === undefined) return;
  const pod = sim.failure?.pod;
  if (pod !== undefined && (given.failPod === undefined || given.failPod === pod)) return;
  const first = sim.pods[0]?.name;
  const last = sim.pods[sim.pods.length - 1]?.name;
  const pods = first === undefined ? t('whatIf.noPods') : first === last ? t('whatIf.onePod', { first }) : t('whatIf.pods', { first, last: last ?? '' });
  throw new UsageError(t('whatIf.noSuchPod', { pod: given.failPod ?? String(given.whatIf.failingOrdinal), name: sim.statefulSet.name, pods }), 'preview');
}
