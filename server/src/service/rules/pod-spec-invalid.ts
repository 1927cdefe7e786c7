import { isIP } from 'node:net';
import type { ObjectPath } from '../model';
import { dnsLabelProblem, dnsSubdomainProblem, podTemplateRefused, qualifiedNameProblem } from './k8sSyntax';
import { checkExpressions, checkMap } from './label-invalid';
import { containerName, podSpecOf, podSpecPath, templateContainers, templateVolumes } from './podTemplate';
import { field, isRecord, isStatefulSet, records } from './read';
import type { Rule, RuleResult } from './types';
import { listOf, t } from '../../messages';

const dnsPolicies = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const effects = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const volumeSources = ['hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi',
  'glusterfs', 'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc', 'azureFile',
  'configMap', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected', 'portworxVolume', 'scaleIO',
  'storageos', 'csi', 'ephemeral', 'image'];
const maxId = 2147483647;
const say = (path: ObjectPath, message: string, target?: 'key'): RuleResult => ({ path, message: t('k8s.refusedBecause', { refused: podTemplateRefused(), reason: message }), ...(target ? { target } : {}) });

function ids(context: unknown, at: ObjectPath, keys: readonly string[]): RuleResult[] {
  return keys.flatMap((key) => {
    const value = field(context, key);
    return typeof value === 'number' && (value < 0 || value > maxId) ? [say([...at, key], t('pod-spec-invalid.outsideRange', { key, value, maxId }))] : [];
  });
}

const sysctlName = /^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$/;

/** An affinity term's namespaces: each a DNS label. */
function namespaces(term: unknown, path: ObjectPath): RuleResult[] {
  const list = field(term, 'namespaces');
  return (Array.isArray(list) ? list : []).flatMap((item: unknown, j) => {
    const ns = item ?? ''; // a null item decodes as ""
    const problem = typeof ns === 'string' ? dnsLabelProblem(ns) : undefined;
    return problem ? [say([...path, 'namespaces', j], t('pod-spec-invalid.namespace', { ns: String(ns), problem }))] : [];
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
  if (Array.isArray(terms) && terms.length === 0) out.push(say([...at, 'nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms'], t('pod-spec-invalid.nodeSelectorTerms')));
  for (const kind of ['podAffinity', 'podAntiAffinity']) {
    records(field(value, kind, 'requiredDuringSchedulingIgnoredDuringExecution')).forEach((term, i) => {
      const termPath = [...at, kind, 'requiredDuringSchedulingIgnoredDuringExecution', i];
      if (typeof term.topologyKey === 'string' && term.topologyKey !== '' && qualifiedNameProblem(term.topologyKey)) out.push(say([...termPath, 'topologyKey'], t('pod-spec-invalid.topologyKey', { topologyKey: term.topologyKey, v: qualifiedNameProblem(term.topologyKey) ?? '' })));
      if (typeof term.topologyKey !== 'string' || term.topologyKey === '') out.push(say([...termPath, ...(term.topologyKey === undefined ? [] : ['topologyKey'])], t('pod-spec-invalid.needsTopologyKey', { kind })));
      out.push(...selector(term.labelSelector, [...termPath, 'labelSelector']), ...selector(term.namespaceSelector, [...termPath, 'namespaceSelector']), ...namespaces(term, termPath));
    });
    records(field(value, kind, 'preferredDuringSchedulingIgnoredDuringExecution')).forEach((weighted, i) => {
      const term = field(weighted, 'podAffinityTerm');
      const key = field(term, 'topologyKey');
      const termPath = [...at, kind, 'preferredDuringSchedulingIgnoredDuringExecution', i, 'podAffinityTerm'];
      const weight = field(weighted, 'weight');
      if (typeof weight === 'number' && (weight < 1 || weight > 100)) out.push(say([...at, kind, 'preferredDuringSchedulingIgnoredDuringExecution', i, 'weight'], t('pod-spec-invalid.weight', { kind })));
      if (typeof key === 'string' && key !== '' && qualifiedNameProblem(key)) out.push(say([...termPath, 'topologyKey'], t('pod-spec-invalid.topologyKey2', { key, v: qualifiedNameProblem(key) ?? '' })));
      if (isRecord(term) && (typeof key !== 'string' || key === '')) out.push(say([...termPath, ...(key === undefined ? [] : ['topologyKey'])], t('pod-spec-invalid.needsTopologyKey', { kind })));
      out.push(...selector(field(term, 'labelSelector'), [...termPath, 'labelSelector']), ...selector(field(term, 'namespaceSelector'), [...termPath, 'namespaceSelector']), ...namespaces(term, termPath));
    });
  }
  return out;
}

function tolerations(spec: unknown): RuleResult[] {
  return records(field(spec, 'tolerations')).flatMap((toleration, i) => {
    const at = [...podSpecPath, 'tolerations', i];
    const out: RuleResult[] = [];
    const { key, operator, value, effect, tolerationSeconds } = toleration;
    if (typeof key === 'string' && key !== '') {
      const problem = qualifiedNameProblem(key);
      if (problem) out.push(say([...at, 'key'], t('pod-spec-invalid.tolerationKey', { key, problem })));
    } else if (operator !== 'Exists' && (operator === undefined || operator === '' || operator === 'Equal')) {
      out.push(say([...at, 'operator'], t('pod-spec-invalid.tolerationNoKey'), 'key'));
    }
    if (typeof operator === 'string' && operator !== '' && operator !== 'Equal' && operator !== 'Exists') {
      out.push(say([...at, 'operator'], t('pod-spec-invalid.tolerationOperator', { operator })));
    } else if (operator === 'Exists' && typeof value === 'string' && value !== '') {
      out.push(say([...at, 'operator'], t('pod-spec-invalid.tolerationExistsValue')));
    }
    if (typeof effect === 'string' && effect !== '' && !effects.includes(effect)) out.push(say([...at, 'effect'], t('pod-spec-invalid.tolerationEffect', { effect, v: effects.join(', ') })));
    else if (tolerationSeconds !== undefined && tolerationSeconds !== null && effect !== 'NoExecute') out.push(say([...at, ...(effect === undefined ? [] : ['effect'])], t('pod-spec-invalid.tolerationSeconds')));
    return out;
  });
}

function volumes(value: unknown): RuleResult[] {
  const seen = new Set<string>();
  return templateVolumes(value).flatMap(({ volume, index: i }) => {
    const at = [...podSpecPath, 'volumes', i];
    const out: RuleResult[] = [];
    const { name } = volume;
    if (name === undefined || name === '') out.push(say(name === undefined ? at : [...at, 'name'], t('pod-spec-invalid.volumeNoName')));
    else if (typeof name === 'string') {
      const problem = dnsLabelProblem(name);
      if (problem) out.push(say([...at, 'name'], t('pod-spec-invalid.volumeName', { name, problem })));
      else if (seen.has(name)) out.push(say([...at, 'name'], t('pod-spec-invalid.volumeDuplicate', { name })));
      seen.add(name);
    }
    // A volume with no source is defaulted to emptyDir, so only a second source is refused.
    const used = volumeSources.filter((s) => volume[s] !== undefined && volume[s] !== null);
    for (const extra of used.slice(1)) out.push(say([...at, extra], t('pod-spec-invalid.volumeSources', { v: listOf(used, ' and ') }), 'key'));
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
    if (typeof dnsPolicy === 'string' && dnsPolicy !== '' && !dnsPolicies.includes(dnsPolicy)) out.push(say([...p, 'dnsPolicy'], t('pod-spec-invalid.dnsPolicy', { dnsPolicy, v: dnsPolicies.join(', ') })));
    if (dnsPolicy === 'None' && !isRecord(dnsConfig)) out.push(say([...p, 'dnsPolicy'], t('pod-spec-invalid.dnsNone')));
    else if (dnsPolicy === 'None' && !(Array.isArray(field(dnsConfig, 'nameservers')) && (field(dnsConfig, 'nameservers') as unknown[]).length > 0)) out.push(say([...p, 'dnsConfig'], t('pod-spec-invalid.dnsNoneNameserver'), 'key'));
    const nameservers = field(dnsConfig, 'nameservers');
    // A null item decodes as "".
    if (Array.isArray(nameservers)) nameservers.map((ip: unknown) => ip ?? '').forEach((ip, i) => { if (typeof ip === 'string' && !isIP(ip)) out.push(say([...p, 'dnsConfig', 'nameservers', i], t('pod-spec-invalid.nameserver', { ip }))); });
    out.push(...tolerations(spec), ...volumes(object.value));
    out.push(...ids(spec.securityContext, [...p, 'securityContext'], ['runAsUser', 'runAsGroup', 'fsGroup']));
    for (const c of templateContainers(object.value)) {
      const sc = c.container.securityContext;
      out.push(...ids(sc, [...c.path, 'securityContext'], ['runAsUser', 'runAsGroup']));
      if (field(sc, 'allowPrivilegeEscalation') === false && field(sc, 'privileged') === true) {
        out.push(say([...c.path, 'securityContext', 'allowPrivilegeEscalation'], t('pod-spec-invalid.privileged', { container: containerName(c) })));
      }
    }
    // The deprecated serviceAccount stands for serviceAccountName when that is empty (SetDefaults_PodSpec).
    const serviceAccount = serviceAccountName === undefined || serviceAccountName === null || serviceAccountName === '' ? ['serviceAccount', spec.serviceAccount] as const : ['serviceAccountName', serviceAccountName] as const;
    for (const [key, value] of [serviceAccount, ['priorityClassName', priorityClassName]] as const) {
      const problem = typeof value === 'string' && value !== '' ? dnsSubdomainProblem(value) : undefined;
      if (problem) out.push(say([...p, key], t('pod-spec-invalid.nameProblem', { key, value: String(value), problem })));
    }
    if (typeof preemptionPolicy === 'string' && preemptionPolicy !== 'PreemptLowerPriority' && preemptionPolicy !== 'Never') out.push(say([...p, 'preemptionPolicy'], t('pod-spec-invalid.preemptionPolicy', { preemptionPolicy })));
    records(spec.hostAliases).forEach((alias, i) => { if (typeof alias.ip === 'string' && !isIP(alias.ip)) out.push(say([...p, 'hostAliases', i, 'ip'], t('pod-spec-invalid.hostAliases', { ip: alias.ip }))); });
    const spreads = new Set<string>();
    records(spec.topologySpreadConstraints).forEach((constraint, i) => {
      const spread = `${String(constraint.topologyKey)}/${String(constraint.whenUnsatisfiable)}`;
      if (spreads.has(spread)) out.push(say([...p, 'topologySpreadConstraints', i], t('pod-spec-invalid.spreadTwice', { topologyKey: String(constraint.topologyKey), whenUnsatisfiable: String(constraint.whenUnsatisfiable) })));
      spreads.add(spread);
      // A spread needs a node label to spread over: ValidateTopologyKey asks only that it is not
      // empty (unlike an affinity term's, it need not be a qualified name: the sweep showed it).
      const key = constraint.topologyKey;
      const keyPath = [...p, 'topologySpreadConstraints', i, 'topologyKey'];
      if (key === '' || key === null) out.push(say(keyPath, t('pod-spec-invalid.needsTopologyKey', { kind: 'topologySpreadConstraints' })));
      out.push(...selector(constraint.labelSelector, [...p, 'topologySpreadConstraints', i, 'labelSelector']));
      if (typeof constraint.maxSkew === 'number' && constraint.maxSkew <= 0) out.push(say([...p, 'topologySpreadConstraints', i, 'maxSkew'], t('pod-spec-invalid.maxSkew')));
      if (typeof constraint.whenUnsatisfiable === 'string' && constraint.whenUnsatisfiable !== 'DoNotSchedule' && constraint.whenUnsatisfiable !== 'ScheduleAnyway') out.push(say([...p, 'topologySpreadConstraints', i, 'whenUnsatisfiable'], t('pod-spec-invalid.whenUnsatisfiable', { whenUnsatisfiable: constraint.whenUnsatisfiable })));
    });
    if (spec.shareProcessNamespace === true && field(spec, 'hostPID') === true) out.push(say([...p, 'shareProcessNamespace'], t('pod-spec-invalid.shareProcessNamespace')));
    out.push(...affinity(spec.affinity));
    records(field(spec, 'securityContext', 'sysctls')).forEach((sysctl, i) => {
      if (typeof sysctl.name === 'string' && !sysctlName.test(sysctl.name)) out.push(say([...p, 'securityContext', 'sysctls', i, 'name'], t('pod-spec-invalid.sysctl', { name: sysctl.name })));
    });
    for (const [context, at] of [[spec.securityContext, [...p, 'securityContext']], ...templateContainers(object.value).map((c) => [c.container.securityContext, [...c.path, 'securityContext']] as const)] as const) {
      const seccomp = field(context, 'seccompProfile');
      const seccompType = field(seccomp, 'type');
      if (typeof seccompType === 'string' && !['Localhost', 'RuntimeDefault', 'Unconfined'].includes(seccompType)) out.push(say([...at, 'seccompProfile', 'type'], t('pod-spec-invalid.seccomp', { seccompType })));
      if (field(seccomp, 'type') === 'Localhost' && !field(seccomp, 'localhostProfile')) out.push(say([...at, 'seccompProfile'], t('pod-spec-invalid.seccompLocalhost')));
    }
    const os = field(spec, 'os', 'name');
    if (typeof os === 'string' && os !== 'linux' && os !== 'windows') out.push(say([...p, 'os', 'name'], t('pod-spec-invalid.os', { os })));
    return out;
  },
};
