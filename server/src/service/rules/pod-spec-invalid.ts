import { isIP } from 'node:net';
import type { ObjectPath } from '../model';
import { dnsLabelProblem, dnsSubdomainProblem, podTemplateRefused, qualifiedNameProblem } from './k8sSyntax';
import { checkExpressions, checkMap } from './label-invalid';
import { containerName, podSpecOf, podSpecPath, templateContainers, templateVolumes } from './podTemplate';
import { field, isRecord, isStatefulSet, records } from './read';
import type { Rule, RuleResult } from './types';

const dnsPolicies = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const effects = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const volumeSources = ['hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi',
  'glusterfs', 'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc', 'azureFile',
  'configMap', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected', 'portworxVolume', 'scaleIO',
  'storageos', 'csi', 'ephemeral', 'image'];
const maxId = 2147483647;
const say = (path: ObjectPath, message: string, target?: 'key'): RuleResult => ({ path, message: `${podTemplateRefused()}: ${message}`, ...(target ? { target } : {}) });

function ids(context: unknown, at: ObjectPath, keys: readonly string[]): RuleResult[] {
  return keys.flatMap((key) => {
    const value = field(context, key);
    return typeof value === 'number' && (value < 0 || value > maxId) ? [say([...at, key], `${key} ${value} is outside 0–${maxId}.`)] : [];
  });
}

const sysctlName = /^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$/;

/** An affinity term's namespaces: each a DNS label. */
function namespaces(term: unknown, path: ObjectPath): RuleResult[] {
  const list = field(term, 'namespaces');
  return (Array.isArray(list) ? list : []).flatMap((ns: unknown, j) => {
    const problem = typeof ns === 'string' ? dnsLabelProblem(ns) : undefined;
    return problem ? [say([...path, 'namespaces', j], `the namespace "${String(ns)}" ${problem}.`)] : [];
  });
}

/** A label selector of an affinity term or spread constraint: keys, values and expressions. */
function selector(value: unknown, path: ObjectPath): RuleResult[] {
  return [...checkMap(field(value, 'matchLabels'), [...path, 'matchLabels'], 'selector', podTemplateRefused()),
    ...checkExpressions(field(value, 'matchExpressions'), [...path, 'matchExpressions'], podTemplateRefused())];
}

/** Required affinity terms need a topologyKey; required node affinity needs a term; selectors must be valid. */
function affinity(value: unknown): RuleResult[] {
  const at = [...podSpecPath, 'affinity'];
  const out: RuleResult[] = [];
  const terms = field(value, 'nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms');
  if (Array.isArray(terms) && terms.length === 0) out.push(say([...at, 'nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms'], 'required node affinity needs at least one nodeSelectorTerm.'));
  for (const kind of ['podAffinity', 'podAntiAffinity']) {
    records(field(value, kind, 'requiredDuringSchedulingIgnoredDuringExecution')).forEach((term, i) => {
      const termPath = [...at, kind, 'requiredDuringSchedulingIgnoredDuringExecution', i];
      if (typeof term.topologyKey === 'string' && term.topologyKey !== '' && qualifiedNameProblem(term.topologyKey)) out.push(say([...termPath, 'topologyKey'], `topologyKey "${term.topologyKey}" is invalid: ${qualifiedNameProblem(term.topologyKey) ?? ''}.`));
      if (typeof term.topologyKey !== 'string' || term.topologyKey === '') out.push(say([...termPath, ...(term.topologyKey === undefined ? [] : ['topologyKey'])], `a ${kind} term needs a topologyKey (e.g. kubernetes.io/hostname).`));
      out.push(...selector(term.labelSelector, [...termPath, 'labelSelector']), ...selector(term.namespaceSelector, [...termPath, 'namespaceSelector']), ...namespaces(term, termPath));
    });
    records(field(value, kind, 'preferredDuringSchedulingIgnoredDuringExecution')).forEach((weighted, i) => {
      const term = field(weighted, 'podAffinityTerm');
      const key = field(term, 'topologyKey');
      const termPath = [...at, kind, 'preferredDuringSchedulingIgnoredDuringExecution', i, 'podAffinityTerm'];
      const weight = field(weighted, 'weight');
      if (typeof weight === 'number' && (weight < 1 || weight > 100)) out.push(say([...at, kind, 'preferredDuringSchedulingIgnoredDuringExecution', i, 'weight'], `a preferred ${kind} term's weight must be 1–100.`));
      if (typeof key === 'string' && key !== '' && qualifiedNameProblem(key)) out.push(say([...termPath, 'topologyKey'], `topologyKey "${key}" is invalid: ${qualifiedNameProblem(key) ?? ''}.`));
      if (isRecord(term) && (typeof key !== 'string' || key === '')) out.push(say([...termPath, ...(key === undefined ? [] : ['topologyKey'])], `a ${kind} term needs a topologyKey (e.g. kubernetes.io/hostname).`));
      out.push(...selector(field(term, 'labelSelector'), [...termPath, 'labelSelector']), ...selector(field(term, 'namespaceSelector'), [...termPath, 'namespaceSelector']), ...namespaces(term, termPath));
    });
  }
  return out;
}

function tolerations(spec: unknown): RuleResult[] {
  return records(field(spec, 'tolerations')).flatMap((t, i) => {
    const at = [...podSpecPath, 'tolerations', i];
    const out: RuleResult[] = [];
    const { key, operator, value, effect, tolerationSeconds } = t;
    if (typeof key === 'string' && key !== '') {
      const problem = qualifiedNameProblem(key);
      if (problem) out.push(say([...at, 'key'], `the toleration key "${key}" is invalid: ${problem}.`));
    } else if (operator !== 'Exists' && (operator === undefined || operator === '' || operator === 'Equal')) {
      out.push(say([...at, 'operator'], 'a toleration without a key must use operator Exists.', 'key'));
    }
    if (typeof operator === 'string' && operator !== '' && operator !== 'Equal' && operator !== 'Exists') {
      out.push(say([...at, 'operator'], `toleration operator "${operator}" is not Equal or Exists.`));
    } else if (operator === 'Exists' && typeof value === 'string' && value !== '') {
      out.push(say([...at, 'operator'], 'a toleration with operator Exists must not have a value.'));
    }
    if (typeof effect === 'string' && effect !== '' && !effects.includes(effect)) out.push(say([...at, 'effect'], `toleration effect "${effect}" is not one of ${effects.join(', ')}.`));
    else if (tolerationSeconds !== undefined && tolerationSeconds !== null && effect !== 'NoExecute') out.push(say([...at, ...(effect === undefined ? [] : ['effect'])], 'tolerationSeconds needs effect NoExecute.'));
    return out;
  });
}

function volumes(value: unknown): RuleResult[] {
  const seen = new Set<string>();
  return templateVolumes(value).flatMap(({ volume, index: i }) => {
    const at = [...podSpecPath, 'volumes', i];
    const out: RuleResult[] = [];
    const { name } = volume;
    if (name === undefined || name === '') out.push(say(name === undefined ? at : [...at, 'name'], 'a volume needs a name.'));
    else if (typeof name === 'string') {
      const problem = dnsLabelProblem(name);
      if (problem) out.push(say([...at, 'name'], `the volume name "${name}" ${problem}.`));
      else if (seen.has(name)) out.push(say([...at, 'name'], `two volumes are named "${name}".`));
      seen.add(name);
    }
    // A volume with no source is defaulted to emptyDir, so only a second source is refused.
    const used = volumeSources.filter((s) => volume[s] !== undefined && volume[s] !== null);
    for (const extra of used.slice(1)) out.push(say([...at, extra], `a volume may have only one source (it has ${used.join(' and ')}).`, 'key'));
    return out;
  });
}

/**
 * Pod-level fields of the template that the API server refuses: dnsPolicy and dnsConfig,
 * tolerations, user and group IDs, privileged containers that forbid privilege escalation,
 * volumes (names, duplicates, at most one source), serviceAccountName and priorityClassName,
 * preemptionPolicy, hostAliases, topology spread constraints, shareProcessNamespace with
 * hostPID, and os.name.
 */
export const podSpecInvalid: Rule = {
  id: 'pod-spec-invalid',
  severity: 'error',
  scope: 'document',
  check: ({ object }) => {
    if (!isStatefulSet(object)) return [];
    const spec = podSpecOf(object.value);
    if (!isRecord(spec)) return [];
    const p = podSpecPath;
    const out: RuleResult[] = [];
    const { dnsPolicy, dnsConfig, serviceAccountName, priorityClassName, preemptionPolicy } = spec;
    if (typeof dnsPolicy === 'string' && dnsPolicy !== '' && !dnsPolicies.includes(dnsPolicy)) out.push(say([...p, 'dnsPolicy'], `dnsPolicy "${dnsPolicy}" is not one of ${dnsPolicies.join(', ')}.`));
    if (dnsPolicy === 'None' && !isRecord(dnsConfig)) out.push(say([...p, 'dnsPolicy'], 'dnsPolicy None needs a dnsConfig.'));
    else if (dnsPolicy === 'None' && !(Array.isArray(field(dnsConfig, 'nameservers')) && (field(dnsConfig, 'nameservers') as unknown[]).length > 0)) out.push(say([...p, 'dnsConfig'], 'dnsPolicy None needs at least one dnsConfig nameserver.', 'key'));
    const nameservers = field(dnsConfig, 'nameservers');
    if (Array.isArray(nameservers)) nameservers.forEach((ip, i) => { if (typeof ip === 'string' && !isIP(ip)) out.push(say([...p, 'dnsConfig', 'nameservers', i], `nameserver "${ip}" is not an IP address.`)); });
    out.push(...tolerations(spec), ...volumes(object.value));
    out.push(...ids(spec.securityContext, [...p, 'securityContext'], ['runAsUser', 'runAsGroup', 'fsGroup']));
    for (const c of templateContainers(object.value)) {
      const sc = c.container.securityContext;
      out.push(...ids(sc, [...c.path, 'securityContext'], ['runAsUser', 'runAsGroup']));
      if (field(sc, 'allowPrivilegeEscalation') === false && field(sc, 'privileged') === true) {
        out.push(say([...c.path, 'securityContext', 'allowPrivilegeEscalation'], `container ${containerName(c)} is privileged and so cannot set allowPrivilegeEscalation: false.`));
      }
    }
    for (const [key, value] of [['serviceAccountName', serviceAccountName], ['priorityClassName', priorityClassName]] as const) {
      const problem = typeof value === 'string' && value !== '' ? dnsSubdomainProblem(value) : undefined;
      if (problem) out.push(say([...p, key], `${key} "${String(value)}" ${problem}.`));
    }
    if (typeof preemptionPolicy === 'string' && preemptionPolicy !== 'PreemptLowerPriority' && preemptionPolicy !== 'Never') out.push(say([...p, 'preemptionPolicy'], `preemptionPolicy "${preemptionPolicy}" is not PreemptLowerPriority or Never.`));
    records(spec.hostAliases).forEach((alias, i) => { if (typeof alias.ip === 'string' && !isIP(alias.ip)) out.push(say([...p, 'hostAliases', i, 'ip'], `hostAliases ip "${alias.ip}" is not an IP address.`)); });
    const spreads = new Set<string>();
    records(spec.topologySpreadConstraints).forEach((t, i) => {
      const spread = `${String(t.topologyKey)}/${String(t.whenUnsatisfiable)}`;
      if (spreads.has(spread)) out.push(say([...p, 'topologySpreadConstraints', i], `two topologySpreadConstraints have topologyKey ${String(t.topologyKey)} and whenUnsatisfiable ${String(t.whenUnsatisfiable)}.`));
      spreads.add(spread);
      out.push(...selector(t.labelSelector, [...p, 'topologySpreadConstraints', i, 'labelSelector']));
      if (typeof t.maxSkew === 'number' && t.maxSkew <= 0) out.push(say([...p, 'topologySpreadConstraints', i, 'maxSkew'], 'maxSkew must be greater than zero.'));
      if (typeof t.whenUnsatisfiable === 'string' && t.whenUnsatisfiable !== 'DoNotSchedule' && t.whenUnsatisfiable !== 'ScheduleAnyway') out.push(say([...p, 'topologySpreadConstraints', i, 'whenUnsatisfiable'], `whenUnsatisfiable "${t.whenUnsatisfiable}" is not DoNotSchedule or ScheduleAnyway.`));
    });
    if (spec.shareProcessNamespace === true && field(spec, 'hostPID') === true) out.push(say([...p, 'shareProcessNamespace'], 'shareProcessNamespace and hostPID cannot both be true.'));
    out.push(...affinity(spec.affinity));
    records(field(spec, 'securityContext', 'sysctls')).forEach((sysctl, i) => {
      if (typeof sysctl.name === 'string' && !sysctlName.test(sysctl.name)) out.push(say([...p, 'securityContext', 'sysctls', i, 'name'], `sysctl "${sysctl.name}" is not a valid sysctl name.`));
    });
    for (const [context, at] of [[spec.securityContext, [...p, 'securityContext']], ...templateContainers(object.value).map((c) => [c.container.securityContext, [...c.path, 'securityContext']] as const)] as const) {
      const seccomp = field(context, 'seccompProfile');
      const seccompType = field(seccomp, 'type');
      if (typeof seccompType === 'string' && !['Localhost', 'RuntimeDefault', 'Unconfined'].includes(seccompType)) out.push(say([...at, 'seccompProfile', 'type'], `seccompProfile type "${seccompType}" is not Localhost, RuntimeDefault or Unconfined.`));
      if (field(seccomp, 'type') === 'Localhost' && !field(seccomp, 'localhostProfile')) out.push(say([...at, 'seccompProfile'], 'a Localhost seccompProfile needs localhostProfile.'));
    }
    const os = field(spec, 'os', 'name');
    if (typeof os === 'string' && os !== 'linux' && os !== 'windows') out.push(say([...p, 'os', 'name'], `os.name "${os}" is not linux or windows.`));
    return out;
  },
};
