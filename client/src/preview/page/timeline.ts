import type { Simulation, WhatIf } from '../../../../protocol/protocol';
import type { Plan, PodState, RunFrame, StepAction } from '../../../../server/src/simulator';
import { runPlan } from '../../../../server/src/simulator';
import { button, el } from './dom';
import { t } from './l10n';

type PlanName = 'create' | 'scaleDown' | 'update';
const titles = (): Record<PlanName, string> => ({ create: t('Create'), scaleDown: t('Scale to 0'), update: t('Rolling update') });

/** A step's action in the page's language (the plan carries it as a value: create, delete, recreate). */
function actionText(action: StepAction): string {
  switch (action) {
    case 'create': return t('create');
    case 'delete': return t('delete');
    case 'recreate': return t('recreate');
    default: return action;
  }
}

/** A pod's state in the run: the API's phases stay as Kubernetes spells them; Absent is ours. */
function stateText(state: PodState): string {
  return state === 'Absent' ? t('Absent') : state;
}

/** The player's state survives re-renders while the same plan is shown. */
interface Player {
  plan: PlanName;
  frame: number;
  timer: number | undefined;
}

const player: Player = { plan: 'create', frame: 0, timer: undefined };

/** The player's pace; a page test may set `window.stsPlayIntervalMs` to run it faster. */
function playIntervalMs(): number {
  const custom = (window as { stsPlayIntervalMs?: unknown }).stsPlayIntervalMs;
  return typeof custom === 'number' && custom > 0 ? custom : 700;
}

/** Words that wrap only between them: a pod name (web-0) is never cut at its hyphen. */
function unbrokenWords(text: string): (HTMLElement | string)[] {
  return text.split(/(\s+)/).map((part, i) => (i % 2 === 1 ? part : el('span', { class: 'nowrap' }, part)));
}

function steps(plan: Plan, empty: string): HTMLElement {
  if (plan.length === 0) return el('p', { class: 'muted' }, empty);
  return el('ol', { class: 'steps' }, ...plan.map((step) => el('li', {},
    el('strong', {}, actionText(step.action)), ' ', ...step.pods.flatMap((pod, i) => [i > 0 ? ', ' : '', el('code', {}, pod)]),
    step.waitFor ? el('span', { class: 'muted' }, t(' — then wait for '), ...unbrokenWords(step.waitFor)) : null)));
}

function frameView(frame: RunFrame | undefined): HTMLElement {
  if (!frame) return el('div', { class: 'frame' });
  return el('div', { class: 'frame', role: 'status' },
    el('div', { class: 'chips' }, ...frame.pods.map((pod) => el('span', { class: `chip ${pod.state.toLowerCase()}`, title: `${pod.name}: ${stateText(pod.state)}` }, pod.name, el('small', {}, stateText(pod.state))))),
    el('p', { class: frame.halted ? 'note halted' : 'note' }, frame.halted ? t('Halted: {0}', frame.reason ?? frame.note) : frame.note));
}

/** The rollout plans, each as steps and as a run to play or step through. */
export function timeline(sim: Simulation, whatIf: WhatIf, rerender: () => void): HTMLElement {
  const failing = whatIf.failingOrdinal === undefined ? undefined : sim.pods.find((p) => p.ordinal === whatIf.failingOrdinal)?.name;
  const plan = sim.plans[player.plan];
  const frames = runPlan(plan, failing ? { failingPod: failing } : {});
  player.frame = Math.min(player.frame, Math.max(frames.length - 1, 0));
  const stop = (): void => {
    window.clearInterval(player.timer);
    player.timer = undefined;
  };
  const go = (frame: number): void => {
    player.frame = frame;
    rerender();
  };
  const names = titles();
  const tabs = (Object.keys(names) as PlanName[]).map((name) => button(names[name], () => {
    stop();
    player.plan = name;
    player.frame = 0;
    rerender();
  }, { role: 'tab', 'aria-selected': String(name === player.plan), class: name === player.plan ? 'tab selected' : 'tab' }));
  const atEnd = player.frame >= frames.length - 1;
  const controls = el('div', { class: 'controls' },
    button(player.timer ? t('Pause') : t('Play'), () => {
      if (player.timer) stop();
      else {
        if (atEnd) player.frame = 0;
        player.timer = window.setInterval(() => {
          player.frame = Math.min(player.frame + 1, frames.length - 1);
          // Stop on reaching the last frame, not one tick later: the button says Play at "tick 9 of 9".
          if (player.frame >= frames.length - 1) stop();
          rerender();
        }, playIntervalMs());
      }
      rerender();
    }, { disabled: frames.length <= 1, 'aria-label': t('Play or pause') }),
    button(t('Step'), () => { stop(); go(Math.min(player.frame + 1, frames.length - 1)); }, { disabled: atEnd }),
    button(t('Reset'), () => { stop(); go(0); }, { disabled: player.frame === 0 }),
    el('span', { class: 'muted' }, frames.length > 0 ? t('tick {0} of {1}', frames[player.frame]?.tick ?? 0, frames[frames.length - 1]?.tick ?? 0) : ''),
  );
  const empty = player.plan === 'update'
    ? (sim.updateStrategy === 'OnDelete' ? t('OnDelete: pods are updated only when you delete them.') : t('Nothing to update: the partition holds every pod.'))
    : t('No pods.');
  return el('section', { class: 'timeline' },
    el('h2', {}, t('Rollout')),
    el('div', { role: 'tablist', 'aria-label': t('Plans') }, ...tabs),
    el('div', { role: 'tabpanel' }, steps(plan, empty), frames.length > 1 ? controls : null, frames.length > 1 ? frameView(frames[player.frame]) : null),
  );
}
