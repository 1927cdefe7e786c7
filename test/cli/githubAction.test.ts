// Issue 23: action.yml's step, run locally as GitHub's runner would run it for the README's
// workflow: the inputs as environment variables, GITHUB_ACTION_PATH at this checkout,
// GITHUB_OUTPUT a file, the project (the package installed from the tarball) as the workspace.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parse } from 'yaml';
import { repoRoot } from './cliRun';
import { installInto, offlineEnv, packageVersion, packTarball, readmeBlock, userProject } from './userProject';

interface Action {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: { id?: string; shell: string; run: string; env: Record<string, string> }[] };
}
interface Workflow {
  jobs: Record<string, { permissions: Record<string, string>; steps: { uses?: string; if?: string; with?: Record<string, string> }[] }>;
}

const action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as Action;
const workflow = parse(readmeBlock('<!-- test/cli/githubAction.test.ts -->')) as Workflow;
const job = Object.values(workflow.jobs)[0]!;
const ours = job.steps.find((s) => s.uses?.startsWith('statefulset-studio/statefulset-studio@'))!;

let project: string;
before(() => {
  project = userProject({ git: true });
  installInto(project, packTarball());
});
after(() => rmSync(project, { recursive: true, force: true }));

/** Runs action.yml's step with the workflow's `with:` (over the inputs' defaults); returns its exit code and outputs. */
function runStep(withInputs: Record<string, string>, runner: NodeJS.ProcessEnv = {}): { status: number | null; log: string; outputs: Record<string, string> } {
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, withInputs[name] ?? input.default ?? '']));
  const step = action.runs.steps[0]!;
  const env = Object.fromEntries(Object.entries(step.env).map(([key, value]) => [key, value.replace(/\$\{\{ inputs\.([\w-]+) \}\}/g, (_, name: string) => inputs[name] ?? '')]));
  const outputFile = join(mkdtempSync(join(tmpdir(), 'sts-action-')), 'output');
  writeFileSync(outputFile, '');
  const result = spawnSync(step.shell, ['-e', '-c', step.run], {
    cwd: project, encoding: 'utf8', env: { ...offlineEnv, ...env, ...runner, GITHUB_ACTION_PATH: repoRoot, GITHUB_WORKSPACE: project, GITHUB_OUTPUT: outputFile },
  });
  const outputs = Object.fromEntries(readFileSync(outputFile, 'utf8').trim().split('\n').filter(Boolean).map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]));
  return { status: result.status, log: `${result.stdout}${result.stderr}`, outputs };
}

test('action.yml: a composite action whose step gets its inputs through the environment', () => {
  assert.equal(action.runs.using, 'composite');
  const step = action.runs.steps[0]!;
  assert.doesNotMatch(step.run, /\$\{\{/, 'inputs never spliced into the script');
  assert.equal(action.inputs.version?.default, packageVersion, 'the action runs the version in package.json');
  assert.deepEqual(Object.keys(action.outputs).sort(), ['exit-code', 'sarif-file']);
});

test('the README workflow: code scanning may be written, the upload runs even when the check fails', () => {
  assert.equal(ours.uses, `statefulset-studio/statefulset-studio@v${packageVersion}`, 'the README pins the version in package.json');
  assert.equal(job.permissions['security-events'], 'write');
  const upload = job.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
  assert.equal(upload?.if, 'always()');
  assert.equal(upload?.with?.sarif_file, ours.with?.['sarif-file'] ?? action.inputs['sarif-file']?.default);
});

test('the README workflow\'s step on a clean project: exit 0, an empty SARIF run, the outputs set', () => {
  const { status, log, outputs } = runStep(ours.with ?? {});
  assert.equal(status, 0, log);
  assert.match(log, /^0 errors, \d+ warnings?/m);
  assert.deepEqual(outputs, { 'exit-code': '0', 'sarif-file': 'sts.sarif' });
  const sarif = JSON.parse(readFileSync(join(project, 'sts.sarif'), 'utf8')) as { version: string; runs: { results: unknown[] }[] };
  assert.equal(sarif.version, '2.1.0');
});

test('findings fail the step; the SARIF has them with paths relative to the workspace, chart findings with related places', () => {
  cpSync(join(repoRoot, 'examples', 'mistakes.yaml'), join(project, 'k8s', 'mistakes.yaml'));
  const { status, log, outputs } = runStep({ ...ours.with, args: '--set primary.updateStrategy.type=Recreate' }, { GITHUB_ACTIONS: 'true' });
  assert.equal(status, 1, log);
  // The problem matcher turns the error and warning lines into annotations, and only those.
  const added = /^::add-matcher::(.+)$/m.exec(log)?.[1];
  assert.ok(added && existsSync(added), log);
  const pattern = (JSON.parse(readFileSync(added, 'utf8')) as { problemMatcher: { owner: string; pattern: { regexp: string }[] }[] }).problemMatcher[0]!;
  assert.match(log, new RegExp(`^::remove-matcher owner=${pattern.owner}::$`, 'm'));
  const annotated = log.split('\n').flatMap((line) => new RegExp(pattern.pattern[0]!.regexp).exec(line) ?? []);
  assert.ok(annotated.length > 0);
  assert.ok(log.split('\n').filter((line) => new RegExp(pattern.pattern[0]!.regexp).test(line)).every((line) => /^\S+:\d+:\d+: (error|warning) \[/.test(line)));
  const selector = log.split('\n').map((line) => new RegExp(pattern.pattern[0]!.regexp).exec(line)).find((m) => m?.[5] === 'selector-mismatch');
  assert.deepEqual(selector?.slice(1, 6), ['k8s/mistakes.yaml', '10', '3', 'error', 'selector-mismatch']);
  assert.match(log, /k8s\/mistakes\.yaml:10:3: error \[selector-mismatch\]/);
  assert.match(log, /exit 1: errors fail the check\./);
  assert.equal(outputs['exit-code'], '1');
  type Result = { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[]; relatedLocations?: unknown[] };
  const results = (JSON.parse(readFileSync(join(project, 'sts.sarif'), 'utf8')) as { runs: { results: Result[] }[] }).runs[0]!.results;
  const uris = new Set(results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri));
  assert.ok(uris.has('k8s/mistakes.yaml'), [...uris].join(' '));
  const chart = results.find((r) => r.ruleId === 'update-strategy-invalid');
  assert.equal(chart?.locations[0]?.physicalLocation.artifactLocation.uri, 'charts/db/templates/primary/statefulset.yaml');
  assert.ok(chart?.relatedLocations?.length);
  rmSync(join(project, 'k8s', 'mistakes.yaml'));
});

test('a wrong path fails the step with exit 2 and a sentence, not a clean run', () => {
  const { status, log, outputs } = runStep({ paths: 'k8s/ manifests/' });
  assert.equal(status, 2);
  assert.match(log, /^sts: manifests\/ does not exist\./m);
  assert.equal(outputs['exit-code'], '2');
});
