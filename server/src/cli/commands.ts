import { t } from '../messages';
import { detailsOf, optionHelpOf, summaryOf } from './helpWords';

/** One option of a command: what `sts help <command>` shows and what parseArgs accepts. */
export interface OptionSpec {
  flag: string;
  /** A short spelling (`-f` for `--values`). */
  alias?: string;
  /** The name of its value in the help (`FILE`); none for a switch. */
  value?: string;
  /** The values it takes, when there are few (`--format`). */
  choices?: readonly string[];
  /** May be given more than once; each value is kept in order. */
  repeated?: boolean;
  help: string;
}

/** A command of `sts`: its synopsis, what it does, its options and what its exit codes mean. */
export interface CommandSpec {
  name: string;
  synopsis: string;
  summary: string;
  details: readonly string[];
  options: readonly OptionSpec[];
}

const clusterDomain: OptionSpec = { flag: '--cluster-domain', value: 'DOMAIN', help: 'the cluster\'s DNS domain (default cluster.local)' };
const namespace: OptionSpec = { flag: '--namespace', value: 'NS', help: 'the namespace of objects that set none (default "default")' };
const kubernetesVersion: OptionSpec = { flag: '--kubernetes-version', value: 'VERSION', choices: ['1.31', '1.32', '1.33', '1.34', '1.35', '1.36', '1.37'], help: 'the cluster\'s Kubernetes release, 1.31 to 1.37 (default 1.37): its gate defaults, fields and rules' };
const featureGates: OptionSpec = { flag: '--feature-gates', value: 'GATE=BOOL,...', help: 'gates the cluster sets differently from its release\'s default, as kube-apiserver takes them (MaxUnavailableStatefulSet=false,...)' };
const maxUnavailableGate: OptionSpec = { flag: '--max-unavailable-gate', help: 'the same as --feature-gates MaxUnavailableStatefulSet=true (kept for old scripts)' };
const noSchema: OptionSpec = { flag: '--no-schema', help: 'skip the Kubernetes JSON-schema checks' };
const helpOption: OptionSpec = { flag: '--help', alias: '-h', help: 'show this help' };
const valuesOption: OptionSpec = { flag: '--values', alias: '-f', value: 'FILE', repeated: true, help: 'a Helm values file for the charts among the paths (repeatable)' };
const setOption: OptionSpec = { flag: '--set', value: 'KEY=VALUE', repeated: true, help: 'a Helm value for the charts among the paths (repeatable)' };
const releaseOption: OptionSpec = { flag: '--release', value: 'NAME', help: 'the Helm release name (default release-name)' };

export const commands: readonly CommandSpec[] = [
  {
    name: 'check',
    synopsis: 'sts check [options] PATH...',
    summary: 'Check StatefulSet manifests: files, folders (searched for *.yaml/*.yml), Helm charts, or - for standard input.',
    details: [
      'A folder with a Chart.yaml is a Helm chart: it is rendered with Helm\'s engine (built in) and',
      'each finding is put on the template or values line that wrote it.',
      'A folder with a kustomization.yaml is a kustomize overlay: it is built with kustomize\'s engine',
      '(built in; remote resources are never fetched) and each finding is put on the patch,',
      'kustomization or base line that wrote it.',
      'Exit 0: no errors (warnings do not fail); 1: errors found, or with --baseline an immutable',
      'field changed (kubectl apply would refuse it); 2: a usage error or input that cannot be read.',
      'The last line of text output says which of these it is.',
    ],
    options: [
      { flag: '--format', value: 'FORMAT', choices: ['text', 'json', 'sarif'], help: 'text (default), json or sarif (SARIF 2.1.0, for code scanning)' },
      { flag: '--sarif', value: 'FILE', help: 'also write the findings as SARIF 2.1.0 to FILE' },
      { flag: '--fix', help: 'apply every preferred quick fix in place first, then report what is left' },
      { flag: '--baseline', value: 'REF|FILE', help: 'compare each file with its version at a git ref (HEAD, origin/main) or a `kubectl get -o yaml` export' },
      valuesOption, setOption, releaseOption,
      clusterDomain, namespace, kubernetesVersion, featureGates, maxUnavailableGate, noSchema, helpOption,
    ],
  },
  {
    name: 'diff',
    synopsis: 'sts diff [options] OLD NEW',
    summary: 'What applying NEW over OLD does: immutable fields changed, pods restarted, created or deleted.',
    details: [
      'NEW is checked as sts check would: its errors are listed too (the API server refuses the update).',
      'Exit 0: NEW can be applied over OLD; 1: an immutable field changed or NEW has errors; 2: a usage error or unreadable input.',
    ],
    options: [
      { flag: '--format', value: 'FORMAT', choices: ['text', 'json'], help: 'text (default) or json' },
      clusterDomain, namespace, kubernetesVersion, featureGates, maxUnavailableGate, noSchema, helpOption,
    ],
  },
  {
    name: 'preview',
    synopsis: 'sts preview [options] FILE|CHART_DIR|OVERLAY_DIR',
    summary: 'Show what a StatefulSet will create: pods, DNS names, PVCs and the rollout order.',
    details: [
      'Services in the YAML files of the same folder count; - reads standard input.',
      'A folder with a Chart.yaml is rendered as a Helm release first (--values, --set, --release,',
      '--namespace as helm template takes them); the release\'s Services count.',
      'A folder with a kustomization.yaml is built with kustomize\'s engine first; the build\'s Services count.',
      'A pod that can never be created has a problem (in --json, on the pod).',
      'Exit 0: shown; 1: the file holds no (such) StatefulSet; 2: a usage error (also a --fail POD the set',
      'does not have) or unreadable input.',
    ],
    options: [
      { flag: '--name', value: 'NAME', help: 'the StatefulSet to show (default: the first in the file)' },
      { flag: '--json', help: 'print JSON instead of text' },
      { flag: '--scale', value: 'N', help: 'what-if: the set is then scaled to N replicas (pods created and deleted, PVCs after it and after the set\'s deletion)' },
      { flag: '--fail', value: 'POD', help: 'what-if: POD (a name such as web-2, or its ordinal) never becomes Ready: what creation and a rolling update then never reach' },
      valuesOption, setOption, releaseOption,
      clusterDomain, namespace, kubernetesVersion, featureGates, maxUnavailableGate, noSchema, helpOption,
    ],
  },
  {
    name: 'status',
    synopsis: 'sts status [NAME] [options]',
    summary: 'Why a StatefulSet in the cluster is stuck: the pod it waits on, the reason, the commands that unstick it.',
    details: [
      'Reads the cluster (get, list and watch only; it never writes) through your kubeconfig, or a saved',
      '`kubectl get statefulset,pod,pvc,controllerrevision,event -o yaml` with --from. The recovery commands',
      'are printed for you to run; sts never runs them. Reasons: crash-loop, image-pull, unschedulable,',
      'failed-create, terminating, partition, on-delete, max-unavailable, not-ready, none.',
      'Exit 0: nothing blocked; 1: a StatefulSet is blocked, or NAME is not there; 2: a usage error,',
      'unreadable input, or a cluster that cannot be read (unreachable, credentials, RBAC).',
    ],
    options: [
      { flag: '--context', value: 'CONTEXT', help: 'the kubeconfig context (default: its current-context)' },
      { flag: '--kubeconfig', value: 'FILE', help: 'the kubeconfig (default: $KUBECONFIG, else ~/.kube/config)' },
      { flag: '--namespace', alias: '-n', value: 'NS', help: 'the namespace (default: the context\'s, else "default"; with --from: every namespace)' },
      { flag: '--from', value: 'FILE', help: 'read a saved kubectl get ... -o yaml dump instead of a cluster (- for standard input)' },
      { flag: '--json', help: 'print JSON: one {statefulSet, blocked, blockingPod, reason, explanation, recovery, ...} per StatefulSet' },
      helpOption,
    ],
  },
  {
    name: 'lsp',
    synopsis: 'sts lsp --stdio',
    summary: 'Run the language server over standard input/output (for any LSP client).',
    details: [],
    options: [
      { flag: '--stdio', help: 'talk LSP over standard input and output' },
      { flag: '--node-ipc', help: 'talk LSP over Node\'s IPC channel' },
      { flag: '--socket', value: 'PORT', help: 'talk LSP over a socket' },
      { flag: '--clientProcessId', value: 'PID', help: 'stop when this process ends' },
      helpOption,
    ],
  },
  {
    name: 'help',
    synopsis: 'sts help [COMMAND]',
    summary: 'Show the help of sts, or of one command.',
    details: [],
    options: [helpOption],
  },
];

export function commandNamed(name: string): CommandSpec | undefined {
  return commands.find((command) => command.name === name);
}

/** `sts help`: every command, one line each. */
export function generalHelp(): string {
  const width = Math.max(...commands.map((c) => c.synopsis.length));
  return [
    t('help.title'),
    '',
    t('help.usage'),
    ...commands.map((c) => `  ${c.synopsis.padEnd(width)}  ${summaryOf(c)}`),
    `  ${'sts --version'.padEnd(width)}  ${t('help.version')}`,
    '',
    t('help.more'),
    t('help.npx'),
    '',
  ].join('\n');
}

/** `sts help <command>`: its synopsis, what it does, its options and its exit codes. */
export function commandHelp(command: CommandSpec): string {
  const label = (o: OptionSpec): string => `${o.alias ? `${o.alias}, ` : ''}${o.flag}${o.value ? ` ${o.value}` : ''}`;
  const width = Math.max(0, ...command.options.map((o) => label(o).length));
  return [
    t('help.usageOf', { synopsis: command.synopsis }),
    '',
    summaryOf(command),
    ...detailsOf(command),
    ...(command.options.length > 0 ? ['', t('help.options'), ...command.options.map((o) => `  ${label(o).padEnd(width)}  ${optionHelpOf(command, o)}`)] : []),
    '',
  ].join('\n');
}
