import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defaultSettings, type Settings } from '../service/settings';
import { parseArgs, type CliArgs } from './args';
import { checkFiles, formatReports, previewFile } from './check';
import { checkCharts, chartsIn } from './checkCharts';
import { previewJson, previewText } from './preview';
import { pathToFileURL } from 'node:url';
import { baselineFrom } from '../service/baseline/baselineLookup';
import { parseFile } from '../service/parse/documentStore';
import { baselineSource, readBaselineSync } from '../host/readBaseline';
import { diffTexts, formatDiff } from './diff';

const version = '0.1.0';

const usage = `Usage:
  sts check [--fix] [--baseline REF|FILE] [--values F]... [--set K=V]... [--release NAME] [--format text|json|sarif] [--cluster-domain D] [--namespace NS] [--max-unavailable-gate] [--no-schema] PATH...
      Check StatefulSet manifests (files, folders searched for *.yaml/*.yml, or - for standard input).
      --fix applies every preferred quick fix in place first, then reports what is left.
      --baseline REF|FILE compares each file with its version at a git ref (e.g. HEAD, origin/main)
      or with a \`kubectl get -o yaml\` export: changes to immutable fields fail the check (exit 1).
      Exit 0: no errors; 1: errors found; 2: usage error or unreadable input.
  sts diff [--format text|json] OLD NEW
      What applying NEW over OLD does: immutable fields changed (exit 1), pods restarted, created, deleted.
  sts preview [--name STS] [--json] [--cluster-domain D] [--namespace NS] [--max-unavailable-gate] FILE
      Show what a StatefulSet will create: pods, DNS names, PVCs and the rollout order.
      Services in the same folder count. Exit 1 when the file holds no StatefulSet.
  sts lsp --stdio
      Run the language server over standard input/output (for any LSP client).
`;

class UsageError extends Error {}

function settingsFrom(args: CliArgs): Settings {
  const text = (flag: string, fallback: string): string => {
    const value = args.options.get(flag);
    return typeof value === 'string' ? value : fallback;
  };
  return {
    ...defaultSettings,
    clusterDomain: text('--cluster-domain', defaultSettings.clusterDomain),
    defaultNamespace: text('--namespace', defaultSettings.defaultNamespace),
    schemaValidation: !args.options.has('--no-schema'),
    maxUnavailableGate: args.options.has('--max-unavailable-gate'),
  };
}

async function runCheck(args: CliArgs): Promise<number> {
  const format = args.options.get('--format') ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(`unknown format "${String(format)}"`);
  if (args.paths.length === 0) throw new UsageError('sts check needs at least one PATH (or - for standard input)');
  const fix = args.options.has('--fix')
    ? (file: string, rules: string[]) => process.stderr.write(`fixed ${rules.length} problem${rules.length === 1 ? '' : 's'} in ${file}: ${[...new Set(rules)].join(', ')}\n`)
    : undefined;
  if (fix && args.paths.includes('-')) throw new UsageError('--fix rewrites files in place: it cannot fix standard input');
  const settings = settingsFrom(args);
  const baselineFlag = args.options.get('--baseline');
  const source = typeof baselineFlag === 'string' ? baselineSource(baselineFlag, process.cwd()) : undefined;
  const baselineFor = source && ((file: string) => {
    const text = file === '<stdin>' ? undefined : readBaselineSync(file, source);
    return text === undefined ? undefined : baselineFrom(parseFile(text), settings.defaultNamespace);
  });
  const reports = checkFiles(args.paths, settings, () => readFileSync(0, 'utf8'), fix, baselineFor);
  const charts = chartsIn(args.paths);
  if (charts.length > 0) {
    const release = args.options.get('--release');
    reports.push(...await checkCharts(charts, settings, {
      valuesFiles: (args.lists.get('--values') ?? []).map((f) => resolve(f)),
      set: args.lists.get('--set') ?? [],
      ...(typeof release === 'string' ? { releaseName: release } : {}),
      namespace: settings.defaultNamespace,
    }));
  }
  process.stdout.write(formatReports(format, reports, version));
  // In CI an immutable change fails the job: `kubectl apply` would be refused.
  return reports.some((r) => r.severity === 'error' || r.rule === 'immutable-field-changed') ? 1 : 0;
}

function runDiff(args: CliArgs): number {
  const [oldFile, newFile, ...extra] = args.paths;
  if (!oldFile || !newFile || extra.length > 0) throw new UsageError('sts diff needs OLD and NEW files');
  const format = args.options.get('--format') ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`unknown format "${String(format)}"`);
  const diffs = diffTexts(readFileSync(oldFile, 'utf8'), readFileSync(newFile, 'utf8'), pathToFileURL(newFile).href, settingsFrom(args));
  process.stdout.write(format === 'json' ? `${JSON.stringify(diffs, null, 2)}\n` : formatDiff(diffs, newFile));
  return diffs.some((diff) => diff.immutable.length > 0) ? 1 : 0;
}

function runPreview(args: CliArgs): number {
  const [file, ...extra] = args.paths;
  if (!file || extra.length > 0) throw new UsageError('sts preview needs exactly one FILE');
  const name = args.options.get('--name');
  const preview = previewFile(file, settingsFrom(args), typeof name === 'string' ? name : undefined, () => readFileSync(0, 'utf8'));
  if (!preview) {
    process.stderr.write(`sts: no apps/v1 StatefulSet${typeof name === 'string' ? ` named "${name}"` : ''} in ${file}\n`);
    return 1;
  }
  const output = args.options.has('--json') ? `${JSON.stringify(previewJson(preview.simulation), null, 2)}\n` : previewText(preview.simulation);
  process.stdout.write(output);
  return 0;
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  switch (args.command) {
    case 'check':
      return await runCheck(args);
    case 'diff':
      return runDiff(args);
    case 'preview':
      return runPreview(args);
    case 'lsp': {
      const { startServer } = await import('../lsp/startServer');
      startServer();
      return -1; // keeps running
    }
    case '--version':
      process.stdout.write(`${version}\n`);
      return 0;
    case undefined:
    case '--help':
    case 'help':
      process.stdout.write(usage);
      return args.command === undefined ? 2 : 0;
    default:
      throw new UsageError(`unknown command "${args.command}"`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`sts: ${message}\n${error instanceof UsageError ? usage : ''}`);
    process.exitCode = 2;
  },
);
