/**
 * A Helm chart in a real VS Code (code-server 4.100.3): bitnami/postgresql with a literal mistake
 * in its StatefulSet template and one in values.yaml. Problems lists each on the line that wrote
 * it (the template line, the values line); the light bulb on the values line fixes values.yaml;
 * the preview of the template shows the release's pods. Its own session on a copy of
 * test/e2e/workspace/helmChart/; screenshots go to test-results/e2e/helmChart/.
 *
 *   npm run test:e2e     (after scripts/install-vscode.sh; see session.ts for E2E_VSIX, E2E_KEEP)
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { applyCodeAction, openCodeActions } from './editorWidgets';
import { ours } from './problems';
import type { Problem } from './workbench';
import { vsCodeForSuite } from './session';

const chart = path.join(import.meta.dirname, '..', 'fixtures', 'charts', 'postgresql');
const TEMPLATE = 'statefulset.yaml';
const VALUES = 'values.yaml';
let templateText = '';
let valuesText = '';

/** The chart at the workspace's root, with the read-replica templates left out (one statefulset.yaml), and two mistakes. */
function prepare(workspace: string): void {
  fs.cpSync(chart, workspace, { recursive: true });
  fs.rmSync(path.join(workspace, 'templates', 'read'), { recursive: true, force: true });
  const template = path.join(workspace, 'templates', 'primary', TEMPLATE);
  templateText = fs.readFileSync(template, 'utf8').replace('    spec:\n', '    spec:\n      terminationGracePeriodSeconds: 0\n');
  fs.writeFileSync(template, templateText);
  const values = path.join(workspace, VALUES);
  valuesText = fs.readFileSync(values, 'utf8').replace('  updateStrategy:\n    type: RollingUpdate\n    rollingUpdate: {}', '  updateStrategy:\n    type: RollingUpdate\n    rollingUpdate:\n      partition: 5');
  fs.writeFileSync(values, valuesText);
}

/** A problem of ours in a file of that name (the Problems panel shows a nested file's folder after its name). */
const withCode = (file: string, code: string) => (p: Problem): boolean => ours(p) && p.file.startsWith(file) && p.code === code;

const lineOf = (text: string, pattern: RegExp): number => text.split('\n').findIndex((l) => pattern.test(l)) + 1;

describe('StatefulSet Studio in VS Code: a Helm chart', { timeout: 360_000 }, () => {
  const inVsCode = vsCodeForSuite({ name: 'helmChart', prepareWorkspace: prepare });

  test('findings on the template and values lines, a values.yaml fix from the light bulb, the release in the preview and the status bar', { timeout: 300_000 },
    inVsCode(async (s) => {
      const { wb } = s;
      await wb.openFile(TEMPLATE);
      await wb.showProblems();
      // Generous: the extension activates, the server starts, Helm's engine loads and renders the chart.
      const problems = await wb.waitForProblems(
        (ps) => ps.some(withCode(TEMPLATE, 'grace-period-zero')) && ps.some(withCode(TEMPLATE, 'partition-exceeds-replicas')) && ps.some(withCode(VALUES, 'partition-exceeds-replicas')),
        'grace-period-zero and partition-exceeds-replicas on the template, partition-exceeds-replicas on values.yaml', 120_000);
      assert.equal(problems.find(withCode(TEMPLATE, 'grace-period-zero'))?.line, lineOf(templateText, /^ {6}terminationGracePeriodSeconds: 0$/));
      assert.equal(problems.find(withCode(TEMPLATE, 'partition-exceeds-replicas'))?.line, lineOf(templateText, /updateStrategy: \{\{- toYaml \.Values\.primary\.updateStrategy/));
      assert.equal(problems.find(withCode(VALUES, 'partition-exceeds-replicas'))?.line, lineOf(valuesText, /^ {6}partition: 5$/));
      await s.passedCheck('chart-findings-on-template-and-values-lines');

      await wb.openFile(VALUES);
      const onValues = problems.find(withCode(VALUES, 'partition-exceeds-replicas'))!;
      await wb.goTo(onValues.line, onValues.column);
      const titles = await openCodeActions(wb);
      const fix = titles.find((t) => /partition/i.test(t) && !/^Ignore/.test(t));
      assert.ok(fix, `a partition fix in the light bulb of values.yaml: ${JSON.stringify(titles)}`);
      await applyCodeAction(wb, fix);
      await wb.waitForEditorLine(/^ {6}partition: [0-4]$/, 'values.yaml edited by the fix');
      await wb.waitForProblems((ps) => !ps.some((p) => p.code === 'partition-exceeds-replicas') && ps.some(withCode(TEMPLATE, 'grace-period-zero')),
        'partition-exceeds-replicas gone after the fix (grace-period-zero still there)', 60_000);
      await s.passedCheck('values-fix-applied-from-the-light-bulb');

      await wb.openFile(TEMPLATE);
      await wb.goTo(lineOf(templateText, /^kind: StatefulSet$/));
      await wb.runCommand('statefulset.openPreview', 'StatefulSet: Open Preview');
      await wb.waitForWebviewText((text) => text.includes('release-name-postgresql-0') && text.includes('data-release-name-postgresql-0'),
        'the preview of the chart template with the release\'s pod release-name-postgresql-0 and its PVC', 60_000);
      await s.passedCheck('chart-preview-shows-release-pods');
      await wb.waitForWebviewText((text) => text.includes('Helm release "release-name" in namespace "default" · values.yaml'),
        'the preview\'s footer saying which release and values it rendered', 10_000);
      await wb.openFile(TEMPLATE);
      await wb.waitForStatusItem((text) => text.includes('release-name · values.yaml'), 'the status item of the chart\'s release', 30_000);
      await s.passedCheck('status-item-names-the-release-and-values');
    }));
});
