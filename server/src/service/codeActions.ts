import type { Finding, KubeObject, ManifestDocument } from './model';
import type { CheckedFile } from './languageService';
import { fitEdits, shiftEdits, withoutOverlaps } from './fixes/applyEdits';
import { ignoreRuleEdit } from './fixes/ignoreRule';
import type { Edit } from './fixes/yamlText';
import { ruleById, yamlSyntaxRule } from './rules/index';
import type { FixContext, ObjectElsewhere } from './rules/types';
import type { Settings } from './settings';
import { serviceObjects } from './workspace/servicesOf';
import { t } from '../messages';

/** A repair ready for the editor: edits per file uri, in whole-file offsets. */
export interface FileFix {
  title: string;
  rule: string;
  preferred: boolean;
  /** True for the "ignore this rule here" fix, which every finding has. */
  suppression: boolean;
  edits: Record<string, Edit[]>;
  /** Files the fix creates (their content is in `edits`); never offered over an existing file. */
  creates?: string[];
}

/** The parsed documents of another file (or this one), for fixes that edit it. */
export type DocumentsOf = (uri: string) => readonly ManifestDocument[] | undefined;

function documentAt(documents: readonly ManifestDocument[], offset: number): ManifestDocument | undefined {
  return documents.find((d) => d.offset <= offset && offset <= d.offset + d.text.length);
}

function objectAt(document: ManifestDocument, offset: number): KubeObject | undefined {
  return document.objects.find(({ node }) => !!node.range && node.range[0] <= offset && offset <= node.range[2]);
}

/** The object at a whole-file offset of parsed documents: the shared lookup for fixes across files. */
export function objectInDocuments(documents: readonly ManifestDocument[], offset: number): ObjectElsewhere | undefined {
  const document = documentAt(documents, offset);
  if (!document || document.repaired) return undefined;
  const object = objectAt(document, offset - document.offset);
  return object && { object, text: document.text, offset: document.offset };
}

/** A file's Service by ServiceInfo.ordinal. */
function serviceInDocuments(documents: readonly ManifestDocument[], ordinal: number): ObjectElsewhere | undefined {
  const found = serviceObjects(documents)[ordinal];
  return found && !found.document.repaired ? { object: found.object, text: found.document.text, offset: found.document.offset } : undefined;
}

/** The rule's own repairs for a finding, in whole-file offsets. None for a document we re-indented to parse. */
function ruleFixes(uri: string, file: CheckedFile, finding: Finding, settings: Settings, documentsOf: DocumentsOf): FileFix[] {
  const rule = ruleById.get(finding.rule);
  const document = documentAt(file.documents, finding.start);
  if (!rule?.fix || !document || document.repaired) return [];
  const object = objectAt(document, finding.start - document.offset);
  if (!object) return [];
  const serviceAt = (target: string, ordinal: number): ObjectElsewhere | undefined => {
    const documents = documentsOf(target);
    return documents && serviceInDocuments(documents, ordinal);
  };
  const context: FixContext = { uri, object, text: document.text, data: finding.data, settings, serviceAt };
  let fixes;
  try {
    fixes = rule.fix(context);
  } catch {
    return []; // a fix that trips over odd input is not offered; the finding still is
  }
  return fixes.flatMap((fix) => {
    // Fitted to the text they edit (its line breaks; no intersecting edits), or dropped: see fitEdits.
    // Another file's edits are in its whole-file offsets: fitted to the document they fall in (if known).
    const elsewhere = fix.uri && !fix.create ? documentsOf(fix.uri) : undefined;
    const target = (elsewhere ? objectInDocuments(elsewhere, fix.edits[0]?.start ?? 0) : fix.create || fix.uri ? undefined : { text: document.text, offset: 0 })
      ?? { text: '', offset: 0 };
    const fitted = fix.edits.length > 0 ? fitEdits(target.text, shiftEdits(fix.edits, -target.offset)) : undefined;
    const edits = fitted && shiftEdits(fitted, target.offset);
    return edits ? [{
      title: fix.title,
      rule: finding.rule,
      preferred: fix.preferred === true,
      suppression: false,
      edits: { [fix.uri ?? uri]: fix.uri ? edits : shiftEdits(edits, document.offset) },
      ...(fix.create && fix.uri ? { creates: [fix.uri] } : {}),
    }] : [];
  });
}

/** Every repair for one finding: the rule's own, then "ignore this rule here" (not for broken YAML). */
export function fixesFor(uri: string, text: string, file: CheckedFile, finding: Finding, settings: Settings, documentsOf: DocumentsOf): FileFix[] {
  if (finding.rule === yamlSyntaxRule.id) return [];
  const ignore: FileFix = {
    title: t('codeAction.ignore', { rule: finding.rule }),
    rule: finding.rule,
    preferred: false,
    suppression: true,
    edits: { [uri]: [ignoreRuleEdit(text, finding.start, finding.rule)] },
  };
  return [...ruleFixes(uri, file, finding, settings, documentsOf), ignore];
}

/** The finding a client's diagnostic stands for: same rule, same span. */
export function findingFor(file: CheckedFile, rule: string, start: number, end: number): Finding | undefined {
  return file.findings.find((f) => f.rule === rule && f.start === start && f.end === end);
}

/** A fix chosen by "fix all": its rule and its edits in this file. */
export interface AppliedFix {
  rule: string;
  edits: Edit[];
}

/**
 * "Fix all" for one file: the preferred repair of every finding that has one and edits only
 * this file, dropping any that would overlap one already taken.
 */
export function fixAll(uri: string, file: CheckedFile, settings: Settings, documentsOf: DocumentsOf): AppliedFix[] {
  const candidates = file.findings.flatMap((finding) => {
    const preferred = ruleFixes(uri, file, finding, settings, documentsOf).find((fix) => fix.preferred);
    const edits = preferred?.edits[uri];
    return preferred && edits && Object.keys(preferred.edits).length === 1 ? [{ rule: finding.rule, edits }] : [];
  });
  const kept = new Set(withoutOverlaps(candidates.map((c) => c.edits)));
  return candidates.filter((c) => kept.has(c.edits));
}

/** The edits of "fix all", in order. */
export function fixAllEdits(uri: string, file: CheckedFile, settings: Settings, documentsOf: DocumentsOf): Edit[] {
  return fixAll(uri, file, settings, documentsOf).flatMap((fix) => fix.edits).sort((a, b) => a.start - b.start);
}
