import type { DeclaredSettings, PreviewBlocked, PreviewResult, WhatIf } from '../../../../protocol/protocol';
import { partitionHold } from '../../../../server/src/simulator';
import { button, el } from './dom';
import { send } from './vscodeApi';

type Preview = NonNullable<PreviewResult>;

/**
 * One setting of the header. A value the what-if replaced is marked as such and shows the
 * manifest's value beside it, so the header never passes a what-if off as the file's.
 */
function setting(text: string, key: keyof DeclaredSettings, whatIf: WhatIf, declared: DeclaredSettings): HTMLElement {
  if (whatIf[key] === undefined) return el('span', { class: 'setting' }, text);
  return el('span', { class: 'setting what-if-value', title: `A what-if value: the manifest says ${String(declared[key])}` },
    text, ' ', el('span', { class: 'badge' }, `what-if · manifest: ${String(declared[key])}`));
}

function settingsLine(preview: Preview, whatIf: WhatIf): HTMLElement {
  const { simulation: sim, declared } = preview;
  const hold = partitionHold(sim.partition, sim.replicas);
  const parts: (HTMLElement | null)[] = [
    setting(`${sim.replicas} replica${sim.replicas === 1 ? '' : 's'}`, 'replicas', whatIf, declared),
    sim.ordinalStart !== 0 ? el('span', { class: 'setting' }, `ordinals from ${sim.ordinalStart}`) : null,
    setting(sim.podManagementPolicy, 'podManagementPolicy', whatIf, declared),
    sim.updateStrategy === 'OnDelete' ? el('span', { class: 'setting' }, 'OnDelete') : el('span', { class: 'setting' }, 'RollingUpdate'),
    sim.updateStrategy === 'OnDelete' ? null : el('span', {}, setting(`partition ${sim.partition}`, 'partition', whatIf, declared),
      hold === 'holdsEveryPod' ? ' (= replicas: holds every pod on the old revision)' : null),
    sim.updateStrategy === 'OnDelete' ? null : setting(`maxUnavailable ${sim.maxUnavailable}`, 'maxUnavailable', whatIf, declared),
    sim.minReadySeconds > 0 ? el('span', { class: 'setting' }, `minReadySeconds ${sim.minReadySeconds}`) : null,
  ];
  const shown = parts.filter((p): p is HTMLElement => p !== null);
  return el('p', { class: 'settings' }, ...shown.flatMap((part, i) => (i === 0 ? [part] : [' · ', part])));
}

/** Whether the pods' DNS names resolve, and why not. */
export function dnsStatus(sim: Preview['simulation']): HTMLElement {
  return el('p', { class: sim.dns.resolves ? 'dns ok' : 'dns problem', role: 'status' },
    sim.dns.resolves ? '✓ Pod DNS names resolve' : `✗ Pod DNS names will not resolve: ${sim.dns.reason ?? ''}`);
}

/** The first thing said when an error stops the StatefulSet: who refuses it, and each error with a link to its line. */
export function blockedBanner(blocked: PreviewBlocked): HTMLElement {
  const count = blocked.problems.length;
  const errors = `${count} error${count === 1 ? '' : 's'}`;
  const headline = blocked.kind === 'refused'
    ? `The API server would refuse this StatefulSet (${errors}): applying it creates nothing and changes nothing.`
    : `The API server accepts this StatefulSet, but its pods can never be created (${errors}): the controller only reports FailedCreate.`;
  return el('section', { class: 'blocked', role: 'alert', 'aria-label': 'Why nothing is created' },
    el('p', { class: 'blocked-headline' }, headline),
    el('ul', {}, ...blocked.problems.map((problem) => el('li', {},
      el('code', {}, problem.rule), ' ', problem.message, ' ',
      button(`Line ${problem.line + 1}`, () => send({ type: 'reveal', line: problem.line }), { class: 'link', title: 'Show in the editor', 'aria-label': `Show ${problem.rule} at line ${problem.line + 1}` })))),
    el('p', { class: 'muted' }, 'Fix these first; the rollout is described once the manifest can be applied.'));
}

/** The heading: which StatefulSet, its settings, whether anything is created at all, its DNS, and its warnings. */
export function summary(preview: Preview, whatIf: WhatIf): HTMLElement {
  const { simulation: sim, statefulSet, others, blocked } = preview;
  const picker = others.length === 0 ? null : (() => {
    const select = el('select', { 'aria-label': 'StatefulSet in this file' },
      ...[statefulSet, ...others].map((ref) => el('option', { value: ref.name, selected: ref === statefulSet }, `${ref.namespace}/${ref.name}`)));
    select.addEventListener('change', () => send({ type: 'select', name: select.value }));
    return select;
  })();
  return el('header', { class: 'summary' },
    el('h1', {}, el('span', { class: 'muted' }, `${statefulSet.namespace}/`), statefulSet.name, ' ',
      button('Reveal', () => send({ type: 'reveal', line: statefulSet.line }), { class: 'link', title: 'Show in the editor' })),
    picker,
    // Refused: only the refusal. The settings would be the simulator's guesses (replicas: -2 read as 0).
    blocked ? blockedBanner(blocked) : settingsLine(preview, whatIf),
    Object.keys(whatIf).length > 0 ? el('p', { class: 'what-if-note' }, 'Showing a what-if: the values marked "what-if" are not in your file.') : null,
    blocked ? null : dnsStatus(sim),
    preview.impact && !blocked ? el('section', { class: 'impact', 'aria-label': 'Compared with the deployed version' },
      el('h2', {}, 'If you apply this now'), el('p', {}, preview.impact.summary)) : null,
    blocked || sim.warnings.length === 0 ? null : el('ul', { class: 'warnings', 'aria-label': 'Warnings' }, ...sim.warnings.map((w) => el('li', {}, w))),
  );
}
