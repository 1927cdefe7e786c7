/** The product's home: rule pages live under docs/rules/ there. */
export const docsBase = 'https://github.com/statefulset-studio/statefulset-studio/blob/main';

/** The page that explains a rule, linked from every diagnostic and SARIF result. */
export function docsUrl(ruleId: string): string {
  return `${docsBase}/docs/rules/${ruleId}.md`;
}
