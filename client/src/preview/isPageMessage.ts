import type { PageMessage, WhatIf } from '../../../protocol/protocol';

/**
 * Whether a message from the preview page is one of ours, well formed. The page renders text
 * only, but whatever posts to the webview is not trusted: an unknown or malformed message is
 * ignored rather than acted on (a `reveal` with a string line, a `copy` of an object, a
 * what-if with a thousand-digit replica count). Pure, so it is tested without VS Code.
 */
export function isPageMessage(message: unknown): message is PageMessage {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return false;
  const m = message as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return true;
    case 'whatIf':
      return isWhatIf(m.whatIf);
    case 'select':
      return typeof m.name === 'string' && m.name.length <= 253;
    case 'reveal':
      return typeof m.line === 'number' && Number.isInteger(m.line) && m.line >= 0 && m.line < 100_000_000;
    case 'copy':
      return typeof m.text === 'string' && m.text.length <= 4096;
    default:
      return false;
  }
}

/** A count as Kubernetes has them: a non-negative int32 (the simulator caps the pods it draws). */
const count = (value: unknown): boolean => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 2_147_483_647;

function isWhatIf(value: unknown): value is WhatIf {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const w = value as Record<string, unknown>;
  const known = new Set(['replicas', 'partition', 'podManagementPolicy', 'maxUnavailable', 'failingOrdinal']);
  if (Object.keys(w).some((key) => !known.has(key))) return false;
  const optional = (key: string, valid: (v: unknown) => boolean): boolean => w[key] === undefined || valid(w[key]);
  return optional('replicas', count) && optional('partition', count) && optional('failingOrdinal', count)
    && optional('podManagementPolicy', (v) => v === 'OrderedReady' || v === 'Parallel')
    // Any short text: the page sends what the user typed, and the simulation says what is wrong with it.
    && optional('maxUnavailable', (v) => count(v) || (typeof v === 'string' && v.length <= 32));
}
