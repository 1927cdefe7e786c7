import { dnsLabelProblem, podTemplateRefused } from './k8sSyntax';
import { containerName, podSpecPath, podSpecOf, templateContainers } from './podTemplate';
import { field, isStatefulSet } from './read';
import type { ObjectPath } from '../model';
import type { Rule, RuleResult } from './types';
import { gateOn } from '../versions/gates';
import { t } from '../../messages';

const pullPolicies = ['Always', 'IfNotPresent', 'Never'];
const messagePolicies = ['File', 'FallbackToLogsOnError'];
const restartPolicies = ['Always', 'Never', 'OnFailure'];

/**
 * The pod template's containers as the API server validates them: at least one container,
 * names that are DNS labels and unique across init and regular containers, an image, and the
 * enumerated imagePullPolicy, terminationMessagePolicy and container restartPolicy.
 */
export const containerInvalid: Rule = {
  id: 'container-invalid',
  severity: 'error',
  scope: 'document',
  check: ({ object, fragment, settings }) => {
    if (!isStatefulSet(object) || fragment) return [];
    // The ContainerRestartRules gate is on by default from 1.35 (beta); before, the field is dropped.
    const restartRulesValidated = gateOn(settings, 'ContainerRestartRules'); // the release's default, or statefulset.featureGates
    const out: RuleResult[] = [];
    const spec = podSpecOf(object.value);
    const containers = field(spec, 'containers');
    if (containers === undefined || containers === null || (Array.isArray(containers) && containers.length === 0)) {
      out.push({ path: [...podSpecPath, 'containers'], target: 'key', message: t('container-invalid.noContainers', { refused: podTemplateRefused() }) });
    }
    const seen = new Set<string>();
    const replicas = field(object.value, 'spec', 'replicas') ?? 1;
    const hasPods = typeof replicas === 'number' && replicas >= 1;
    // Regular containers first: a clash is reported on the init container, as the API server does.
    const ordered = templateContainers(object.value).sort((a, b) => (a.group === b.group ? 0 : a.group === 'containers' ? -1 : 1));
    for (const c of ordered) {
      const { name, image, imagePullPolicy, terminationMessagePolicy } = c.container;
      if (name === undefined || name === '') {
        out.push({ path: [...c.path, ...(name === undefined ? [] : ['name'])], target: 'key', message: t('container-invalid.noName', { refused: podTemplateRefused(), container: containerName(c) }) });
      } else if (typeof name === 'string') {
        const problem = dnsLabelProblem(name);
        if (problem) out.push({ path: [...c.path, 'name'], message: t('container-invalid.badName', { refused: podTemplateRefused(), name, problem }) });
        else if (seen.has(name)) out.push({ path: [...c.path, 'name'], message: t('container-invalid.duplicateName', { refused: podTemplateRefused(), name }) });
        seen.add(name);
      }
      if (image === undefined || image === null || image === '') {
        out.push({ path: [...c.path, ...(image === undefined || image === null ? [] : ['image'])], target: 'key', message: t('container-invalid.noImage', { refused: podTemplateRefused(), container: containerName(c) }) });
      } else if (typeof image === 'string' && image.trim() !== image && hasPods) {
        // Not checked in the template: only the pods the controller creates are refused.
        out.push({ path: [...c.path, 'image'], message: t('container-invalid.imageWhitespace', { container: containerName(c) }) });
      }
      if (typeof imagePullPolicy === 'string' && imagePullPolicy !== '' && !pullPolicies.includes(imagePullPolicy)) {
        out.push({ path: [...c.path, 'imagePullPolicy'], message: t('container-invalid.pullPolicy', { refused: podTemplateRefused(), imagePullPolicy, v: pullPolicies.join(', ') }) });
      }
      const restart = c.container.restartPolicy;
      if (typeof restart === 'string' && !restartPolicies.includes(restart)) { // a pointer: "" is set, and refused
        out.push({ path: [...c.path, 'restartPolicy'], message: t('container-invalid.restartPolicy', { refused: podTemplateRefused(), restart, v: restartPolicies.join(', ') }) });
      }
      if (restartRulesValidated) out.push(...restartRuleProblems(c.path, c.container, containerName(c)));
      const resize = c.container.resizePolicy;
      if (Array.isArray(resize)) resize.forEach((policy, j) => {
        const restart = field(policy, 'restartPolicy');
        if (typeof restart === 'string' && restart !== 'NotRequired' && restart !== 'RestartContainer') out.push({ path: [...c.path, 'resizePolicy', j, 'restartPolicy'], message: t('container-invalid.resizeRestart', { refused: podTemplateRefused(), restart }) });
      });
      if (typeof terminationMessagePolicy === 'string' && terminationMessagePolicy !== '' && !messagePolicies.includes(terminationMessagePolicy)) {
        out.push({ path: [...c.path, 'terminationMessagePolicy'], message: t('container-invalid.messagePolicy', { refused: podTemplateRefused(), terminationMessagePolicy, v: messagePolicies.join(', ') }) });
      }
    }
    return out;
  },
};

/**
 * A container's restartPolicyRules as validateContainerRestartPolicy checks them (v1.37.2):
 * they need the container's restartPolicy, an action (Restart; RestartAllContainers behind
 * its own gate, not judged here), and exitCodes with the operator In or NotIn.
 */
function restartRuleProblems(path: ObjectPath, container: Record<string, unknown>, name: string): RuleResult[] {
  const rules = container.restartPolicyRules;
  if (!Array.isArray(rules) || rules.length === 0) return [];
  const out: RuleResult[] = [];
  if (container.restartPolicy === undefined || container.restartPolicy === null) {
    out.push({ path: [...path, 'restartPolicyRules'], target: 'key', message: t('container-invalid.rulesWithoutPolicy', { refused: podTemplateRefused(), name }) });
  }
  rules.forEach((rule, i) => {
    const action = field(rule, 'action');
    if (action !== 'Restart' && action !== 'RestartAllContainers') {
      out.push({ path: [...path, 'restartPolicyRules', i, ...(action === undefined ? [] : ['action'])], message: t('container-invalid.ruleAction', { refused: podTemplateRefused(), v: JSON.stringify(action) ?? t('common.nothing') }) });
    }
    const exitCodes = field(rule, 'exitCodes');
    if (exitCodes === undefined || exitCodes === null) {
      out.push({ path: [...path, 'restartPolicyRules', i], target: 'key', message: t('container-invalid.ruleExitCodes', { refused: podTemplateRefused() }) });
    } else {
      const operator = field(exitCodes, 'operator');
      if (operator !== 'In' && operator !== 'NotIn') {
        out.push({ path: [...path, 'restartPolicyRules', i, 'exitCodes', ...(operator === undefined ? [] : ['operator'])], message: t('container-invalid.exitCodesOperator', { refused: podTemplateRefused(), v: JSON.stringify(operator) ?? t('common.nothing') }) });
      }
    }
  });
  return out;
}
