import type { HelmRelease } from '../../protocol/protocol';

/** A translation function of vscode.l10n.t's form: the host passes vscode.l10n.t, the page its own (page/l10n.ts). */
export type Translate = (message: string, ...args: Array<string | number>) => string;

/** What a chart was rendered with, in one line: for the preview's footer and the status item's tooltip. */
export function releaseText(release: HelmRelease, t: Translate): string {
  const set = release.set.length > 0 ? ` · --set ${release.set.join(', ')}` : '';
  return `${t('Helm release "{0}" in namespace "{1}"', release.releaseName, release.namespace)} · ${release.valuesFiles.join(' + ')}${set}`;
}
