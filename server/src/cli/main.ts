import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { version } from '../../../package.json';
import type { PreviewResult } from '../../../protocol/protocol';
import type { ChartOptions } from '../host/chartCheck';
import { baselineSource, readBaselineSync } from '../host/readBaseline';
import { baselineFrom } from '../service/baseline/baselineLookup';
import { parseFile } from '../service/parse/documentStore';
import { ruleIds } from '../service/rules/index';
import { defaultSettings, type Settings } from '../service/settings';
import { isKubernetesVersion, kubernetesVersions } from '../service/versions/kubernetesVersions';
import { parseFeatureGates } from '../service/versions/readVersionSettings';
import { versionSummary } from '../service/versions/gates';
import { listOf, parseArgs, type CliArgs } from './args';
import { checkFiles, formatReports, previewFile } from './check';
import { checkCharts, chartsIn } from './checkCharts';
import { checkOverlays, overlaysIn } from './checkOverlays';
import { previewOverlay } from './previewOverlay';
import { kustomizationFileIn } from '../host/kustomize/index';
import { closest } from './closest';
import { collectFiles } from './collectFiles';
import { commandHelp, commandNamed, commands, generalHelp } from './commands';
import { diffFails, diffTexts, formatDiff } from './diff';
import { previewJson, previewText } from './preview';
import { previewChart, releaseLine } from './previewChart';
import { previewWhatIf, requireFailingPod } from './previewWhatIf';
import { readableError, readInput } from './readInput';
import { requireBaseline } from './requireBaseline';
import { formatSarif, sortReports, verdictOf } from './report';
import { runStatus } from './status';
import { UsageError } from './usageError';
import { takeLanguage } from './language';
import { setLocale, t } from '../messages';

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
    ...versionSettingsFrom(args),
  };
}

/**
 * The text report with "Kubernetes 1.37 · gates: …" before its last line (the verdict stays last),
 * when it lists findings: which release judged them. A clean run stays one line.
 */
function withVersionLine(output: string, settings: Settings): string {
  const lines = output.replace(/\n$/, '').split('\n');
  if (lines.length < 2) return output;
  lines.splice(Math.max(0, lines.length - 1), 0, versionSummary(settings));
  return `${lines.join('\n')}\n`;
}

/** --kubernetes-version and --feature-gates (--max-unavailable-gate: MaxUnavailableStatefulSet=true, unless --feature-gates names it). */
function versionSettingsFrom(args: CliArgs): Pick<Settings, 'kubernetesVersion' | 'featureGates'> {
  const version = args.options.get('--kubernetes-version');
  if (typeof version === 'string' && !isKubernetesVersion(version)) {
    throw new UsageError(t('main.badVersion', { version, versions: kubernetesVersions.join(', ') }), args.command);
  }
  const gatesText = args.options.get('--feature-gates');
  const { gates, errors } = parseFeatureGates(typeof gatesText === 'string' ? gatesText : '');
  if (errors.length > 0) throw new UsageError(errors.join('; '), args.command);
  if (args.options.has('--max-unavailable-gate') && !('MaxUnavailableStatefulSet' in gates)) gates.MaxUnavailableStatefulSet = true;
  return { kubernetesVersion: typeof version === 'string' ? version : defaultSettings.kubernetesVersion, featureGates: gates };
}

/** Standard input as YAML text; a terminal is a usage error (nothing was piped in), binary data is named. */
function readStdin(command: string): string {
  if (process.stdin.isTTY) {
    throw new UsageError(t('main.noStdin', { command }), command);
  }
  return readInput(t('main.standardInput'), readFileSync(0));
}

/** Each PATH must exist and hold YAML (a file, or a folder with *.yaml/*.yml or a Chart.yaml): a wrong path in CI must not pass. */
function requireYaml(paths: readonly string[]): void {
  for (const path of paths) {
    if (path === '-') continue;
    if (!existsSync(path)) throw new UsageError(t('main.noPath', { path }), 'check');
    if (statSync(path).isDirectory() && collectFiles([path]).length === 0 && chartsIn([path]).length === 0) {
      throw new UsageError(t('main.noYaml', { path }), 'check');
    }
  }
}

async function runCheck(args: CliArgs): Promise<number> {
  const format = args.options.get('--format') ?? 'text';
  if (args.paths.length === 0) throw new UsageError(t('main.checkNeedsPath'), 'check');
  if (args.options.has('--fix') && args.paths.includes('-')) throw new UsageError(t('main.fixStdin'), 'check');
  requireYaml(args.paths);
  const charts = [...new Set(chartsIn(args.paths))];
  const valuesFiles = args.lists.get('--values') ?? [];
  const helmFlags = [...valuesFiles.length > 0 ? ['--values'] : [], ...args.lists.has('--set') ? ['--set'] : [], ...args.options.has('--release') ? ['--release'] : []];
  const formatHint = valuesFiles.some((f) => ['text', 'json', 'sarif'].includes(f)) ? t('main.formatHint') : '';
  if (helmFlags.length > 0 && charts.length === 0) {
    throw new UsageError(t(helmFlags.length === 1 ? 'main.helmFlagNoChart' : 'main.helmFlagsNoChart', { flags: listOf(helmFlags), end: formatHint || t('main.period') }), 'check');
  }
  for (const file of valuesFiles) if (!existsSync(file)) throw new UsageError(t('main.noValuesFile', { file, end: formatHint || t('main.period') }), 'check');
  const fix = args.options.has('--fix')
    ? (file: string, rules: string[]) => process.stderr.write(`${t(rules.length === 1 ? 'cli.fixedOne' : 'cli.fixed', { count: rules.length, file, rules: [...new Set(rules)].join(', ') })}\n`)
    : undefined;
  const settings = settingsFrom(args);
  const baselineFlag = args.options.get('--baseline');
  const source = typeof baselineFlag === 'string' ? baselineSource(baselineFlag, process.cwd()) : undefined;
  if (source && typeof baselineFlag === 'string') requireBaseline(source, baselineFlag, args.paths);
  const baselineFor = source && ((file: string) => {
    const text = file === '<stdin>' ? undefined : readBaselineSync(file, source);
    return text === undefined ? undefined : baselineFrom(parseFile(text), settings.defaultNamespace);
  });
  const reports = checkFiles(args.paths, settings, () => readStdin('check'), fix, baselineFor);
  if (charts.length > 0) {
    reports.push(...await checkCharts(charts, settings, chartOptionsFrom(args, settings)));
  }
  const overlays = overlaysIn(args.paths);
  if (overlays.length > 0) reports.push(...await checkOverlays(overlays, settings, reports));
  const sorted = sortReports(reports);
  const sarifFile = args.options.get('--sarif');
  if (typeof sarifFile === 'string') {
    mkdirSync(dirname(resolve(sarifFile)), { recursive: true });
    writeFileSync(sarifFile, formatSarif(sorted, ruleIds, version));
  }
  const output = formatReports(String(format), sorted, version);
  process.stdout.write(format === 'text' ? withVersionLine(output, settings) : output);
  return verdictOf(sorted).exitCode;
}

function runDiff(args: CliArgs): number {
  const [oldFile, newFile, ...extra] = args.paths;
  if (!oldFile || !newFile || extra.length > 0) throw new UsageError(t('main.diffNeedsTwo'), 'diff');
  const format = args.options.get('--format') ?? 'text';
  const diffs = diffTexts(readInput(oldFile), readInput(newFile), pathToFileURL(newFile).href, settingsFrom(args));
  process.stdout.write(format === 'json' ? `${JSON.stringify(diffs, null, 2)}\n` : formatDiff(diffs, newFile));
  return diffFails(diffs) ? 1 : 0;
}

/** How `helm template` would render the charts among the paths: --values, --set, --release, --namespace. */
function chartOptionsFrom(args: CliArgs, settings: Settings): ChartOptions {
  const release = args.options.get('--release');
  return {
    valuesFiles: (args.lists.get('--values') ?? []).map((f) => resolve(f)),
    set: args.lists.get('--set') ?? [],
    ...(typeof release === 'string' ? { releaseName: release } : {}),
    namespace: settings.defaultNamespace,
  };
}

async function runPreview(args: CliArgs): Promise<number> {
  const [file, ...extra] = args.paths;
  if (!file || extra.length > 0) throw new UsageError(t('main.previewNeedsOne'), 'preview');
  const chart = file !== '-' && existsSync(file) && statSync(file).isDirectory();
  if (chart && kustomizationFileIn(file) && !existsSync(join(file, 'Chart.yaml'))) return runOverlayPreview(args, file);
  if (chart && !existsSync(join(file, 'Chart.yaml'))) {
    throw new UsageError(t('main.previewFolder', { file }), 'preview');
  }
  const helmFlags = ['--values', '--set'].filter((f) => args.lists.has(f)).concat(args.options.has('--release') ? ['--release'] : []);
  if (!chart && helmFlags.length > 0) throw new UsageError(t(helmFlags.length === 1 ? 'main.helmFlagNotChart' : 'main.helmFlagsNotChart', { flags: listOf(helmFlags), file }), 'preview');
  for (const values of args.lists.get('--values') ?? []) if (!existsSync(values)) throw new UsageError(t('main.noValuesFile', { file: values, end: t('main.period') }), 'preview');
  const name = args.options.get('--name');
  const whatIf = previewWhatIf(args);
  const settings = settingsFrom(args);
  let preview: PreviewResult;
  let heading = '';
  if (chart) {
    const rendered = await previewChart(resolve(file), settings, typeof name === 'string' ? name : undefined, chartOptionsFrom(args, settings), whatIf.whatIf);
    if (rendered.renderError !== undefined) {
      process.stderr.write(`sts: ${rendered.renderError}\n`);
      return 2;
    }
    preview = rendered.preview;
    heading = `${releaseLine(file, rendered.used)}\n`;
  } else {
    preview = previewFile(file, settings, typeof name === 'string' ? name : undefined, () => readStdin('preview'), whatIf.whatIf);
  }
  if (!preview) {
    process.stderr.write(`sts: ${t(typeof name === 'string' ? (chart ? 'cli.noNamedInChart' : 'cli.noNamedIn') : (chart ? 'cli.noneInChart' : 'cli.noneIn'), { name: String(name), file })}\n`);
    return 1;
  }
  requireFailingPod(whatIf, preview.simulation);
  // The footer, as on the preview page: the release and gates the answer was simulated for (issue 21).
  const output = args.options.has('--json') ? `${JSON.stringify(previewJson(preview.simulation, preview.blocked), null, 2)}\n` : `${heading}${previewText(preview.simulation, preview.blocked)}${versionSummary(settings)}\n`;
  process.stdout.write(output);
  return 0;
}

/** `sts preview OVERLAY_DIR`: the overlay built with kustomize's engine, then one of its StatefulSets. */
async function runOverlayPreview(args: CliArgs, dir: string): Promise<number> {
  const helmFlags = ['--values', '--set'].filter((f) => args.lists.has(f)).concat(args.options.has('--release') ? ['--release'] : []);
  if (helmFlags.length > 0) throw new UsageError(t(helmFlags.length === 1 ? 'main.helmFlagOverlay' : 'main.helmFlagsOverlay', { flags: listOf(helmFlags), dir }), 'preview');
  const name = args.options.get('--name');
  const whatIf = previewWhatIf(args);
  const built = await previewOverlay(resolve(dir), settingsFrom(args), typeof name === 'string' ? name : undefined, whatIf.whatIf);
  if (built.buildError !== undefined) {
    process.stderr.write(`sts: ${t('cli.cannotBuild', { dir, error: built.buildError })}\n`);
    return 2;
  }
  if (!built.preview) {
    process.stderr.write(`sts: ${t(typeof name === 'string' ? 'cli.noNamedInOverlay' : 'cli.noneInOverlay', { name: String(name), dir })}\n`);
    return 1;
  }
  requireFailingPod(whatIf, built.preview.simulation);
  const output = args.options.has('--json')
    ? `${JSON.stringify(previewJson(built.preview.simulation, built.preview.blocked), null, 2)}\n`
    : `${t('main.overlayLine', { dir })}\n${previewText(built.preview.simulation, built.preview.blocked)}`;
  process.stdout.write(output);
  return 0;
}

function runHelp(args: CliArgs): number {
  const [topic, ...extra] = args.paths;
  if (topic === undefined) {
    process.stdout.write(generalHelp());
    return 0;
  }
  const command = commandNamed(topic);
  if (!command || extra.length > 0) {
    const near = closest(topic, commands.map((c) => c.name));
    throw new UsageError(extra.length > 0 ? t('main.helpTakesOne') : near ? t('main.noCommandNear', { topic, near }) : t('main.noCommand', { topic }));
  }
  process.stdout.write(commandHelp(command));
  return 0;
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.options.has('--help') && args.command) return runHelp({ ...args, paths: [args.command] });
  switch (args.command) {
    case 'check':
      return await runCheck(args);
    case 'diff':
      return runDiff(args);
    case 'preview':
      return await runPreview(args);
    case 'status':
      return await runStatus(args, () => readStdin('status'));
    case 'lsp': {
      const { startServer } = await import('../lsp/startServer');
      startServer();
      return -1; // keeps running
    }
    case 'version':
      process.stdout.write(`${version}\n`);
      return 0;
    case 'help':
      return runHelp(args);
    case undefined:
      process.stderr.write(generalHelp());
      return 2;
    default:
      throw new UsageError(t('args.unknownCommand', { typed: args.command })); // parseArgs refuses these first
  }
}

const language = takeLanguage(process.argv.slice(2), process.env);
setLocale(language.locale);
main(language.argv).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    const hint = error instanceof UsageError ? `\n${t('cli.usageHint', { command: `sts help${error.command ? ` ${error.command}` : ''}` })}` : '';
    process.stderr.write(`sts: ${readableError(error)}${hint}\n`);
    process.exitCode = 2;
  },
);
