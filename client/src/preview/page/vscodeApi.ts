import type { PageMessage } from '../../../../protocol/protocol';

interface VsCodeApi {
  postMessage(message: PageMessage): void;
}

declare global {
  interface Window {
    acquireVsCodeApi?: () => VsCodeApi;
    /** Outside VS Code (tests, screenshots): what the page sent. */
    stsSent?: PageMessage[];
  }
}

/** The one handle to the extension host; in a plain browser, messages are kept on `window.stsSent`. */
const api: VsCodeApi = window.acquireVsCodeApi?.() ?? {
  postMessage: (message) => {
    (window.stsSent ??= []).push(message);
  },
};

export function send(message: PageMessage): void {
  api.postMessage(message);
}
