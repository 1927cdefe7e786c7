/**
 * A manifest over a megabyte in a real VS Code (code-server 4.100.3): the server shares its
 * first check with a worker thread (dist/partWorker.js, see server/src/lsp/largeFile/sharedFirstCheck.ts).
 * The Problems panel must list exactly the file's findings, one in each half of it, and the
 * server's output channel must say that two threads parsed it. Its own session on a fresh
 * copy of test/e2e/workspace/largeFile/ (empty), with the large file written into it;
 * screenshots go to test-results/e2e/largeFile/.
 *
 *   npm run test:e2e     (after scripts/install-vscode.sh; see session.ts for E2E_VSIX, E2E_KEEP)
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { statefulSetYaml } from '../helpers/manifests';
import { outputText, showOutputChannel, waitForOutput } from './output';
import { vsCodeForSuite } from './session';

const LARGE = 'large.yaml';
/** The language client's output channel (outputChannelName in client/src/extension.ts). */
const CHANNEL = 'StatefulSet Studio';
/** What the server logs once the two threads' first diagnostics are out (server/src/lsp/startServer.ts). */
const SHARED_CHECK_LOGGED = /first diagnostics of file:\/\/\S+\/large\.yaml \(\d+\.\d MB\) in \d+ ms, parsed by two threads/;

const units = 600;
const padding = `# ${'-'.repeat(76)}\n`.repeat(20); // 1.6 KB a unit: the file passes a megabyte
/** The units whose StatefulSet keeps terminationGracePeriodSeconds: 0 (grace-period-zero): one near each end. */
const graceZero = new Set([3, units - 4]);

describe('StatefulSet Studio in VS Code: a manifest over a megabyte', { timeout: 300_000 }, () => {
  const text = largeManifest();
  const inVsCode = vsCodeForSuite({ name: 'largeFile', prepareWorkspace: (workspace) => fs.writeFileSync(path.join(workspace, LARGE), text) });

  test('opening it lists exactly its findings in Problems, and the output channel says two threads parsed it', { timeout: 180_000 },
    inVsCode(async (s) => {
      assert.ok(text.length > 1024 * 1024, `${LARGE} must pass a megabyte for the server to share its first check: ${text.length} bytes`);
      const expected = linesOf(text, /^ +terminationGracePeriodSeconds: 0$/).map((line) => ({ code: 'grace-period-zero', line }));
      assert.equal(expected.length, graceZero.size, `${LARGE} has a zero grace period in units ${[...graceZero].join(', ')}`);

      const { wb } = s;
      await wb.openFile(LARGE);
      await wb.showProblems();
      // Generous: the first diagnostics wait for the extension to activate, its server to start and the file to be parsed.
      const problems = await wb.waitForProblems((ps) => ps.filter(inLarge).length >= expected.length,
        `${expected.length} diagnostics for ${LARGE}`, 90_000);
      assert.deepEqual(problems.filter(inLarge).map(({ code, line }) => ({ code, line })), expected,
        `the Problems panel lists exactly grace-period-zero on lines ${expected.map((e) => e.line).join(' and ')} for ${LARGE}`);
      assert.ok(problems.filter(inLarge).every((p) => p.source === 'statefulset'), 'all from source "statefulset"');
      await s.passedCheck('large-file-problems-lists-its-two-findings');

      await showOutputChannel(wb, CHANNEL);
      await waitForOutput(wb, SHARED_CHECK_LOGGED, `the "${CHANNEL}" output channel says the first check of ${LARGE} was shared with the worker`);
      // Once: checks that start meanwhile (VS Code sends the settings just after the open) wait for it.
      assert.equal((await outputText(wb)).match(/parsed by two threads/g)?.length, 1, 'the first check is shared once');
      await s.passedCheck('large-file-output-channel-says-parsed-by-two-threads');
    }));
});

function inLarge(p: { file: string }): boolean {
  return p.file === LARGE;
}

/**
 * Service + StatefulSet pairs that check clean, each padded with comment lines, but for the
 * units in graceZero. Both halves of the file (each thread's share) hold a finding.
 */
function largeManifest(): string {
  const service = (name: string) =>
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  clusterIP: None\n  selector:\n    app: ${name}\n`;
  const statefulSet = (name: string, i: number) => graceZero.has(i)
    ? statefulSetYaml(name)
    : statefulSetYaml(name).replace('terminationGracePeriodSeconds: 0', 'terminationGracePeriodSeconds: 30');
  return Array.from({ length: units }, (_, i) => `${service(`u${i}`)}---\n${padding}${statefulSet(`u${i}`, i)}`).join('---\n');
}

/** The 1-based numbers of the lines of `text` that match `pattern`. */
function linesOf(text: string, pattern: RegExp): number[] {
  return text.split('\n').flatMap((line, i) => (pattern.test(line) ? [i + 1] : []));
}
