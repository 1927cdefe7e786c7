import { gateExists, gateOn, gateReason, targetVersion } from '../versions/gates';
import { fieldsMissingIn } from '../versions/fieldHistory';
import { minor, type StatefulSetGate } from '../versions/kubernetesVersions';
import { pathText } from '../schema/problemFromError';
import { field, isStatefulSet } from './read';
import type { Rule } from './types';
import { t } from '../../messages';

/** Fields the API server drops while their gate is off (pkg/api/pod/util.go dropDisabledPodLevelResources, dropContainerRestartRules). */
function gatedFields(value: unknown): { path: (string | number)[]; gate: StatefulSetGate }[] {
  const containers = field(value, 'spec', 'template', 'spec', 'containers');
  return [
    { path: ['spec', 'template', 'spec', 'resources'], gate: 'PodLevelResources' },
    ...(Array.isArray(containers) ? containers.map((_, i) => ({ path: ['spec', 'template', 'spec', 'containers', i, 'restartPolicyRules'], gate: 'ContainerRestartRules' as const })) : []),
  ];
}

/**
 * A field the target Kubernetes release (statefulset.kubernetesVersion) does not have: added in a
 * later release, or removed since. kubectl's strict field validation refuses an unknown field.
 * A field its release has but a gate that is off drops is a warning.
 */
export const fieldNotInVersion: Rule = {
  id: 'field-not-in-version',
  severity: 'error',
  scope: 'document',
  check: ({ object, settings }) => {
    const version = targetVersion(settings);
    const missing = fieldsMissingIn(object.apiVersion, object.kind, object.value, version).map(({ path, span }) => ({
      path,
      target: 'key' as const,
      message: span.since !== undefined && minor(span.since) > minor(version)
        ? t('field-not-in-version.added', { path: pathText(path), since: span.since, version })
        : t('field-not-in-version.removed', { path: pathText(path), until: String(span.until), version }),
    }));
    if (!isStatefulSet(object)) return missing;
    const dropped = gatedFields(object.value).flatMap(({ path, gate }) => {
      const value = path.reduce<unknown>((node, step) => (node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[step] : undefined), object.value);
      if (value === undefined || value === null || gateOn(settings, gate) || !gateExists(version, gate)) return [];
      if (missing.some((m) => m.path.join('.') === path.join('.'))) return [];
      return [{
        path,
        target: 'key' as const,
        severity: 'warning' as const,
        message: t('field-not-in-version.dropped', { path: pathText(path), reason: gateReason(settings, gate) }),
      }];
    });
    return [...missing, ...dropped];
  },
};
