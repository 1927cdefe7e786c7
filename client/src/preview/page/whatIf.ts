import type { Simulation, WhatIf } from '../../../../protocol/protocol';
import { button, el } from './dom';
import { t } from './l10n';
import { send } from './vscodeApi';

function numberField(label: string, value: number, min: number, onChange: (n: number) => void): HTMLElement {
  const input = el('input', { type: 'number', min: String(min), max: '1000', value: String(value), 'aria-label': label });
  input.addEventListener('change', () => {
    const n = Number(input.value);
    if (Number.isInteger(n) && n >= min) onChange(n);
  });
  return el('label', {}, el('span', {}, label), input);
}

function selectField(label: string, value: string, options: [string, string][], onChange: (v: string) => void): HTMLElement {
  const select = el('select', { 'aria-label': label }, ...options.map(([v, text]) => el('option', { value: v, selected: v === value }, text)));
  select.addEventListener('change', () => onChange(select.value));
  return el('label', {}, el('span', {}, label), select);
}

/** Knobs that change the simulation, never the file. */
export function whatIfControls(sim: Simulation, whatIf: WhatIf, gateOn: boolean): HTMLElement {
  const change = (patch: WhatIf): void => send({ type: 'whatIf', whatIf: { ...whatIf, ...patch } });
  const maxUnavailable = el('input', { type: 'text', value: String(whatIf.maxUnavailable ?? sim.maxUnavailable), 'aria-label': 'maxUnavailable', placeholder: t('1 or 50%'), disabled: !gateOn });
  maxUnavailable.addEventListener('change', () => {
    const text = maxUnavailable.value.trim();
    change({ maxUnavailable: /^\d+$/.test(text) ? Number(text) : text });
  });
  const pods = sim.pods.map((p): [string, string] => [String(p.ordinal), p.name]);
  return el('section', { class: 'what-if' },
    el('h2', {}, t('What if…'), Object.keys(whatIf).length > 0 ? el('span', { class: 'badge' }, t('changed')) : null),
    el('p', { class: 'muted' }, t('These change the simulation only, not your file.')),
    el('div', { class: 'fields' },
      numberField('replicas', sim.replicas, 0, (replicas) => change({ replicas })),
      numberField('partition', sim.partition, 0, (partition) => change({ partition })),
      selectField('podManagementPolicy', sim.podManagementPolicy, [['OrderedReady', 'OrderedReady'], ['Parallel', 'Parallel']],
        (v) => change({ podManagementPolicy: v === 'Parallel' ? 'Parallel' : 'OrderedReady' })),
      el('label', { title: gateOn ? '' : t('The {0} feature gate is off (the default up to Kubernetes 1.36): choose {1} 1.37 or set {2}', 'MaxUnavailableStatefulSet', 'statefulset.kubernetesVersion', 'statefulset.featureGates.MaxUnavailableStatefulSet') },
        el('span', {}, 'maxUnavailable'), maxUnavailable),
      selectField(t('a pod that never gets Ready'), whatIf.failingOrdinal === undefined ? '' : String(whatIf.failingOrdinal), [['', t('none')], ...pods],
        (v) => change({ failingOrdinal: v === '' ? undefined : Number(v) })),
    ),
    Object.keys(whatIf).length > 0 ? button(t('Back to the manifest'), () => send({ type: 'whatIf', whatIf: {} })) : null,
  );
}
