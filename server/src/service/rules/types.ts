import type { FixData, KubeObject, ObjectPath, Severity, Target } from '../model';
import type { Settings } from '../settings';
import type { ServiceLookup } from '../../workspace/serviceLookup';

/** What a rule reports: where (a path in the object) and what. The engine turns paths into ranges. */
export interface RuleResult {
  path: ObjectPath;
  target?: Target;
  message: string;
  data?: FixData;
}

/** What a rule may read: the object, the settings and, for workspace rules, the Services known. */
export interface RuleContext {
  object: KubeObject;
  settings: Settings;
  /** True when the object looks like a kustomize patch or fragment: required fields are not demanded. */
  fragment: boolean;
  services: ServiceLookup;
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
}
