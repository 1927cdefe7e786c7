// Every word package.json contributes (commands, settings, the untrusted-workspace note) comes
// from package.nls.json, and VS Code shows package.nls.zh-cn.json's text instead when its display
// language is zh-cn. This test fails on a contributed string left as a literal, on a %key% that
// either file lacks, on a key only one file has, and on a Chinese text that lost a piece of code
// (a backquoted field name, setting id or value stays in English: docs/zh-cn/glossary.md).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const root = join(import.meta.dirname, '..', '..');
const readJson = (file: string): unknown => JSON.parse(readFileSync(join(root, file), 'utf8'));
const manifest = readJson('package.json') as Record<string, unknown>;
const english = readJson('package.nls.json') as Record<string, string>;
const chinese = readJson('package.nls.zh-cn.json') as Record<string, string>;

/** The manifest's fields a user reads in the editor (VS Code translates any `%key%` string). */
const shownFields = new Set(['displayName', 'description', 'markdownDescription', 'title', 'category',
  'enumDescriptions', 'markdownEnumDescriptions', 'deprecationMessage', 'markdownDeprecationMessage']);

/** Each shown string of the manifest with where it is (e.g. contributes.commands.0.title). */
function shownStrings(value: unknown, path: string, out: Array<{ path: string; text: string }>): typeof out {
  if (Array.isArray(value)) value.forEach((item, i) => shownStrings(item, `${path}.${i}`, out));
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      // Inside `properties` a key is a setting's name (it may be any word), never text.
      const shown = shownFields.has(key) && !path.endsWith('.properties');
      if (shown && typeof child === 'string') out.push({ path: at, text: child });
      else if (shown && Array.isArray(child)) child.forEach((text, i) => out.push({ path: `${at}.${i}`, text: String(text) }));
      else shownStrings(child, at, out);
    }
  }
  return out;
}

// The top-level description stays a literal: the npm package (the CLI) shares this package.json,
// and npm shows its description as written ("%description%" on the registry's page).
const shown = [
  ...shownStrings({ displayName: manifest.displayName }, '', []),
  ...shownStrings(manifest.capabilities, 'capabilities', []),
  ...shownStrings(manifest.contributes, 'contributes', []),
];
const placeholder = /^%([\w.-]+)%$/;

test('every string package.json contributes is a %key%, not a literal', () => {
  assert.ok(shown.length > 20, `found only ${shown.length} contributed strings: the walk is broken`);
  const literals = shown.filter(({ text }) => !placeholder.test(text)).map(({ path, text }) => `${path}: ${text}`);
  assert.deepEqual(literals, [], 'give these a key in package.nls.json and package.nls.zh-cn.json');
});

test('the description npm shows is a sentence, not a %key%', () => {
  assert.equal(typeof manifest.description, 'string');
  assert.doesNotMatch(String(manifest.description), placeholder);
});

test('every %key% in package.json has its English and its Chinese text', () => {
  const keys = [...JSON.stringify(manifest).matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1] ?? '');
  assert.deepEqual(keys.filter((key) => typeof english[key] !== 'string'), [], 'missing in package.nls.json');
  assert.deepEqual(keys.filter((key) => typeof chinese[key] !== 'string'), [], 'missing in package.nls.zh-cn.json');
  const used = new Set(keys);
  assert.deepEqual(Object.keys(english).filter((key) => !used.has(key)), [], 'package.nls.json keys package.json does not use');
});

test('package.nls.zh-cn.json has exactly the keys of package.nls.json, each translated once', () => {
  assert.deepEqual(Object.keys(chinese).sort(), Object.keys(english).sort());
  for (const [key, text] of Object.entries(chinese)) assert.ok(text.trim().length > 0, `${key} is empty`);
});

test('a Chinese text keeps every piece of code of the English one (field names, values, setting ids)', () => {
  const code = (text: string): string[] => [...text.matchAll(/`[^`]+`/g)].map((m) => m[0]).sort();
  for (const [key, text] of Object.entries(english)) {
    assert.deepEqual(code(chinese[key] ?? ''), code(text), `${key}: the backquoted code differs`);
  }
});

test('a Chinese text is Chinese where the English is a sentence', () => {
  // Names (the product, the command category) stay as they are; a sentence must not.
  const sentences = Object.entries(english).filter(([, text]) => /\s\w+\s\w+/.test(text.replace(/`[^`]*`/g, '')));
  assert.ok(sentences.length > 15);
  for (const [key] of sentences) assert.match(chinese[key] ?? '', /[\u4e00-\u9fff]/, `${key} has no Chinese in package.nls.zh-cn.json`);
});
