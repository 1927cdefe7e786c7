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

const binarySuffixes = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
const decimalSuffixes: Record<number, string> = { [-9]: 'n', [-6]: 'u', [-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E' };
const decimalExponents: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

/**
 * A quantity as resource.Quantity's String() writes it (canonical: `1000` → `1k`, `1024Mi` →
 * `1Gi`, `1e3` stays `1e3`), for comparing with the texts Kubernetes lists; undefined when it
 * does not parse or is finer than a nano unit.
 */
export function canonicalQuantity(value: unknown): string | undefined {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string') return undefined;
  const match = quantity.exec(text);
  if (!match) return undefined;
  const [, sign = '', digits = '', , suffix = ''] = match;
  const [whole = '', fraction = ''] = digits.split('.');
  if (fraction.length > 9) return undefined;
  let nano = BigInt(`${whole || '0'}${fraction.padEnd(9, '0')}`); // the value in units of 10^-9
  let format: 'binary' | 'decimal' | 'exponent' = 'decimal';
  const binary = binarySuffixes.indexOf(suffix);
  if (suffix !== '' && binary > 0) {
    nano *= 1024n ** BigInt(binary);
    format = 'binary';
  } else if (/^[eE]/.test(suffix)) {
    const exponent = Number(suffix.slice(1));
    if (exponent < 0) {
      const divisor = 10n ** BigInt(-exponent);
      if (nano % divisor !== 0n) return undefined;
      nano /= divisor;
    } else nano *= 10n ** BigInt(exponent);
    format = 'exponent';
  } else nano = decimalExponents[suffix]! >= 0 ? nano * 10n ** BigInt(decimalExponents[suffix]!) : nano / 10n ** BigInt(-decimalExponents[suffix]!);
  if (nano === 0n) return '0';
  const negative = sign === '-';
  const abs = nano < 0n ? -nano : nano;
  // A binary quantity under 1024, or not a whole number of bytes, is written in decimal.
  if (format === 'binary' && abs >= 1024n * 10n ** 9n && abs % 10n ** 9n === 0n) {
    let amount = abs / 10n ** 9n;
    let power = 0;
    while (power < binarySuffixes.length - 1 && amount % 1024n === 0n) { amount /= 1024n; power++; }
    return `${negative ? '-' : ''}${amount}${binarySuffixes[power]}`;
  }
  let exponent = 18;
  while (exponent > -9 && abs % 10n ** BigInt(exponent + 9) !== 0n) exponent -= 3;
  const mantissa = abs / 10n ** BigInt(exponent + 9);
  const written = format === 'exponent' ? (exponent === 0 ? '' : `e${exponent}`) : decimalSuffixes[exponent];
  return `${negative ? '-' : ''}${mantissa}${written}`;
}
