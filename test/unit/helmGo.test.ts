// go/helm's own checks, run by `npm test`: go vet and its unit tests.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { noGo, root } from './helmSupport';

const goHelm = join(root, 'go', 'helm');

for (const args of [['vet', './...'], ['test', './...']]) {
  test(`go ${args.join(' ')} in go/helm`, { skip: noGo }, () => {
    const run = spawnSync('go', args, { cwd: goHelm, encoding: 'utf8', maxBuffer: 64 << 20 });
    assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
  });
}
