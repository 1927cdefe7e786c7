import { t } from '../messages';
const percentPattern = /^([0-9]+)%$/;

/**
 * How many pods a rolling update may take down at once, as the controller computes it.
 *
 * With the MaxUnavailableStatefulSet gate off the field is ignored (the API server even drops it
 * on create) and updates go one pod at a time. With it on, the controller calls
 * `intstr.GetScaledValueFromIntOrPercent(maxUnavailable, replicas, false)`: a percentage is
 * rounded DOWN, then raised to at least 1 (kubernetes/kubernetes
 * pkg/controller/statefulset/stateful_set_utils.go, getStatefulSetMaxUnavailable). The API doc
 * comment says "rounding up", but the code does not.
 */
export function resolveMaxUnavailable(value: unknown, replicas: number, gateOn: boolean, warnings: string[]): number {
  if (value === undefined || value === null) return 1;
  if (!gateOn) {
    warnings.push(
      t('sim.maxUnavailable.gateOff'),
    );
    return 1;
  }
  return Math.max(1, scaledValue(value, replicas, warnings));
}

function scaledValue(value: unknown, replicas: number, warnings: string[]): number {
  if (typeof value === 'number' && Number.isInteger(value)) {
    if (value >= 1) return value;
    warnings.push(t('sim.maxUnavailable.atLeastOne', { value }));
    return 1;
  }
  const percent = typeof value === 'string' ? percentPattern.exec(value) : null;
  if (percent) {
    const share = Number(percent[1]);
    if (share === 0 || share > 100) warnings.push(t('sim.maxUnavailable.percentRange', { value: String(value) }));
    return Math.floor((Math.min(share, 100) * replicas) / 100);
  }
  warnings.push(t('sim.maxUnavailable.shape', { v: JSON.stringify(value) ?? String(value) }));
  return 1;
}
