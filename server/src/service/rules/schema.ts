import { schemaProblems } from '../schema/schemaValidator';
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
      .map((problem) => ({ path: problem.path, target: problem.target, message: problem.message }));
  },
};
