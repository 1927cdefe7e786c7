import type { ServiceInfo } from '../workspace/serviceLookup';
import { dnsLabel, field, isStatefulSet } from './read';
import type { RuleContext } from './types';

type Governing = { name: string; namespace: string; service: ServiceInfo | undefined } | undefined;

/**
 * Three workspace rules ask this for the same context (one per object per check), on every
 * keystroke for every StatefulSet of the file: answer once per context.
 */
const answered = new WeakMap<RuleContext, Governing>();

/** The Service a StatefulSet names in serviceName, looked up in its own namespace. */
export function governingService(context: RuleContext): Governing {
  if (answered.has(context)) return answered.get(context);
  const { object, settings, services, fragment } = context;
  const name = field(object.value, 'spec', 'serviceName');
  const namespace = object.namespace ?? settings.defaultNamespace;
  const governing = !isStatefulSet(object) || fragment || typeof name !== 'string' || !dnsLabel.test(name)
    ? undefined
    : { name, namespace, service: services.find(namespace, name) };
  answered.set(context, governing);
  return governing;
}
