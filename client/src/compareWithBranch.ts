import * as vscode from 'vscode';

/**
 * "Compare with Branch…": the deployed version is the user's explicit choice (issue 18): a git
 * commit says nothing about what runs in the cluster, so nothing is compared until a ref is
 * chosen here or in `statefulset.baseline`. Writes the workspace setting; the server reads it.
 */
export async function compareWithBranch(): Promise<void> {
  const config = vscode.workspace.getConfiguration('statefulset');
  const current = config.get<string>('baseline', 'off');
  const other = vscode.l10n.t('Another branch, tag or commit…');
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'off', description: vscode.l10n.t('compare with nothing (the default)') },
      { label: 'origin/main', description: vscode.l10n.t('the file as committed on {0}', 'origin/main') },
      { label: 'HEAD', description: vscode.l10n.t('the file as last committed here') },
      { label: other },
    ],
    { title: vscode.l10n.t('Compare with branch (now: {0})', current), placeHolder: vscode.l10n.t('The version {0} and the preview compare your edits with', 'immutable-field-changed') },
  );
  if (!picked) return;
  const ref = picked.label === other
    ? await vscode.window.showInputBox({ title: vscode.l10n.t('Compare with branch'), prompt: vscode.l10n.t('A git branch, tag or commit (or a kubectl get -o yaml export, a .yaml path)'), value: current === 'off' ? '' : current })
    : picked.label;
  if (ref === undefined || ref.trim() === '') return;
  await config.update('baseline', ref.trim(), vscode.ConfigurationTarget.Workspace);
}
