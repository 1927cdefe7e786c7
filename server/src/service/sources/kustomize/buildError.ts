import type { Finding } from '../../model';
import { kustomizeBuildRule } from '../../rules/index';
import { readKustomization } from './kustomizationPatches';
import { t } from '../../../messages';

/** A kustomization file the build read: its URI and text. */
export interface KustomizationFile {
  uri: string;
  text: string;
}

function lineSpan(text: string, index: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', index - 1) + 1;
  const indent = /^[\s-]*/.exec(text.slice(start))![0].length;
  const end = text.indexOf('\n', start) < 0 ? text.length : text.indexOf('\n', start);
  return { start: Math.min(start + indent, end), end: Math.max(end, start + indent + 1) };
}

/** Where a name the message quotes is written in a kustomization: as a list item or a field's value. */
function findName(text: string, name: string): number | undefined {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`^[ \\t]*(?:-[ \\t]*)?(?:[\\w]+:[ \\t]*)?["']?${escaped}["']?[ \\t]*(?:#.*)?$`, 'm').exec(text);
  return m ? m.index : undefined;
}

/**
 * kustomize's error as one finding, at the kustomization line that caused it: the innermost
 * name the message quotes that a kustomization lists (`accumulating resources from 'x.yaml'`, a
 * patch's `path:`), the patch naming a target kustomize did not find, else the overlay's first
 * line. A remote resource (never fetched) says so. `ours`: the message is a sentence of ours (the
 * engine's time limit), not kustomize's words (which Chinese quotes).
 */
export function buildErrorFinding(message: string, remote: boolean, kustomizations: readonly KustomizationFile[], textOf: (uri: string) => string | undefined = () => undefined, ours = false): { uri: string; finding: Finding } {
  // kustomize nests quotes (err='... from '../b': ...'): every piece between two quotes that has no space is a candidate name.
  const quoted = message.split("'").map((piece) => piece.trim()).filter((piece) => piece !== '' && !/\s/.test(piece) && piece.length < 512 && !/^[:=,]+$/.test(piece));
  // kustomize names a target it cannot find as Kind.version.group/name.[namespace].
  const targets = [...message.matchAll(/\b[A-Z]\w*\.[\w.]*\/([\w.-]+)\.\[/g)].map((m) => m[1]!);
  const urls = [...message.matchAll(/\b(?:https?:\/\/|git@|github\.com\/)[^\s'":;,]+/g)].map((m) => m[0]);
  const names = [...quoted, ...targets, ...urls].map((n) => n.replace(/\/+$/, ''));
  let place: { uri: string; at: number } | undefined;
  // A patch whose target is not found: its entry in the kustomization (the patch's own name, or its target's).
  for (const name of targets) {
    for (const k of kustomizations) {
      const patch = readKustomization(k.uri, k.text, textOf).patches.find((p) => p.target?.name === name
        || p.documents.some((d) => (d.value as { metadata?: { name?: unknown } } | null)?.metadata?.name === name));
      if (patch) {
        place = { uri: k.uri, at: patch.entry.start };
        break;
      }
    }
    if (place) break;
  }
  // The innermost cause is the last name a kustomization holds, searched from the deepest base up.
  for (const name of place ? [] : names.reverse()) {
    for (const k of [...kustomizations].reverse()) {
      const at = findName(k.text, name) ?? (name.includes('/') ? undefined : k.text.search(new RegExp(`\\bname:\\s*["']?${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`)));
      if (at !== undefined && at >= 0) {
        place = { uri: k.uri, at };
        break;
      }
    }
    if (place) break;
  }
  const top = kustomizations[0] ?? { uri: '', text: '' };
  const { uri, at } = place ?? { uri: top.uri, at: 0 };
  const text = kustomizations.find((k) => k.uri === uri)?.text ?? '';
  const url = urls[0] ?? quoted.find((q) => /:\/\/|^git@|^github\.com\//.test(q));
  const shown = ours ? message : t('common.quoted', { text: message });
  const said = remote
    ? t('sources.remote', { url: url ?? t('sources.aRemoteBase'), message: shown })
    : t('sources.cannotBuild', { message: shown });
  return { uri, finding: { rule: kustomizeBuildRule.id, severity: kustomizeBuildRule.severity, message: said, ...lineSpan(text, at) } };
}
