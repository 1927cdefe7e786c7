/**
 * Our answer against Kubernetes' for one manifest: error or not (any finding of severity
 * error against any refusal), and whether every refusal's field is where one of our errors
 * is (the same path, its parent, or a child: Kubernetes reports a bad label key on the map).
 */
import { isMap, isPair, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { checkFile } from '../../server/src/service/languageService';
import { parseFile } from '../../server/src/service/parse/documentStore';
import { isFragment } from '../../server/src/service/rules/fragment';
import { defaultSettings, type Settings } from '../../server/src/service/settings';
import { WorkspaceIndex } from '../../server/src/service/workspace/workspaceIndex';
import { formatPath, parsePath, type Path } from './edits';
import type { OracleAnswer, OracleError } from './oracleClient';

export interface OurFinding {
  rule: string;
  severity: string;
  path: string;
  message: string;
}

export interface Comparison {
  /** `excluded` names why a manifest is not held to agreement (see docs/k8s-oracle.md). */
  excluded?: string;
  ours: OurFinding[];
  oursError: boolean;
  theirs: OracleError[];
  theirsError: boolean;
  verdictAgrees: boolean;
  /** When both say error: every refusal's path is matched by one of our errors. */
  pathAgrees: boolean;
  unmatched: OracleError[];
}

/** The path of the deepest key or value whose range holds `offset`. */
function pathAt(node: YamlNode | null | undefined, offset: number, prefix: Path = []): Path {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      const keyRange = pair.key.range;
      if (keyRange && offset >= keyRange[0] && offset < keyRange[1]) return [...prefix, key];
      const value = pair.value as YamlNode | null;
      if (value?.range && offset >= value.range[0] && offset < Math.max(value.range[1], value.range[0] + 1)) return pathAt(value, offset, [...prefix, key]);
    }
  } else if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const item = node.items[i] as YamlNode | null;
      if (item?.range && offset >= item.range[0] && offset < Math.max(item.range[1], item.range[0] + 1)) return pathAt(item, offset, [...prefix, i]);
    }
  }
  return prefix;
}

/** The longest prefix of `path` that exists in `value`. */
function existing(value: unknown, path: Path): Path {
  const out: Path = [];
  let node = value;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') break;
    const next = (node as Record<string | number, unknown>)[segment];
    if (next === undefined) break;
    out.push(segment);
    node = next;
  }
  return out;
}

const isPrefix = (a: Path, b: Path) => a.length <= b.length && a.every((s, i) => s === b[i]);

/** Our finding at `ours` covers Kubernetes' error at `theirs` (made to exist in the object). */
export function pathsMatch(ours: Path, theirs: Path): boolean {
  return isPrefix(theirs, ours) || (isPrefix(ours, theirs) && ours.length >= theirs.length - 1);
}

/** Our findings on a one-document manifest, each with the path its range starts on. */
export function ourFindings(text: string, settings: Settings = defaultSettings): { findings: OurFinding[]; fragment: boolean; value: unknown } {
  const { findings } = checkFile('file:///oracle.yaml', text, settings, new WorkspaceIndex());
  const document = parseFile(text)[0];
  const object = document?.objects[0];
  return {
    fragment: object ? isFragment(object) : false,
    value: object?.value,
    findings: findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message,
      path: formatPath(object ? pathAt(object.node, f.start - (document?.offset ?? 0)) : []) })),
  };
}

/** Names 53–62 characters long: whether pods can be created depends on the template's hash. */
function hashDependent(value: unknown): boolean {
  const name = (value as { metadata?: { name?: unknown } } | undefined)?.metadata?.name;
  return typeof name === 'string' && name.length >= 53 && name.length <= 62 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name);
}

export function compare(text: string, answer: OracleAnswer, settings: Settings = defaultSettings): Comparison {
  const { findings, fragment, value } = ourFindings(text, settings);
  const errors = findings.filter((f) => f.severity === 'error');
  const theirs = answer.errors;
  const oursError = errors.length > 0;
  const theirsError = theirs.length > 0;
  const unmatched = !oursError ? theirs : theirs.filter((e) => {
    if (e.field === '') return false;
    const at = existing(value, parsePath(e.field));
    return !errors.some((f) => pathsMatch(parsePath(f.path), at));
  });
  const excluded = fragment ? 'fragment' : hashDependent(value) && theirs.every((e) => e.who === 'controller') ? 'hash-dependent name length' : undefined;
  return {
    ...(excluded ? { excluded } : {}),
    ours: findings, oursError, theirs, theirsError,
    verdictAgrees: oursError === theirsError,
    pathAgrees: !(oursError && theirsError) || unmatched.length === 0,
    unmatched,
  };
}
