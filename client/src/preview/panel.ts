import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { isPageMessage } from './isPageMessage';
import {
  liveStatusMethod, previewMethod, type HostMessage, type LiveColumn, type LiveStatusParams, type PageMessage, type PreviewParams, type PreviewResult, type WhatIf,
} from '../../../protocol/protocol';

/** What the panel shows: a file, and the StatefulSet under the cursor or picked by name. */
interface Target {
  uri: string;
  position?: vscode.Position;
  name?: string;
}

/**
 * The page's language for its <html lang> (it picks its words by it: page/l10n.ts): VS Code's
 * display language, kept to the characters a language tag has, since it goes into the HTML.
 */
function pageLanguage(): string {
  return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(vscode.env.language) ? vscode.env.language : 'en';
}

/** Our own (translated) text put into the page's HTML: escaped all the same. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** How long the panel waits after an edit or a cursor move before it asks the server again. */
const followDelayMs = 150;

/**
 * The preview beside the editor. It owns its webview and listeners; it follows the YAML
 * editor's cursor and edits, asks the language server for a simulation, and sends it to the
 * page as a typed message. The page renders it as text only.
 */
export class PreviewPanel implements vscode.Disposable {
  private static current: PreviewPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private target: Target | undefined;
  private whatIf: WhatIf = {};
  private shownName: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private ready = false;

  /** The cluster's watch saw a change: the open preview asks again (its live column). */
  static liveChanged(): void {
    const panel = PreviewPanel.current;
    if (panel?.target) panel.follow(panel.target, 0);
  }

  /** Opens the preview (or brings it forward) for a file and, optionally, a StatefulSet by name. */
  static show(extensionUri: vscode.Uri, client: LanguageClient, target: Target | undefined): void {
    const panel = PreviewPanel.current ?? new PreviewPanel(extensionUri, client);
    PreviewPanel.current = panel;
    panel.panel.reveal(vscode.ViewColumn.Beside, true);
    if (target) panel.follow(target, 0);
  }

  private readonly panel: vscode.WebviewPanel;

  private constructor(private readonly extensionUri: vscode.Uri, private readonly client: LanguageClient) {
    const bundle = vscode.Uri.joinPath(extensionUri, 'dist');
    this.panel = vscode.window.createWebviewPanel('statefulset.preview', vscode.l10n.t('StatefulSet Preview'),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [bundle] });
    this.panel.iconPath = vscode.Uri.joinPath(extensionUri, 'images', 'icon.png');
    this.panel.webview.html = this.html();
    this.disposables.push(
      this.panel.onDidDispose(() => this.dispose()),
      // Whatever the webview posts is checked first: an unknown or malformed message is ignored.
      this.panel.webview.onDidReceiveMessage((message: unknown) => { if (isPageMessage(message)) this.receive(message); }),
      vscode.window.onDidChangeTextEditorSelection(({ textEditor }) => this.followEditor(textEditor)),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.followEditor(editor)),
      vscode.workspace.onDidChangeTextDocument(({ document }) => {
        if (this.target && document.uri.toString() === this.target.uri) this.follow(this.target);
      }),
    );
  }

  private html(): string {
    const { webview } = this.panel;
    const nonce = randomBytes(16).toString('base64');
    const asset = (file: string): string => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', file)).toString();
    const csp = [
      "default-src 'none'",
      `style-src ${webview.cspSource}`,
      `font-src ${webview.cspSource}`,
      `script-src 'nonce-${nonce}'`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="${pageLanguage()}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('preview.css')}">
<title>${escapeHtml(vscode.l10n.t('StatefulSet Preview'))}</title>
</head>
<body>
<main id="app" aria-live="polite"></main>
<script nonce="${nonce}" src="${asset('preview.js')}"></script>
</body>
</html>`;
  }

  /** The preview follows the YAML editor the user is in, and the cursor there. */
  private followEditor(editor: vscode.TextEditor | undefined): void {
    if (editor?.document.languageId === 'yaml') this.follow({ uri: editor.document.uri.toString(), position: editor.selection.active });
  }

  private follow(target: Target, delay = followDelayMs): void {
    this.target = target;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  private async refresh(): Promise<void> {
    const target = this.target;
    if (!target || !this.ready) return;
    const params: PreviewParams = {
      uri: target.uri,
      ...(target.position ? { position: { line: target.position.line, character: target.position.character } } : {}),
      ...(target.name ? { name: target.name } : {}),
      whatIf: this.whatIf,
    };
    let preview: PreviewResult;
    try {
      preview = await this.client.sendRequest<PreviewResult>(previewMethod, params);
    } catch (error) {
      this.post({ type: 'empty', reason: vscode.l10n.t('The language server could not simulate this file: {0}', error instanceof Error ? error.message : String(error)) });
      return;
    }
    if (!preview) {
      this.post({ type: 'empty', reason: vscode.l10n.t('No apps/v1 StatefulSet in this file. Open a StatefulSet manifest, or run "{0}" from one.', vscode.l10n.t('StatefulSet: Open Preview')) });
      return;
    }
    const name = `${preview.statefulSet.namespace}/${preview.statefulSet.name}`;
    if (this.shownName !== undefined && this.shownName !== name && Object.keys(this.whatIf).length > 0) {
      this.whatIf = {}; // what-ifs belong to the StatefulSet they were made for
      this.follow(target, 0);
      return;
    }
    this.shownName = name;
    this.panel.title = vscode.l10n.t('Preview: {0}', preview.statefulSet.name);
    // The live column: null unless the user connected this workspace to a cluster.
    const liveParams: LiveStatusParams = { namespace: preview.statefulSet.namespace, name: preview.statefulSet.name };
    const live = await this.client.sendRequest<LiveColumn | null>(liveStatusMethod, liveParams).catch(() => null);
    this.post({ type: 'preview', preview, whatIf: this.whatIf, ...(live ? { live } : {}) });
  }

  private receive(message: PageMessage): void {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        void this.refresh();
        break;
      case 'whatIf':
        this.whatIf = message.whatIf;
        void this.refresh();
        break;
      case 'select':
        if (this.target) this.follow({ uri: this.target.uri, name: message.name }, 0);
        break;
      case 'reveal':
        void this.reveal(message.line);
        break;
      case 'copy':
        void vscode.env.clipboard.writeText(message.text).then(() => vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', message.text), 2000));
        break;
      default: {
        const unknown: never = message;
        void unknown;
      }
    }
  }

  private async reveal(line: number): Promise<void> {
    if (!this.target) return;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(this.target.uri));
    const editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    const position = new vscode.Position(line, 0);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private post(message: HostMessage): void {
    // The tab names what it shows now: never the previous file's StatefulSet over an empty page.
    if (message.type === 'empty') {
      this.panel.title = vscode.l10n.t('StatefulSet Preview');
    }
    void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (PreviewPanel.current === this) PreviewPanel.current = undefined;
    clearTimeout(this.timer);
    this.panel.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}
