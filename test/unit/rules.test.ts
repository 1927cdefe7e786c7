import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { baselineFrom } from '../../server/src/service/baseline/baselineLookup';
import { checkFile } from '../../server/src/service/languageService';
import { DocumentStore, parseFile } from '../../server/src/service/parse/documentStore';
import { defaultSettings } from '../../server/src/service/settings';
import { WorkspaceIndex } from '../../server/src/service/workspace/workspaceIndex';
import { isKubernetesVersion } from '../../server/src/service/versions/kubernetesVersions';

const folder = join(import.meta.dirname, '..', 'fixtures', 'rules');
const expectation = /#\s*expect:\s*([\w-]+(?:\s*,\s*[\w-]+)*)/;

/** The `line rule` pairs a fixture expects, from its `# expect: rule, rule` comments. */
function expected(text: string): string[] {
  return text.split('\n').flatMap((line, n) => {
    const match = expectation.exec(line);
    return match ? (match[1] ?? '').split(',').map((rule) => `${n + 1} ${rule.trim()}`) : [];
  }).sort();
}

/** What the language service finds, as `line rule` pairs; `deployed` is the baseline's text (`<name>.baseline.yaml`). */
function actual(text: string, deployed?: string): string[] {
  const baseline = deployed === undefined ? undefined : baselineFrom(parseFile(deployed), defaultSettings.defaultNamespace);
  // A `# kubernetesVersion: 1.31` line checks the fixture for that release (issue 21).
  const version = /^# kubernetesVersion: (1\.3\d)$/m.exec(text)?.[1];
  const settings = version && isKubernetesVersion(version) ? { ...defaultSettings, kubernetesVersion: version } : defaultSettings;
  const { findings, lines } = checkFile('file:///fixture.yaml', text, settings, new WorkspaceIndex(), baseline);
  return findings.map((f) => `${lines.positionAt(f.start).line + 1} ${f.rule}`).sort();
}

for (const file of readdirSync(folder).filter((f) => f.endsWith('.yaml') && !f.endsWith('.baseline.yaml'))) {
  test(`rules fixture ${file}`, () => {
    const text = readFileSync(join(folder, file), 'utf8');
    const baselinePath = join(folder, file.replace(/\.yaml$/, '.baseline.yaml'));
    assert.deepEqual(actual(text, existsSync(baselinePath) ? readFileSync(baselinePath, 'utf8') : undefined), expected(text));
  });
}
