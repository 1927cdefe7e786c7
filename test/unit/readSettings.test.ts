import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { readSettings, type ClientSettings } from '../../server/src/lsp/readSettings';

// What VS Code sends for `statefulset` when the user set nothing: each contributed setting's
// default, and for one without a default its type's (false for a boolean): a setting that is
// read only when the user set it (the moved statefulset.maxUnavailableGate) must default to null.
interface SettingSchema { type?: string | string[]; default?: unknown }
const typeDefaults: Record<string, unknown> = { boolean: false, string: '', number: 0, integer: 0, array: [], object: {}, null: null };

function vsCodeDefaults(): ClientSettings {
  const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as
    { contributes: { configuration: { properties: Record<string, SettingSchema> } | { properties: Record<string, SettingSchema> }[] } };
  const sections = [manifest.contributes.configuration].flat();
  const section: Record<string, unknown> = {};
  for (const [key, schema] of sections.flatMap((s) => Object.entries(s.properties))) {
    const path = key.split('.').slice(1); // without "statefulset"
    let at = section;
    for (const part of path.slice(0, -1)) at = (at[part] ??= {}) as Record<string, unknown>;
    const type = [schema.type ?? 'object'].flat()[0] ?? 'object';
    at[path[path.length - 1]!] = 'default' in schema ? schema.default : typeDefaults[type];
  }
  return section;
}

test('the settings VS Code sends when the user set none read as our defaults, with no notice', () => {
  const sent = vsCodeDefaults();
  assert.ok(Object.keys(sent).length >= 10, 'the contributed settings were read');
  const read = readSettings(sent, false);
  assert.deepEqual(read.notices, []);
  assert.deepEqual(read, readSettings(undefined, false));
});
