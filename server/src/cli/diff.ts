import { baselineFrom } from '../service/baseline/baselineLookup';
import { rolloutImpact, type RolloutImpact } from '../service/baseline/rolloutImpact';
import { checkFile } from '../service/languageService';
import type { Finding } from '../service/model';
import { parseFile } from '../service/parse/documentStore';
import { isStatefulSet } from '../service/rules/read';
import type { Settings } from '../service/settings';
import { WorkspaceIndex } from '../service/workspace/workspaceIndex';
import { LineIndex } from '../service/parse/lineIndex';
import { t } from '../messages';

/** One StatefulSet present in both versions: what may not change, and what the change does. */
export interface StatefulSetDiff {
  name: string;
  namespace: string;
  immutable: { line: number; message: string }[];
  /**
   * The other errors of NEW itself (a negative replicas, an invalid label, …): the API server
   * refuses the update for these too, or, for `pod-name-too-long`, accepts it and never creates
   * the pods. Lines are 1-based.
   */
  errors: { line: number; rule: string; message: string }[];
  impact: RolloutImpact;
}

/** `sts diff OLD NEW` and `sts check --baseline`: each StatefulSet of NEW against its deployed version in OLD. */
export function diffTexts(oldText: string, newText: string, uri: string, settings: Settings): StatefulSetDiff[] {
  const baselineDocuments = parseFile(oldText);
  const baseline = baselineFrom(baselineDocuments, settings.defaultNamespace);
  const checked = checkFile(uri, newText, settings, new WorkspaceIndex(), baseline);
  const lines = new LineIndex(newText);
  return checked.documents.flatMap((document) => document.objects.filter(isStatefulSet).flatMap((object) => {
    const namespace = object.namespace ?? settings.defaultNamespace;
    const deployed = object.name ? baseline.find(object.kind, namespace, object.name) : undefined;
    if (!deployed || !object.name) return [];
    const start = document.offset;
    const end = document.offset + document.text.length;
    const inDocument = checked.findings.filter((f) => f.start >= start && f.start <= end);
    const line = (f: Finding): number => lines.positionAt(f.start).line + 1;
    // immutable-field-changed is a warning in the editor (it needs a deployed version); here it fails the diff.
    const immutable = inDocument.filter((f) => f.rule === 'immutable-field-changed').map((f) => ({ line: line(f), message: f.message }));
    const errors = inDocument.filter((f) => f.severity === 'error' && f.rule !== 'immutable-field-changed')
      .map((f) => ({ line: line(f), rule: f.rule, message: f.message }));
    return [{ name: object.name, namespace, immutable, errors, impact: rolloutImpact(deployed.value, object.value, settings) }];
  }));
}

export function formatDiff(diffs: readonly StatefulSetDiff[], file: string): string {
  if (diffs.length === 0) return `${t('cli.diffNothing', { file })}\n`;
  return diffs.map((diff) => [
    `StatefulSet ${diff.namespace}/${diff.name} (${file})`,
    ...diff.immutable.map((change) => `  ✗ ${t('diff.line', { line: change.line, message: change.message })}`),
    ...diff.errors.map((error) => `  ✗ ${t('diff.lineRule', { line: error.line, message: error.message, rule: error.rule })}`),
    `  ${diff.errors.length + diff.immutable.length > 0 ? t('diff.onceFixed', { summary: diff.impact.summary }) : diff.impact.summary}`,
  ].join('\n')).join('\n\n') + '\n';
}

/** `sts diff` exits 1 when NEW cannot be applied as it is: an immutable field changed, or NEW has errors of its own. */
export function diffFails(diffs: readonly StatefulSetDiff[]): boolean {
  return diffs.some((diff) => diff.immutable.length > 0 || diff.errors.length > 0);
}
