/**
 * Removes secrets from text meant for a person (an error, a log line): every occurrence
 * of a known secret, and anything after `Bearer `. Secrets shorter than 4 characters are
 * left alone (they would blank out ordinary words), and none of ours are that short.
 */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret === undefined || secret.length < 4) continue;
    out = out.split(secret).join('[redacted]');
    for (const line of secret.split('\n')) if (line.length >= 16) out = out.split(line).join('[redacted]');
  }
  return out.replace(/(Bearer\s+)[^\s"']+/gi, '$1[redacted]');
}
