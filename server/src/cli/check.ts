import { readdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PreviewResult, WhatIf } from '../../../protocol/protocol';
import type { BaselineLookup } from '../service/baseline/baselineLookup';
import { fixFile } from '../service/fixFile';
import type { Finding } from '../service/model';
import type { Lines } from '../service/parse/lineIndex';
import { previewOf } from '../service/previewOf';
import { checkFile } from '../service/languageService';
import { DocumentStore } from '../service/parse/documentStore';
import { ruleIds } from '../service/rules/index';
import type { Settings } from '../service/settings';
import { servicesOf } from '../service/workspace/servicesOf';
import { WorkspaceIndex } from '../service/workspace/workspaceIndex';
import { kustomizePatchFiles } from '../host/kustomizationPatches';
import { collectFiles } from './collectFiles';
import { readInput } from './readInput';
import { formatJson, formatSarif, formatText, type Reported } from './report';

interface Source {
  file: string;
  uri: string;
  text: string;
  store: DocumentStore;
}

function readSource(file: string, stdin: () => string): Source {
  const text = file === '-' ? stdin() : readInput(file);
  const uri = file === '-' ? 'stdin:' : pathToFileURL(file).href;
  return { file: file === '-' ? '<stdin>' : file, uri, text: text.replace(/^\uFEFF/, ''), store: new DocumentStore() };
}

/**
 * `sts check`: every file is parsed once; the Services of all of them form the workspace
 * that serviceName is looked up in. Returns the findings, 1-based.
 */
export function checkFiles(
  paths: readonly string[], settings: Settings, stdin: () => string, fix?: (file: string, rules: string[]) => void,
  baselineFor?: (file: string) => BaselineLookup | undefined,
): Reported[] {
  const sources = collectFiles(paths).map((file) => readSource(file, stdin));
  const index = new WorkspaceIndex();
  // Files a kustomization beside or above them names as patches are parts of objects, not whole ones.
  const folders = new Set(sources.filter((s) => s.file !== '<stdin>').map((s) => dirname(resolve(s.file))));
  index.setPatchFiles([...kustomizePatchFiles(folders)].map((path) => pathToFileURL(path).href));
  const indexServices = (source: Source): void => {
    index.set(source.uri, servicesOf(source.uri, source.store.parse(source.text), settings.defaultNamespace));
  };
  sources.forEach(indexServices);
  if (fix) {
    for (const source of sources) {
      if (source.file === '<stdin>') continue;
      const result = fixFile(source.uri, source.text, settings, index);
      if (result.fixed.length === 0) continue;
      writeAtomically(source.file, result.text);
      source.text = result.text;
      indexServices(source);
      fix(source.file, result.fixed);
    }
  }
  return sources.flatMap((source) => {
    const { findings, lines } = checkFile(source.uri, source.store.setText(source.text), settings, index, baselineFor?.(source.file));
    return findings.map((finding) => toReported(source.file, finding, lines, () => undefined));
  });
}

/** A finding as the CLI reports it, 1-based; its related places through `linesOf` (undefined: not shown). */
export function toReported(file: string, finding: Finding, lines: Lines, linesOf: (uri: string) => Lines | undefined): Reported {
  const start = lines.positionAt(finding.start);
  const end = lines.positionAt(finding.end);
  const related = (finding.related ?? []).flatMap((r) => {
    const at = linesOf(r.uri)?.positionAt(r.start);
    return at ? [{ file: displayPath(r.uri), line: at.line + 1, column: at.character + 1, message: r.message }] : [];
  });
  return {
    file, line: start.line + 1, column: start.character + 1, endLine: end.line + 1,
    endColumn: end.character + 1, severity: finding.severity, rule: finding.rule, message: finding.message,
    ...(related.length > 0 ? { related } : {}),
  };
}

/** A file URI as the CLI prints paths: relative to the working folder when inside it. */
export function displayPath(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  const path = fileURLToPath(uri);
  const inside = relative(process.cwd(), path);
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside : path;
}

/**
 * `sts preview`: the StatefulSet of a file (the first, or the one named), simulated with the
 * Services of the YAML files beside it.
 */
export function previewFile(file: string, settings: Settings, name: string | undefined, stdin: () => string, whatIf: WhatIf = {}): PreviewResult {
  const source = readSource(file, stdin);
  const index = new WorkspaceIndex();
  if (file !== '-') {
    const folder = dirname(file);
    for (const sibling of readdirSync(folder).filter((f) => /\.ya?ml$/.test(f)).map((f) => join(folder, f))) {
      if (sibling === file) continue;
      let other: Source;
      try {
        other = readSource(sibling, stdin);
      } catch {
        continue; // a sibling that cannot be read only lends no Service
      }
      if (other.uri !== source.uri) index.set(other.uri, servicesOf(other.uri, other.store.parse(other.text), settings.defaultNamespace));
    }
  }
  const checked = checkFile(source.uri, source.store.setText(source.text), settings, index);
  const preview = previewOf(source.uri, checked, settings, index, { whatIf, ...(name !== undefined ? { name } : {}) });
  return preview && (name === undefined || preview.statefulSet.name === name) ? preview : null;
}

/** Replaces a file's content in one step, so that an interrupted run never leaves half a file. */
function writeAtomically(file: string, text: string): void {
  // Through a symbolic link to the file it names (renaming onto the link would replace the link
  // with a copy), with the file's own mode (a new file gets the umask's), and no temporary file
  // left behind when writing or renaming fails: the original stays as it was.
  const target = realpathSync(file);
  const temporary = `${target}.sts-fix-${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text, { mode: statSync(target).mode & 0o7777 });
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

export function formatReports(format: string, reports: readonly Reported[], version: string): string {
  if (format === 'json') return formatJson(reports);
  if (format === 'sarif') return formatSarif(reports, ruleIds, version);
  return formatText(reports);
}
