import { isScalar } from 'yaml';
import { describeChange } from '../baseline/describeChange';
import { defaulted, immutableChanges, type ImmutableChange } from '../baseline/specChanges';
import { nodeAt, replaceScalar } from '../fixes/yamlText';
import { removeAt, setAt } from '../fixes/objectEdits';
import type { KubeObject } from '../model';
import { simulate } from '../../simulator';
import { field, isStatefulSet } from './read';

/** A spec field as the API server stores it (defaults applied), so that an omitted default reads as its value. */
const fieldOf = (value: unknown, name: string): unknown => defaulted(name, field(value, 'spec', name));
import type { Fix, Rule } from './types';
import { atLeast, updatableSpecFields, versionFacts, type KubernetesVersion } from '../versions/kubernetesVersions';
import { targetVersion } from '../versions/gates';
import { t } from '../../messages';

/** What the target release's API server answers (ValidateStatefulSetUpdate: a list of updatable fields up to 1.36, named immutable fields from 1.37). */
function refusal(version: KubernetesVersion, field: string): string {
  if (atLeast(version, versionFacts.immutableFieldsListed.since)) return t('immutable-field-changed.answersImmutable', { version, field });
  const fields = updatableSpecFields(version).fields.map((f) => `'${f}'`);
  return t('immutable-field-changed.answersForbidden', { version, fields: fields.slice(0, -1).join(', '), last: fields[fields.length - 1] ?? '' });
}

function shown(value: unknown): string {
  return value === undefined ? t('common.nothing') : JSON.stringify(value);
}

/** The PVC names of one claim template, the first few of them, as the simulator names them. */
function pvcNames(object: KubeObject, claimIndex: number): string {
  const { pods, replicas } = simulate({ statefulSet: object.value });
  const names = pods.slice(0, 3).flatMap((pod) => pod.pvcs[claimIndex] ?? []);
  return `${names.join(', ')}${replicas > 3 ? ', …' : ''}`;
}

function advice(object: KubeObject, change: ImmutableChange): string {
  const name = object.name ?? 'NAME';
  const recreate = `kubectl delete statefulset ${name} --cascade=orphan`;
  const storage = change.field === 'volumeClaimTemplates' && change.path.includes('storage');
  if (storage) {
    const claimIndex = typeof change.path[2] === 'number' ? change.path[2] : 0;
    return t('immutable-field-changed.resize', { pvcs: pvcNames(object, claimIndex), recreate });
  }
  if (change.field === 'selector') {
    return t('immutable-field-changed.selector', { recreate });
  }
  return t('immutable-field-changed.recreate', { recreate });
}

/** Reverts the first difference to the deployed value, where that is one scalar or one key. */
function revert(context: Parameters<NonNullable<Rule['fix']>>[0], path: (string | number)[], before: unknown): Fix[] {
  const node = nodeAt(context.object.node, path);
  const key = path[path.length - 1];
  let edits;
  if (before === undefined) edits = typeof key === 'string' ? removeAt(context, path) : undefined;
  else if (typeof before === 'string' || typeof before === 'number') {
    const replaced = node && isScalar(node) ? replaceScalar(node, before) : undefined;
    edits = replaced ? [replaced] : node ? undefined : setAt(context, path, before);
  }
  return edits && edits.length > 0 ? [{ title: t('immutable-field-changed.fix', { value: shown(before) }), preferred: true, edits }] : [];
}

/** Changes to spec fields that an update may not touch, against the deployed version (a git ref the user chose, or an export). */
export const immutableFieldChanged: Rule = {
  id: 'immutable-field-changed',
  severity: 'warning',
  scope: 'workspace',
  check: ({ object, baseline, settings }) => {
    if (!baseline || !isStatefulSet(object) || !object.name) return [];
    const deployed = baseline.find(object.kind, object.namespace ?? settings.defaultNamespace, object.name);
    if (!deployed) return [];
    const version = targetVersion(settings);
    return immutableChanges(deployed.value, object.value, new Set(updatableSpecFields(version).fields)).map((change) => ({
      path: change.path,
      // Field by field against the deployed value (a claim template's change as raw JSON arrays read as noise).
      message: t('immutable-field-changed.message', { field: change.field, change: describeChange(change.field, fieldOf(deployed.value, change.field), fieldOf(object.value, change.field)), refusal: refusal(version, change.field), advice: advice(object, change) }),
      data: { path: change.path, before: change.before ?? null, absent: change.before === undefined },
    }));
  },
  fix: (context) => {
    const { path, before, absent } = context.data ?? {};
    if (!Array.isArray(path)) return [];
    return revert(context, path as (string | number)[], absent === true ? undefined : before);
  },
};
