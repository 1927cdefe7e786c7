import { replaceMap } from '../fixes/objectEdits';
import { parseLabelSelector, unmetRequirements, describeRequirement } from '../labels/labelSelector';
import { field, labelMap } from './read';
import { serviceFix } from '../fixes/serviceFix';
import { governingService } from './governingService';
import type { Rule } from './types';
import { t } from '../../messages';

/** The governing Service must select the pods, or it has no endpoints and no pod gets a DNS record. */
export const serviceSelectorMismatch: Rule = {
  id: 'service-selector-mismatch',
  severity: 'warning',
  scope: 'workspace',
  check: (context) => {
    const service = governingService(context)?.service;
    const templateLabels = field(context.object.value, 'spec', 'template', 'metadata', 'labels');
    if (!service || templateLabels === undefined) return [];
    const labels = labelMap(templateLabels);
    const data = { uri: service.uri, ordinal: service.ordinal, podLabels: labels };
    // A Service without a selector has its endpoints managed by someone else (Patroni does this): not ours to judge.
    if (!service.selector || Object.keys(service.selector).length === 0) return [];
    const unmet = unmetRequirements(parseLabelSelector({ matchLabels: service.selector }), labels);
    if (unmet.length === 0) return [];
    return [{
      path: ['spec', 'serviceName'],
      data,
      message: t('service-selector-mismatch.message', { name: service.name, v: unmet.map(describeRequirement).join(', ') }),
    }];
  },
  fix: (context) => serviceFix(
    context,
    (name) => t('service-selector-mismatch.fix', { name }),
    (service) => replaceMap(service, ['spec', 'selector'], labelMap(context.data?.podLabels)),
  ),
};
