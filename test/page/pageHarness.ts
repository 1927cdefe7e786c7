import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { HostMessage, WhatIf } from '../../protocol/protocol';
import { checkFile } from '../../server/src/service/languageService';
import { previewOf } from '../../server/src/service/previewOf';
import { defaultSettings } from '../../server/src/service/settings';
import { WorkspaceIndex } from '../../server/src/service/workspace/workspaceIndex';

// The preview page on its own, in Debian's Chromium, fed the messages the extension host sends
// (STYLE 12: the page runs outside VS Code for tests and screenshots).
export const repo = join(import.meta.dirname, '..', '..');
export const shots = join(repo, 'test-results', 'page');

/** Chromium for page tests (screenshots go to `shots`). */
export function launchChromium(): Promise<Browser> {
  mkdirSync(shots, { recursive: true });
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
}

/** A page `width` pixels wide (a side panel) in a new Chromium, the built page loaded unless `load` is false (a test that loads it per language). Close with closePage. */
export async function openPage(width: number, load = true): Promise<Page> {
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  if (load) await loadPreviewPage(page);
  return page;
}

/** Closes the browser openPage started (for a test file's `after`; nothing when it never opened). */
export async function closePage(page: Page | undefined): Promise<void> {
  await page?.context().browser()?.close();
}

/** The built page (dist/preview.js and .css) in an empty document; `lang` as the host writes VS Code's display language. */
export async function loadPreviewPage(page: Page, lang = ''): Promise<void> {
  await page.setContent(`<!DOCTYPE html><html${lang ? ` lang="${lang}"` : ''}><head></head><body><main id="app"></main></body></html>`);
  await page.addStyleTag({ path: join(repo, 'dist', 'preview.css') });
  await page.addScriptTag({ path: join(repo, 'dist', 'preview.js') });
}

/** The message the host sends for a manifest's first StatefulSet, checked as the server checks it. */
export function previewMessage(text: string, whatIf: WhatIf = {}): HostMessage {
  const file = checkFile('file:///web.yaml', text, defaultSettings, new WorkspaceIndex());
  const preview = previewOf('file:///web.yaml', file, defaultSettings, new WorkspaceIndex(), { whatIf });
  assert.ok(preview);
  return { type: 'preview', preview, whatIf };
}
