/**
 * The Kubernetes oracle (go/kube, built by scripts/build-kube-oracle.sh) as a child process
 * speaking JSON lines: one request per line in, one answer per line out, in order.
 */
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** One refusal, as go/kube/oracle/protocol.go defines it. */
export interface OracleError {
  /** A path in the StatefulSet, e.g. `spec.template.spec.containers[0].ports[0].name`. */
  field: string;
  type: string;
  detail: string;
  message: string;
  /** `apiserver`: the StatefulSet's create is refused; `controller`: its pods' or claims' creation is (FailedCreate). */
  who: 'apiserver' | 'controller';
  object?: string;
  ownField?: string;
}

/** What the controller did after one scenario step (go/kube/oracle/run.go). */
export interface OracleStep {
  kind: string;
  /** Per sync that did something: events such as `create pod/web-0`, `delete claim/data-web-2`. */
  syncs: string[][];
  pods: string[];
  claims: string[];
  settled: boolean;
  /** With `scenario.validate`: the creations the API server refused in this step (`pod/web-10`). */
  refused?: string[];
  /** The pods at the set's update revision after the step. */
  updated: string[];
}

export interface OracleAnswer {
  id?: string;
  errors: OracleError[];
  steps?: OracleStep[];
  warnings?: string[];
  failure?: string;
}

export interface OracleRequest {
  op?: 'validate' | 'run';
  object: string;
  /** For `run`: create (first), scale, update, fail, failOnRecreate, deletePod, delete. */
  scenario?: { steps: { kind: string; replicas?: number; ordinal?: number }[]; maxSyncs?: number; validate?: boolean };
  oldObject?: string;
  featureGates?: Record<string, boolean>;
  namespace?: string;
}

const root = join(import.meta.dirname, '..', '..');

/** Builds the oracle if its inputs changed (cached under .cache/) and returns the binary's path. */
export function buildOracle(): string {
  const out = execFileSync('bash', [join(root, 'scripts', 'build-kube-oracle.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return out.trim().split('\n').pop() ?? '';
}

/** A running oracle; `ask` queues requests, answers come back in order. */
export class Oracle {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly waiting: ((answer: OracleAnswer) => void)[] = [];
  private failed: Error | undefined;

  constructor(binary: string) {
    this.child = spawn(binary, [], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    this.child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    this.child.stdin.on('error', () => { /* the exit handler reports it */ });
    this.child.on('exit', (code) => {
      this.failed = new Error(`sts-oracle exited (${code}): ${stderr.slice(-2000)}`);
      for (const resolve of this.waiting.splice(0)) resolve({ errors: [], failure: this.failed.message });
    });
    createInterface({ input: this.child.stdout }).on('line', (line) => {
      this.waiting.shift()?.(JSON.parse(line) as OracleAnswer);
    });
  }

  ask(request: OracleRequest): Promise<OracleAnswer> {
    if (this.failed) return Promise.resolve({ errors: [], failure: this.failed.message });
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.child.stdin.write(`${JSON.stringify(request)}\n`);
    });
  }

  /** Answers for many requests, written in chunks so neither pipe fills. */
  async askAll(requests: readonly OracleRequest[], chunk = 200): Promise<OracleAnswer[]> {
    const answers: OracleAnswer[] = [];
    for (let i = 0; i < requests.length; i += chunk) {
      answers.push(...await Promise.all(requests.slice(i, i + chunk).map((r) => this.ask(r))));
    }
    return answers;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null) { resolve(); return; }
      this.child.once('exit', () => resolve());
      this.child.stdin.end();
    });
  }
}
