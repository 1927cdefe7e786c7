// The extension's own words (notifications, pickers, the status items, the preview page's
// chrome) go through vscode.l10n.t on the host and page/l10n.ts's t on the page, both keyed by
// the English text in l10n/bundle.l10n.zh-cn.json. This test fails on a message without its
// Chinese text, on a Chinese text whose {n} placeholders or backquoted code differ from the
// English, on a bundle entry no code uses any more, and on an English sentence in client code
// that bypasses t (the issue's bar: a Chinese-speaking user never meets an English sentence).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { formatMessage } from '../../client/src/preview/page/l10n';

const root = join(import.meta.dirname, '..', '..');
const bundle = JSON.parse(readFileSync(join(root, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** A file's code without its comments (a string holding // or /* is not in client code). */
function withoutComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** The body of a single-quoted string literal, unescaped as JavaScript reads it. */
const unquote = (body: string): string => JSON.parse(`"${body.replace(/\\'/g, "'").replace(/"/g, '\\"')}"`) as string;

const files = sources(join(root, 'client', 'src')).map((path) => ({ path: relative(root, path), code: withoutComments(readFileSync(path, 'utf8')) }));
/** `t('…'` and `vscode.l10n.t('…'`: the message is always a literal, so that this test sees every one. */
const call = /(?<![\w$])(?:vscode\.l10n\.)?t\(\s*('(?:[^'\\]|\\.)*'|[^'\s)][^,)]*)/g;
const used = files.filter(({ path }) => !path.endsWith('page/l10n.ts')).flatMap(({ path, code }) => [...code.matchAll(call)].map((m) => ({ path, argument: m[1] ?? '' })));
const messages = new Set(used.filter(({ argument }) => argument.startsWith("'")).map(({ argument }) => unquote(argument.slice(1, -1))));

test('the client and the page call t with a literal message (the forwarding wrappers aside)', () => {
  assert.ok(messages.size > 60, `found only ${messages.size} messages: the scan is broken`);
  const dynamic = used.filter(({ argument }) => !argument.startsWith("'") && argument !== 'message');
  assert.deepEqual(dynamic.map(({ path, argument }) => `${path}: t(${argument}`), []);
});

test('every message of the client and the page has its Chinese text', () => {
  assert.deepEqual([...messages].filter((message) => typeof bundle[message] !== 'string'), [], 'missing in l10n/bundle.l10n.zh-cn.json');
});

test('every entry of the Chinese bundle is a message the code uses', () => {
  assert.deepEqual(Object.keys(bundle).filter((message) => !messages.has(message)), []);
});

test('a Chinese text has the placeholders and the code of its English message', () => {
  const sorted = (text: string, pattern: RegExp): string[] => [...text.matchAll(pattern)].map((m) => m[0]).sort();
  for (const [english, chinese] of Object.entries(bundle)) {
    assert.deepEqual(sorted(chinese, /\{\d+\}/g), sorted(english, /\{\d+\}/g), `placeholders of "${english}"`);
    assert.deepEqual(sorted(chinese, /`[^`]+`/g), sorted(english, /`[^`]+`/g), `code of "${english}"`);
  }
});

test('a Chinese text is Chinese where its English message is words', () => {
  for (const [english, chinese] of Object.entries(bundle)) {
    if (/[A-Za-z]{2,}/.test(english.replace(/\{\d+\}/g, '')) && !keptInEnglish.has(english)) {
      assert.match(chinese, /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/, `"${english}" is not translated`);
    }
  }
});

/** Messages whose Chinese is the English on purpose (a product name; glossary: words that stay in English). */
const keptInEnglish = new Set(['StatefulSet Studio: Helm release']);

test('client code holds no English sentence outside t', () => {
  // A literal of two words or more in client code is text a user reads, unless it is a class
  // list, a CSS selector, a command id, or one of the values below that stay in English.
  const codeLike = /^(?:[a-z-]+(?: [a-z-]+)*|[\w.$/@:-]+)$/; // class lists ('note halted'), ids, paths
  const found: string[] = [];
  for (const { path, code } of files) {
    if (path.endsWith('page/l10n.ts')) continue;
    const withoutCalls = code.replace(call, '').replace(/^import .*$/gm, '');
    for (const m of withoutCalls.matchAll(/'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`/g)) {
      const text = (m[1] ?? m[2] ?? '').replace(/\$\{[^}]*\}/g, ' ');
      if (!/[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(text) || codeLike.test(text.trim())) continue;
      if (text.trim() === 'StatefulSet Studio') continue; // the product's name (the output channel's)
      if (/^\s*(?:[.#\[][\w-]|<!DOCTYPE|default-src|style-src|font-src|script-src)/.test(text)) continue; // selectors, HTML, CSP
      found.push(`${path}: ${text.trim().slice(0, 80)}`);
    }
  }
  assert.deepEqual(found, []);
});

test('the page puts no English word on screen outside t, but names that stay English', () => {
  // One-word literals escape the sentence check above: an element's text child or a button's label.
  // Kinds, values and field names stay as Kubernetes spells them (docs/zh-cn/glossary.md).
  const keptNames = new Set(['Service', 'OnDelete', 'RollingUpdate', 'maxUnavailable']);
  const literals = files.filter(({ path }) => path.includes('preview/page/')).flatMap(({ path, code }) => [
    ...[...code.matchAll(/\bel\('\w+',\s*\{[^{}]*\},\s*'([^']*)'/g)].map((m) => ({ path, text: m[1] ?? '' })),
    ...[...code.matchAll(/\bbutton\(\s*'([^']*)'/g)].map((m) => ({ path, text: m[1] ?? '' })),
  ]);
  assert.deepEqual(literals.filter(({ text }) => /[A-Za-z]/.test(text) && !keptNames.has(text)).map(({ path, text }) => `${path}: ${text}`), []);
});

test('formatMessage fills {n} as vscode.l10n.t does, and leaves a placeholder without a value', () => {
  assert.equal(formatMessage('{1} of {0}', ['a', 2]), '2 of a');
  assert.equal(formatMessage('tick {0} of {1}', [3]), 'tick 3 of {1}');
});
