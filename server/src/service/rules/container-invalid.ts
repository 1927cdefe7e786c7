import { dnsLabelProblem, podTemplateRefused } from './k8sSyntax';
import { containerName, podSpecPath, podSpecOf, templateContainers } from './podTemplate';
import { field, isStatefulSet } from './read';
import type { Rule, RuleResult } from './types';

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
  check: ({ object, fragment }) => {
    if (!isStatefulSet(object) || fragment) return [];
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
