import type { ObjectPath } from '../model';
import { podTemplateRefused, portNameProblem } from './k8sSyntax';
import { containerName, templateContainers } from './podTemplate';
import { field, isRecord, isStatefulSet } from './read';
import type { Rule, RuleResult } from './types';

const probes = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const probeHandlers = ['exec', 'httpGet', 'tcpSocket', 'grpc'];
const lifecycleHandlers = ['exec', 'httpGet', 'tcpSocket', 'sleep'];
const numbers = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold', 'terminationGracePeriodSeconds'];

function portProblem(port: unknown): string | undefined {
  if (typeof port === 'number') return port >= 1 && port <= 65535 && Number.isInteger(port) ? undefined : `port ${port} is outside 1–65535`;
  if (typeof port === 'string') {
    const problem = portNameProblem(port);
    return problem ? `the port name "${port}" ${problem}` : undefined;
  }
  return undefined;
}

/** Exactly one handler, and its port when it has one. */
function handlers(value: Record<string, unknown>, at: ObjectPath, kinds: readonly string[], what: string): RuleResult[] {
  const used = kinds.filter((k) => value[k] !== undefined && value[k] !== null);
  if (used.length === 0) return [{ path: at, target: 'key', message: `${podTemplateRefused()}: ${what} needs a handler (one of ${kinds.join(', ')}).` }];
  const out: RuleResult[] = used.slice(1).map((k) => ({ path: [...at, k], target: 'key' as const, message: `${podTemplateRefused()}: ${what} may have only one handler (it has ${used.join(' and ')}).` }));
  for (const k of used) {
    const handler = value[k];
    if (!isRecord(handler)) continue;
    const problem = k === 'grpc' || k === 'httpGet' || k === 'tcpSocket' ? portProblem(handler.port) : undefined;
    if (problem) out.push({ path: [...at, k, 'port'], message: `${podTemplateRefused()}: ${what}: ${problem}.` });
    const scheme = k === 'httpGet' ? handler.scheme : undefined;
    if (typeof scheme === 'string' && scheme !== '' && scheme !== 'HTTP' && scheme !== 'HTTPS') out.push({ path: [...at, k, 'scheme'], message: `${podTemplateRefused()}: ${what}: scheme "${scheme}" is not HTTP or HTTPS.` });
    if (k === 'exec' && (!Array.isArray(handler.command) || handler.command.length === 0)) out.push({ path: [...at, k], target: 'key', message: `${podTemplateRefused()}: ${what}: exec needs a command.` });
  }
  return out;
}

/**
 * Probes and lifecycle hooks the API server refuses: no handler or more than one, a port
 * outside 1–65535 or an invalid port name, negative timings, a successThreshold other than
 * 1 on liveness and startup probes, probes on init containers that are not sidecars, and a
 * negative preStop sleep.
 */
export const probeInvalid: Rule = {
  id: 'probe-invalid',
  severity: 'error',
  scope: 'document',
  check: ({ object }) => {
    if (!isStatefulSet(object)) return [];
    const declared = field(object.value, 'spec', 'template', 'spec', 'terminationGracePeriodSeconds');
    const grace = typeof declared === 'number' ? declared : 30;
    return templateContainers(object.value).flatMap((c) => {
      const out: RuleResult[] = [];
      for (const kind of probes) {
        const probe = c.container[kind];
        if (!isRecord(probe)) continue;
        const at = [...c.path, kind];
        if (c.group === 'initContainers' && !c.sidecar) {
          out.push({ path: at, target: 'key', message: `${podTemplateRefused()}: init container ${containerName(c)} may not have a ${kind} unless it is a sidecar (restartPolicy: Always).` });
          continue;
        }
        out.push(...handlers(probe, at, probeHandlers, `the ${kind} of container ${containerName(c)}`));
        for (const n of numbers) {
          const value = probe[n];
          if (typeof value === 'number' && value < 0) out.push({ path: [...at, n], message: `${podTemplateRefused()}: ${kind}.${n} must not be negative.` });
        }
        const success = probe.successThreshold;
        if (kind !== 'readinessProbe' && typeof success === 'number' && success !== 1 && success > 0) {
          out.push({ path: [...at, 'successThreshold'], message: `${podTemplateRefused()}: a ${kind}'s successThreshold must be 1.` });
        }
      }
      const lifecycle = c.container.lifecycle;
      for (const hook of ['postStart', 'preStop']) {
        const value = field(lifecycle, hook);
        if (!isRecord(value)) continue;
        const at = [...c.path, 'lifecycle', hook];
        out.push(...handlers(value, at, lifecycleHandlers, `the ${hook} hook of container ${containerName(c)}`));
        const seconds = field(value, 'sleep', 'seconds');
        if (typeof seconds === 'number' && (seconds < 0 || seconds > grace)) out.push({ path: [...at, 'sleep'], target: 'key', message: `${podTemplateRefused()}: a ${hook} sleep must be between 0 and terminationGracePeriodSeconds (${grace}).` });
      }
      return out;
    });
  },
};
