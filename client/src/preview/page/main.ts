import type { HostMessage, PreviewOverlay } from '../../../../protocol/protocol';
import { localeOf, setLocale } from '../../../../server/src/messages';
import { releaseText } from '../../helmRelease';
import { el } from './dom';
import { pageLanguage, t } from './l10n';
import { liveColumn } from './liveColumn';
import { podsTable, serviceNames } from './podsTable';
import './preview.css';
import { dnsStatus, summary } from './summary';
import { timeline } from './timeline';
import { send } from './vscodeApi';
import { whatIfControls } from './whatIf';

// The simulator runs here too (the timeline's player): its notes are worded in the page's language.
setLocale(localeOf(pageLanguage()));

const app = document.getElementById('app') ?? document.body;
let last: HostMessage | undefined;
/** Whether the user unfolded a refused manifest's "once fixed" section: kept across redraws (each keystroke redraws). */
let onceFixedOpen = false;

function onceFixed(...children: HTMLElement[]): HTMLElement {
  const details = el('details', { class: 'once-fixed', open: onceFixedOpen }, ...children);
  details.addEventListener('toggle', () => { onceFixedOpen = details.open; });
  return details;
}

/** Which overlay built the StatefulSet shown, and how to pick another when several build the file. */
function overlayText(overlay: PreviewOverlay): string {
  const built = t('built by the kustomize overlay {0}', overlay.name);
  return overlay.all.length > 1 ? `${built} (${t('{0} overlays build this file; statefulset.kustomize.previewOverlay picks one', overlay.all.length)})` : built;
}

/** Redraws the whole page from the last message: the data are small, and it keeps the page stateless. */
function render(): void {
  const message = last;
  if (!message) {
    app.replaceChildren(el('p', { class: 'muted' }, t('Waiting for the language server…')));
    return;
  }
  switch (message.type) {
    case 'empty':
      app.replaceChildren(el('p', { class: 'empty' }, message.reason));
      break;
    case 'preview': {
      const { preview, whatIf } = message;
      const sim = preview.simulation;
      const focused = document.activeElement?.getAttribute('aria-label');
      const rendered = preview.release ? `${releaseText(preview.release, t)} · ` : preview.overlay ? `${overlayText(preview.overlay)} · ` : '';
      const footer = el('footer', { class: 'muted' }, `${rendered}Kubernetes ${preview.kubernetesVersion ?? '1.37'} · ${gatesText(preview.featureGates ?? { MaxUnavailableStatefulSet: preview.maxUnavailableGate })} · ${t('cluster domain {0}', preview.clusterDomain)} · ${t('simulated, not read from a cluster')}`);
      // Refused, or pods that can never be created: say so first, describe no rollout, and keep
      // the names it would get once fixed out of the way.
      app.replaceChildren(...(preview.blocked ? [
        summary(preview, whatIf),
        liveColumn(message.live),
        sim.pods.length > 0 ? onceFixed(el('summary', {}, t('Once these errors are fixed: the names it would get')),
          dnsStatus(sim), serviceNames(sim), podsTable(sim)) : null,
        footer,
      ] : [
        summary(preview, whatIf),
        liveColumn(message.live),
        serviceNames(sim),
        podsTable(sim, whatIf.replicas !== undefined),
        timeline(sim, whatIf, render),
        whatIfControls(sim, whatIf, preview.maxUnavailableGate),
        footer,
      ]).filter((node): node is HTMLElement => node !== null));
      // Keep keyboard focus on the control the user was on across a redraw.
      if (focused) app.querySelector<HTMLElement>(`[aria-label="${CSS.escape(focused)}"]`)?.focus();
      break;
    }
    default: {
      const unknown: never = message;
      void unknown;
    }
  }
}

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const data = event.data;
  if (data && (data.type === 'preview' || data.type === 'empty')) {
    last = data;
    render();
  }
});

render();
send({ type: 'ready' });

/** "gates: MaxUnavailableStatefulSet on, PodLevelResources on" — the gates the answer was simulated with (issue 21). */
function gatesText(gates: Record<string, boolean>): string {
  const entries = Object.entries(gates);
  return entries.length === 0 ? t('no StatefulSet gates') : t('gates: {0}', entries.map(([gate, on]) => (on ? t('{0} on', gate) : t('{0} off', gate))).join(t(', ')));
}
