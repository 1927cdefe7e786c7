/**
 * A kustomize overlay in a real VS Code (code-server): test/fixtures/kustomize-own/db, a base and
 * overlays with injected mistakes. Opening the prod overlay's patch builds the overlay with
 * kustomize's engine: Problems lists the patch's own finding on its line, and the base's
 * StatefulSet (a closed file) gets the overlay's finding on its line, naming the overlay. An edit
 * of the patch builds again and the finding goes; the preview of the base's StatefulSet shows it
 * as the overlay builds it. Its own session; screenshots go to test-results/e2e/kustomizeOverlay/.
 *
 *   npm run test:e2e     (after scripts/install-vscode.sh; see session.ts for E2E_VSIX, E2E_KEEP)
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { ours } from './problems';
import type { Problem } from './workbench';
import { vsCodeForSuite } from './session';

const layout = path.join(import.meta.dirname, '..', 'fixtures', 'kustomize-own', 'db');
const PATCH = 'replicas.yaml';
const BASE = 'statefulset.yaml';
let baseText = '';

function prepare(workspace: string): void {
  fs.cpSync(layout, workspace, { recursive: true });
  // Only the prod overlay: its patch lowers replicas to 2, below the base's partition 3.
  for (const other of ['staging', 'split', 'typo']) fs.rmSync(path.join(workspace, 'overlays', other), { recursive: true, force: true });
  baseText = fs.readFileSync(path.join(workspace, 'base', BASE), 'utf8');
}

const withCode = (file: string, code: string) => (p: Problem): boolean => ours(p) && p.file.startsWith(file) && p.code === code;
const lineOf = (text: string, pattern: RegExp): number => text.split('\n').findIndex((l) => pattern.test(l)) + 1;

describe('StatefulSet Studio in VS Code: a kustomize overlay', { timeout: 360_000 }, () => {
  const inVsCode = vsCodeForSuite({ name: 'kustomizeOverlay', prepareWorkspace: prepare });

  test('the overlay\'s finding on the base line, naming the overlay; an edit of the patch builds again', { timeout: 300_000 },
    inVsCode(async (s) => {
      const { wb } = s;
      await wb.openFile(PATCH);
      await wb.showProblems();
      // Generous: the extension activates, the server starts, kustomize's engine loads and builds.
      const problems = await wb.waitForProblems((ps) => ps.some(withCode(BASE, 'partition-exceeds-replicas')),
        'partition-exceeds-replicas on the base statefulset.yaml, from the prod overlay', 120_000);
      const partition = problems.find(withCode(BASE, 'partition-exceeds-replicas'))!;
      assert.equal(partition.line, lineOf(baseText, /^ {6}partition: 3$/));
      assert.match(partition.message, /overlay overlays\/prod/);
      await s.passedCheck('overlay-finding-on-the-base-line');

      // Replicas back above the partition: the overlay builds again and the finding goes.
      await wb.openFile(PATCH);
      await wb.goTo(6, 14); // after `  replicas: 2`
      await wb.type('0');
      await wb.waitForProblems((ps) => !ps.some(withCode(BASE, 'partition-exceeds-replicas')),
        'partition-exceeds-replicas gone once the patch sets replicas: 20', 60_000);
      await s.passedCheck('patch-edit-rebuilds-the-overlay');

      // The preview of the base's StatefulSet shows it as the overlay builds it: its name prefix,
      // the patch's replicas, and the footer naming the overlay.
      await wb.openFile(BASE);
      await wb.goTo(lineOf(baseText, /^kind: StatefulSet$/));
      await wb.runCommand('statefulset.openPreview', 'StatefulSet: Open Preview');
      await wb.waitForWebviewText((text) => text.includes('prod-db-19') && text.includes('built by the kustomize overlay overlays/prod'),
        'the preview of the base StatefulSet as overlays/prod builds it (prod-db, 20 replicas), its footer naming the overlay', 60_000);
      await s.passedCheck('base-preview-shows-the-overlay-build');
    }));
});
