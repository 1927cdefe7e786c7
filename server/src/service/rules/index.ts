import { activeDeadlineForbidden } from './active-deadline-forbidden';
import { apiVersionRemoved } from './api-version-removed';
import { claimTemplateInvalid } from './claim-template-invalid';
import { gracePeriodZero } from './grace-period-zero';
import { immutableFieldChanged } from './immutable-field-changed';
import { maxUnavailableInvalid } from './max-unavailable-invalid';
import { nameInvalid } from './name-invalid';
import { nameTooLong } from './name-too-long';
import { negativeValue } from './negative-value';
import { partitionExceedsReplicas } from './partition-exceeds-replicas';
import { partitionNegative } from './partition-negative';
import { podManagementPolicyInvalid } from './pod-management-policy-invalid';
import { restartPolicyInvalid } from './restart-policy-invalid';
import { retentionPolicyInvalid } from './retention-policy-invalid';
import { schema } from './schema';
import { selectorEmpty } from './selector-empty';
import { selectorMismatch } from './selector-mismatch';
import { selectorMissing } from './selector-missing';
import { serviceMissing } from './service-missing';
import { serviceNameInvalid } from './service-name-invalid';
import { serviceNotHeadless } from './service-not-headless';
import { serviceSelectorMismatch } from './service-selector-mismatch';
import { storageClassAnnotation } from './storage-class-annotation';
import type { Rule } from './types';
import { updateStrategyInvalid } from './update-strategy-invalid';
import { volumeMountUnknown } from './volume-mount-unknown';

/** Every rule, in the order their findings are listed. Specific rules come before `schema`. */
export const rules: readonly Rule[] = [
  apiVersionRemoved, nameInvalid, nameTooLong, selectorMissing, selectorEmpty, selectorMismatch,
  serviceNameInvalid, serviceMissing, serviceNotHeadless, serviceSelectorMismatch,
  partitionExceedsReplicas, partitionNegative, updateStrategyInvalid, podManagementPolicyInvalid,
  maxUnavailableInvalid, negativeValue, restartPolicyInvalid, activeDeadlineForbidden, gracePeriodZero,
  volumeMountUnknown, claimTemplateInvalid, retentionPolicyInvalid, storageClassAnnotation, immutableFieldChanged, schema,
];

/** The id of the YAML syntax diagnostic, which no rule object produces. */
export const yamlSyntaxRule = { id: 'yaml-syntax', severity: 'error' } as const;

/** Every diagnostic code the product can emit. */
export const ruleIds: readonly string[] = [yamlSyntaxRule.id, ...rules.map((rule) => rule.id)];

/** The rules by id, for fixes keyed on a diagnostic's code. */
export const ruleById: ReadonlyMap<string, Rule> = new Map(rules.map((rule) => [rule.id, rule]));
