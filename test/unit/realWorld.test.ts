import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { realWorldRoot, repositories, runRealWorld } from '../realworld/runRealWorld';

// Issue 18: real manifests from public repositories (test/realworld/README.md), checked as a new
// user would (`sts check <repository folder>`). Every finding is triaged TRUE or FALSE in
// triage.txt: a change that adds or drops one fails here until someone triages it.

interface Triaged { verdict: 'TRUE' | 'FALSE'; key: string; severity: string; reason: string }

function readTriage(): Triaged[] {
  return readFileSync(join(realWorldRoot, 'triage.txt'), 'utf8').split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^(TRUE|FALSE)\s+(\S+ (error|warning|info|hint) [\w-]+) \| (.+)$/.exec(line);
      assert.ok(match, `a triage line is "TRUE|FALSE <file:line severity rule> | reason": ${line}`);
      return { verdict: match[1] as Triaged['verdict'], key: match[2]!, severity: match[3]!, reason: match[4]! };
    });
}

function yamlFiles(folder: string): number {
  return readdirSync(folder).reduce((n, entry) => {
    const path = join(folder, entry);
    return n + (statSync(path).isDirectory() ? yamlFiles(path) : /\.ya?ml$|^Kustomization$/.test(entry) ? 1 : 0);
  }, 0);
}

test('the set: at least 300 files from at least 20 repositories, each with its SOURCE and LICENSE', () => {
  const repos = repositories();
  assert.ok(repos.length >= 20, `${repos.length} repositories`);
  for (const repo of repos) {
    for (const file of ['SOURCE', 'LICENSE']) assert.ok(existsSync(join(realWorldRoot, repo, file)), `${repo}/${file}`);
    assert.match(readFileSync(join(realWorldRoot, repo, 'SOURCE'), 'utf8'), /^repository: https:\/\/github\.com\/.+\ncommit: [0-9a-f]{40}\nlicence: /);
  }
  const files = repos.reduce((n, repo) => n + yamlFiles(join(realWorldRoot, repo)), 0);
  assert.ok(files >= 300, `${files} files`);
});

test('every finding on the real-world set is triaged, and every triaged finding is still there', () => {
  const triage = readTriage();
  const found = runRealWorld().map((f) => f.key).sort();
  const triaged = triage.map((t) => t.key).sort();
  const missing = triaged.filter((key, i, all) => found.filter((k) => k === key).length < all.slice(0, i + 1).filter((k) => k === key).length);
  const untriaged = found.filter((key, i, all) => triaged.filter((k) => k === key).length < all.slice(0, i + 1).filter((k) => k === key).length);
  assert.deepEqual({ untriaged, missing }, { untriaged: [], missing: [] },
    'run `node --import tsx test/realworld/runRealWorld.ts` and triage the difference in test/realworld/triage.txt');
});

test('no false error and no false warning is left on the real-world set', () => {
  const falseAlarms = readTriage().filter((t) => t.verdict === 'FALSE' && (t.severity === 'error' || t.severity === 'warning'));
  assert.deepEqual(falseAlarms.map((t) => `${t.key} | ${t.reason}`), []);
});
