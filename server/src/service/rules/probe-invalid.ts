import type { ObjectPath } from '../model';
import { podTemplateRefused, portNameProblem } from './k8sSyntax';
import { containerName, templateContainers } from './podTemplate';
import { field, isRecord, isStatefulSet } from './read';
import type { Rule, RuleResult } from './types';
import { listOf, t } from '../../messages';

const probes = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const probeHandlers = ['exec', 'httpGet', 'tcpSocket', 'grpc'];
const lifecycleHandlers = ['exec', 'httpGet', 'tcpSocket', 'sleep'];
const numbers = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold', 'terminationGracePeriodSeconds'];

function portProblem(port: unknown): string | undefined {
  if (typeof port === 'number') return port >= 1 && port <= 65535 && Number.isInteger(port) ? undefined : t('probe-invalid.portRange', { port });
  if (typeof port === 'string') {
    const problem = portNameProblem(port);
    return problem ? t('probe-invalid.portName', { port, problem }) : undefined;
  }
  return undefined;
}

/** Exactly one handler, and its port when it has one. */
function handlers(value: Record<string, unknown>, at: ObjectPath, kinds: readonly string[], what: string): RuleResult[] {
  const used = kinds.filter((k) => value[k] !== undefined && value[k] !== null);
  if (used.length === 0) return [{ path: at, target: 'key', message: t('probe-invalid.noHandler', { refused: podTemplateRefused(), what, v: kinds.join(', ') }) }];
  const out: RuleResult[] = used.slice(1).map((k) => ({ path: [...at, k], target: 'key' as const, message: t('probe-invalid.oneHandler', { refused: podTemplateRefused(), what, v: listOf(used, ' and ') }) }));
  for (const k of used) {
    const handler = value[k];
    if (!isRecord(handler)) continue;
    const problem = k === 'grpc' || k === 'httpGet' || k === 'tcpSocket' ? portProblem(handler.port) : undefined;
    if (problem) out.push({ path: [...at, k, 'port'], message: t('probe-invalid.handlerProblem', { refused: podTemplateRefused(), what, problem }) });
    const scheme = k === 'httpGet' ? handler.scheme : undefined;
    if (typeof scheme === 'string' && scheme !== '' && scheme !== 'HTTP' && scheme !== 'HTTPS') out.push({ path: [...at, k, 'scheme'], message: t('probe-invalid.scheme', { refused: podTemplateRefused(), what, scheme }) });
    if (k === 'exec' && (!Array.isArray(handler.command) || handler.command.length === 0)) out.push({ path: [...at, k], target: 'key', message: t('probe-invalid.execCommand', { refused: podTemplateRefused(), what }) });
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
          out.push({ path: at, target: 'key', message: t('probe-invalid.initContainer', { refused: podTemplateRefused(), container: containerName(c), kind }) });
          continue;
        }
        out.push(...handlers(probe, at, probeHandlers, t('probe-invalid.probeOf', { kind, container: containerName(c) })));
        for (const n of numbers) {
          const value = probe[n];
          if (typeof value === 'number' && value < 0) out.push({ path: [...at, n], message: t('probe-invalid.negative', { refused: podTemplateRefused(), kind, n }) });
        }
        const success = probe.successThreshold;
        if (kind !== 'readinessProbe' && typeof success === 'number' && success !== 1 && success > 0) {
          out.push({ path: [...at, 'successThreshold'], message: t('probe-invalid.successThreshold', { refused: podTemplateRefused(), kind }) });
        }
      }
      const lifecycle = c.container.lifecycle;
      for (const hook of ['postStart', 'preStop']) {
        const value = field(lifecycle, hook);
        if (!isRecord(value)) continue;
        const at = [...c.path, 'lifecycle', hook];
        out.push(...handlers(value, at, lifecycleHandlers, t('probe-invalid.hookOf', { hook, container: containerName(c) })));
        const seconds = field(value, 'sleep', 'seconds');
        if (typeof seconds === 'number' && (seconds < 0 || seconds > grace)) out.push({ path: [...at, 'sleep'], target: 'key', message: t('probe-invalid.sleep', { refused: podTemplateRefused(), hook, grace }) });
      }
      return out;
    });
  },
};
