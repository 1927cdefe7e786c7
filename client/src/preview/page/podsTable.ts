import type { Simulation } from '../../../../protocol/protocol';
import { button, el } from './dom';
import { send } from './vscodeApi';

function copyable(text: string, label: string): HTMLElement {
  return el('span', { class: 'copyable' }, el('code', {}, text),
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

/** One row per pod: ordinal, name, FQDN, PVCs, and the revision it will run after an update. */
export function podsTable(sim: Simulation): HTMLElement {
  const capped = sim.simulatedReplicas < sim.replicas
    ? el('p', { class: 'muted' }, `Showing the first ${sim.simulatedReplicas} of ${sim.replicas} pods.`)
    : null;
  const rows = sim.pods.map((pod) => el('tr', {},
    el('td', { class: 'number' }, String(pod.ordinal)),
    el('td', { class: 'pod-name' }, el('code', {}, pod.name)),
    el('td', {}, pod.fqdn ? copyable(pod.fqdn, `${pod.name}'s DNS name`) : el('span', { class: 'muted' }, 'no DNS name')),
    el('td', {}, ...(pod.pvcs.length ? pod.pvcs.map((pvc) => el('code', { class: 'pvc' }, pvc)) : [el('span', { class: 'muted' }, 'none')])),
    el('td', {}, el('span', { class: `revision ${pod.revision}` }, pod.revision === 'updated' ? 'new' : 'old')),
  ));
  return el('section', { class: 'pods' },
    el('h2', {}, `Pods (${sim.replicas})`),
    capped,
    el('div', { class: 'table-scroll' }, el('table', {},
      el('caption', { class: 'visually-hidden' }, 'Pods the controller creates'),
      el('thead', {}, el('tr', {}, ...['#', 'Pod', 'DNS name', 'PVCs', 'After update'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...rows))));
}
