import { activeDeadlineForbidden } from './active-deadline-forbidden';
import { affinitySelectsNothing } from './affinity-selects-nothing';
import { apiVersionRemoved } from './api-version-removed';
import { claimSpecInvalid } from './claim-spec-invalid';
import { claimTemplateInvalid } from './claim-template-invalid';
import { containerInvalid } from './container-invalid';
import { envInvalid } from './env-invalid';
import { gracePeriodZero } from './grace-period-zero';
import { immutableFieldChanged } from './immutable-field-changed';
import { labelChangesOnUpgrade } from './label-changes-on-upgrade';
import { integerOutOfRange } from './integer-out-of-range';
import { labelInvalid } from './label-invalid';
import { maxUnavailableInvalid } from './max-unavailable-invalid';
import { nameInvalid } from './name-invalid';
import { nameTooLong } from './name-too-long';
import { namespaceInvalid } from './namespace-invalid';
import { negativeValue } from './negative-value';
import { partitionExceedsReplicas } from './partition-exceeds-replicas';
import { partitionNegative } from './partition-negative';
import { portInvalid } from './port-invalid';
import { podNameTooLong } from './pod-name-too-long';
import { podSpecInvalid } from './pod-spec-invalid';
import { probeInvalid } from './probe-invalid';
import { podManagementPolicyInvalid } from './pod-management-policy-invalid';
import { restartPolicyInvalid } from './restart-policy-invalid';
import { resourcesInvalid } from './resources-invalid';
import { retentionPolicyInvalid } from './retention-policy-invalid';
import { schema } from './schema';
import { fieldNotInVersion } from './field-not-in-version';
import { selectorEmpty } from './selector-empty';
import { selectorMismatch } from './selector-mismatch';
import { selectorMissing } from './selector-missing';
import { serviceDuplicate } from './service-duplicate';
import { serviceMissing } from './service-missing';
import { serviceNameInvalid } from './service-name-invalid';
import { serviceNotHeadless } from './service-not-headless';
import { serviceSelectorMismatch } from './service-selector-mismatch';
import { storageClassAnnotation } from './storage-class-annotation';
import type { Rule } from './types';
import { timestampInvalid } from './timestamp-invalid';
import { updateStrategyInvalid } from './update-strategy-invalid';
import { volumeMountInvalid } from './volume-mount-invalid';
import { volumeMountUnknown } from './volume-mount-unknown';
import { volumeSourceInvalid } from './volume-source-invalid';

/** Every rule, in the order their findings are listed. Specific rules come before `schema`. */
export const rules: readonly Rule[] = [
  apiVersionRemoved, nameInvalid, nameTooLong, selectorMissing, selectorEmpty, selectorMismatch,
  serviceNameInvalid, serviceMissing, serviceNotHeadless, serviceSelectorMismatch, serviceDuplicate, affinitySelectsNothing,
  partitionExceedsReplicas, partitionNegative, updateStrategyInvalid, podManagementPolicyInvalid,
  maxUnavailableInvalid, negativeValue, restartPolicyInvalid, activeDeadlineForbidden, gracePeriodZero,
  volumeMountUnknown, claimTemplateInvalid, labelInvalid, containerInvalid, portInvalid, envInvalid,
  resourcesInvalid, probeInvalid, volumeMountInvalid, podSpecInvalid, claimSpecInvalid, namespaceInvalid, volumeSourceInvalid, podNameTooLong, integerOutOfRange, timestampInvalid, retentionPolicyInvalid, storageClassAnnotation, labelChangesOnUpgrade, immutableFieldChanged, fieldNotInVersion, schema,
];

/** The id of the YAML syntax diagnostic, which no rule object produces. */
export const yamlSyntaxRule = { id: 'yaml-syntax', severity: 'error' } as const;

/** The id of the information that a document is not checked because template syntax makes it something else than YAML as is. */
export const templateSyntaxRule = { id: 'template-syntax', severity: 'info' } as const;

/** The id of a chart Helm cannot render (template, values or dependency errors): the Helm source reports it, no rule object. */
export const helmRenderRule = { id: 'helm-render', severity: 'error' } as const;

/** The id of an overlay kustomize cannot build (a missing resource, a patch target not found, a remote resource): the kustomize source reports it. */
export const kustomizeBuildRule = { id: 'kustomize-build', severity: 'error' } as const;

/** Diagnostic codes that sources report, not rules over objects; each has its docs page and README row. */
export const sourceDiagnosticIds: readonly string[] = [helmRenderRule.id, kustomizeBuildRule.id];

/** Every diagnostic code the product can emit. */
export const ruleIds: readonly string[] = [yamlSyntaxRule.id, templateSyntaxRule.id, ...rules.map((rule) => rule.id)];

/** The rules by id, for fixes keyed on a diagnostic's code. */
export const ruleById: ReadonlyMap<string, Rule> = new Map(rules.map((rule) => [rule.id, rule]));
