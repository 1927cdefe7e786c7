import type { ServiceInfo, ServiceLookup } from '../workspace/serviceLookup';
import type { BaselineLookup } from './baseline/baselineLookup';
import type { Finding, KubeObject, ManifestDocument, Severity } from './model';
import { locate } from './parse/locate';
import { isFragment } from './rules/fragment';
import { rules, yamlSyntaxRule } from './rules/index';
import type { Rule, RuleContext } from './rules/types';
import { settingsFingerprint, type Settings } from './settings';

function severityOf(id: string, fallback: Severity, settings: Settings): Severity | undefined {
  const chosen = settings.rules[id] ?? fallback;
  return chosen === 'off' ? undefined : chosen;
}

function runRules(selected: readonly Rule[], context: RuleContext, document: ManifestDocument): Finding[] {
  const { object } = context;
  return selected.flatMap((rule) => {
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
      return { rule: rule.id, severity: chosen, message: result.message, start, end, ...(result.data ? { data: result.data } : {}) };
    });
  });
}

/** A schema error on the same span as a specific rule's finding says the same thing less well. */
function dropEchoes(findings: Finding[]): Finding[] {
  const specific = new Set(findings.filter((f) => f.rule !== 'schema').map((f) => `${f.start}:${f.end}`));
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
}

function contextFor(object: KubeObject, settings: Settings, { services, baseline }: Links): RuleContext {
  return { object, settings, services, fragment: isFragment(object), ...(baseline ? { baseline } : {}) };
}

/** A document's workspace-rule findings, with the Service lookups and the baseline they came from. */
interface LinkedMemo {
  key: string;
  baseline: BaselineLookup | undefined;
  lookups: [namespace: string, name: string, found: ServiceInfo | undefined][];
  findings: Finding[];
}

/** Keyed by the document's memo map, which a moved document (a copy with a new offset) shares. */
const linkedMemos = new WeakMap<ManifestDocument['memo'], LinkedMemo>();

function sameService(a: ServiceInfo | undefined, b: ServiceInfo | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.uri === b.uri && a.start === b.start && a.end === b.end
    && a.name === b.name && a.namespace === b.namespace && a.headless === b.headless && a.selector === b.selector);
}

/**
 * The workspace rules' findings of a document. They are reused while every Service lookup
 * they made still finds the same Service: re-running them for each of a file's thousand
 * StatefulSets on every keystroke was most of an edit's cost.
 */
function linkedFindings(document: ManifestDocument, settings: Settings, links: Links, key: string): Finding[] {
  const memo = linkedMemos.get(document.memo);
  if (memo && memo.key === key && memo.baseline === links.baseline
    && memo.lookups.every(([namespace, name, found]) => sameService(found, links.services.find(namespace, name)))) {
    return memo.findings;
  }
  const lookups: LinkedMemo['lookups'] = [];
  const services: ServiceLookup = {
    find: (namespace, name) => {
      const found = links.services.find(namespace, name);
      lookups.push([namespace, name, found]);
      return found;
    },
  };
  const findings = document.objects.flatMap((object) => runRules(workspaceRules, contextFor(object, settings, { ...links, services }), document));
  linkedMemos.set(document.memo, { key, baseline: links.baseline, lookups, findings });
  return findings;
}

/** The findings of one document, in offsets relative to the document's own text. */
function checkDocument(document: ManifestDocument, settings: Settings, links: Links, key: string): Finding[] {
  const findings: Finding[] = [];
  const syntax = document.syntaxError;
  const syntaxSeverity = severityOf(yamlSyntaxRule.id, yamlSyntaxRule.severity, settings);
  if (syntax && syntaxSeverity) findings.push({ rule: yamlSyntaxRule.id, severity: syntaxSeverity, ...syntax });
  if (document.objects.length === 0) return findings;
  let own = document.memo.get(key);
  if (!own) {
    own = document.objects.flatMap((object) => runRules(documentRules, contextFor(object, settings, links), document));
    document.memo.set(key, own);
  }
  const linked = linkedFindings(document, settings, links, key);
  const all = [...findings, ...own, ...linked];
  return all.length === 0 ? all : dropEchoes(all); // most documents have nothing to report: skip building its sets
}

/** Every finding of a parsed file, in file offsets, in document order. */
export function checkDocuments(documents: readonly ManifestDocument[], settings: Settings, links: Links): Finding[] {
  const key = settingsFingerprint(settings); // once per file, not once per document: it is a JSON.stringify
  return documents.flatMap((document) =>
    checkDocument(document, settings, links, key).map((f) => ({ ...f, start: f.start + document.offset, end: f.end + document.offset })));
}
