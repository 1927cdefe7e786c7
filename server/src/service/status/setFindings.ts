import { dig } from '../../simulator/readFields';
import { text } from './liveObjects';
import type { LivePod } from './types';
import { t } from '../../messages';

/** Builds `kubectl ... -n NS [--context C]`; a name with a shell character is quoted. */
export function kubectlFor(namespace: string, context?: string): (args: string) => string {
  const quote = (value: string): string => /^[A-Za-z0-9._:/@-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
  const where = `-n ${quote(namespace)}${context !== undefined ? ` --context ${quote(context)}` : ''}`;
  return (args) => `kubectl ${args} ${where}`;
}

/**
 * The message of the newest FailedCreate event of the set (core/v1 `involvedObject` and
 * `message`, or events.k8s.io/v1 `regarding` and `note`).
 */
export function failedCreateMessage(events: readonly unknown[], set: string, namespace: string): string | undefined {
  let newest: { at: string; message: string } | undefined;
  for (const event of events) {
    const about = dig(event, 'involvedObject') ?? dig(event, 'regarding');
    if (dig(about, 'kind') !== 'StatefulSet' || dig(about, 'name') !== set) continue;
    if ((text(dig(about, 'namespace')) ?? namespace) !== namespace || dig(event, 'reason') !== 'FailedCreate') continue;
    const message = text(dig(event, 'message')) ?? text(dig(event, 'note')) ?? '';
    const at = text(dig(event, 'lastTimestamp')) ?? text(dig(event, 'eventTime')) ?? text(dig(event, 'metadata', 'creationTimestamp')) ?? '';
    if (newest === undefined || at >= newest.at) newest = { at, message };
  }
  return newest?.message;
}

/** A pod that does not go away: its finalizers, or a kubelet that never confirmed. */
export function terminatingFinding(pod: LivePod, kubectl: (args: string) => string): { explanation: string; recovery: string[] } {
  if (pod.finalizers.length > 0) {
    return {
      explanation: t(pod.finalizers.length > 1 ? 'status.finalizers' : 'status.finalizer', { pod: pod.name, finalizers: pod.finalizers.join(', ') }),
      recovery: [kubectl(`get pod ${pod.name} -o jsonpath='{.metadata.finalizers}'`),
        kubectl(`patch pod ${pod.name} --type=merge -p '{"metadata":{"finalizers":null}}'`)],
    };
  }
  return {
    explanation: t('status.kubeletSilent', { pod: pod.name }),
    recovery: [kubectl(`get pod ${pod.name} -o wide`), kubectl(`delete pod ${pod.name} --grace-period=0 --force`)],
  };
}
