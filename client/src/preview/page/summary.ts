import type { PreviewResult } from '../../../../protocol/protocol';
import { button, el } from './dom';
import { send } from './vscodeApi';

type Preview = NonNullable<PreviewResult>;

/** The heading: which StatefulSet, its settings, whether its DNS names resolve, and its warnings. */
export function summary(preview: Preview): HTMLElement {
  const { simulation: sim, statefulSet, others } = preview;
  const picker = others.length === 0 ? null : (() => {
    const select = el('select', { 'aria-label': 'StatefulSet in this file' },
      ...[statefulSet, ...others].map((ref) => el('option', { value: ref.name, selected: ref === statefulSet }, `${ref.namespace}/${ref.name}`)));
    select.addEventListener('change', () => send({ type: 'select', name: select.value }));
    return select;
  })();
  const settings = [
    `${sim.replicas} replica${sim.replicas === 1 ? '' : 's'}`,
    sim.ordinalStart !== 0 ? `ordinals from ${sim.ordinalStart}` : '',
    sim.podManagementPolicy,
    sim.updateStrategy === 'OnDelete' ? 'OnDelete' : `RollingUpdate (partition ${sim.partition}, maxUnavailable ${sim.maxUnavailable})`,
    sim.minReadySeconds > 0 ? `minReadySeconds ${sim.minReadySeconds}` : '',
  ].filter(Boolean).join(' · ');
  return el('header', { class: 'summary' },
    el('h1', {}, el('span', { class: 'muted' }, `${statefulSet.namespace}/`), statefulSet.name, ' ',
      button('Reveal', () => send({ type: 'reveal', line: statefulSet.line }), { class: 'link', title: 'Show in the editor' })),
    picker,
    el('p', { class: 'settings' }, settings),
    el('p', { class: sim.dns.resolves ? 'dns ok' : 'dns problem', role: 'status' },
      sim.dns.resolves ? '✓ Pod DNS names resolve' : `✗ Pod DNS names will not resolve: ${sim.dns.reason ?? ''}`),
    preview.impact ? el('section', { class: 'impact', 'aria-label': 'Compared with the deployed version' },
      el('h2', {}, 'If you apply this now'), el('p', {}, preview.impact.summary)) : null,
    sim.warnings.length === 0 ? null : el('ul', { class: 'warnings', 'aria-label': 'Warnings' }, ...sim.warnings.map((w) => el('li', {}, w))),
  );
}
