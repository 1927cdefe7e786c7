import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import type { CodeAction, CodeLens, CompletionItem, CompletionList, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { previewMethod } from '../../protocol/protocol';
import { englishRuns, stringsOf, typographySlips } from '../englishRuns';
import { LspSession } from './lspClient';
import { statefulSet } from './featureFixture';

// Issue 22: with initialize's locale zh-cn, every word of ours the server sends holds no English
// run and no slip of Chinese typography (test/englishRuns.ts): diagnostics, hover text,
// completion labels, details and docs, code action titles, CodeLens titles and the preview's
// answer, over the examples and the rule and fix fixtures. Kubernetes' own field descriptions
// (its OpenAPI text, which hover and completion show under ours) are Kubernetes' words and stay
// English: a paragraph that is one of them, verbatim, is left out.

const root = join(import.meta.dirname, '..', '..');
const fixtures = join(root, 'test', 'fixtures');

/** Every paragraph of every description of the schemas we ship: Kubernetes' words. */
const kubernetesWords = new Set<string>();
for (const file of readdirSync(join(root, 'schemas')).filter((f) => f.endsWith('.json'))) {
  JSON.parse(readFileSync(join(root, 'schemas', file), 'utf8'), (key, value: unknown) => {
    if (key === 'description' && typeof value === 'string') for (const paragraph of value.split('\n\n')) kubernetesWords.add(paragraph.trim());
    return value;
  });
}

const yamlIn = (dir: string, suffix = '.yaml'): string[] => readdirSync(dir).filter((f) => f.endsWith(suffix)).map((f) => join(dir, f));
/** Hover and completion at every line: the examples and the feature fixture (a complete StatefulSet). */
const everyLine = [...yamlIn(join(root, 'examples'))];
/** Diagnostics and their code actions: every rule and fix fixture. */
const diagnosed = [...yamlIn(join(fixtures, 'rules')).filter((f) => !f.endsWith('.baseline.yaml')), ...yamlIn(join(fixtures, 'fixes'), '.before.yaml')];

let session: LspSession;
const gaps = new Map<string, string>();
let checked = 0;

/** Records each line of `text` (one paragraph of ours) that holds an English run. */
function sweep(where: string, text: string): void {
  for (const paragraph of text.split('\n\n')) {
    if (kubernetesWords.has(paragraph.trim())) continue;
    for (const line of paragraph.split('\n')) {
      checked++;
      const runs = [...englishRuns(line), ...typographySlips(line)];
      if (runs.length > 0 && !gaps.has(line)) gaps.set(line, `${where}\n    ${line}\n    found: ${runs.join(' | ')}`);
    }
  }
}

const markdownOf = (contents: Hover['contents'] | MarkupContent | string | undefined): string =>
  typeof contents === 'string' ? contents : contents && 'value' in contents ? contents.value : Array.isArray(contents) ? contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n\n') : '';

before(async () => {
  session = new LspSession();
  await session.initialize(null, { locale: 'zh-cn' });
});
after(() => session.close());

test('the rule sees Kubernetes descriptions (so leaving them out means something)', () => {
  assert.ok(kubernetesWords.size > 500, `${kubernetesWords.size} descriptions`);
  assert.ok([...kubernetesWords].some((d) => englishRuns(d).length > 0));
});

test('hover, completion, CodeLens and preview of every line of the examples', async () => {
  const files = [...everyLine.map((file) => ({ uri: pathToFileURL(file).href, text: readFileSync(file, 'utf8') })), { uri: 'file:///zh/feature.yaml', text: statefulSet }];
  for (const { uri, text } of files) {
    await session.open(uri, text);
    await session.diagnostics(uri);
    const lines = text.split('\n');
    for (const [line, content] of lines.entries()) {
      const indent = content.length - content.trimStart().length;
      const colon = content.indexOf(': ');
      for (const character of new Set([indent, colon > 0 ? colon + 2 : indent, content.length])) {
        const position = { line, character };
        const hover = await session.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
        if (hover) sweep(`hover ${uri}:${line + 1}:${character + 1}`, markdownOf(hover.contents));
        const completion = await session.connection.sendRequest<CompletionList | CompletionItem[] | null>('textDocument/completion', { textDocument: { uri }, position });
        for (const item of Array.isArray(completion) ? completion : completion?.items ?? []) {
          const where = `completion ${uri}:${line + 1}:${character + 1} ${item.label}`;
          sweep(where, item.label);
          sweep(where, item.detail ?? '');
          sweep(where, markdownOf(item.documentation));
        }
      }
    }
    const lenses = await session.connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    for (const lens of lenses) sweep(`CodeLens ${uri}`, lens.command?.title ?? '');
    const preview = await session.connection.sendRequest(previewMethod, { uri, position: { line: 1, character: 0 } });
    for (const text of stringsOf(preview)) sweep(`preview ${uri}`, text);
  }
  assert.ok(checked > 1000, `only ${checked} lines checked`);
  const found = [...gaps.values()];
  gaps.clear();
  assert.equal(found.length, 0, `${found.length} gaps:\n${found.join('\n')}`);
});

test('diagnostics and code action titles of every rule and fix fixture', async () => {
  let actions = 0;
  for (const file of diagnosed) {
    const uri = pathToFileURL(file).href;
    await session.open(uri, readFileSync(file, 'utf8'));
    const diagnostics = await session.diagnostics(uri);
    for (const d of diagnostics) {
      sweep(`diagnostic ${uri} ${String(d.code)}`, String(d.message));
      for (const related of d.relatedInformation ?? []) sweep(`related ${uri} ${String(d.code)}`, related.message);
      const titles = await session.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] satisfies Diagnostic[] } });
      for (const action of titles) {
        actions++;
        sweep(`code action ${uri} ${String(d.code)}`, action.title);
      }
    }
  }
  assert.ok(actions > 50, `only ${actions} code actions`);
  const found = [...gaps.values()];
  assert.equal(found.length, 0, `${found.length} gaps:\n${found.join('\n')}`);
});
