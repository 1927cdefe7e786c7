/**
 * StatefulSet Studio in a real VS Code, as a user sees it: the packaged VSIX installed into
 * code-server 4.100.3 (VS Code 1.100.3), driven through Chromium. Each check waits, with a
 * deadline, for what it looks at; each passed check leaves a screenshot in test-results/e2e/.
 *
 *   npm run test:e2e     (after scripts/install-vscode.sh; see session.ts for E2E_VSIX, E2E_KEEP)
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { acceptSuggestion, applyCodeAction, openCodeActions } from './editorWidgets';
import { codesIn, inFile, ours, withCode } from './problems';
import { vsCodeForSuite, type Session } from './session';
import { waitFor } from './waitFor';

const fixtures = path.join(import.meta.dirname, 'workspace');
/** The quick fix of grace-period-zero (server/src/service/rules/grace-period-zero.ts). */
const GRACE_PERIOD_FIX = 'Set terminationGracePeriodSeconds to 30 (the Kubernetes default)';


describe('StatefulSet Studio in VS Code', { timeout: 420_000 }, () => {
  const inVsCode = vsCodeForSuite();

  test('Problems lists our diagnostics for a broken manifest and none for a clean one', { timeout: 120_000 },
    inVsCode(async (s) => {
      const { wb } = s;
      await wb.openFile('clean.yaml');
      await wb.openFile('broken.yaml');
      await wb.showProblems();
      const expected = { 'service-missing': /serviceName:/, 'selector-mismatch': /^ {2}selector:/, 'grace-period-zero': /terminationGracePeriodSeconds: 0/ };
      // Generous: the first diagnostics wait for the extension to activate and its server to start.
      const problems = await wb.waitForProblems(
        (ps) => Object.keys(expected).every((code) => ps.some(withCode('broken.yaml', code))),
        `${Object.keys(expected).join(', ')} for broken.yaml from source "statefulset"`, 60_000);
      for (const [code, line] of Object.entries(expected)) {
        assert.equal(problems.find(withCode('broken.yaml', code))?.line, lineOf('broken.yaml', line), `the line of ${code}`);
      }
      assert.match(problems.find(withCode('broken.yaml', 'service-missing'))!.message, /db-headless/);
      assert.deepEqual(problems.filter(inFile('clean.yaml')), [], 'no diagnostics for clean.yaml');
      await waitFor(async () => (await squiggles(s)) >= 3, 10_000, 'three squiggles in the editor of broken.yaml');
      await s.passedCheck('problems-panel-lists-broken-yaml-diagnostics');

      await wb.openFile('clean.yaml');
      await wb.waitForEditorLine(/kind: StatefulSet/, 'clean.yaml shown');
      assert.equal(await squiggles(s), 0, 'no squiggles in the editor of clean.yaml');
      assert.deepEqual((await wb.problems()).filter(inFile('clean.yaml')), [], 'still no diagnostics for clean.yaml');
      await s.passedCheck('clean-yaml-has-no-diagnostics');
    }));

  test('the light bulb\'s quick fix (Ctrl+.) for grace-period-zero removes its diagnostic', { timeout: 90_000 },
    inVsCode(async (s) => {
      const { wb } = s;
      await wb.openFile('broken.yaml');
      await wb.showProblems();
      const before = await wb.waitForProblems((ps) => ps.some(withCode('broken.yaml', 'grace-period-zero')),
        'grace-period-zero for broken.yaml', 60_000);
      const grace = before.find(withCode('broken.yaml', 'grace-period-zero'))!;
      await wb.goTo(grace.line, grace.column);
      const titles = await openCodeActions(wb);
      assert.ok(titles.includes(GRACE_PERIOD_FIX), `Ctrl+. on the grace-period-zero diagnostic offers "${GRACE_PERIOD_FIX}"; `
        + `it offers ${titles.length ? titles.map((title) => `"${title}"`).join(', ') : 'nothing ("No code actions available")'}`);
      await s.passedCheck('quick-fix-menu-offers-grace-period-fix');

      await applyCodeAction(wb, GRACE_PERIOD_FIX);
      const others = codesIn(before, 'broken.yaml').filter((code) => code !== 'grace-period-zero');
      await wb.waitForProblems(
        (ps) => !ps.some(withCode('broken.yaml', 'grace-period-zero')) && others.every((code) => ps.some(withCode('broken.yaml', code))),
        `grace-period-zero gone from broken.yaml after the fix, the others (${others.join(', ')}) still there`);
      await wb.waitForEditorLine(/^ +terminationGracePeriodSeconds: 30$/, 'the fixed grace period');
      // files.autoSave is afterDelay in the browser build: the edit reaches the disk.
      await waitFor(() => /terminationGracePeriodSeconds: 30\n/.test(fs.readFileSync(path.join(s.workspace, 'broken.yaml'), 'utf8')),
        10_000, 'broken.yaml saved with terminationGracePeriodSeconds: 30');
      await s.passedCheck('quick-fix-applied-grace-period-zero-gone');
    }));

  test('typing a fix removes its diagnostic; typing a mistake adds one', { timeout: 90_000 },
    inVsCode(async (s) => {
      const { wb } = s;
      // broken.yaml: the selector wants app=database, the pod template says app=db.
      await wb.openFile('broken.yaml');
      await wb.showProblems();
      const before = await wb.waitForProblems((ps) => ps.some(withCode('broken.yaml', 'selector-mismatch')),
        'selector-mismatch for broken.yaml', 60_000);
      const line = lineOf('broken.yaml', /app: database$/);
      await wb.goTo(line, fixtureLine('broken.yaml', line).indexOf('database') + 1);
      await wb.press('Shift+End');
      await wb.type('db');
      await wb.waitForEditorLine(/^ {6}app: db$/, 'the selector typed as app: db');
      const others = codesIn(before, 'broken.yaml').filter((code) => code !== 'selector-mismatch');
      await wb.waitForProblems(
        (ps) => !ps.some(withCode('broken.yaml', 'selector-mismatch')) && others.every((code) => ps.some(withCode('broken.yaml', code))),
        `selector-mismatch gone from broken.yaml after typing app: db, the others (${others.join(', ')}) still there`);
      await s.passedCheck('typed-selector-fix-selector-mismatch-gone');

      // clean.yaml: `replicas: 3` typed into `replicas: -3`, then back.
      const replicas = lineOf('clean.yaml', /replicas: 3$/);
      await wb.openFile('clean.yaml');
      await wb.goTo(replicas, fixtureLine('clean.yaml', replicas).indexOf('3') + 1);
      await wb.type('-');
      await wb.waitForProblems((ps) => ps.some((p) => withCode('clean.yaml', 'negative-value')(p) && p.line === replicas),
        `negative-value for clean.yaml line ${replicas} after typing replicas: -3`);
      await s.passedCheck('typed-negative-replicas-negative-value-shown');

      await wb.press('Backspace');
      await wb.waitForProblems((ps) => !ps.some(inFile('clean.yaml')) && ps.some(inFile('broken.yaml')),
        'no diagnostics for clean.yaml after deleting the "-" again');
      await s.passedCheck('typed-replicas-back-clean-yaml-clean-again');
    }));

  test('the "statefulset" snippet inserts a StatefulSet and its Service that check clean', { timeout: 90_000 },
    inVsCode(async (s) => {
      // Issue 24: the language server offers the snippets (once each, only where they fit), no
      // longer package.json: the row is the snippet's one name.
      const { wb } = s;
      await wb.openFile('from-snippet.yaml');
      await wb.showProblems();
      await acceptSuggestion(wb, 'statefulset', 'statefulset');
      // The first tab stop is the name, mirrored into the Service, labels and serviceName.
      await wb.type('shop');
      await wb.waitForEditorLine(/^ {2}serviceName: shop$/, 'the name typed at the first tab stop, mirrored');
      // Tab on to the fourth tab stop, replicas, and make it negative: negative-value must
      // then be the only diagnostic of the file, which proves the rest of it is clean.
      for (let i = 0; i < 3; i++) await wb.press('Tab');
      await wb.type('-3');
      await wb.waitForEditorLine(/^ {2}replicas: -3$/, 'replicas typed at the fourth tab stop');
      await wb.press('Escape');
      await wb.waitForProblems((ps) => codesIn(ps, 'from-snippet.yaml').join() === 'negative-value',
        'only negative-value (replicas: -3) for from-snippet.yaml');
      await s.passedCheck('snippet-inserted-only-the-typed-mistake-reported');
    }));

  test('the preview shows the pods, DNS names and PVCs, and follows edits', { timeout: 90_000 }, inVsCode(async (s, t) => {
    const command = s.manifest.contributes?.commands?.find((c) => /preview/i.test(c.title));
    if (!command) {
      s.skip(t, 'package.json contributes no preview command yet');
      return;
    }
    const { wb } = s;
    const pods = (n: number) => Array.from({ length: n }, (_, i) => `web-${i}`);
    await wb.openFile('clean.yaml');
    await wb.hidePanel();
    await wb.runCommand(command.command, command.title);
    // clean.yaml: StatefulSet `web`, 3 replicas, headless Service `web`, namespace `demo`,
    // volumeClaimTemplate `www`.
    await wb.waitForWebviewText(
      (text) => pods(3).every((pod) => text.includes(pod)) && !text.includes('web-3')
        && text.includes('web-0.web.demo.svc.cluster.local') && text.includes('www-web-2'),
      'pods web-0..web-2, the DNS name web-0.web.demo.svc.cluster.local and the PVC www-web-2 in the preview', 30_000);
    await s.passedCheck('preview-shows-3-pods-dns-names-pvcs');

    // Typed into the editor: replicas 3 -> 5; the preview follows.
    const replicas = lineOf('clean.yaml', /replicas: 3$/);
    await wb.focusEditor();
    await wb.goTo(replicas, fixtureLine('clean.yaml', replicas).indexOf('3') + 1);
    await wb.press('Shift+ArrowRight');
    await wb.type('5');
    await wb.waitForWebviewText((text) => pods(5).every((pod) => text.includes(pod)) && text.includes('www-web-4'),
      'pods web-0..web-4 and the PVC www-web-4 in the preview after typing replicas: 5');
    let lenses: string[] = [];
    await waitFor(async () => (lenses = await wb.codeLenses()).some((lens) => /\b5 pods\b/.test(lens)), 10_000,
      () => `the CodeLens above the StatefulSet to say 5 pods (it shows ${JSON.stringify(lenses)})`);
    await s.passedCheck('preview-and-codelens-follow-edit-to-5-replicas');
  }));
});

/** How many diagnostic squiggles the active editor draws. */
function squiggles(s: Session): Promise<number> {
  return s.wb.page.locator('.editor-instance .view-overlays [class*="squiggly-"]').count();
}

/** The 1-based number of the first line of a fixture that matches `pattern`. */
function lineOf(file: string, pattern: RegExp): number {
  const index = fixtureLines(file).findIndex((l) => pattern.test(l));
  assert.ok(index >= 0, `${pattern} is not in ${file}`);
  return index + 1;
}

function fixtureLine(file: string, line: number): string {
  return fixtureLines(file)[line - 1] ?? '';
}

function fixtureLines(file: string): string[] {
  return fs.readFileSync(path.join(fixtures, file), 'utf8').split('\n');
}
