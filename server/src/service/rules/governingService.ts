import type { ServiceInfo } from '../../workspace/serviceLookup';
import { dnsLabel, field, isStatefulSet } from './read';
import type { RuleContext } from './types';

/** The Service a StatefulSet names in serviceName, looked up in its own namespace. */
export function governingService(
  { object, settings, services, fragment }: RuleContext,
): { name: string; namespace: string; service: ServiceInfo | undefined } | undefined {
  const name = field(object.value, 'spec', 'serviceName');
  if (!isStatefulSet(object) || fragment || typeof name !== 'string' || !dnsLabel.test(name)) return undefined;
  const namespace = object.namespace ?? settings.defaultNamespace;
  return { name, namespace, service: services.find(namespace, name) };
}
