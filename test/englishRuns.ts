import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Issue 22's "done when": a Chinese-speaking user never meets an English sentence of ours, field
// names and Kubernetes terms aside. This is that sentence, made checkable (the CLI and LSP sweeps use it):
//
//   1. Remove what is code or a name, not words: `backquoted`, "quoted", “quoted”, 'quoted' and
//      ‘quoted’ text, URLs, a command line (kubectl, git or helm and what follows it up to the next
//      Chinese character or full-width punctuation; sts and its command name), a label selector's
//      set requirement (`tier notin (db)`), and every token (edge punctuation aside) that holds a digit or one of
//      . / _ = : < > [ ] { } $ ~ @ # -  (paths, field paths, pod names web-0, rule ids, flags, k=v),
//      is camelCase or ALLCAPS (OrderedReady, PVC, FILE), or is a term the glossary keeps in English
//      (its "Words that stay in English" list, plus the acronyms and product names below).
//   2. What is left may hold no run of two or more English words separated by spaces alone.
//
// So a Chinese sentence with names in it passes ("StatefulSet `web` 的 Pod web-0"), and an
// English sentence fails even around names ("Pod web-0 is not Ready" leaves "is not"), as does
// an English phrase in a Chinese one ("（a WebAssembly module）" leaves "a module"). One word
// alone passes: a finding line's "error" or "warning" (kept like a compiler's), a synopsis's
// "[options]".

const glossary = readFileSync(join(import.meta.dirname, '..', 'docs', 'zh-cn', 'glossary.md'), 'utf8');

/** The glossary's English terms: the bold words of its "Words that stay in English" section. */
function glossaryTerms(): string[] {
  const section = glossary.split('## Words that stay in English')[1]?.split('\n## ')[0] ?? '';
  const bold = [...section.matchAll(/\*\*([^*]+)\*\*/g)].flatMap((m) => (m[1] ?? '').split(/,\s*/));
  // Also the plain capitalised words of that section ("Node, Namespace as a kind", "Pod states ...").
  const plain = ['Node', 'Namespace', 'Running', 'Ready', 'Pending', 'Terminating', 'Finalizer'];
  return [...bold, ...plain].map((w) => w.replace(/`/g, '').trim()).filter((w) => w.length > 0);
}

/** Names of things that are not words of a sentence: products, formats, tools. */
const alsoNames = ['Go', 'npm', 'npx', 'helm'];

const terms = [...glossaryTerms(), ...alsoNames].sort((a, b) => b.length - a.length);
const phrases = terms.filter((t) => t.includes(' '));
const single = new Set(terms.filter((t) => !t.includes(' ')));

const chinese = '\\p{Script=Han}，。：；？！（）、“”‘’《》【】…·';
const cjkBreak = new RegExp(`[${chinese}]`, 'u');

/** The text of `line` that the rule reads: code, quotes, names and glossary terms removed. */
export function wordsOf(line: string): string {
  let text = line
    .replace(/`[^`]*`/g, ' ')
    .replace(/"[^"]*"/g, ' ')
    .replace(/“[^”]*”/g, ' ')
    .replace(/‘[^’]*’/g, ' ')
    .replace(/(^|[^A-Za-z])'[^'\n]*'(?![A-Za-z])/g, '$1 ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(new RegExp(`\\b(?:kubectl|git|helm) [^${chinese}]*`, 'gu'), ' ')
    .replace(/\bsts (?:check|diff|preview|status|lsp|help)\b/g, ' ')
    .replace(/[\w./-]+ (?:in|notin) \([^)]*\)/g, ' ');
  for (const phrase of phrases) text = text.split(phrase).join(' ');
  // Tokens: maximal runs of anything but spaces and Chinese text or punctuation.
  return text.split(/(\s+)/).map((part) => part.split(new RegExp(`(${cjkBreak.source})`, 'u')).map(token).join('')).join('');
}

function token(raw: string): string {
  if (raw.trim() === '' || cjkBreak.test(raw)) return raw;
  const core = raw.replace(/^[(\[,;:!?.'"]+/, '').replace(/[),;:!?.'"\]]+$/, '');
  // Punctuation alone (`|` in "integer | string", a dash) is no word, and breaks a run like a comma.
  if (core === '' || !/[A-Za-z]/.test(core)) return raw;
  const name = raw.replace(core, ' ');
  if (/[0-9./_=:<>[\]{}$~@#|*+-]/.test(core)) return name;
  if (/[a-z][A-Z]/.test(core) || /^[A-Z][A-Z0-9]+s?$/.test(core)) return name;
  if (single.has(core)) return name;
  return raw;
}

/** The runs of two or more English words left in `line`, after wordsOf. */
export function englishRuns(line: string): string[] {
  const word = String.raw`[A-Za-z]+(?:['’][A-Za-z]+)?`;
  return [...wordsOf(line).matchAll(new RegExp(`${word}(?:[ \\t]+${word})+`, 'g'))].map((m) => m[0]);
}

/** Every line of `text` that holds an English run, with the run: what a sweep reports. */
export function englishLines(text: string): { line: string; runs: string[] }[] {
  return text.split('\n').map((line) => ({ line, runs: englishRuns(line) })).filter((l) => l.runs.length > 0);
}

/**
 * Two slips of Chinese typography (glossary, Typography) that words from the catalog joined at run
 * time can make: an English '.' after a sentence that already ends in 。？！ or ）, and one space
 * between two Chinese characters (a space goes between Chinese and Latin only; a table's columns
 * are two spaces or more apart). Quoted and backquoted text is the user's, and stands for a word.
 */
export function typographySlips(line: string): string[] {
  const text = line.replace(/`[^`]*`|"[^"]*"|“[^”]*”/g, 'x');
  return [
    ...(/[。？！）]\.$/.test(text) ? ['. after a Chinese stop'] : []),
    ...[...text.matchAll(/\p{Script=Han} (?! )\p{Script=Han}/gu)].map((m) => `a space in "${m[0]}"`),
  ];
}

/** Every string of a JSON value (keys are field names, not words). */
export function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}
