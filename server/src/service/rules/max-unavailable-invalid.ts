import { field, isRollingUpdate, isStatefulSet } from './read';
import type { Rule } from './types';
import { gateOn, gateReason } from '../versions/gates';

/** Why the API server refuses a maxUnavailable value, or undefined when it is valid. */
export function maxUnavailableProblem(value: unknown): string | undefined {
  if (typeof value === 'number') {
    if (value < 0) return 'must be greater than or equal to 0';
    return value === 0 ? 'cannot be 0' : undefined;
  }
  if (typeof value !== 'string') return undefined;
  const percent = /^([0-9]+)%$/.exec(value);
  if (!percent) return 'must be a whole number or a percentage such as "25%"';
  const amount = Number(percent[1]);
  if (amount === 0) return 'cannot be 0';
  return amount > 100 ? 'must not be greater than 100%' : undefined;
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
    if (gateOn(settings, 'MaxUnavailableStatefulSet')) return [{ path, message: `maxUnavailable ${JSON.stringify(value)} ${problem}: the API server rejects it (${reason}).` }];
    // With the gate off the API server drops the field before validating: accepted, but not what was meant.
    return [{
      path,
      severity: 'warning',
      message: `maxUnavailable ${JSON.stringify(value)} ${problem}. With ${reason} the API server drops the field and accepts the StatefulSet; clusters with the gate on (the 1.37 default) reject it.`,
    }];
  },
};
