import type { Edit } from '../fixes/yamlText';
import type { FixData, KubeObject, ObjectPath, Severity, Target } from '../model';
import type { Settings } from '../settings';
import type { ServiceLookup } from '../workspace/serviceLookup';
import type { BaselineLookup } from '../baseline/baselineLookup';

/** What a rule reports: where (a path in the object) and what. The engine turns paths into ranges. */
export interface RuleResult {
  path: ObjectPath;
  target?: Target;
  message: string;
  data?: FixData;
  /** A severity for this finding other than the rule's default (a user's setting still wins). */
  severity?: Severity;
}

/** What a rule may read: the object, the settings and, for workspace rules, the Services known. */
export interface RuleContext {
  object: KubeObject;
  settings: Settings;
  /** True when the object looks like a kustomize patch or fragment: required fields are not demanded. */
  fragment: boolean;
  services: ServiceLookup;
  /** The deployed versions of objects (a git ref the user chose, or an export), when known. */
  baseline?: BaselineLookup;
}

/** A Service (or other object) elsewhere, for fixes that edit it. */
export interface ObjectElsewhere {
  object: KubeObject;
  /** The text of its document, and where that text starts in its file. */
  text: string;
  offset: number;
}

/** What a fix may read: the object, the text of its document (offsets are relative to it), the finding's data. */
export interface FixContext {
  /** The file the finding is in. */
  uri: string;
  object: KubeObject;
  text: string;
  data: FixData | undefined;
  settings: Settings;
  /** A Service of another file (or this one) by ServiceInfo.ordinal, when a fix must edit it. */
  serviceAt(uri: string, ordinal: number): ObjectElsewhere | undefined;
}

/** One repair: its edits are in the offsets of the context's text, or of `uri`'s whole text when set. */
export interface Fix {
  title: string;
  preferred?: boolean;
  edits: Edit[];
  uri?: string;
  /** `uri` is a new file, created by the fix (its edits insert its content). */
  create?: boolean;
}

/**
 * A rule: one file each, registered in `rules/index.ts`. `scope: 'document'` rules read only
 * their own object and are cached with it; `workspace` rules also read other objects.
 */
export interface Rule {
  id: string;
  severity: Severity;
  scope: 'document' | 'workspace';
  check(context: RuleContext): RuleResult[];
  /** The repairs for one of this rule's findings, as minimal text edits. */
  fix?(context: FixContext): Fix[];
}
