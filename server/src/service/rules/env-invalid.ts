import { dnsSubdomainProblem, envNameProblem, podTemplateRefused } from './k8sSyntax';
import { containerName, templateContainers } from './podTemplate';
import { field, isRecord, isStatefulSet, records } from './read';
import type { Rule, RuleResult } from './types';

const sources = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef', 'fileKeyRef'];
const fieldPaths = ['metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName',
  'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs'];
const subscripted = /^metadata\.(labels|annotations)\['[^']+'\]$/;

/** A ConfigMap or Secret key: [-._a-zA-Z0-9]+, at most 253 characters, not "." or "..". */
function configKey(key: string): boolean {
  return /^[-._a-zA-Z0-9]+$/.test(key) && key.length <= 253 && key !== '.' && key !== '..';
}

/**
 * Environment variables the API server refuses: a name that is empty or holds '=' or a
 * non-printable character, `value` together with `valueFrom`, a `valueFrom` with no source
 * or more than one, a downward-API fieldPath it does not support, and an envFrom prefix
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
        if (name === undefined || name === '') out.push({ path: name === undefined ? at : [...at, 'name'], message: `${podTemplateRefused}: an environment variable of container ${containerName(c)} needs a name.` });
        else if (typeof name === 'string') {
          const problem = envNameProblem(name);
          if (problem) out.push({ path: [...at, 'name'], message: `${podTemplateRefused}: the environment variable name "${name}" ${problem}.` });
        }
        if (isRecord(valueFrom)) {
          if (typeof value === 'string' && value !== '') out.push({ path: [...at, 'valueFrom'], target: 'key', message: `${podTemplateRefused}: "${String(name)}" sets both value and valueFrom; keep one.` });
          const used = sources.filter((s) => valueFrom[s] !== undefined && valueFrom[s] !== null);
          if (used.length !== 1) out.push({ path: [...at, 'valueFrom'], target: 'key', message: `${podTemplateRefused}: valueFrom of "${String(name)}" must name exactly one of ${sources.join(', ')}${used.length ? ` (it names ${used.join(', ')})` : ''}.` });
          for (const ref of ['configMapKeyRef', 'secretKeyRef']) {
            if (!isRecord(valueFrom[ref])) continue;
            const refName = field(valueFrom, ref, 'name');
            const bad = refName === undefined || refName === null || refName === '' ? 'must not be empty' : typeof refName === 'string' ? dnsSubdomainProblem(refName) : undefined;
            if (bad) out.push({ path: [...at, 'valueFrom', ref, ...(refName === undefined ? [] : ['name'])], message: `${podTemplateRefused}: the ${ref} name "${String(refName)}" ${bad}.` });
            const key = field(valueFrom, ref, 'key');
            if (typeof key === 'string' && !configKey(key)) out.push({ path: [...at, 'valueFrom', ref, 'key'], message: `${podTemplateRefused}: the ${ref} key "${key}" must be a config key (letters, digits, '-', '_' and '.', not "." or "..").` });
          }
          const fieldPath = isRecord(valueFrom.fieldRef) ? valueFrom.fieldRef.fieldPath : undefined;
          if (typeof fieldPath === 'string' && !fieldPaths.includes(fieldPath) && !subscripted.test(fieldPath)) {
            out.push({ path: [...at, 'valueFrom', 'fieldRef', 'fieldPath'], message: `${podTemplateRefused}: the downward API does not support fieldPath "${fieldPath}" in env (supported: ${fieldPaths.join(', ')}, metadata.labels['KEY'], metadata.annotations['KEY']).` });
          }
        }
        return out;
      }),
      ...records(c.container.envFrom).flatMap((from, i): RuleResult[] => {
        const out: RuleResult[] = [];
        const problem = typeof from.prefix === 'string' && from.prefix !== '' ? envNameProblem(from.prefix) : undefined;
        if (problem) out.push({ path: [...c.path, 'envFrom', i, 'prefix'], message: `${podTemplateRefused}: the envFrom prefix "${String(from.prefix)}" ${problem}.` });
        if (!isRecord(from.configMapRef) && !isRecord(from.secretRef)) out.push({ path: [...c.path, 'envFrom', i], message: `${podTemplateRefused}: an envFrom entry must name a configMapRef or a secretRef.` });
        for (const ref of ['configMapRef', 'secretRef']) {
          if (!isRecord(from[ref])) continue;
          const refName = field(from, ref, 'name');
          const bad = refName === undefined || refName === null || refName === '' ? 'must not be empty' : typeof refName === 'string' ? dnsSubdomainProblem(refName) : undefined;
          if (bad) out.push({ path: [...c.path, 'envFrom', i, ref, ...(refName === undefined ? [] : ['name'])], message: `${podTemplateRefused}: the envFrom ${ref} name "${String(refName)}" ${bad}.` });
        }
        return out;
      }),
    ]);
  },
};
