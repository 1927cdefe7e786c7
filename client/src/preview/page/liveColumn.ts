import type { LiveColumn, LivePod, StatusReport } from '../../../../protocol/protocol';
import { button, el } from './dom';
import { send } from './vscodeApi';

/**
 * The live state beside the plan, when the workspace is connected to a cluster: what the
 * controller waits for and why, the recovery as commands to copy (never run), each pod as
 * the cluster reports it, its claims, and what the controller does next.
 */
export function liveColumn(live: LiveColumn | undefined): HTMLElement | null {
  if (live === undefined) return null;
  const heading = el('h2', {}, `Live in ${live.context}`);
  if (live.state === 'absent') {
    return el('section', { class: 'live' }, heading, el('p', { class: 'muted' }, 'Not in the cluster: no StatefulSet of this name in this namespace.'));
  }
  if (live.state === 'error') {
    return el('section', { class: 'live' }, heading, el('p', { class: 'live-error' }, `The cluster cannot be read: ${live.message}. The preview goes on without it; it reconnects by itself.`));
  }
  const r = live.report;
  return el('section', { class: 'live', 'aria-label': `Live state in ${live.context}` }, heading,
    el('p', { class: r.blocked ? 'live-blocked' : 'live-ok' },
      r.blocked ? `Stuck (${r.reason}${r.blockingPod ? ` at ${r.blockingPod}` : ''}): ` : '', r.explanation),
    recovery(r),
    el('p', { class: 'muted' }, rolloutText(r)),
    podsTable(r.pods),
    r.claims.length > 0 ? el('p', { class: 'muted' }, `Claims: ${r.claims.map((c) => `${c.name} ${c.phase}${c.size ? ` ${c.size}` : ''}`).join(', ')}`) : null,
    r.next.length > 0 ? el('details', {}, el('summary', {}, r.blocked ? 'Once unblocked, the controller will' : 'Next, the controller will'),
      el('ol', {}, ...r.next.slice(0, 20).map((step) => el('li', {}, step)))) : null,
  );
}

function recovery(r: StatusReport): HTMLElement | null {
  if (r.recovery.length === 0) return null;
  return el('div', { class: 'recovery' },
    el('p', {}, 'To recover (StatefulSet Studio runs none of these):'),
    ...r.recovery.map((command) => el('div', { class: 'copyable' }, el('code', {}, command),
      button('Copy', () => send({ type: 'copy', text: command }), { class: 'copy', 'aria-label': `Copy ${command}`, title: 'Copy the command' }))));
}

function rolloutText(r: StatusReport): string {
  const o = r.rollout;
  const revisions = o.currentRevision === o.updateRevision ? `revision ${o.updateRevision || '-'}` : `revision ${o.currentRevision || '-'} → ${o.updateRevision || '-'}`;
  return `${o.readyReplicas}/${o.replicas} ready, ${o.updatedReplicas} updated · ${revisions} · ${o.podManagementPolicy}, ${o.updateStrategy}${o.partition > 0 ? `, partition ${o.partition}` : ''}`;
}

function podsTable(pods: readonly LivePod[]): HTMLElement {
  const row = (p: LivePod): HTMLElement => el('tr', { class: p.ready ? '' : 'not-ready' },
    el('td', {}, p.name),
    el('td', {}, p.terminating ? 'Terminating' : p.phase),
    el('td', {}, p.ready ? 'Ready' : 'not Ready'),
    el('td', { title: p.revisionHash }, p.revision === 'update' ? 'update' : p.revision === 'current' ? 'current' : 'other'),
    el('td', {}, String(p.restarts)),
    el('td', {}, p.waitingReason ?? (p.unschedulable !== undefined ? 'Unschedulable' : '')),
  );
  return el('table', { class: 'live-pods' },
    el('thead', {}, el('tr', {}, ...['Pod', 'Phase', 'Ready', 'Revision', 'Restarts', 'Waiting'].map((h) => el('th', {}, h)))),
    el('tbody', {}, ...pods.slice(0, 200).map(row)));
}
