import { dnsLabel } from '../rules/read';

/** A name made into a DNS-1123 label (lower case, '-' for other characters), or undefined when that fails. */
export function toDnsLabel(name: unknown): string | undefined {
  if (typeof name !== 'string') return undefined;
  const label = name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^-+|-+$/g, '');
  return label !== name && label.length <= 63 && dnsLabel.test(label) ? label : undefined;
}
