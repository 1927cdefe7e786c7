import type { Simulation } from '../../../../protocol/protocol';
import { button, el } from './dom';
import { t } from './l10n';
import { send } from './vscodeApi';

/**
 * A DNS or PVC name that may wrap only after a dot, never inside a label (`web-` / `0…`): each
 * label is unbreakable, and a <wbr> after each dot is the only place a line may end.
 */
export function dnsName(text: string): HTMLElement {
  const labels = text.split('.');
  return el('code', { class: 'dns-name' }, ...labels.flatMap((label, i) => [
    el('span', { class: 'nowrap' }, i < labels.length - 1 ? `${label}.` : label),
    i < labels.length - 1 ? el('wbr') : null,
  ]));
}

function copyable(text: string, label: string): HTMLElement {
  return el('span', { class: 'copyable' }, dnsName(text),
    button(t('Copy'), () => send({ type: 'copy', text }), { class: 'copy', 'aria-label': t('Copy {0}', label), title: t('Copy {0}', text) }));
}

/** The Service's DNS names, with copy buttons. */
export function serviceNames(sim: Simulation): HTMLElement {
  if (!sim.serviceDomain) return el('section', { class: 'service' }, el('h2', {}, 'Service'), el('p', {}, t('No {0}: pods get hostnames but no DNS names.', 'spec.serviceName')));
  const first = sim.pods[0];
  return el('section', { class: 'service' },
    el('h2', {}, t('Service DNS')),
    el('dl', {},
      el('dt', {}, t('Governing Service')), el('dd', {}, copyable(sim.serviceDomain, t('the Service domain'))),
      first?.fqdn ? el('dt', {}, t('Each pod')) : null,
      first?.fqdn ? el('dd', {}, copyable(`<pod>.${sim.serviceDomain}`, t('the per-pod name pattern'))) : null,
    ));
}

/** What the last column means, under the partition in force. */
function revisionLegend(sim: Simulation): string {
  if (sim.updateStrategy === 'OnDelete') return t('After update: the revision each pod runs after you change the pod template. OnDelete: every pod stays old until you delete it.');
  const first = sim.ordinalStart + sim.partition;
  const held = sim.partition === 0 ? t('none is held') : t('ordinals below {0} stay old (partition {1})', first, sim.partition);
  return t('After update: the revision each pod runs after you change the pod template — new: replaced with the new template; old: keeps the current one. Here {0}.', held);
}

/** One row per pod: ordinal, name, FQDN, PVCs, and the revision it will run after an update. */
export function podsTable(sim: Simulation, whatIfReplicas = false): HTMLElement {
  const capped = sim.simulatedReplicas < sim.replicas
    ? el('p', { class: 'muted' }, t('Showing the first {0} of {1} pods.', sim.simulatedReplicas, sim.replicas))
    : null;
  const afterUpdate = t('After update');
  // data-label names each cell where a narrow panel shows a row as a card (preview.css).
  // A pod the controller can never create (FailedCreate) keeps its row, marked, with the reason:
  // the names are what it would try, not what will run.
  const rows = sim.pods.map((pod) => el('tr', pod.problem === undefined ? {} : { class: 'refused' },
    el('td', { class: 'number', 'data-label': t('Ordinal') }, String(pod.ordinal)),
    el('td', { class: 'pod-name', 'data-label': 'Pod' }, el('code', {}, pod.name),
      pod.problem === undefined ? null : el('span', { class: 'problem', role: 'note' }, pod.problem)),
    el('td', { 'data-label': t('DNS name') }, pod.fqdn ? copyable(pod.fqdn, t('{0}\'s DNS name', pod.name)) : el('span', { class: 'muted' }, t('no DNS name'))),
    el('td', { 'data-label': 'PVCs' }, ...(pod.pvcs.length ? pod.pvcs.map((pvc) => el('code', { class: 'pvc' }, pvc)) : [el('span', { class: 'muted' }, t('none'))])),
    el('td', { 'data-label': afterUpdate }, el('span', { class: `revision ${pod.revision}`, title: pod.revision === 'updated' ? t('Replaced with the new pod template when it changes') : t('Keeps the current pod template when it changes') }, pod.revision === 'updated' ? t('new') : t('old'))),
  ));
  return el('section', { class: 'pods' },
    el('h2', {}, t('Pods ({0})', sim.replicas), whatIfReplicas ? el('span', { class: 'badge' }, t('what-if')) : null),
    capped,
    el('div', { class: 'table-scroll' }, el('table', {},
      el('caption', { class: 'visually-hidden' }, t('Pods the controller creates')),
      el('thead', {}, el('tr', {}, ...['#', 'Pod', t('DNS name'), 'PVCs', afterUpdate].map((h) => el('th', {
        scope: 'col', ...(h === afterUpdate ? { title: revisionLegend(sim), 'aria-describedby': 'revision-legend' } : {}),
      }, h)))),
      el('tbody', {}, ...rows))),
    el('p', { class: 'muted legend', id: 'revision-legend' }, revisionLegend(sim)));
}
