import type { Simulation } from '../../../../protocol/protocol';
import { button, el } from './dom';
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
    button('Copy', () => send({ type: 'copy', text }), { class: 'copy', 'aria-label': `Copy ${label}`, title: `Copy ${text}` }));
}

/** The Service's DNS names, with copy buttons. */
export function serviceNames(sim: Simulation): HTMLElement {
  if (!sim.serviceDomain) return el('section', { class: 'service' }, el('h2', {}, 'Service'), el('p', {}, 'No spec.serviceName: pods get hostnames but no DNS names.'));
  const first = sim.pods[0];
  return el('section', { class: 'service' },
    el('h2', {}, 'Service DNS'),
    el('dl', {},
      el('dt', {}, 'Governing Service'), el('dd', {}, copyable(sim.serviceDomain, 'the Service domain')),
      first?.fqdn ? el('dt', {}, 'Each pod') : null,
      first?.fqdn ? el('dd', {}, copyable(`<pod>.${sim.serviceDomain}`, 'the per-pod name pattern')) : null,
    ));
}

/** What the last column means, under the partition in force. */
function revisionLegend(sim: Simulation): string {
  if (sim.updateStrategy === 'OnDelete') return 'After update: the revision each pod runs after you change the pod template. OnDelete: every pod stays old until you delete it.';
  const first = sim.ordinalStart + sim.partition;
  const held = sim.partition === 0 ? 'none is held' : `ordinals below ${first} stay old (partition ${sim.partition})`;
  return `After update: the revision each pod runs after you change the pod template — new: replaced with the new template; old: keeps the current one. Here ${held}.`;
}

/** One row per pod: ordinal, name, FQDN, PVCs, and the revision it will run after an update. */
export function podsTable(sim: Simulation, whatIfReplicas = false): HTMLElement {
  const capped = sim.simulatedReplicas < sim.replicas
    ? el('p', { class: 'muted' }, `Showing the first ${sim.simulatedReplicas} of ${sim.replicas} pods.`)
    : null;
  // data-label names each cell where a narrow panel shows a row as a card (preview.css).
  // A pod the controller can never create (FailedCreate) keeps its row, marked, with the reason:
  // the names are what it would try, not what will run.
  const rows = sim.pods.map((pod) => el('tr', pod.problem === undefined ? {} : { class: 'refused' },
    el('td', { class: 'number', 'data-label': 'Ordinal' }, String(pod.ordinal)),
    el('td', { class: 'pod-name', 'data-label': 'Pod' }, el('code', {}, pod.name),
      pod.problem === undefined ? null : el('span', { class: 'problem', role: 'note' }, pod.problem)),
    el('td', { 'data-label': 'DNS name' }, pod.fqdn ? copyable(pod.fqdn, `${pod.name}'s DNS name`) : el('span', { class: 'muted' }, 'no DNS name')),
    el('td', { 'data-label': 'PVCs' }, ...(pod.pvcs.length ? pod.pvcs.map((pvc) => el('code', { class: 'pvc' }, pvc)) : [el('span', { class: 'muted' }, 'none')])),
    el('td', { 'data-label': 'After update' }, el('span', { class: `revision ${pod.revision}`, title: pod.revision === 'updated' ? 'Replaced with the new pod template when it changes' : 'Keeps the current pod template when it changes' }, pod.revision === 'updated' ? 'new' : 'old')),
  ));
  return el('section', { class: 'pods' },
    el('h2', {}, `Pods (${sim.replicas})`, whatIfReplicas ? el('span', { class: 'badge' }, 'what-if') : null),
    capped,
    el('div', { class: 'table-scroll' }, el('table', {},
      el('caption', { class: 'visually-hidden' }, 'Pods the controller creates'),
      el('thead', {}, el('tr', {}, ...['#', 'Pod', 'DNS name', 'PVCs', 'After update'].map((h) => el('th', {
        scope: 'col', ...(h === 'After update' ? { title: revisionLegend(sim), 'aria-describedby': 'revision-legend' } : {}),
      }, h)))),
      el('tbody', {}, ...rows))),
    el('p', { class: 'muted legend', id: 'revision-legend' }, revisionLegend(sim)));
}
