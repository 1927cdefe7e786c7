import { sameService, type ServiceInfo, type ServiceLookup } from './workspace/serviceLookup';
import type { BaselineLookup } from './baseline/baselineLookup';
import type { Finding, KubeObject, ManifestDocument, Severity } from './model';
import { locate } from './parse/locate';
import { isFragment, wholeObjectRules } from './rules/fragment';
import { rules, templateSyntaxRule, yamlSyntaxRule } from './rules/index';
import type { Rule, RuleContext } from './rules/types';
import { settingsFingerprint, type Settings } from './settings';
import { applySuppressions } from './suppression';
import { messageForRelease } from './versions/templateValidation';
import { t } from '../messages';

function severityOf(id: string, fallback: Severity, settings: Settings): Severity | undefined {
  const chosen = settings.rules[id] ?? fallback;
  return chosen === 'off' ? undefined : chosen;
}

function runRules(selected: readonly Rule[], context: RuleContext, document: ManifestDocument): Finding[] {
  const { object } = context;
  return selected.flatMap((rule) => {
    if (context.fragment && wholeObjectRules.has(rule.id)) return []; // a patch is half an object: see wholeObjectRules
    const severity = severityOf(rule.id, rule.severity, context.settings);
    if (!severity) return [];
    let results;
    try {
      results = rule.check(context);
    } catch {
      return []; // A rule that trips over odd input must not take the others down with it.
    }
    return results.map((result) => {
      const span = locate(object.node, result.path, result.target ?? 'value');
      // At least one character wide, but never past the document's text: a value missing at
      // the very end of a file (`replicas:` with no newline) sits at its length (found by fuzzing).
      const end = Math.min(Math.max(document.toChunkOffset(span.end), document.toChunkOffset(span.start) + 1), document.text.length);
      const start = Math.min(document.toChunkOffset(span.start), end);
      const chosen = context.settings.rules[rule.id] ? severity : result.severity ?? severity;
      const message = messageForRelease(result.message, result.path, context.settings); // a pod template before 1.34 (issue 21)
      return { rule: rule.id, severity: chosen, message, start, end, ...(result.data ? { data: result.data } : {}) };
    });
  });
}

/**
 * A schema error on the same span as a specific rule's error says the same thing less well. Not
 * beside a warning: the error would be lost (a number where an affinity term belongs is refused).
 */
function dropEchoes(findings: Finding[]): Finding[] {
  const specific = new Set(findings.filter((f) => f.rule !== 'schema' && f.severity === 'error').map((f) => `${f.start}:${f.end}`));
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.rule}:${f.start}:${f.end}:${f.message}`;
    if (seen.has(key) || (f.rule === 'schema' && specific.has(`${f.start}:${f.end}`))) return false;
    seen.add(key);
    return true;
  });
}

const documentRules = rules.filter((rule) => rule.scope === 'document');
const workspaceRules = rules.filter((rule) => rule.scope === 'workspace');

/** What rules may read beyond their own object: the Services known, and the deployed versions. */
export interface Links {
  services: ServiceLookup;
  baseline?: BaselineLookup | undefined;
  /** The file is a kustomize patch (a kustomization names it): every object in it is a part, not a whole. */
  patchFile?: boolean;
  /** The file is a Helm chart's template: its documents are checked through the chart's rendering, so template syntax in them says nothing new. */
  chartTemplate?: boolean;
}

function contextFor(object: KubeObject, settings: Settings, { services, baseline, patchFile }: Links): RuleContext {
  return { object, settings, services, fragment: patchFile === true || isFragment(object), ...(baseline ? { baseline } : {}) };
}

/** A document's workspace-rule findings, with the Service lookups and the baseline they came from. */
interface LinkedMemo {
  key: string;
  baseline: BaselineLookup | undefined;
  /** The lookup last seen to agree with `lookups`: while the same one is passed, nothing needs comparing. */
  services: ServiceLookup;
  lookups: [namespace: string, name: string, found: ServiceInfo | undefined][];
  /** The namespaces listed (`inNamespace`), and what was found in each. */
  listings: [namespace: string, found: readonly ServiceInfo[]][];
  findings: Finding[];
}

/** Keyed by the document's memo map, which a moved document (a copy with a new offset) shares. */
const linkedMemos = new WeakMap<ManifestDocument['memo'], LinkedMemo>();

/**
 * The workspace rules' findings of a document. They are reused while every Service lookup
 * they made still finds the same Service: re-running them for each of a file's thousand
 * StatefulSets on every keystroke was most of an edit's cost. The index hands out the same
 * lookup while no Service changed, so most edits do not even look the Services up again.
 */
function linkedFindings(document: ManifestDocument, settings: Settings, links: Links, key: string): Finding[] {
  const memo = linkedMemos.get(document.memo);
  if (memo && memo.key === key && memo.baseline === links.baseline) {
    if (memo.services === links.services) return memo.findings;
    const sameListing = ([namespace, found]: LinkedMemo['listings'][number]): boolean => {
      const now = links.services.inNamespace?.(namespace) ?? [];
      return now.length === found.length && now.every((s, i) => sameService(s, found[i]));
    };
    if (memo.lookups.every(([namespace, name, found]) => sameService(found, links.services.find(namespace, name))) && memo.listings.every(sameListing)) {
      memo.services = links.services;
      return memo.findings;
    }
  }
  const lookups: LinkedMemo['lookups'] = [];
  const listings: LinkedMemo['listings'] = [];
  const services: ServiceLookup = {
    find: (namespace, name) => {
      const found = links.services.find(namespace, name);
      lookups.push([namespace, name, found]);
      return found;
    },
    inNamespace: (namespace) => {
      const found = links.services.inNamespace?.(namespace) ?? [];
      listings.push([namespace, found]);
      return found;
    },
  };
  const findings = document.objects.flatMap((object) => runRules(workspaceRules, contextFor(object, settings, { ...links, services }), document));
  linkedMemos.set(document.memo, { key, baseline: links.baseline, services: links.services, lookups, listings, findings });
  return findings;
}

/** The findings of most documents: one shared empty list. */
const nothing: readonly Finding[] = [];

/**
 * The findings of one document, in offsets relative to the document's own text. They depend on
 * the document, `key` (the settings' fingerprint) and `links` only.
 */
export function checkDocument(document: ManifestDocument, settings: Settings, links: Links, key: string): readonly Finding[] {
  const syntax = document.syntaxError;
  const syntaxSeverity = syntax && severityOf(yamlSyntaxRule.id, yamlSyntaxRule.severity, settings);
  const findings: Finding[] = syntax && syntaxSeverity ? [{ rule: yamlSyntaxRule.id, severity: syntaxSeverity, ...syntax }] : [];
  const templateSeverity = document.templated && !links.chartTemplate && severityOf(templateSyntaxRule.id, templateSyntaxRule.severity, settings);
  if (templateSeverity) {
    // Not silence: say once per document that nothing in it was checked, where the template syntax is.
    const start = Math.min(document.templateAt ?? 0, Math.max(document.text.length - 1, 0));
    findings.push({
      rule: templateSyntaxRule.id, severity: templateSeverity, start, end: Math.min(start + 2, document.text.length),
      message: t('check.templateSyntax'),
    });
  }
  let own = document.objects.length === 0 ? nothing : document.memo.get(key);
  if (!own) {
    own = document.objects.flatMap((object) => runRules(documentRules, contextFor(object, settings, links), document));
    document.memo.set(key, own as Finding[]);
  }
  const linked = document.objects.length === 0 ? nothing : linkedFindings(document, settings, links, key);
  // Most documents have nothing to report: no sets built, no array copied. `# sts-ignore`
  // comments are read in the document's own text: a finding's line and the one above it.
  if (findings.length + own.length + linked.length === 0) return nothing;
  return applySuppressions(document.text, dropEchoes([...findings, ...own, ...linked]));
}

/** A finding moved by `by` characters: from the offsets of its document (or of a run of documents) to the file's. */
export function moved(finding: Finding, by: number): Finding {
  return { ...finding, start: finding.start + by, end: finding.end + by };
}

/** Each document's findings (in its own offsets) as one list in file offsets, in document order. */
export function inFileOffsets(documents: readonly ManifestDocument[], perDocument: readonly (readonly Finding[])[]): Finding[] {
  const all: Finding[] = [];
  perDocument.forEach((own, i) => {
    if (own.length === 0) return;
    const { offset } = documents[i]!;
    for (const f of own) all.push(moved(f, offset));
  });
  return all;
}

/** Every finding of a parsed file, in file offsets, in document order. (An open file is checked by storeCheck.ts, which reuses the findings of unchanged documents.) */
export function checkDocuments(documents: readonly ManifestDocument[], settings: Settings, links: Links): Finding[] {
  const key = settingsFingerprint(settings); // once per file, not once per document: it is a JSON.stringify
  return inFileOffsets(documents, documents.map((document) => checkDocument(document, settings, links, key)));
}
