import { removeAt } from '../fixes/objectEdits';
import { field, isRecord, isStatefulSet, records } from './read';
import type { Rule, RuleResult } from './types';
import { t } from '../../messages';

/** Labels whose value Helm charts set from the chart's or the app's version (a bare `version: v1`, as Istio uses, is left alone). */
const versionKeys = new Set(['helm.sh/chart', 'app.kubernetes.io/version']);
/** `helm.sh/chart`'s format, `<chart>-<semver>` (e.g. `postgresql-16.7.4`), under any key. */
const chartAndVersion = /^[a-z0-9][-a-z0-9]*-v?\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/;

const changes = (key: string, value: unknown): boolean =>
  versionKeys.has(key) || (typeof value === 'string' && chartAndVersion.test(value));

/**
 * A label that changes with every chart or app version inside a field that an update may not
 * change (spec.selector, a claim template's metadata): the next `helm upgrade` to a new version
 * is refused by the API server (argo-helm #2494, ory/k8s #635, opentelemetry-operator #1491).
 */
export const labelChangesOnUpgrade: Rule = {
  id: 'label-changes-on-upgrade',
  severity: 'warning',
  scope: 'document',
  check: ({ object }) => {
    if (!isStatefulSet(object)) return [];
    const found: RuleResult[] = [];
    const selector = field(object.value, 'spec', 'selector', 'matchLabels');
    if (isRecord(selector)) {
      for (const [key, value] of Object.entries(selector)) {
        if (!changes(key, value)) continue;
        found.push({
          path: ['spec', 'selector', 'matchLabels', key], target: 'key',
          message: t('label-changes-on-upgrade.selector', { key, value: String(value) }),
          data: { path: ['spec', 'selector', 'matchLabels', key] },
        });
      }
    }
    records(field(object.value, 'spec', 'volumeClaimTemplates')).forEach((template, i) => {
      const labels = field(template, 'metadata', 'labels');
      if (!isRecord(labels)) return;
      for (const [key, value] of Object.entries(labels)) {
        if (!changes(key, value)) continue;
        const path = ['spec', 'volumeClaimTemplates', i, 'metadata', 'labels', key];
        found.push({
          path, target: 'key',
          message: t('label-changes-on-upgrade.claimTemplate', { key, value: String(value) }),
          data: { path },
        });
      }
    });
    return found;
  },
  fix: (context) => {
    const path = context.data?.['path'];
    if (!Array.isArray(path)) return [];
    const edits = removeAt(context, path as (string | number)[]) ?? [];
    return edits.length > 0 ? [{ title: t('label-changes-on-upgrade.fix', { v: String(path[path.length - 1]) }), preferred: true, edits }] : [];
  },
};
