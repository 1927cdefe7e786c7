// The Chinese docs (issue 22) beside the English ones: docs/zh-cn/rules/<id>.md for every page
// of docs/rules/, and README.zh-CN.md. A rule page's translation keeps every piece of code of its English
// page: each `inline code` span, and each code block line but its comments (field names, values,
// commands and the API server's own messages stay as Kubernetes writes them:
// docs/zh-cn/glossary.md). It links back to its English page, and its own links resolve.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { ruleIds, sourceDiagnosticIds } from '../../server/src/service/rules/index';

const root = join(import.meta.dirname, '..', '..');
const read = (path: string): string => readFileSync(join(root, path), 'utf8');

/** Inline code spans (`…` or ``…``) outside fenced blocks, sorted; a span wrapped over lines counts as one line. */
function inlineCode(markdown: string): string[] {
  const prose = markdown.replace(/^```[\s\S]*?^```/gm, '');
  return [...prose.matchAll(/(``?)(?!`)([\s\S]+?)\1(?!`)/g)].map((m) => (m[2] ?? '').replace(/\s+/g, ' ').trim()).sort();
}

/** The lines of the fenced code blocks without their comments (a translation may word those). */
function codeBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```\w*\n([\s\S]*?)^```/gm)].flatMap((m) => (m[1] ?? '').split('\n'))
    .map((line) => line.replace(/(^|\s)#(?!\s*sts-ignore).*$/, '').trimEnd()).filter((line) => line.trim() !== '');
}

/** Relative links of a page that point at files (not URLs, not anchors). */
function relativeLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? '')
    .filter((href) => !/^(?:[a-z]+:|#)/.test(href)).map((href) => href.replace(/#.*$/, ''));
}

const pages = readdirSync(join(root, 'docs', 'rules')).filter((f) => f.endsWith('.md'));
const pairs = pages.map((page) => ({ english: `docs/rules/${page}`, chinese: `docs/zh-cn/rules/${page}` }));

for (const { english, chinese } of pairs) {
  test(`${chinese} translates ${english}, keeping its code`, () => {
    assert.ok(existsSync(join(root, chinese)), `${chinese} is missing`);
    const en = read(english);
    const zh = read(chinese);
    assert.match(zh, /[\u4e00-\u9fff]/, `${chinese} has no Chinese`);
    const zhCode = new Set(inlineCode(zh));
    assert.deepEqual(inlineCode(en).filter((code) => !zhCode.has(code)), [], `inline code of ${english} missing in ${chinese}`);
    assert.deepEqual(codeBlocks(zh), codeBlocks(en), `the code blocks of ${chinese} differ from ${english}'s (comments aside)`);
    for (const href of relativeLinks(zh)) {
      assert.ok(existsSync(join(root, dirname(chinese), href)), `${chinese} links ${href}, which does not exist`);
    }
  });
}

// README.zh-CN.md is held to less than the rule pages: the README changes with every feature, and
// its examples are run from README.md (test/cli), so here: its rules table, links and language.
test('README.zh-CN.md is Chinese, has a row for every rule, and its links resolve', () => {
  const zh = read('README.zh-CN.md');
  assert.match(zh, /[\u4e00-\u9fff]/);
  assert.deepEqual([...ruleIds, ...sourceDiagnosticIds].filter((id) => !zh.includes(`| \`${id}\` |`)), [], 'rules without a row in README.zh-CN.md');
  for (const href of relativeLinks(zh)) assert.ok(existsSync(join(root, href)), `README.zh-CN.md links ${href}, which does not exist`);
});

test('README.md links its Chinese translation at the top, and each Chinese rule page links its English one', () => {
  assert.match(read('README.md').split('\n').slice(0, 12).join('\n'), /\]\(README\.zh-CN\.md\)/);
  for (const page of pages) {
    assert.ok(read(`docs/zh-cn/rules/${page}`).includes(`](../../rules/${page})`), `docs/zh-cn/rules/${page} does not link ../../rules/${page}`);
  }
});
