import type { ObjectPath } from '../model';
import { podTemplateRefused } from '../rules/k8sSyntax';
import type { Settings } from '../settings';
import { targetVersion } from './gates';
import { atLeast, versionFacts } from './kubernetesVersions';

/**
 * A rule's message for the target release. Rules say what 1.34 and later do with an invalid pod
 * template: the API server refuses the StatefulSet. Before 1.34 only the template's labels and
 * annotations were validated (versionFacts.podTemplateValidated): the StatefulSet is stored, and
 * every pod creation fails, which is still an error, said as such.
 */
export function messageForRelease(message: string, path: ObjectPath, settings: Settings): string {
  const version = targetVersion(settings);
  if (atLeast(version, versionFacts.podTemplateValidated.since) || !message.startsWith(podTemplateRefused)) return message;
  if (path[0] !== 'spec' || path[1] !== 'template' || path[2] !== 'spec') return message;
  return `Kubernetes ${version} accepts this StatefulSet (it validates the pod template only from 1.34), but the controller's every pod creation fails (FailedCreate)${message.slice(podTemplateRefused.length)}`;
}
