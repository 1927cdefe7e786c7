/**
 * The syntax checks of k8s.io/apimachinery's validation (IsQualifiedName, IsValidLabelValue,
 * IsValidPortName, IsRelaxedEnvVarName, resource.ParseQuantity), for the rules that report
 * what the API server refuses. Each returns the reason a value is refused, or undefined.
 * The differential test (test/unit/k8sOracle.test.ts) holds them to Kubernetes' own code.
 */

/** Who refuses a StatefulSet's own fields, and when. */
export const refusedOnCreate = 'The API server refuses this StatefulSet at create';

/**
 * Who refuses the pod template, and when, for the target version (1.36): the API server, at
 * create and update (ValidatePodTemplateSpec in ValidateStatefulSetSpec, PR #131790). Before 1.34
 * it stored the StatefulSet and the controller's every pod creation failed with FailedCreate: the
 * rule pages say so; the message stays simple for the version the schemas are of.
 */
export const podTemplateRefused = 'The API server refuses this StatefulSet at create or update (its pod template is validated too)';

const namePart = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const subdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
export const dns1123Label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function dnsSubdomainProblem(value: string): string | undefined {
  if (value.length > 253) return 'must be no more than 253 characters';
  return subdomain.test(value) ? undefined : 'must be a lowercase RFC 1123 subdomain';
}

export function dnsLabelProblem(value: string): string | undefined {
  if (value.length > 63) return 'must be no more than 63 characters';
  return dns1123Label.test(value) ? undefined : "must be a lowercase RFC 1123 label (a-z, 0-9 and '-', starting and ending with a letter or digit)";
}

/** A label or annotation key: `[prefix/]name`, the prefix a DNS subdomain, the name 1–63 of [-A-Za-z0-9_.]. */
export function qualifiedNameProblem(key: string): string | undefined {
  const parts = key.split('/');
  let name = key;
  if (parts.length === 2) {
    const prefix = parts[0] ?? '';
    name = parts[1] ?? '';
    if (prefix === '') return 'the prefix before "/" must not be empty';
    const bad = dnsSubdomainProblem(prefix);
    if (bad) return `its prefix ${bad}`;
  } else if (parts.length > 2) {
    return 'must be a name with an optional DNS subdomain prefix and one "/"';
  }
  if (name === '') return 'its name part must not be empty';
  if (name.length > 63) return 'its name part must be no more than 63 characters';
  return namePart.test(name) ? undefined : "its name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
}

/** A label value: empty, or up to 63 of [-A-Za-z0-9_.] starting and ending with an alphanumeric. */
export function labelValueProblem(value: string): string | undefined {
  if (value.length > 63) return 'must be no more than 63 characters';
  return value === '' || namePart.test(value) ? undefined : "must be empty or consist of alphanumeric characters, '-', '_' or '.', and start and end with an alphanumeric character";
}

/** An IANA service name, as a container port's name must be. */
export function portNameProblem(name: string): string | undefined {
  if (name.length > 15) return 'must be no more than 15 characters';
  if (!/^[-a-z0-9]+$/.test(name)) return 'must contain only a-z, 0-9 and hyphens';
  if (!/[a-z]/.test(name)) return 'must contain at least one letter (a-z)';
  if (name.includes('--')) return 'must not contain consecutive hyphens';
  if (name.startsWith('-') || name.endsWith('-')) return 'must not begin or end with a hyphen';
  return undefined;
}

/** An environment variable name (relaxed validation, GA): printable ASCII other than '='. */
export function envNameProblem(name: string): string | undefined {
  if (name === '') return 'must not be empty';
  for (const ch of name) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 32 || code > 126 || ch === '=') return "must consist of printable ASCII characters other than '='";
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
