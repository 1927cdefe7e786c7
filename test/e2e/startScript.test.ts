/**
 * scripts/start.sh (issue 24): opens the folder it is given (examples/ by default), in VS Code's
 * default Dark Modern theme, and does not package the VSIX again when it is newer than every
 * source. Runs the script as a user does, on a free port, and stops it with SIGTERM.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ensureVsix, repoRoot } from './codeServer';
import { waitFor } from './waitFor';

test('start.sh opens the given folder, does not repackage a fresh VSIX, and sets Dark Modern', { timeout: 120_000 }, async () => {
  await ensureVsix(); // packaged now, so newer than every source
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sts-start-'));
  fs.writeFileSync(path.join(folder, 'web.yaml'), 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: web}\n');
  const port = String(20000 + (process.pid % 20000));
  const child = spawn('bash', [path.join(repoRoot, 'scripts', 'start.sh'), folder], { env: { ...process.env, PORT: port }, detached: false });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  try {
    await waitFor(() => output.includes('StatefulSet Studio is running'), 90_000, () => `start.sh to say it is running; it printed:\n${output}`);
    assert.match(output, /is newer than every source: not packaged again/, 'a fresh VSIX is not packaged again');
    assert.ok(output.includes(`/?folder=${folder}`), `the URL opens ${folder}: ${output}`);
    const response = await fetch(`http://127.0.0.1:${port}/`, { redirect: 'manual' });
    assert.ok(response.status < 500, `code-server answers (${response.status})`);
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  // The user settings it writes (into a temporary folder it removes): VS Code's default theme.
  const script = fs.readFileSync(path.join(repoRoot, 'scripts', 'start.sh'), 'utf8');
  assert.match(script, /"workbench\.colorTheme": "Default Dark Modern"/);
});
