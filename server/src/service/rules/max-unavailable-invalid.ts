import { field, isRollingUpdate, isStatefulSet } from './read';
import type { Rule } from './types';
import { gateOn, gateReason } from '../versions/gates';
import { t } from '../../messages';

/** Why the API server refuses a maxUnavailable value, or undefined when it is valid. */
export function maxUnavailableProblem(value: unknown): string | undefined {
  if (typeof value === 'number') {
    if (value < 0) return t('max-unavailable-invalid.negative');
    return value === 0 ? t('max-unavailable-invalid.zero') : undefined;
  }
  if (typeof value !== 'string') return undefined;
  const percent = /^([0-9]+)%$/.exec(value);
  if (!percent) return t('max-unavailable-invalid.shape');
  const amount = Number(percent[1]);
  if (amount === 0) return t('max-unavailable-invalid.zero');
  return amount > 100 ? t('max-unavailable-invalid.over100') : undefined;
}

/**
 * maxUnavailable is validated only where the MaxUnavailableStatefulSet gate is on (the 1.37
 * default); with the gate off (1.31 to 1.36) the API server drops the field instead.
 */
export const maxUnavailableInvalid: Rule = {
  id: 'max-unavailable-invalid',
  severity: 'error',
  scope: 'document',
  check: ({ object, settings }) => {
    const value = field(object.value, 'spec', 'updateStrategy', 'rollingUpdate', 'maxUnavailable');
    const problem = isStatefulSet(object) && isRollingUpdate(object.value) ? maxUnavailableProblem(value) : undefined;
    if (!problem) return [];
    const path = ['spec', 'updateStrategy', 'rollingUpdate', 'maxUnavailable'];
    const reason = gateReason(settings, 'MaxUnavailableStatefulSet');
    if (gateOn(settings, 'MaxUnavailableStatefulSet')) return [{ path, message: t('max-unavailable-invalid.rejected', { v: JSON.stringify(value), problem, reason }) }];
    // With the gate off the API server drops the field before validating: accepted, but not what was meant.
    return [{
      path,
      severity: 'warning',
      message: t('max-unavailable-invalid.dropped', { v: JSON.stringify(value), problem, reason }),
    }];
  },
};
