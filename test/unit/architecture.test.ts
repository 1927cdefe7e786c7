// The layers point down and nothing imports in a circle (.dependency-cruiser.cjs says which
// layer may import which). dependency-cruiser is ESM only, so it runs as its own CLI.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';

const root = join(import.meta.dirname, '..', '..');

interface CruiseResult {
  summary: { violations: { from: string; to: string; rule: { name: string } }[]; totalCruised: number };
}

test('imports point down the layers, with no cycles', () => {
  const run = spawnSync(join(root, 'node_modules', '.bin', 'depcruise'),
    ['--config', '.dependency-cruiser.cjs', '--output-type', 'json', 'server/src', 'client/src', 'protocol'],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.ok(run.stdout, run.stderr);
  const { summary } = JSON.parse(run.stdout) as CruiseResult;
  assert.ok(summary.totalCruised > 100, `only ${summary.totalCruised} modules were read`);
  assert.deepEqual(summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`), []);
});
