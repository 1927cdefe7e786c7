import { dnsLabelProblem, dnsSubdomainProblem, parseQuantity, refusedOnCreate } from './k8sSyntax';
import { field, isStatefulSet, records } from './read';
import type { Rule, RuleResult } from './types';
import { atLeast } from '../versions/kubernetesVersions';
import { t } from '../../messages';

const accessModes = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];

/**
 * Values in a volumeClaimTemplate that the API server refuses (claim-template-invalid covers
 * what is missing): a name that is not a DNS label (it becomes a pod volume's name), an access
 * mode it does not know, a storageClassName that is not a DNS subdomain, and a storage
 * request that is not above zero.
 */
export const claimSpecInvalid: Rule = {
  id: 'claim-spec-invalid',
  severity: 'error',
  scope: 'document',
  check: ({ object, settings }) => {
    if (!isStatefulSet(object)) return [];
    return records(field(object.value, 'spec', 'volumeClaimTemplates')).flatMap((claim, i): RuleResult[] => {
      const at = ['spec', 'volumeClaimTemplates', i];
      const out: RuleResult[] = [];
      const name = field(claim, 'metadata', 'name');
      const problem = typeof name === 'string' && name !== '' ? dnsLabelProblem(name) : undefined;
      if (problem) out.push({ path: [...at, 'metadata', 'name'], message: t('claim-spec-invalid.name', { refused: refusedOnCreate(), name: String(name), problem }) });
      const storageClass = field(claim, 'spec', 'storageClassName');
      const classProblem = typeof storageClass === 'string' && storageClass !== '' ? dnsSubdomainProblem(storageClass) : undefined;
      if (classProblem) out.push({ path: [...at, 'spec', 'storageClassName'], message: t('claim-spec-invalid.storageClass', { refused: refusedOnCreate(), name: String(storageClass), problem: classProblem }) });
      // VolumeAttributesClass is GA (its gate always on) from 1.34; before, the field is dropped.
      const attributesClass = field(claim, 'spec', 'volumeAttributesClassName');
      const attributesProblem = typeof attributesClass === 'string' && attributesClass !== '' && atLeast(settings.kubernetesVersion, '1.34') ? dnsSubdomainProblem(attributesClass) : undefined;
      if (attributesProblem) out.push({ path: [...at, 'spec', 'volumeAttributesClassName'], message: t('claim-spec-invalid.attributesClass', { refused: refusedOnCreate(), name: String(attributesClass), problem: attributesProblem }) });
      const volumeMode = field(claim, 'spec', 'volumeMode');
      if (typeof volumeMode === 'string' && volumeMode !== 'Block' && volumeMode !== 'Filesystem') out.push({ path: [...at, 'spec', 'volumeMode'], message: t('claim-spec-invalid.volumeMode', { refused: refusedOnCreate(), mode: volumeMode }) });
      const modes = field(claim, 'spec', 'accessModes');
      if (Array.isArray(modes)) modes.forEach((mode, j) => {
        // A null mode decodes as "", which is refused like any unknown mode.
        if ((typeof mode === 'string' || mode === null) && !accessModes.includes(mode ?? '')) out.push({ path: [...at, 'spec', 'accessModes', j], message: t('claim-spec-invalid.accessMode', { refused: refusedOnCreate(), mode: String(mode ?? ''), modes: accessModes.join(', ') }) });
      });
      const storage = field(claim, 'spec', 'resources', 'requests', 'storage');
      const amount = parseQuantity(storage);
      if (storage !== undefined && storage !== null && (amount === undefined ? typeof storage === 'string' : amount <= 0)) {
        out.push({ path: [...at, 'spec', 'resources', 'requests', 'storage'], message: t('claim-spec-invalid.storage', { refused: refusedOnCreate(), storage: JSON.stringify(storage) }) });
      }
      return out;
    });
  },
};
