import type { DeclaredSettings, PreviewBlocked, PreviewResult, WhatIf } from '../../../../protocol/protocol';
import { partitionHold } from '../../../../server/src/simulator';
import { button, el } from './dom';
import { t } from './l10n';
import { send } from './vscodeApi';

type Preview = NonNullable<PreviewResult>;

/**
 * One setting of the header. A value the what-if replaced is marked as such and shows the
 * manifest's value beside it, so the header never passes a what-if off as the file's.
 */
function setting(text: string, key: keyof DeclaredSettings, whatIf: WhatIf, declared: DeclaredSettings): HTMLElement {
  if (whatIf[key] === undefined) return el('span', { class: 'setting' }, text);
  return el('span', { class: 'setting what-if-value', title: t('A what-if value: the manifest says {0}', String(declared[key])) },
    text, ' ', el('span', { class: 'badge' }, t('what-if · manifest: {0}', String(declared[key]))));
}

function settingsLine(preview: Preview, whatIf: WhatIf): HTMLElement {
  const { simulation: sim, declared } = preview;
  const hold = partitionHold(sim.partition, sim.replicas);
  const parts: (HTMLElement | null)[] = [
    setting(sim.replicas === 1 ? t('1 replica') : t('{0} replicas', sim.replicas), 'replicas', whatIf, declared),
    sim.ordinalStart !== 0 ? el('span', { class: 'setting' }, t('ordinals from {0}', sim.ordinalStart)) : null,
    setting(sim.podManagementPolicy, 'podManagementPolicy', whatIf, declared),
    sim.updateStrategy === 'OnDelete' ? el('span', { class: 'setting' }, 'OnDelete') : el('span', { class: 'setting' }, 'RollingUpdate'),
    sim.updateStrategy === 'OnDelete' ? null : el('span', {}, setting(`partition ${sim.partition}`, 'partition', whatIf, declared),
      hold === 'holdsEveryPod' ? t(' (= replicas: holds every pod on the old revision)') : null),
    sim.updateStrategy === 'OnDelete' ? null : setting(`maxUnavailable ${sim.maxUnavailable}`, 'maxUnavailable', whatIf, declared),
    sim.minReadySeconds > 0 ? el('span', { class: 'setting' }, `minReadySeconds ${sim.minReadySeconds}`) : null,
  ];
  const shown = parts.filter((p): p is HTMLElement => p !== null);
  return el('p', { class: 'settings' }, ...shown.flatMap((part, i) => (i === 0 ? [part] : [' · ', part])));
}

/** Whether the pods' DNS names resolve, and why not. */
export function dnsStatus(sim: Preview['simulation']): HTMLElement {
  return el('p', { class: sim.dns.resolves ? 'dns ok' : 'dns problem', role: 'status' },
    sim.dns.resolves ? t('✓ Pod DNS names resolve') : t('✗ Pod DNS names will not resolve: {0}', sim.dns.reason ?? ''));
}

/** The first thing said when an error stops the StatefulSet: who refuses it, and each error with a link to its line. */
export function blockedBanner(blocked: PreviewBlocked): HTMLElement {
  const count = blocked.problems.length;
  const errors = count === 1 ? t('1 error') : t('{0} errors', count);
  const headline = blocked.kind === 'refused'
    ? t('The API server would refuse this StatefulSet ({0}): applying it creates nothing and changes nothing.', errors)
    : t('The API server accepts this StatefulSet, but its pods can never be created ({0}): the controller only reports FailedCreate.', errors);
  return el('section', { class: 'blocked', role: 'alert', 'aria-label': t('Why nothing is created') },
    el('p', { class: 'blocked-headline' }, headline),
    el('ul', {}, ...blocked.problems.map((problem) => el('li', {},
      el('code', {}, problem.rule), ' ', problem.message, ' ',
      button(t('Line {0}', problem.line + 1), () => send({ type: 'reveal', line: problem.line }), { class: 'link', title: t('Show in the editor'), 'aria-label': t('Show {0} at line {1}', problem.rule, problem.line + 1) })))),
    el('p', { class: 'muted' }, t('Fix these first; the rollout is described once the manifest can be applied.')));
}

/** The heading: which StatefulSet, its settings, whether anything is created at all, its DNS, and its warnings. */
export function summary(preview: Preview, whatIf: WhatIf): HTMLElement {
  const { simulation: sim, statefulSet, others, blocked } = preview;
  const picker = others.length === 0 ? null : (() => {
    const select = el('select', { 'aria-label': t('StatefulSet in this file') },
      ...[statefulSet, ...others].map((ref) => el('option', { value: ref.name, selected: ref === statefulSet }, `${ref.namespace}/${ref.name}`)));
    select.addEventListener('change', () => send({ type: 'select', name: select.value }));
    return select;
  })();
  return el('header', { class: 'summary' },
    el('h1', {}, el('span', { class: 'muted' }, `${statefulSet.namespace}/`), statefulSet.name, ' ',
      button(t('Reveal'), () => send({ type: 'reveal', line: statefulSet.line }), { class: 'link', title: t('Show in the editor') })),
    picker,
    // Refused: only the refusal. The settings would be the simulator's guesses (replicas: -2 read as 0).
    blocked ? blockedBanner(blocked) : settingsLine(preview, whatIf),
    Object.keys(whatIf).length > 0 ? el('p', { class: 'what-if-note' }, t('Showing a what-if: the values marked "what-if" are not in your file.')) : null,
    blocked ? null : dnsStatus(sim),
    preview.impact && !blocked ? el('section', { class: 'impact', 'aria-label': t('Compared with the deployed version') },
      el('h2', {}, t('If you apply this now')), el('p', {}, preview.impact.summary)) : null,
    blocked || sim.warnings.length === 0 ? null : el('ul', { class: 'warnings', 'aria-label': t('Warnings') }, ...sim.warnings.map((w) => el('li', {}, w))),
  );
}
