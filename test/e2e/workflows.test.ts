/**
 * More of what a user does with StatefulSet Studio in a real VS Code (code-server 4.100.3):
 * the light bulb for selector-mismatch, a change against the deployed (git HEAD) version
 * reverted from the light bulb, hover and completion of serviceName, and the preview in a
 * dark and a light theme, also for a manifest full of HTML. Its own session, on
 * test/e2e/workspace/workflows/ made a git repository; screenshots go to
 * test-results/e2e/workflows/.
 *
 *   npm run test:e2e     (after scripts/install-vscode.sh; see session.ts for E2E_VSIX, E2E_KEEP)
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { ConsoleMessage, Dialog } from 'playwright-core';
import { selectColorTheme, themeKind, waitForThemeKind } from './colorTheme';
import { applyCodeAction, openCodeActions, waitForHover, waitForSuggestions } from './editorWidgets';
import { codesIn, inFile, ours, withCode } from './problems';
import { vsCodeForSuite, type Session } from './session';
import { waitFor } from './waitFor';

const fixtures = path.join(import.meta.dirname, 'workspace', 'workflows');

/** The fixes of selector-mismatch (server/src/service/rules/selector-mismatch.ts) and its "ignore" action. */
const CHANGE_SELECTOR = "Change spec.selector to match the pod template's labels";
const ADD_TEMPLATE_LABELS = "Add the selector's labels to the pod template (spec.template.metadata.labels)";
const IGNORE_SELECTOR_MISMATCH = 'Ignore selector-mismatch here';
/** immutable-field-changed (server/src/service/rules/immutable-field-changed.ts): its message and fix. */
const IMMUTABLE_CLAIMS = 'spec.volumeClaimTemplates cannot change on an existing StatefulSet';
const REVERT_TO_1GI = 'Revert to the deployed value ("1Gi")';
/** ledger.yaml's first pod, governed by the headless Service "ledger" of services.yaml. */
const LEDGER_FQDN = 'ledger-0.ledger.ledger.svc.cluster.local';
/** A payload of hostile.yaml that the preview shows (as the podManagementPolicy warning). */
const SHOWN_PAYLOAD = '<img src=x onerror=alert(3)>';
const DARK_THEME = 'Default Dark Modern';
const LIGHT_THEME = 'Default Light Modern';

const list = (titles: string[]) => (titles.length ? titles.map((title) => `"${title}"`).join(', ') : 'nothing ("No code actions available")');

describe('StatefulSet Studio in VS Code: quick fixes, the deployed version, hover, completion, preview themes',
  { timeout: 480_000 }, () => {
    const inVsCode = vsCodeForSuite({
      name: 'workflows',
      prepareWorkspace: commitDeployedVersion,
      settings: {
        // VS Code's own git support is not under test: no SCM view, prompts or decorations.
        'git.enabled': false,
        'git.autoRepositoryDetection': false,
        // VS Code's default on the desktop. In a browser it would follow the browser's
        // prefers-color-scheme, which is light in headless Chromium.
        'workbench.colorTheme': DARK_THEME,
        // CHANGED EXPECTATION (issue 18): git HEAD is no longer the default deployed version; the
        // test chooses it, as a user does (StatefulSet: Compare with Branch…).
        'statefulset.baseline': 'HEAD',
      },
    });

    test('the light bulb (Ctrl+.) offers the selector-mismatch fixes; the first makes the selector match', { timeout: 120_000 },
      inVsCode(async (s) => {
        const { wb } = s;
        await wb.openFile('selector.yaml');
        await wb.showProblems();
        // Generous: the first diagnostics wait for the extension to activate and its server to start.
        const before = await wb.waitForProblems((ps) => ps.some(withCode('selector.yaml', 'selector-mismatch')),
          'selector-mismatch for selector.yaml from source "statefulset"', 60_000);
        assert.deepEqual(codesIn(before, 'selector.yaml'), ['selector-mismatch'], 'selector-mismatch is the only diagnostic of selector.yaml');
        const mismatch = before.find(withCode('selector.yaml', 'selector-mismatch'))!;
        // The StatefulSet's selector: the line above its matchLabels (the Service's selector has none).
        assert.equal(mismatch.line, lineOf('selector.yaml', /^ {4}matchLabels:$/) - 1, 'selector-mismatch is reported on spec.selector');

        await wb.goTo(mismatch.line, mismatch.column);
        const titles = await openCodeActions(wb);
        for (const title of [CHANGE_SELECTOR, ADD_TEMPLATE_LABELS]) {
          assert.ok(titles.includes(title), `Ctrl+. on selector-mismatch offers "${title}"; it offers ${list(titles)}`);
        }
        assert.ok(titles.some((title) => title.startsWith(IGNORE_SELECTOR_MISMATCH)),
          `Ctrl+. on selector-mismatch offers "${IGNORE_SELECTOR_MISMATCH} …"; it offers ${list(titles)}`);
        await s.passedCheck('selector-mismatch-light-bulb-offers-both-fixes-and-ignore');

        await applyCodeAction(wb, CHANGE_SELECTOR);
        await wb.waitForProblems((ps) => !ps.some(inFile('selector.yaml')),
          'no diagnostics for selector.yaml after "Change spec.selector to match the pod template\'s labels"');
        // The selector (indented 6) now says app=orders; the template's label (indented 8) is untouched.
        await wb.waitForEditorLine(/^ {6}app: orders$/, 'the selector changed to app: orders');
        await wb.waitForEditorLine(/^ {8}app: orders$/, 'the template label still app: orders');
        await waitFor(() => /matchLabels:\n {6}app: orders\n/.test(readWorkspaceFile(s, 'selector.yaml')), 10_000,
          'selector.yaml saved with matchLabels app: orders');
        await s.passedCheck('selector-mismatch-fixed-from-light-bulb-diagnostic-gone');
      }));

    test('changing a volumeClaimTemplate against the deployed version (git HEAD) warns, and the light bulb reverts it', { timeout: 120_000 },
      inVsCode(async (s) => {
        const { wb } = s;
        await wb.openFile('db.yaml');
        await wb.showProblems();
        // The server has checked db.yaml once its CodeLens ("3 pods …") is drawn above the StatefulSet.
        let lenses: string[] = [];
        await waitFor(async () => (lenses = await wb.codeLenses()).some((lens) => /\b3 pods\b/.test(lens)), 60_000,
          () => `the CodeLens of db.yaml's StatefulSet (it shows ${JSON.stringify(lenses)})`);
        assert.deepEqual((await wb.problems()).filter(inFile('db.yaml')), [], 'db.yaml as committed has no diagnostics');

        const storage = lineOf('db.yaml', /storage: 1Gi$/);
        await wb.goTo(storage, fixtureLine('db.yaml', storage).indexOf('1Gi') + 1);
        await wb.press('Shift+ArrowRight');
        await wb.type('5');
        await wb.waitForEditorLine(/^ +storage: 5Gi$/, 'storage typed as 5Gi');
        // Generous: the deployed version is read with `git show HEAD:./db.yaml` in the background.
        const problems = await wb.waitForProblems((ps) => ps.some(withCode('db.yaml', 'immutable-field-changed')),
          `immutable-field-changed for db.yaml after typing storage: 5Gi (HEAD has 1Gi)`, 30_000);
        const warning = problems.find(withCode('db.yaml', 'immutable-field-changed'))!;
        assert.equal(warning.severity, 'Warning', 'immutable-field-changed is a warning');
        assert.ok(warning.message.startsWith(IMMUTABLE_CLAIMS), `the message starts "${IMMUTABLE_CLAIMS}": ${warning.message}`);
        assert.match(warning.message, /spec\.resources\.requests\.storage: "1Gi" → "5Gi"/, 'the message gives both values, field by field');
        assert.equal(warning.line, storage, 'the warning is on the storage line');
        assert.deepEqual(codesIn(problems, 'db.yaml'), ['immutable-field-changed'], 'the only diagnostic of db.yaml');
        await s.passedCheck('immutable-field-changed-warning-after-typing-5Gi');

        await wb.goTo(warning.line, warning.column);
        const titles = await openCodeActions(wb);
        assert.ok(titles.includes(REVERT_TO_1GI), `Ctrl+. on immutable-field-changed offers '${REVERT_TO_1GI}'; it offers ${list(titles)}`);
        await s.passedCheck('immutable-field-changed-light-bulb-offers-revert-to-1Gi');

        await applyCodeAction(wb, REVERT_TO_1GI);
        await wb.waitForEditorLine(/^ +storage: 1Gi$/, 'storage reverted to 1Gi');
        await wb.waitForProblems((ps) => !ps.some(inFile('db.yaml')), 'no diagnostics for db.yaml after the revert');
        await waitFor(() => /storage: 1Gi\n/.test(readWorkspaceFile(s, 'db.yaml')), 10_000, 'db.yaml saved with storage: 1Gi');
        await s.passedCheck('reverted-to-deployed-1Gi-warning-gone');
      }));

    test('hover on serviceName tells where its Service is, that it is headless, and a pod\'s DNS name; completion puts the headless Service first',
      { timeout: 120_000 }, inVsCode(async (s) => {
        const { wb } = s;
        await wb.hidePanel();
        await wb.openFile('ledger.yaml');
        const serviceName = lineOf('ledger.yaml', /^ {2}serviceName: ledger$/);
        // On the value, one character in.
        await wb.goTo(serviceName, fixtureLine('ledger.yaml', serviceName).indexOf('ledger') + 2);
        // Generous: the Service is in services.yaml, which the server indexes in the background.
        const hover = await waitForHover(wb, (text) => text.includes(LEDGER_FQDN) && /services\.yaml/.test(text),
          `a hover on serviceName naming services.yaml and the pod DNS name ${LEDGER_FQDN}`, 30_000);
        assert.match(hover, /Service ledger in services\.yaml: headless/, 'the hover says where the Service is and that it is headless');
        await s.passedCheck('hover-on-serviceName-shows-service-file-headless-and-fqdn');
        await wb.press('Escape');

        // draft.yaml has no serviceName: type one on a new line below `replicas` (Enter keeps
        // its indentation) and ask for its value.
        await wb.openFile('draft.yaml');
        const replicas = lineOf('draft.yaml', /^ {2}replicas: 1$/);
        await wb.goTo(replicas, fixtureLine('draft.yaml', replicas).length + 1);
        await wb.press('Enter');
        await wb.type('serviceName: ');
        await wb.waitForEditorLine(/^ {2}serviceName: $/, 'serviceName typed under spec, indented');
        // The focused (first) row shows its detail: in its text while the details pane is
        // closed, in its aria-label ("ledger, Reference, docs: headless Service in …") once resolved.
        const shown = (row: { label: string; text: string } | undefined) => `${row?.label ?? ''} ${row?.text ?? ''}`;
        const rows = await waitForSuggestions(wb, (r) => r.some((row) => row.label.startsWith('accounts, '))
          && r.some((row) => row.label.startsWith('ledger, ')) && /Service in/.test(shown(r[0])),
        'both Services of namespace "ledger" (accounts, ledger) among the suggestions for serviceName, the first with its detail', 30_000);
        assert.ok(rows[0]!.label.startsWith('ledger, '),
          `the headless Service "ledger" is the first suggestion; they are ${JSON.stringify(rows.map((r) => r.label))}`);
        assert.match(shown(rows[0]), /headless Service in services\.yaml/,
          `the first suggestion says it is the headless Service of services.yaml: ${JSON.stringify(rows[0])}`);
        await s.passedCheck('completion-of-serviceName-lists-headless-service-first');

        await wb.press('Enter');
        await wb.waitForEditorLine(/^ {2}serviceName: ledger$/, 'the suggestion taken: serviceName: ledger');
      }));

    test('the preview in a dark and a light theme, and a manifest full of HTML shown as text', { timeout: 150_000 },
      inVsCode(async (s) => {
        const { wb } = s;
        const { page } = wb;
        const dialogs: string[] = [];
        const onDialog = (dialog: Dialog) => {
          dialogs.push(`${dialog.type()}: ${dialog.message()}`);
          void dialog.dismiss().catch(() => undefined);
        };
        // A sandboxed webview may not open dialogs; Chromium then logs that it ignored the call.
        const blocked: string[] = [];
        const onConsole = (message: ConsoleMessage) => {
          if (/Ignored call to '(alert|confirm|prompt)\(\)'/.test(message.text())) blocked.push(message.text());
        };
        page.on('dialog', onDialog);
        page.on('console', onConsole);
        try {
          await wb.hidePanel();
          await openPreviewOf(s, 'ledger.yaml');
          const ledger = (text: string) => ['ledger-0', 'ledger-1', 'ledger-2'].every((pod) => text.includes(pod))
            && text.includes(LEDGER_FQDN) && text.includes('ledger-2.ledger.ledger.svc.cluster.local') && text.includes('journal-ledger-2');
          await wb.waitForWebviewText(ledger, `pods ledger-0..ledger-2, their DNS names (${LEDGER_FQDN}, …) and PVCs in the preview`, 30_000);
          assert.equal(await themeKind(wb), 'dark', `VS Code starts with the ${DARK_THEME} theme`);
          await waitForWebviewTheme(s, 'dark');
          await s.passedCheck('preview-in-dark-theme');

          await selectColorTheme(wb, LIGHT_THEME);
          await waitForThemeKind(wb, 'light', 30_000);
          await waitForWebviewTheme(s, 'light');
          await wb.waitForWebviewText(ledger, 'the same pods, DNS names and PVCs in the light theme');
          await s.passedCheck('preview-in-light-theme');

          await openPreviewOf(s, 'hostile.yaml');
          // Issue 24: hostile.yaml has errors, so the preview says first that it is refused and
          // folds the pods away ("Once these errors are fixed"): unfold them to see their names.
          await wb.waitForWebviewText((text) => text.includes('The API server would refuse'), 'the preview of hostile.yaml, refused', 30_000);
          await wb.webview().locator('details.once-fixed > summary').click();
          await wb.waitForWebviewText((text) => text.includes('hostile-0.hostile.xss.svc.cluster.local') && text.includes(SHOWN_PAYLOAD)
            && text.includes('<b onmouseover=alert(6)>x</b>-hostile-0') && text.includes('(no app=<img src=x onerror=alert(1)>)'),
          `the preview of hostile.yaml with its HTML as text (${SHOWN_PAYLOAD}, the PVC <b onmouseover=alert(6)>x</b>-hostile-0)`, 30_000);
          const webview = wb.webview();
          const elements = await webview.locator('img, svg, b, iframe, [onerror], [onload], [onmouseover]').count();
          assert.equal(elements, 0, 'no element made from the manifest\'s HTML in the preview (img, svg, b, handlers)');
          // VS Code adds a script of its own next to ours; none may come from the manifest.
          const scripts = await webview.locator('script').evaluateAll((es) => es.map((e) => e.outerHTML.slice(0, 300)));
          assert.ok(!scripts.some((script) => /alert|onerror|onload/.test(script)), `no script from the manifest in the page: ${JSON.stringify(scripts)}`);
          await s.passedCheck('preview-shows-html-from-manifest-as-text');
          assert.deepEqual(dialogs, [], 'no dialog opened');
          assert.deepEqual(blocked, [], 'nothing in the page tried to open a dialog');
          // The control: an alert the test itself runs in the page is seen, so the two above could fail.
          await webview.locator('body').evaluate(() => window.alert('e2e probe'));
          await waitFor(() => dialogs.length + blocked.length > 0, 10_000, 'the probe alert(), as a dialog or as a console message');
        } finally {
          page.off('dialog', onDialog);
          page.off('console', onConsole);
          // Back to the dark theme, for whatever runs after.
          if ((await themeKind(wb)) !== 'dark') {
            await wb.press('Escape');
            await selectColorTheme(wb, DARK_THEME).then(() => waitForThemeKind(wb, 'dark')).catch(() => undefined);
          }
        }
      }));
  });

/**
 * Opens a file, puts the cursor on its StatefulSet and runs "StatefulSet: Open Preview".
 * The command is offered only while a YAML editor is active (`editorLangId == yaml`),
 * which VS Code knows once the file's text is loaded, a moment after its tab shows: wait
 * for the text first.
 */
async function openPreviewOf(s: Session, file: string): Promise<void> {
  const { wb } = s;
  await wb.openFile(file);
  await wb.waitForEditorLine(/^kind: StatefulSet$/, `${file} shown in the editor`);
  await wb.goTo(lineOf(file, /^kind: StatefulSet$/));
  await wb.runCommand('statefulset.openPreview', 'StatefulSet: Open Preview');
}

/** The webview follows the workbench: VS Code's class on its body, and a background as dark or light as the theme. */
async function waitForWebviewTheme(s: Session, kind: 'dark' | 'light'): Promise<void> {
  let seen = { classes: '', background: '', luminance: NaN };
  await waitFor(async () => {
    seen = await s.wb.webview().locator('body').evaluate((body) => {
      const background = getComputedStyle(body).backgroundColor;
      const [r = 0, g = 0, b = 0] = (background.match(/\d+(\.\d+)?/g) ?? []).map(Number);
      return { classes: body.className, background, luminance: (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 };
    }, undefined, { timeout: 1_000 });
    return seen.classes.split(/\s+/).includes(`vscode-${kind}`) && (kind === 'dark' ? seen.luminance < 0.4 : seen.luminance > 0.6);
  }, 15_000, () => `the preview in the ${kind} theme: body class vscode-${kind} and a ${kind} background `
    + `(classes "${seen.classes}", background ${seen.background}, luminance ${seen.luminance.toFixed(2)})`);
}

/** Makes the workspace a git repository whose HEAD holds db.yaml: the "deployed" version the server compares with. */
function commitDeployedVersion(workspace: string): void {
  const git = (...args: string[]) => execFileSync('git', [
    '-c', 'user.name=StatefulSet Studio e2e', '-c', 'user.email=e2e@example.invalid', '-c', 'commit.gpgsign=false',
    '-c', 'init.defaultBranch=main', ...args,
  ], { cwd: workspace, stdio: 'pipe' });
  git('init', '-q');
  git('add', 'db.yaml');
  git('commit', '-q', '-m', 'db.yaml as deployed');
}

function readWorkspaceFile(s: Session, file: string): string {
  return fs.readFileSync(path.join(s.workspace, file), 'utf8');
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
