import { baselineFrom } from '../service/baseline/baselineLookup';
import { rolloutImpact, type RolloutImpact } from '../service/baseline/rolloutImpact';
import { checkFile } from '../service/languageService';
import { parseFile } from '../service/parse/documentStore';
import { isStatefulSet } from '../service/rules/read';
import type { Settings } from '../service/settings';
import { WorkspaceIndex } from '../service/workspace/workspaceIndex';
import { LineIndex } from '../service/parse/lineIndex';

/** One StatefulSet present in both versions: what may not change, and what the change does. */
export interface StatefulSetDiff {
  name: string;
  namespace: string;
  immutable: { line: number; message: string }[];
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
    const immutable = checked.findings
      .filter((f) => f.rule === 'immutable-field-changed' && f.start >= start && f.start <= end)
      .map((f) => ({ line: lines.positionAt(f.start).line + 1, message: f.message }));
    return [{ name: object.name, namespace, immutable, impact: rolloutImpact(deployed.value, object.value, settings) }];
  }));
}

export function formatDiff(diffs: readonly StatefulSetDiff[], file: string): string {
  if (diffs.length === 0) return `${file}: no StatefulSet with a deployed version to compare.\n`;
  return diffs.map((diff) => [
    `StatefulSet ${diff.namespace}/${diff.name} (${file})`,
    ...diff.immutable.map((change) => `  ✗ line ${change.line}: ${change.message}`),
    `  ${diff.impact.summary}`,
  ].join('\n')).join('\n\n') + '\n';
}
