import { currentLocale } from '../../messages';

/** The product's home: rule pages live under docs/rules/ there (and their Chinese under docs/zh-cn/rules/). */
export const docsBase = 'https://github.com/statefulset-studio/statefulset-studio/blob/main';

/** The page that explains a rule, linked from every diagnostic and SARIF result, in the reader's language. */
export function docsUrl(ruleId: string): string {
  return currentLocale() === 'zh-cn' ? `${docsBase}/docs/zh-cn/rules/${ruleId}.md` : `${docsBase}/docs/rules/${ruleId}.md`;
}
