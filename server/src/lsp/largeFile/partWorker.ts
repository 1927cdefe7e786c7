import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Finding } from '../../service/model';
import type { Settings } from '../../service/settings';
import { currentLocale } from '../../messages';
import type { ServiceInfo } from '../../service/workspace/serviceLookup';
import type { FromWorker, ToWorker } from './partWorkerMessages';

/** The bundle of partWorkerThread.ts, next to the server's own bundle. */
const bundledWorker = join(__dirname, 'partWorker.js');

/** A part of a file that the worker has been asked to parse: it holds the parse until `check` or `drop`. */
export interface WorkerPart {
  /** The part's Services (ordinals count from its start). */
  services: Promise<ServiceInfo[] | undefined>;
  /** The part's findings (offsets from its start), given the whole file's Services and the other files'. */
  check(fileServices: readonly ServiceInfo[], workspace: readonly (readonly [string, readonly ServiceInfo[]])[]): Promise<Finding[] | undefined>;
  drop(): void;
}

/**
 * A worker thread that parses and checks part of a file (see `parsePart`). Every failure (no
 * bundle, as when the server runs from its sources; a crash; an error) answers `undefined`,
 * and the caller then does the work itself.
 */
export class PartWorker {
  private worker: Worker | undefined;
  private broken: boolean;
  private lastId = 0;
  private readonly waiting = new Map<number, (response: FromWorker | undefined) => void>();
  private idle: NodeJS.Timeout | undefined;

  /** `idleMs`: an idle worker stops after this long; its heap would otherwise keep the memory of the last large file it parsed. */
  constructor(private readonly workerFile = bundledWorker, private readonly idleMs = 30_000) {
    this.broken = !existsSync(workerFile);
  }

  parse(uri: string, text: string, settings: Settings): WorkerPart {
    const id = ++this.lastId;
    const services = this.ask({ id, kind: 'parse', uri, text, settings }).then((r) => (r && 'services' in r ? r.services : undefined));
    return {
      services,
      // After the parse's answer: one answer is awaited per part at a time.
      check: (fileServices, workspace) => services
        .then(() => this.ask({ id, kind: 'check', fileServices, workspace }))
        .then((r) => (r && 'findings' in r ? r.findings : undefined)),
      drop: () => this.worker?.postMessage({ id, kind: 'drop' } satisfies ToWorker),
    };
  }

  /** Whether the thread is up (it starts on first use and stops when idle). */
  get running(): boolean {
    return this.worker !== undefined;
  }

  private ask(message: ToWorker): Promise<FromWorker | undefined> {
    const worker = this.started();
    if (!worker) return Promise.resolve(undefined);
    clearTimeout(this.idle);
    return new Promise((resolve) => {
      this.waiting.set(message.id, resolve);
      try {
        worker.postMessage(message);
      } catch {
        this.answer({ id: message.id, error: 'not cloneable' });
      }
    });
  }

  private started(): Worker | undefined {
    if (this.broken) return undefined;
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerFile, { workerData: { locale: currentLocale() } }); // its findings' words
    worker.unref(); // an idle worker must not keep the server alive after the editor goes
    worker.on('message', (response: FromWorker) => this.answer(response));
    const fail = (): void => {
      this.broken = true;
      this.worker = undefined;
      for (const id of [...this.waiting.keys()]) this.answer({ id, error: 'the worker stopped' });
    };
    worker.on('error', fail);
    worker.on('exit', fail);
    this.worker = worker;
    return worker;
  }

  private stop(): void {
    const worker = this.worker;
    if (!worker || this.waiting.size > 0) return;
    this.worker = undefined;
    worker.removeAllListeners();
    void worker.terminate();
  }

  private answer(response: FromWorker): void {
    const resolve = this.waiting.get(response.id);
    this.waiting.delete(response.id);
    if (this.waiting.size === 0) {
      clearTimeout(this.idle);
      this.idle = setTimeout(() => this.stop(), this.idleMs).unref();
    }
    resolve?.('error' in response ? undefined : response);
  }
}
