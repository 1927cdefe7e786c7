import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setLocale } from '../../server/src/messages';
import { parseChunk } from '../../server/src/service/parse/parseChunk';
import { englishRuns } from '../englishRuns';

// Issue 22: a YAML syntax error is the yaml library's English sentence. In English it is shown as
// it is; in Chinese its error code says what went wrong (messages/en/yaml.ts) and the library's
// sentence follows, quoted, since it names the character the parser stopped at.

const broken = [
  'a: [1, 2\nb: 3\n',          // a flow sequence not closed
  'a:\n\t- b\n',                 // a tab as indentation
  'a: "x\\q"\n',                 // a bad escape in double quotes
  'a: 1\n  b: 2\n',              // bad indentation
  '? [a\n: b\n',                 // a flow collection left open in a key
  'a: @b\n',                     // a plain scalar cannot start with @
];

function syntaxMessage(text: string): string {
  const error = parseChunk(0, text).syntaxError;
  assert.ok(error, `no syntax error in ${JSON.stringify(text)}`);
  return error.message;
}

test('in Chinese: what the code means, then the parser\'s words quoted; in English: as before', () => {
  for (const text of broken) {
    const english = syntaxMessage(text);
    assert.match(english, /^YAML syntax error: [A-Z]/, english);
    setLocale('zh-cn');
    try {
      const chinese = syntaxMessage(text);
      const parser = english.slice('YAML syntax error: '.length);
      assert.equal(chinese.endsWith(`（解析器原文：“${parser}”）`), true, chinese);
      assert.match(chinese, /^YAML 语法错误：\p{Script=Han}/u, chinese);
      assert.deepEqual(englishRuns(chinese), [], chinese);
    } finally {
      setLocale('en');
    }
  }
});
