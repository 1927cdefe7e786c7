import { schemaProblems } from '../schema/schemaValidator';
import { problemKind } from '../schema/problemFromError';
import { isPatchDirective } from './fragment';
import { inReplacedVolume } from './podTemplate';
import type { Rule } from './types';
import { inFieldHistory } from '../versions/fieldHistory';

/** The object against the newest (1.37) OpenAPI schema of its kind, as kubectl's strict validation sees it; field-not-in-version adds what an older target release lacks. */
export const schema: Rule = {
  id: 'schema',
  severity: 'error',
  scope: 'document',
  check: ({ object, settings, fragment }) => {
    if (!settings.schemaValidation) return [];
    const problems = schemaProblems(object.apiVersion, object.kind, object.value) ?? [];
    return problems
      .filter((problem) => !(fragment && problemKind(problem)?.kind === 'required'))
      // A patch's merge directives ($patch: delete, $setElementOrder/...) are kustomize's, not fields.
      .filter((problem) => !(fragment && problem.path.some(isPatchDirective)))
      // A volume named like a claim template is replaced by the claim before validation (k8s oracle).
      .filter((problem) => !(problemKind(problem)?.kind === 'required' && inReplacedVolume(object.value, problem.path)))
      // A null item of a list of strings or numbers decodes as "" or 0, which the API server accepts (k8s oracle).
      .filter((problem) => !(typeof problem.path[problem.path.length - 1] === 'number' && problemKind(problem)?.nullScalar === true))
      // A lifecycle sleep without seconds decodes as 0 seconds, which the API server accepts (k8s oracle).
      .filter((problem) => !(problemKind(problem)?.kind === 'required' && problem.path[problem.path.length - 1] === 'sleep'))
      // A field only older releases have (PodSpec.workloadRef, 1.35): field-not-in-version says which (issue 21).
      .filter((problem) => !(problemKind(problem)?.kind === 'unknown' && inFieldHistory(object.apiVersion, object.kind, problem.path)))
      .map((problem) => ({ path: problem.path, target: problem.target, message: problem.message }));
  },
};
