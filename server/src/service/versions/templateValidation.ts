import type { ObjectPath } from '../model';
import { podTemplateRefused, refusedOnCreate } from '../rules/k8sSyntax';
import type { Settings } from '../settings';
import { targetVersion } from './gates';
import { atLeast, versionFacts } from './kubernetesVersions';
import { t } from '../../messages';

/**
 * A rule's message for the target release. Rules say what 1.34 and later do with an invalid pod
 * template: the API server refuses the StatefulSet. Before 1.34 only the template's labels and
 * annotations were validated (versionFacts.podTemplateValidated): the StatefulSet is stored, and
 * every pod creation fails, which is still an error, said as such. Claim templates alike (their
 * claims cannot be created, so no pod is).
 */
export function messageForRelease(message: string, path: ObjectPath, settings: Settings): string {
  const version = targetVersion(settings);
  if (atLeast(version, versionFacts.podTemplateValidated.since) || path[0] !== 'spec') return message;
  if (path[1] === 'template' && path[2] === 'spec' && message.startsWith(podTemplateRefused())) {
    return t('versions.templateFailedCreate', { version }) + message.slice(podTemplateRefused().length);
  }
  if (path[1] === 'volumeClaimTemplates' && message.startsWith(refusedOnCreate())) {
    return t('versions.claimFailedCreate', { version }) + message.slice(refusedOnCreate().length);
  }
  return message;
}
