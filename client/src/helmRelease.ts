import type { HelmRelease } from '../../protocol/protocol';

/** What a chart was rendered with, in one line: for the preview's footer and the status item's tooltip. */
export function releaseText(release: HelmRelease): string {
  const set = release.set.length > 0 ? ` · --set ${release.set.join(', ')}` : '';
  return `Helm release "${release.releaseName}" in namespace "${release.namespace}" · ${release.valuesFiles.join(' + ')}${set}`;
}
