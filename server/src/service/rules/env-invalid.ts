import { canonicalQuantity, dnsSubdomainProblem, envNameProblem, podTemplateRefused } from './k8sSyntax';
import { containerName, templateContainers } from './podTemplate';
import { field, isRecord, isStatefulSet, records } from './read';
import type { Rule, RuleResult } from './types';
import { t } from '../../messages';

const sources = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef', 'fileKeyRef'];
const fieldPaths = ['metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName',
  'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs'];
const subscripted = /^metadata\.(labels|annotations)\['[^']+'\]$/;
/** What a resourceFieldRef may name (validContainerResourceFieldPathExpressions), and hugepages by prefix. */
const resourceFields = ['limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage'];
const hugepages = /^(limits|requests)\.hugepages-/;
/** The divisors validateContainerResourceDivisor takes, by resource, as Quantity.String() writes them. */
const byteDivisors = ['1', '1k', '1M', '1G', '1T', '1P', '1E', '1Ki', '1Mi', '1Gi', '1Ti', '1Pi', '1Ei'];
function divisorsOf(resource: string): readonly string[] | undefined {
  if (resource.endsWith('.cpu')) return ['1m', '1'];
  if (resource.endsWith('.memory') || resource.endsWith('.ephemeral-storage') || hugepages.test(resource)) return byteDivisors;
  return undefined;
}

/** A ConfigMap or Secret key: [-._a-zA-Z0-9]+, at most 253 characters, not "." or "..". */
function configKey(key: string): boolean {
  return /^[-._a-zA-Z0-9]+$/.test(key) && key.length <= 253 && key !== '.' && key !== '..';
}

/**
 * Environment variables the API server refuses: a name that is empty or holds '=' or a
 * non-printable character, `value` together with `valueFrom`, a `valueFrom` with no source
 * or more than one, a downward-API fieldPath or resourceFieldRef resource it does not support, and an envFrom prefix
 * that is not a valid name.
 */
export const envInvalid: Rule = {
  id: 'env-invalid',
  severity: 'error',
  scope: 'document',
  check: ({ object }) => {
    if (!isStatefulSet(object)) return [];
    return templateContainers(object.value).flatMap((c) => [
      ...records(c.container.env).flatMap((env, i): RuleResult[] => {
        const at = [...c.path, 'env', i];
        const out: RuleResult[] = [];
        const { name, value, valueFrom } = env;
        if (name === undefined || name === '') out.push({ path: name === undefined ? at : [...at, 'name'], message: t('env-invalid.noName', { refused: podTemplateRefused(), container: containerName(c) }) });
        else if (typeof name === 'string') {
          const problem = envNameProblem(name);
          if (problem) out.push({ path: [...at, 'name'], message: t('env-invalid.badName', { refused: podTemplateRefused(), name, problem }) });
        }
        if (isRecord(valueFrom)) {
          if (typeof value === 'string' && value !== '') out.push({ path: [...at, 'valueFrom'], target: 'key', message: t('env-invalid.valueAndValueFrom', { refused: podTemplateRefused(), name: String(name) }) });
          const used = sources.filter((s) => valueFrom[s] !== undefined && valueFrom[s] !== null);
          if (used.length !== 1) out.push({ path: [...at, 'valueFrom'], target: 'key', message: t('env-invalid.valueFromSources', { refused: podTemplateRefused(), name: String(name), v: sources.join(', '), v2: used.length ? t('env-invalid.itNames', { names: used.join(', ') }) : '' }) });
          for (const ref of ['configMapKeyRef', 'secretKeyRef']) {
            if (!isRecord(valueFrom[ref])) continue;
            const refName = field(valueFrom, ref, 'name');
            const bad = refName === undefined || refName === null || refName === '' ? t('k8s.notEmpty') : typeof refName === 'string' ? dnsSubdomainProblem(refName) : undefined;
            if (bad) out.push({ path: [...at, 'valueFrom', ref, ...(refName === undefined ? [] : ['name'])], message: t('env-invalid.refName', { refused: podTemplateRefused(), ref, refName: String(refName), bad }) });
            const key = field(valueFrom, ref, 'key');
            if (typeof key === 'string' && !configKey(key)) out.push({ path: [...at, 'valueFrom', ref, 'key'], message: t('env-invalid.refKey', { refused: podTemplateRefused(), ref, key }) });
          }
          const fieldPath = isRecord(valueFrom.fieldRef) ? valueFrom.fieldRef.fieldPath : undefined;
          // An empty apiVersion is defaulted to v1; the downward API converts pod fields of v1 only.
          const apiVersion = isRecord(valueFrom.fieldRef) ? valueFrom.fieldRef.apiVersion : undefined;
          if (typeof fieldPath === 'string' && fieldPath !== '' && typeof apiVersion === 'string' && apiVersion !== '' && apiVersion !== 'v1') {
            out.push({ path: [...at, 'valueFrom', 'fieldRef'], target: 'key', message: t('env-invalid.fieldRefVersion', { refused: podTemplateRefused(), apiVersion }) });
          } else if (typeof fieldPath === 'string' && !fieldPaths.includes(fieldPath) && !subscripted.test(fieldPath)) {
            out.push({ path: [...at, 'valueFrom', 'fieldRef', 'fieldPath'], message: t('env-invalid.fieldPath', { refused: podTemplateRefused(), fieldPath, v: fieldPaths.join(', ') }) });
          }
          const resourceRef = valueFrom.resourceFieldRef;
          if (isRecord(resourceRef)) {
            const { resource } = resourceRef;
            if (resource === undefined || resource === null || resource === '') {
              out.push({ path: [...at, 'valueFrom', 'resourceFieldRef', ...(resource === undefined ? [] : ['resource'])], target: 'key', message: t('env-invalid.resourceRequired', { refused: podTemplateRefused() }) });
            } else if (typeof resource === 'string' && !resourceFields.includes(resource) && !hugepages.test(resource)) {
              out.push({ path: [...at, 'valueFrom', 'resourceFieldRef', 'resource'], message: t('env-invalid.resourceField', { refused: podTemplateRefused(), resource, v: resourceFields.join(', ') }) });
            }
            // A zero divisor is an unset one.
            const divisor = canonicalQuantity(resourceRef.divisor);
            const allowed = typeof resource === 'string' ? divisorsOf(resource) : undefined;
            if (divisor !== undefined && divisor !== '0' && allowed && !allowed.includes(divisor)) {
              out.push({ path: [...at, 'valueFrom', 'resourceFieldRef', 'divisor'], message: t('env-invalid.divisor', { refused: podTemplateRefused(), divisor: String(resourceRef.divisor), resource: String(resource), v: allowed.join(', ') }) });
            }
          }
        }
        return out;
      }),
      ...records(c.container.envFrom).flatMap((from, i): RuleResult[] => {
        const out: RuleResult[] = [];
        const problem = typeof from.prefix === 'string' && from.prefix !== '' ? envNameProblem(from.prefix) : undefined;
        if (problem) out.push({ path: [...c.path, 'envFrom', i, 'prefix'], message: t('env-invalid.prefix', { refused: podTemplateRefused(), prefix: String(from.prefix), problem }) });
        if (!isRecord(from.configMapRef) && !isRecord(from.secretRef)) out.push({ path: [...c.path, 'envFrom', i], message: t('env-invalid.fromRef', { refused: podTemplateRefused() }) });
        for (const ref of ['configMapRef', 'secretRef']) {
          if (!isRecord(from[ref])) continue;
          const refName = field(from, ref, 'name');
          const bad = refName === undefined || refName === null || refName === '' ? t('k8s.notEmpty') : typeof refName === 'string' ? dnsSubdomainProblem(refName) : undefined;
          if (bad) out.push({ path: [...c.path, 'envFrom', i, ref, ...(refName === undefined ? [] : ['name'])], message: t('env-invalid.fromRefName', { refused: podTemplateRefused(), ref, refName: String(refName), bad }) });
        }
        return out;
      }),
    ]);
  },
};
