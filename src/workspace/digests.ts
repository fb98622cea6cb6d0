import { Worker } from 'node:worker_threads';
import { builtEntry } from '../package-root.js';

/** What the digest thread is given: the files to read, in order, and the size limit. */
export interface DigestJob {
  paths: string[];
  limit: number;
}

const DIGEST_WORKER = builtEntry('digest-worker.js');

/**
 * Content digests of files, read and hashed on a second thread ahead of the one that asks for
 * them, so that a run answered from the cache hashes on two cores (hashing is most of its time).
 * A digest is only ever used to look a result up: a file that misses is read again and its key
 * taken from what was read, so a file changed in between is never stored under an old key.
 */
export class DigestsAhead {
  readonly #worker: Worker;
  readonly #digests: Array<string | undefined> = [];
  #wake: (() => void) | undefined;
  #isDone = false;

  constructor(job: DigestJob) {
    this.#worker = new Worker(DIGEST_WORKER, { workerData: job });
    this.#worker.on('message', (batch: Array<string | undefined>) => {
      // One at a time: a spread passes each digest as an argument, and the digest thread sizes batches.
      for (const digest of batch) this.#digests.push(digest);
      this.#wake?.();
    });
    // A thread that fails or ends early leaves the rest undefined: those files are read here.
    const done = (): void => {
      this.#isDone = true;
      this.#wake?.();
    };
    this.#worker.on('error', done);
    this.#worker.on('exit', done);
  }

  /** The digest of the `index`th file of the job, once read; undefined where the thread read none. */
  async digest(index: number): Promise<string | undefined> {
    while (index >= this.#digests.length && !this.#isDone) await new Promise<void>((resolve) => (this.#wake = resolve));
    return this.#digests[index];
  }

  async stop(): Promise<void> {
    await this.#worker.terminate();
  }
}
