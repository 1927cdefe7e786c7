import type { ObjectPath } from '../model';
import { refusedOnCreate } from './k8sSyntax';
import { templateContainers } from './podTemplate';
import { field, isStatefulSet, records } from './read';
import type { Rule, RuleResult } from './types';
import { t } from '../../messages';

const int32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };
const setFields: ObjectPath[] = [['spec', 'replicas'], ['spec', 'minReadySeconds'], ['spec', 'revisionHistoryLimit'], ['spec', 'ordinals', 'start'],
  ['spec', 'updateStrategy', 'rollingUpdate', 'partition'], ['spec', 'updateStrategy', 'rollingUpdate', 'maxUnavailable']];
const probeFields = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'];

function at(value: unknown, path: ObjectPath): unknown {
  let node = value;
  for (const key of path) node = typeof key === 'number' ? (Array.isArray(node) ? node[key] : undefined) : field(node, key);
  return node;
}

/**
 * Integers the API server cannot decode: fields typed int32 (replicas, ports, probe timings,
 * ...) given a value outside −2147483648…2147483647. The request fails before validation
 * with `cannot unmarshal number ... of type int32`.
 */
export const integerOutOfRange: Rule = {
  id: 'integer-out-of-range',
  severity: 'error',
  scope: 'document',
  check: ({ object }) => {
    if (!isStatefulSet(object)) return [];
    const paths: ObjectPath[] = [...setFields];
    for (const c of templateContainers(object.value)) {
      records(c.container.ports).forEach((_, i) => paths.push([...c.path, 'ports', i, 'containerPort'], [...c.path, 'ports', i, 'hostPort']));
      for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) for (const f of probeFields) paths.push([...c.path, probe, f]);
    }
    return paths.flatMap((path): RuleResult[] => {
      const value = at(object.value, path);
      return typeof value === 'number' && Number.isInteger(value) && (value < int32.min || value > int32.max)
        ? [{ path, message: t('integer-out-of-range.message', { refused: refusedOnCreate(), value, max: int32.max }) }]
        : [];
    });
  },
};
