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

/** Our settings for the oracle's release, 1.37: the MaxUnavailableStatefulSet gate is on by default again. */
export const release137: Settings = { ...defaultSettings, maxUnavailableGate: true };

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

/**
 * Our finding at `ours` covers Kubernetes' error at `theirs` (made to exist in the object):
 * the same path, its parent, a child (a bad label key is reported on the map), or a sibling
 * in the same list entry (an invalid matchExpressions operator on its entry's key).
 */
export function pathsMatch(ours: Path, theirs: Path): boolean {
  if (isPrefix(theirs, ours) || (isPrefix(ours, theirs) && ours.length >= theirs.length - 1)) return true;
  const entry = theirs.slice(0, -1);
  return typeof entry[entry.length - 1] === 'number' && ours.length === theirs.length && isPrefix(entry, ours);
}

/**
 * Kubernetes' field paths where they are not the object's: the pod template's labels and
 * annotations are reported as `spec.template.labels` (ValidatePodTemplateSpec names them
 * from the template, not its metadata).
 */
export function normalizeField(path: string): string {
  return path.replace(/^spec\.template\.(labels|annotations)\b/, 'spec.template.metadata.$1');
}

/**
 * Where else an error may rightly be reported. "selector does not match template labels" is
 * about both fields. Claim templates become pod volumes: Kubernetes reports a bad claim name
 * on the volume it makes (past the template's own volumes) and on the mounts that name it.
 */
function alternatives(error: OracleError, value: unknown): string[] {
  const field = normalizeField(error.field);
  const out = [field];
  if (field === 'spec.template.metadata.labels' && /selector.*does not match/.test(error.detail)) out.push('spec.selector');
  const spec = (value as { spec?: { template?: { spec?: { volumes?: unknown } }; volumeClaimTemplates?: unknown } } | undefined)?.spec;
  const volumes = Array.isArray(spec?.template?.spec?.volumes) ? spec.template.spec.volumes.length : 0;
  const claims = Array.isArray(spec?.volumeClaimTemplates) ? (spec.volumeClaimTemplates as { metadata?: { name?: unknown } }[]) : [];
  const volume = /^spec\.template\.spec\.volumes\[(\d+)\]/.exec(field);
  if (volume && Number(volume[1]) >= volumes) out.push(`spec.volumeClaimTemplates[${Number(volume[1]) - volumes}].metadata.name`);
  if (/volumeMounts\[\d+\]\.name$/.test(field) && error.type === 'FieldValueNotFound') {
    claims.forEach((claim, i) => { if (error.message.includes(`"${String(claim?.metadata?.name)}"`)) out.push(`spec.volumeClaimTemplates[${i}].metadata.name`); });
  }
  return out;
}

/** Our findings on a one-document manifest, each with the path its range starts on. */
export function ourFindings(text: string, settings: Settings = release137): { findings: OurFinding[]; fragment: boolean; value: unknown } {
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

export function compare(text: string, answer: OracleAnswer, settings: Settings = release137): Comparison {
  const { findings, fragment, value } = ourFindings(text, settings);
  const errors = findings.filter((f) => f.severity === 'error');
  const theirs = answer.errors;
  const oursError = errors.length > 0;
  const theirsError = theirs.length > 0;
  const unmatched = !oursError ? theirs : theirs.filter((e) => {
    if (e.field === '') return false;
    return !alternatives(e, value).some((field) => {
      const at = existing(value, parsePath(field));
      return errors.some((f) => pathsMatch(parsePath(f.path), at));
    });
  });
  const excluded = fragment ? 'fragment' : /sts-ignore/.test(text) ? 'suppressed by a comment' : hashDependent(value) && theirs.every((e) => e.who === 'controller') ? 'hash-dependent name length' : undefined;
  return {
    ...(excluded ? { excluded } : {}),
    ours: findings, oursError, theirs, theirsError,
    verdictAgrees: oursError === theirsError,
    pathAgrees: !(oursError && theirsError) || unmatched.length === 0,
    unmatched,
  };
}
