import { t } from '../../messages';

/**
 * The syntax checks of k8s.io/apimachinery's validation (IsQualifiedName, IsValidLabelValue,
 * IsValidPortName, IsRelaxedEnvVarName, resource.ParseQuantity), for the rules that report
 * what the API server refuses. Each returns the reason a value is refused, or undefined.
 * The differential test (test/unit/k8sOracle.test.ts) holds them to Kubernetes' own code.
 */

/** Who refuses a StatefulSet's own fields, and when. */
export const refusedOnCreate = (): string => t('k8s.refusedOnCreate');

/**
 * Who refuses the pod template, and when, for the target version (1.36): the API server, at
 * create and update (ValidatePodTemplateSpec in ValidateStatefulSetSpec, PR #131790). Before 1.34
 * it stored the StatefulSet and the controller's every pod creation failed with FailedCreate: the
 * rule pages say so; the message stays simple for the version the schemas are of.
 */
export const podTemplateRefused = (): string => t('k8s.podTemplateRefused');

const namePart = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const subdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
export const dns1123Label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function dnsSubdomainProblem(value: string): string | undefined {
  if (value.length > 253) return t('k8s.atMostChars', { max: 253 });
  return subdomain.test(value) ? undefined : t('k8s.subdomain');
}

export function dnsLabelProblem(value: string): string | undefined {
  if (value.length > 63) return t('k8s.atMostChars', { max: 63 });
  return dns1123Label.test(value) ? undefined : t('k8s.label');
}

/** A label or annotation key: `[prefix/]name`, the prefix a DNS subdomain, the name 1–63 of [-A-Za-z0-9_.]. */
export function qualifiedNameProblem(key: string): string | undefined {
  const parts = key.split('/');
  let name = key;
  if (parts.length === 2) {
    const prefix = parts[0] ?? '';
    name = parts[1] ?? '';
    if (prefix === '') return t('k8s.emptyPrefix');
    const bad = dnsSubdomainProblem(prefix);
    if (bad) return t('k8s.prefixProblem', { problem: bad });
  } else if (parts.length > 2) {
    return t('k8s.qualifiedShape');
  }
  if (name === '') return t('k8s.emptyNamePart');
  if (name.length > 63) return t('k8s.namePartTooLong');
  return namePart.test(name) ? undefined : t('k8s.namePartChars');
}

/** A label value: empty, or up to 63 of [-A-Za-z0-9_.] starting and ending with an alphanumeric. */
export function labelValueProblem(value: string): string | undefined {
  if (value.length > 63) return t('k8s.atMostChars', { max: 63 });
  return value === '' || namePart.test(value) ? undefined : t('k8s.labelValueChars');
}

/** An IANA service name, as a container port's name must be. */
export function portNameProblem(name: string): string | undefined {
  if (name.length > 15) return t('k8s.atMostChars', { max: 15 });
  if (!/^[-a-z0-9]+$/.test(name)) return t('k8s.portNameChars');
  if (!/[a-z]/.test(name)) return t('k8s.portNameLetter');
  if (name.includes('--')) return t('k8s.portNameHyphens');
  if (name.startsWith('-') || name.endsWith('-')) return t('k8s.portNameEnds');
  return undefined;
}

/** An environment variable name (relaxed validation, GA): printable ASCII other than '='. */
export function envNameProblem(name: string): string | undefined {
  if (name === '') return t('k8s.notEmpty');
  for (const ch of name) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 32 || code > 126 || ch === '=') return t('k8s.envNameChars');
  }
  return undefined;
}

const quantity = /^([+-]?)(\d+(\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;

/** A resource quantity as ParseQuantity reads it (a YAML number counts), as a number, or undefined when it does not parse. */
export function parseQuantity(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match = quantity.exec(value);
  if (!match) return undefined;
  const [, sign = '', digits = '', , suffix = ''] = match;
  const scale: Record<string, number> = { '': 1, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
    n: 1e-9, u: 1e-6, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };
  const factor = scale[suffix] ?? 10 ** Number(suffix.slice(1));
  return (sign === '-' ? -1 : 1) * Number(digits) * factor;
}
