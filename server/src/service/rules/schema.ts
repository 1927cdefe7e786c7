import { schemaProblems } from '../schema/schemaValidator';
import { isPatchDirective } from './fragment';
import { inReplacedVolume } from './podTemplate';
import type { Rule } from './types';

/** The object against the Kubernetes 1.36 OpenAPI schema of its kind, as kubectl's strict validation sees it. */
export const schema: Rule = {
  id: 'schema',
  severity: 'error',
  scope: 'document',
  check: ({ object, settings, fragment }) => {
    if (!settings.schemaValidation) return [];
    const problems = schemaProblems(object.apiVersion, object.kind, object.value) ?? [];
    return problems
      .filter((problem) => !(fragment && problem.message.startsWith('Missing required')))
      // A patch's merge directives ($patch: delete, $setElementOrder/...) are kustomize's, not fields.
      .filter((problem) => !(fragment && problem.path.some(isPatchDirective)))
      // A volume named like a claim template is replaced by the claim before validation (k8s oracle).
      .filter((problem) => !(problem.message.startsWith('Missing required') && inReplacedVolume(object.value, problem.path)))
      // A null item of a list of strings or numbers decodes as "" or 0, which the API server accepts (k8s oracle).
      .filter((problem) => !(typeof problem.path[problem.path.length - 1] === 'number' && /^Expected (an? )?(string|integer|number|boolean)[^,]*, found null\.$/.test(problem.message)))
      // A lifecycle sleep without seconds decodes as 0 seconds, which the API server accepts (k8s oracle).
      .filter((problem) => !(problem.message.startsWith('Missing required') && problem.path[problem.path.length - 1] === 'sleep'))
      .map((problem) => ({ path: problem.path, target: problem.target, message: problem.message }));
  },
};
