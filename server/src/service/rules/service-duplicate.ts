import { serviceInfoOf } from '../workspace/servicesOf';
import { isService } from './read';
import type { Rule } from './types';
import { t } from '../../messages';

/**
 * Two Services with one name and namespace in one file (several `helm template` outputs
 * concatenated, a copy left behind): `kubectl apply` applies both in order, so the last one is
 * what runs. The rules look the Service up the same way; this says that the first one is dead text.
 */
export const serviceDuplicate: Rule = {
  id: 'service-duplicate',
  severity: 'warning',
  scope: 'workspace',
  check: ({ object, services, settings }) => {
    if (!isService(object) || !object.name) return [];
    // The lookup comes first, whatever else is known: the findings are kept while every lookup a
    // rule made finds the same Service (checkDocuments), so a rule that returned before looking
    // (a document checked ahead, before its file's Services were read) would be kept as it was.
    const winner = services.find(object.namespace ?? settings.defaultNamespace, object.name);
    const own = serviceInfoOf(object);
    if (!own) return [];
    if (!winner || winner.uri !== own.uri || winner.ordinal <= own.ordinal) return [];
    return [{
      path: ['metadata', 'name'],
      message: t('service-duplicate.message', { name: own.name, namespace: own.namespace }),
    }];
  },
};
