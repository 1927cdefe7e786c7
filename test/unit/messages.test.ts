// The message catalog (issue 22): every id has a Simplified Chinese text with the same placeholders
// as the English one, and the language is chosen as editors and shells name it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { catalogs, en } from '../../server/src/messages/catalog';
import { currentLocale, fill, localeFromEnvironment, localeOf, placeholdersOf, setLocale, t, tIn, type MessageId } from '../../server/src/messages';
import { takeLanguage } from '../../server/src/cli/language';

const ids = Object.keys(en) as MessageId[];
const han = /\p{Script=Han}/u;

test('every message id has a Chinese text', () => {
  assert.ok(ids.length > 100, `only ${ids.length} ids`);
  const missing = ids.filter((id) => typeof catalogs['zh-cn'][id] !== 'string' || catalogs['zh-cn'][id].trim() === '');
  assert.deepEqual(missing, []);
  const extra = Object.keys(catalogs['zh-cn']).filter((id) => !Object.hasOwn(en, id));
  assert.deepEqual(extra, [], 'Chinese texts for ids English does not have');
});

test('no id is in two catalog files (a later one would silently replace the earlier)', async () => {
  const files = ['rules1', 'rules2', 'service', 'simulator', 'cli', 'yaml'];
  const seen = new Map<string, string>();
  const twice: string[] = [];
  for (const file of files) {
    const module = await import(`../../server/src/messages/en/${file}.ts`) as Record<string, Record<string, string>>;
    for (const id of Object.keys(Object.values(module)[0] ?? {})) {
      if (seen.has(id)) twice.push(`${id}: ${seen.get(id)} and ${file}`);
      seen.set(id, file);
    }
  }
  assert.deepEqual(twice, []);
  assert.equal(seen.size, ids.length);
});

test('a Chinese text has exactly the placeholders of its English one', () => {
  const differ = ids.filter((id) => placeholdersOf(en[id]).join() !== placeholdersOf(catalogs['zh-cn'][id]).join())
    .map((id) => `${id}: en {${placeholdersOf(en[id]).join(', ')}} zh {${placeholdersOf(catalogs['zh-cn'][id]).join(', ')}}`);
  assert.deepEqual(differ, []);
});

test('a Chinese text is Chinese: it has Han characters, or is code that every language writes alike', () => {
  // Texts made only of placeholders, field names and values (a list such as "{gate} on" is not one).
  const untranslated = ids.filter((id) => !han.test(catalogs['zh-cn'][id]) && catalogs['zh-cn'][id] === en[id] && /[a-z]{3,} [a-z]{3,}/.test(en[id]));
  assert.deepEqual(untranslated, []);
});

test('the placeholder check itself notices a difference (so the test above can fail)', () => {
  assert.notEqual(placeholdersOf('{a} and {b}').join(), placeholdersOf('{a} 和 {c}').join());
  assert.deepEqual(placeholdersOf('({{ }} outside quotes) {name}'), ['name']);
});

test('t fills placeholders in the process language; English is the default', () => {
  assert.equal(currentLocale(), 'en');
  assert.equal(t('common.none'), 'none');
  setLocale('zh-cn');
  try {
    assert.equal(t('common.none'), '无');
    assert.equal(t('k8s.atMostChars', { max: 63 }), '不得超过 63 个字符');
  } finally {
    setLocale('en');
  }
  assert.equal(tIn('en', 'k8s.atMostChars', { max: 15 }), 'must be no more than 15 characters');
  assert.equal(fill('{a} {b}', { a: 1 }), '1 {b}');
});

test('language tags of editors and shells', () => {
  for (const tag of ['zh-cn', 'zh-CN', 'zh', 'zh-Hans', 'zh_CN.UTF-8', 'zh_CN.utf8@pinyin', 'zh-SG']) assert.equal(localeOf(tag), 'zh-cn', tag);
  for (const tag of ['en', 'en-US', 'C', 'POSIX', 'C.UTF-8', 'de_DE.UTF-8', 'zh-TW', 'zh_HK.UTF-8', '', undefined]) assert.equal(localeOf(tag), 'en', String(tag));
});

test('the CLI: --lang first, then LC_ALL, LC_MESSAGES, LANG', () => {
  assert.equal(localeFromEnvironment(undefined, { LANG: 'zh_CN.UTF-8' }), 'zh-cn');
  assert.equal(localeFromEnvironment(undefined, { LC_ALL: 'C', LANG: 'zh_CN.UTF-8' }), 'en');
  assert.equal(localeFromEnvironment(undefined, { LC_ALL: '', LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }), 'zh-cn');
  assert.equal(localeFromEnvironment('en', { LANG: 'zh_CN.UTF-8' }), 'en');
  assert.equal(localeFromEnvironment('zh-cn', {}), 'zh-cn');
  assert.deepEqual(takeLanguage(['check', '--lang', 'zh-cn', 'a.yaml'], {}), { argv: ['check', 'a.yaml'], locale: 'zh-cn' });
  assert.deepEqual(takeLanguage(['check', '--lang=en', 'a.yaml'], { LANG: 'zh_CN.UTF-8' }), { argv: ['check', 'a.yaml'], locale: 'en' });
  assert.deepEqual(takeLanguage(['check', '--', '--lang', 'x'], { LANG: 'zh_CN.UTF-8' }), { argv: ['check', '--', '--lang', 'x'], locale: 'zh-cn' });
});

// Type-checked by `npm run typecheck`, never run: a call with a missing or unknown parameter does not compile.
export function wrongCallsDoNotCompile(): void {
  // @ts-expect-error a placeholder without its value
  t('k8s.atMostChars');
  // @ts-expect-error a value for a placeholder the text does not have
  t('common.none', { max: 1 });
  // @ts-expect-error an id that is not in the catalog
  t('no.such.id');
}

test("the snippets' English in the catalog is the snippets file's", async () => {
  const { default: definitions } = await import('../../snippets/statefulset.json', { with: { type: 'json' } });
  for (const [label, definition] of Object.entries(definitions as Record<string, { title: string; description: string }>)) {
    assert.equal(en[`snippet.${label}.title` as MessageId], definition.title, label);
    assert.equal(en[`snippet.${label}.description` as MessageId], definition.description, label);
  }
});

test("sts help's English in the catalog is commands.ts's, for every command and option", async () => {
  const { commands } = await import('../../server/src/cli/commands');
  const { detailsOf, optionHelpOf, summaryOf } = await import('../../server/src/cli/helpWords');
  for (const command of commands) {
    assert.equal(summaryOf(command), command.summary, command.name);
    assert.deepEqual(detailsOf(command), command.details, command.name);
    for (const option of command.options) assert.equal(optionHelpOf(command, option), option.help, `${command.name} ${option.flag}`);
  }
  // Each of them is in the catalog (so it has a Chinese text), not only in commands.ts.
  const ids = new Set(Object.keys(en));
  for (const command of commands) assert.ok(ids.has(`help.${command.name}.summary`), command.name);
  setLocale('zh-cn');
  try {
    for (const command of commands) {
      assert.match(summaryOf(command), han, command.name);
      for (const option of command.options) assert.match(optionHelpOf(command, option), han, `${command.name} ${option.flag}`);
    }
  } finally {
    setLocale('en');
  }
});
