import { dnsLabelProblem, podTemplateRefused } from './k8sSyntax';
import { containerName, podSpecPath, podSpecOf, templateContainers } from './podTemplate';
import { field, isStatefulSet } from './read';
import type { ObjectPath } from '../model';
import type { Rule, RuleResult } from './types';
import { gateOn } from '../versions/gates';

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
      out.push({ path: [...podSpecPath, 'containers'], target: 'key', message: `${podTemplateRefused}: the pod template needs at least one container.` });
    }
    const seen = new Set<string>();
    const replicas = field(object.value, 'spec', 'replicas') ?? 1;
    const hasPods = typeof replicas === 'number' && replicas >= 1;
    // Regular containers first: a clash is reported on the init container, as the API server does.
    const ordered = templateContainers(object.value).sort((a, b) => (a.group === b.group ? 0 : a.group === 'containers' ? -1 : 1));
    for (const c of ordered) {
      const { name, image, imagePullPolicy, terminationMessagePolicy } = c.container;
      if (name === undefined || name === '') {
        out.push({ path: [...c.path, ...(name === undefined ? [] : ['name'])], target: 'key', message: `${podTemplateRefused}: container ${containerName(c)} needs a name.` });
      } else if (typeof name === 'string') {
        const problem = dnsLabelProblem(name);
        if (problem) out.push({ path: [...c.path, 'name'], message: `${podTemplateRefused}: the container name "${name}" ${problem}.` });
        else if (seen.has(name)) out.push({ path: [...c.path, 'name'], message: `${podTemplateRefused}: two containers are named "${name}"; names must be unique across initContainers and containers.` });
        seen.add(name);
      }
      if (image === undefined || image === null || image === '') {
        out.push({ path: [...c.path, ...(image === undefined || image === null ? [] : ['image'])], target: 'key', message: `${podTemplateRefused}: container ${containerName(c)} needs an image.` });
      } else if (typeof image === 'string' && image.trim() !== image && hasPods) {
        // Not checked in the template: only the pods the controller creates are refused.
        out.push({ path: [...c.path, 'image'], message: `The API server accepts the StatefulSet, but the controller's pod creation fails (FailedCreate): the image of container ${containerName(c)} must not have leading or trailing whitespace.` });
      }
      if (typeof imagePullPolicy === 'string' && imagePullPolicy !== '' && !pullPolicies.includes(imagePullPolicy)) {
        out.push({ path: [...c.path, 'imagePullPolicy'], message: `${podTemplateRefused}: imagePullPolicy "${imagePullPolicy}" is not one of ${pullPolicies.join(', ')}.` });
      }
      const restart = c.container.restartPolicy;
      if (typeof restart === 'string' && !restartPolicies.includes(restart)) { // a pointer: "" is set, and refused
        out.push({ path: [...c.path, 'restartPolicy'], message: `${podTemplateRefused}: the container restartPolicy "${restart}" is not one of ${restartPolicies.join(', ')}.` });
      }
      if (restartRulesValidated) out.push(...restartRuleProblems(c.path, c.container, containerName(c)));
      const resize = c.container.resizePolicy;
      if (Array.isArray(resize)) resize.forEach((policy, j) => {
        const restart = field(policy, 'restartPolicy');
        if (typeof restart === 'string' && restart !== 'NotRequired' && restart !== 'RestartContainer') out.push({ path: [...c.path, 'resizePolicy', j, 'restartPolicy'], message: `${podTemplateRefused}: resizePolicy restartPolicy "${restart}" is not NotRequired or RestartContainer.` });
      });
      if (typeof terminationMessagePolicy === 'string' && terminationMessagePolicy !== '' && !messagePolicies.includes(terminationMessagePolicy)) {
        out.push({ path: [...c.path, 'terminationMessagePolicy'], message: `${podTemplateRefused}: terminationMessagePolicy "${terminationMessagePolicy}" is not one of ${messagePolicies.join(', ')}.` });
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
    out.push({ path: [...path, 'restartPolicyRules'], target: 'key', message: `${podTemplateRefused}: container ${name} has restartPolicyRules but no restartPolicy; the rules need one.` });
  }
  rules.forEach((rule, i) => {
    const action = field(rule, 'action');
    if (action !== 'Restart' && action !== 'RestartAllContainers') {
      out.push({ path: [...path, 'restartPolicyRules', i, ...(action === undefined ? [] : ['action'])], message: `${podTemplateRefused}: a restartPolicyRules action must be Restart (got ${JSON.stringify(action) ?? 'nothing'}).` });
    }
    const exitCodes = field(rule, 'exitCodes');
    if (exitCodes === undefined || exitCodes === null) {
      out.push({ path: [...path, 'restartPolicyRules', i], target: 'key', message: `${podTemplateRefused}: a restartPolicyRules entry needs exitCodes.` });
    } else {
      const operator = field(exitCodes, 'operator');
      if (operator !== 'In' && operator !== 'NotIn') {
        out.push({ path: [...path, 'restartPolicyRules', i, 'exitCodes', ...(operator === undefined ? [] : ['operator'])], message: `${podTemplateRefused}: exitCodes operator must be In or NotIn (got ${JSON.stringify(operator) ?? 'nothing'}).` });
      }
    }
  });
  return out;
}
