import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPageMessage } from '../../client/src/preview/isPageMessage';

// Messages from the preview webview are checked before the panel acts on them.

test('every message the page sends is accepted', () => {
  for (const message of [
    { type: 'ready' }, { type: 'select', name: 'web' }, { type: 'reveal', line: 0 }, { type: 'reveal', line: 120 }, { type: 'copy', text: 'web-0.web.default.svc.cluster.local' },
    { type: 'whatIf', whatIf: {} }, { type: 'whatIf', whatIf: { replicas: 5, partition: 2, podManagementPolicy: 'Parallel', maxUnavailable: '50%', failingOrdinal: 1 } },
    { type: 'whatIf', whatIf: { maxUnavailable: 2, failingOrdinal: undefined } }, { type: 'whatIf', whatIf: { maxUnavailable: 'abc' } },
  ]) assert.ok(isPageMessage(message), JSON.stringify(message));
});

test('unknown and malformed messages are refused', () => {
  for (const message of [
    undefined, null, 'ready', 42, [], [{ type: 'ready' }], {}, { type: 'READY' }, { type: 'eval', code: 'alert(1)' }, { type: '__proto__' },
    { type: 'select' }, { type: 'select', name: 7 }, { type: 'select', name: 'x'.repeat(10_000) },
    { type: 'reveal', line: '3' }, { type: 'reveal', line: -1 }, { type: 'reveal', line: 1.5 }, { type: 'reveal', line: Number.NaN }, { type: 'reveal', line: Infinity },
    { type: 'copy' }, { type: 'copy', text: { toString: 'x' } }, { type: 'copy', text: 'x'.repeat(100_000) },
    { type: 'whatIf' }, { type: 'whatIf', whatIf: null }, { type: 'whatIf', whatIf: [] }, { type: 'whatIf', whatIf: { replicas: -1 } },
    { type: 'whatIf', whatIf: { replicas: 1e300 } }, { type: 'whatIf', whatIf: { replicas: '3' } }, { type: 'whatIf', whatIf: { podManagementPolicy: 'Random' } },
    { type: 'whatIf', whatIf: { maxUnavailable: 'x'.repeat(1000) } }, { type: 'whatIf', whatIf: { extra: 1 } },
  ]) assert.equal(isPageMessage(message), false, JSON.stringify(message) ?? String(message));
});
