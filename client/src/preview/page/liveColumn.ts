import type { LiveColumn, LivePod, StatusReport } from '../../../../protocol/protocol';
import { button, el } from './dom';
import { t } from './l10n';
import { send } from './vscodeApi';

/**
 * The live state beside the plan, when the workspace is connected to a cluster: what the
 * controller waits for and why, the recovery as commands to copy (never run), each pod as
 * the cluster reports it, its claims, and what the controller does next.
 */
export function liveColumn(live: LiveColumn | undefined): HTMLElement | null {
  if (live === undefined) return null;
  const heading = el('h2', {}, t('Live in {0}', live.context));
  if (live.state === 'absent') {
    return el('section', { class: 'live' }, heading, el('p', { class: 'muted' }, t('Not in the cluster: no StatefulSet of this name in this namespace.')));
  }
  if (live.state === 'error') {
    return el('section', { class: 'live' }, heading, el('p', { class: 'live-error' }, t('The cluster cannot be read: {0}. The preview goes on without it; it reconnects by itself.', live.message)));
  }
  const r = live.report;
  return el('section', { class: 'live', 'aria-label': t('Live state in {0}', live.context) }, heading,
    el('p', { class: r.blocked ? 'live-blocked' : 'live-ok' },
      r.blocked ? (r.blockingPod ? t('Stuck ({0} at {1}): ', r.reason, r.blockingPod) : t('Stuck ({0}): ', r.reason)) : '', r.explanation),
    recovery(r),
    el('p', { class: 'muted' }, rolloutText(r)),
    podsTable(r.pods),
    r.claims.length > 0 ? el('p', { class: 'muted' }, t('Claims: {0}', r.claims.map((c) => `${c.name} ${c.phase}${c.size ? ` ${c.size}` : ''}`).join(t(', ')))) : null,
    r.next.length > 0 ? el('details', {}, el('summary', {}, r.blocked ? t('Once unblocked, the controller will') : t('Next, the controller will')),
      el('ol', {}, ...r.next.slice(0, 20).map((step) => el('li', {}, step)))) : null,
  );
}

function recovery(r: StatusReport): HTMLElement | null {
  if (r.recovery.length === 0) return null;
  return el('div', { class: 'recovery' },
    el('p', {}, t('To recover (StatefulSet Studio runs none of these):')),
    ...r.recovery.map((command) => el('div', { class: 'copyable' }, el('code', {}, command),
      button(t('Copy'), () => send({ type: 'copy', text: command }), { class: 'copy', 'aria-label': t('Copy {0}', command), title: t('Copy the command') }))));
}

function rolloutText(r: StatusReport): string {
  const o = r.rollout;
  const revisions = o.currentRevision === o.updateRevision
    ? t('revision {0}', o.updateRevision || '-')
    : t('revision {0} → {1}', o.currentRevision || '-', o.updateRevision || '-');
  return `${t('{0}/{1} ready, {2} updated', o.readyReplicas, o.replicas, o.updatedReplicas)} · ${revisions} · ${o.podManagementPolicy}, ${o.updateStrategy}${o.partition > 0 ? `, partition ${o.partition}` : ''}`;
}

function podsTable(pods: readonly LivePod[]): HTMLElement {
  const row = (p: LivePod): HTMLElement => el('tr', { class: p.ready ? '' : 'not-ready' },
    el('td', {}, p.name),
    el('td', {}, p.terminating ? 'Terminating' : p.phase),
    el('td', {}, p.ready ? 'Ready' : t('not Ready')),
    el('td', { title: p.revisionHash }, p.revision === 'update' ? t('update') : p.revision === 'current' ? t('current') : t('other')),
    el('td', {}, String(p.restarts)),
    el('td', {}, p.waitingReason ?? (p.unschedulable !== undefined ? 'Unschedulable' : '')),
  );
  return el('table', { class: 'live-pods' },
    el('thead', {}, el('tr', {}, ...['Pod', t('Phase'), 'Ready', t('Revision'), t('Restarts'), t('Waiting')].map((h) => el('th', {}, h)))),
    el('tbody', {}, ...pods.slice(0, 200).map(row)));
}
