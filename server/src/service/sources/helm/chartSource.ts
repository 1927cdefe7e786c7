import type { ManifestDocument, RelatedRange, Span } from '../../model';
import { parseFile } from '../../parse/documentStore';
import { LineIndex, type Lines } from '../../parse/lineIndex';
import type { SourceObjects } from '../checkSource';
import type { Origin } from '../origins';
import { alignRendered, type Defines, type LineOrigin } from './alignRendered';
import { definesOf, templateLines, type TemplateLine } from './templateLines';
import { ValuesFile, valuesPaths } from './valuesRefs';
import { t } from '../../../messages';

/** What the chart source reads: the chart's own texts, as the editor or the disk has them. */
export interface ChartTexts {
  /** The chart folder's URI, without a trailing slash. */
  rootUri: string;
  /** The name Helm prefixes to every `# Source:` (Chart.yaml's `name`). */
  name: string;
  /** Templates and helpers, by path relative to the chart folder (`templates/sts.yaml`, `charts/common/templates/_labels.tpl`). */
  templates: ReadonlyMap<string, string>;
  /** The values files in the order Helm merges them (the chart's values.yaml first, then `-f` files). */
  values: readonly { uri: string; text: string }[];
}

/** A path as Helm names it (`<chart>/templates/x.yaml`), relative to the chart's folder (`templates/x.yaml`). */
export function pathInChart(chartName: string, helmPath: string): string {
  return helmPath.startsWith(`${chartName}/`) ? helmPath.slice(chartName.length + 1) : helmPath;
}

/** One document as `helm template` printed it: its `# Source:` name and text. */
export interface RenderedText {
  source: string;
  text: string;
}

interface Written {
  file: string;
  origins: LineOrigin[];
  lines: LineIndex;
  renderedLines: string[];
  /** Where the ManifestDocument's text starts in the rendered document's text. */
  offset: number;
}

/**
 * Templates and values files parsed for alignment, by file, for its last text: an edit re-renders
 * the whole chart, but only the edited file's text is new (a chart and its library have ~100
 * files). One text per file: a cache by text kept every keystroke's. Bounded: when full it starts again.
 */
const parsedTexts = new Map<string, { text: string; lines: TemplateLine[]; defines?: Map<string, TemplateLine[]> }>();
const parsedValues = new Map<string, ValuesFile>();
const keptFiles = 4000;

function parsedTemplate(uri: string, text: string): { lines: TemplateLine[]; defines?: Map<string, TemplateLine[]> } {
  let parsed = parsedTexts.get(uri);
  if (parsed?.text !== text) {
    if (parsedTexts.size >= keptFiles) parsedTexts.clear();
    parsedTexts.set(uri, (parsed = { text, lines: templateLines(text) }));
  }
  return parsed;
}

/**
 * A rendered template's documents and its lines' origins, by file: kept while the rendered text,
 * the template's text and every helper's text are the same, so that a re-render after an edit of
 * one template gives the others' documents back, with the rules' memos on them (as a plain file's
 * unchanged documents keep theirs).
 */
interface AlignedRender {
  renderedText: string;
  templateText: string;
  /** The chart's helpers (.tpl) as they were: a helper that changed may have moved any origin. */
  helpers: string;
  documents: ManifestDocument[];
  written: Omit<Written, 'offset'>;
}
const alignedRenders = new Map<string, AlignedRender>();

function valuesFile(uri: string, text: string): ValuesFile {
  const key = `${uri}\n${text}`;
  let file = parsedValues.get(key);
  if (!file) {
    if (parsedValues.size >= 64) parsedValues.clear();
    parsedValues.set(key, (file = new ValuesFile(uri, text)));
  }
  return file;
}

const indentation = (text: string, line: TemplateLine): number => /^\s*/.exec(text.slice(line.start, line.end))![0].length;

/**
 * A rendered chart as a source: its documents (what the rules read) and the origin map that puts
 * each finding on the template or helper line that wrote it, with the values line it read.
 */
export function chartSource(chart: ChartTexts, rendered: readonly RenderedText[]): SourceObjects {
  const uriOf = (path: string): string => `${chart.rootUri}/${path}`;
  const linesOfTemplate = (path: string): TemplateLine[] | undefined => {
    const text = chart.templates.get(path);
    return text === undefined ? undefined : parsedTemplate(uriOf(path), text).lines;
  };
  const defines = new Map<string, { file: string; lines: readonly TemplateLine[] }>();
  const helperTexts: string[] = [];
  for (const [path, text] of chart.templates) {
    if (!path.endsWith('.tpl')) continue;
    helperTexts.push(path, text);
    const parsed = parsedTemplate(uriOf(path), text);
    parsed.defines ??= definesOf(parsed.lines);
    for (const [name, lines] of parsed.defines) defines.set(name, { file: path, lines });
  }
  const values = chart.values.map((v) => valuesFile(v.uri, v.text));
  const written = new Map<ManifestDocument, Written>();
  const documents: ManifestDocument[] = [];
  const helpers = helperTexts.join('\0');
  const seen = new Map<string, number>(); // a template that prints several `# Source:` parts: one entry per part
  for (const { source, text } of rendered) {
    const path = pathInChart(chart.name, source);
    const template = linesOfTemplate(path);
    if (!template) continue;
    const part = seen.get(path) ?? 0;
    seen.set(path, part + 1);
    const key = `${uriOf(path)}#${part}`;
    const templateText = chart.templates.get(path) ?? '';
    let aligned = alignedRenders.get(key);
    if (aligned?.renderedText !== text || aligned.templateText !== templateText || aligned.helpers !== helpers) {
      const origins = alignRendered(path, template, text, defines as Defines);
      aligned = { renderedText: text, templateText, helpers, documents: parseFile(text), written: { file: path, origins, lines: new LineIndex(text), renderedLines: text.split('\n') } };
      if (alignedRenders.size >= keptFiles) alignedRenders.clear();
      alignedRenders.set(key, aligned);
    }
    for (const document of aligned.documents) {
      documents.push(document);
      written.set(document, { ...aligned.written, offset: document.offset });
    }
  }

  const place = (file: string, line: TemplateLine): Span => {
    const text = chart.templates.get(file) ?? '';
    return { start: line.start + indentation(text, line), end: Math.max(line.end, line.start + indentation(text, line) + 1) };
  };

  function valuesOrigin(origin: LineOrigin, renderedLine: string): RelatedRange[] {
    const paths = valuesPaths(origin.line.actions);
    if (paths.length === 0 && origin.includedBy) paths.push(...valuesPaths(origin.includedBy.line.actions));
    const key = /^\s*-?\s*([\w./-]+):/.exec(renderedLine)?.[1];
    const found: RelatedRange[] = [];
    for (const path of paths) {
      // The last values file that sets the path wins, as Helm merges them.
      for (const file of [...values].reverse()) {
        const last = path[path.length - 1];
        const span = (key && key !== last ? file.keyBelow(path, key) : undefined) ?? file.spanOf(path);
        if (!span) continue;
        found.push({ uri: file.uri, ...span, message: t('sources.valueFrom', { path: path.join('.') }) });
        break;
      }
    }
    return found;
  }

  const originOf = (document: ManifestDocument, span: Span): Origin | undefined => {
    const w = written.get(document);
    if (!w) return undefined;
    const at = w.lines.positionAt(w.offset + span.start);
    const origin = w.origins[at.line];
    if (!origin) return undefined;
    const renderedText = w.renderedLines[at.line] ?? '';
    const related: RelatedRange[] = [];
    if (origin.includedBy) {
      related.push({ uri: uriOf(origin.includedBy.file), ...place(origin.includedBy.file, origin.includedBy.line), message: t('sources.helperIncluded') });
    }
    const fromValues = valuesOrigin(origin, renderedText);
    return {
      primary: { uri: uriOf(origin.file), ...place(origin.file, origin.line) },
      related: [...related, ...fromValues],
      echoes: fromValues.map((r) => ({ ...r, message: t('sources.setFor', { file: origin.file }) })),
    };
  };

  const fileLines = new Map<string, Lines>();
  const linesOf = (uri: string): Lines | undefined => {
    let lines = fileLines.get(uri);
    if (lines) return lines;
    const path = uri.startsWith(`${chart.rootUri}/`) ? uri.slice(chart.rootUri.length + 1) : undefined;
    const text = (path !== undefined ? chart.templates.get(path) : undefined) ?? chart.values.find((v) => v.uri === uri)?.text;
    if (text === undefined) return undefined;
    fileLines.set(uri, (lines = new LineIndex(text)));
    return lines;
  };

  return { uri: `helm:${chart.rootUri}`, documents, origins: { originOf }, linesOf };
}
