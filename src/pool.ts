import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { checkPage, type PageCheck, type PageToParse, type ReadPage, readTarget, remember, unscannable } from './check-page.js';
import type { Target } from './files.js';
import type { FileResult } from './result.js';
import type { WorkerSetup } from './worker.js';

/**
 * How much page text must wait for parsing before workers start: below it (8 MB, some 80 news
 * pages or 2,000 short articles, a few seconds of parsing), starting them costs more than it
 * saves, as two threads here parse only about 1.3 times as fast as one (V8's collector already
 * works on the second core).
 */
export const POOL_CHARS = 8_000_000;
/** How many read pages may wait for a checker: enough to keep the threads busy, few for memory. */
const READ_AHEAD = 8;
/**
 * The old-generation heap of a worker: enough for the pages of a news site (a 1 MB page needs
 * about 100 MB), small enough that two workers and the main thread stay well under 500 MB.
 */
const WORKER_HEAP_MB = 160;
/** How long one page may take in a worker before the worker is stopped and the page reported. */
export const DEFAULT_TIMEOUT_MS = 30_000;
// Tests import the sources; a worker thread runs the built JavaScript either way.
const WORKER = new URL(import.meta.url.endsWith('.ts') ? '../dist/worker.js' : './worker.js', import.meta.url);

/** How to spread the work: threads (default: the cores), and the time limit of one page. */
export interface PoolOptions {
  workers?: number | undefined;
  timeoutMs?: number | undefined;
}

/**
 * Checks the targets. This thread reads the files and answers those that need no parsing
 * (skipped, too large, binary, cached, or with nothing the prefilter can find), keeping a few
 * pages ahead of the checkers. Pages to parse are checked on a pool of worker threads once more
 * than `POOL_CHARS` of them wait (or when threads were asked for); a run with less to parse checks
 * them here, as starting workers would cost more than it saves. An unchanged tree with a cache
 * starts none. In the pool a page that runs past the time limit has its worker stopped and is
 * reported as an error, and the run goes on. Results come back in the targets' order, whatever
 * finishes first.
 */
export async function checkAll(targets: readonly Target[], run: PageCheck, options: PoolOptions = {}): Promise<FileResult[]> {
  const workers = options.workers ?? availableParallelism();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // Workers only parse (the prefilter and the cache stay here), with the policy as loaded here.
  const { file, root, spec, holders } = run.policy;
  const workerData: WorkerSetup = { policy: { file, root, spec, holders }, asOf: run.asOf };
  let pool: Piscina | undefined;
  const inPool = async (page: PageToParse): Promise<FileResult> => {
    pool ??= new Piscina({ filename: WORKER.href, minThreads: workers, maxThreads: workers, workerData, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    try {
      return (await pool.run(page, { signal: AbortSignal.timeout(timeoutMs) })) as FileResult;
    } catch (error) {
      // A page too big for a worker's heap is checked here, where the heap is the process's.
      if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') return checkPage(page, run);
      const reason = (error as Error).name === 'AbortError' || (error as Error).name === 'TimeoutError'
        ? `timed out after ${timeoutMs / 1000} s (see --timeout)`
        : `failed in a worker: ${(error as Error).message}`;
      return unscannable(page.path, 'error', reason, page.policyPath, run);
    }
  };

  const results: FileResult[] = new Array(targets.length);
  const queue = new Queue<ReadPage & { index: number }>();
  // Whether pages are checked in the pool: asked for, ruled out, or decided by the reader.
  let decide: (isPooled: boolean) => void = () => {};
  const decision = workers <= 1 ? false : options.workers !== undefined ? true : undefined;
  const isPooled = decision ?? new Promise<boolean>((resolve) => (decide = resolve));
  const reader = async (): Promise<void> => {
    let queued = 0; // characters of the pages queued so far
    for (const [index, target] of targets.entries()) {
      if (queued > POOL_CHARS) decide(true);
      // Until it is decided, the pages to parse wait here, up to POOL_CHARS of them.
      if (decision !== undefined || queued > POOL_CHARS) await queue.room(READ_AHEAD);
      const read = await readTarget(target, run);
      if (!('page' in read)) results[index] = read;
      else {
        queue.push({ ...read, index });
        queued += read.page.text.length;
      }
    }
    decide(false);
    queue.close();
  };
  // One page in flight a thread, so that each one's clock starts when it does.
  const checkers = async (): Promise<void> => {
    const pooled = await isPooled;
    const checker = async (): Promise<void> => {
      for (let item = await queue.take(); item; item = await queue.take()) {
        const result = pooled ? await inPool(item.page) : await checkPage(item.page, run);
        results[item.index] = await remember(item, result, run);
      }
    };
    await Promise.all(Array.from({ length: pooled ? workers : 1 }, checker));
  };
  try {
    await Promise.all([reader(), checkers()]);
    return results;
  } finally {
    await pool?.destroy();
  }
}

/** A queue between one producer and several consumers, with room for the producer to wait on. */
class Queue<T> {
  #items: T[] = [];
  #takers: Array<(item: T | undefined) => void> = [];
  #roomWaiters: Array<() => void> = [];
  #isClosed = false;

  push(item: T): void {
    const taker = this.#takers.shift();
    if (taker) taker(item);
    else this.#items.push(item);
  }

  close(): void {
    this.#isClosed = true;
    for (const taker of this.#takers.splice(0)) taker(undefined);
  }

  /** The next item, or undefined once the queue is closed and empty. */
  async take(): Promise<T | undefined> {
    const item = this.#items.shift();
    this.#roomWaiters.shift()?.();
    if (item !== undefined || this.#isClosed) return item;
    return new Promise((resolve) => this.#takers.push(resolve));
  }

  /** Resolves once fewer than `limit` items wait. */
  async room(limit: number): Promise<void> {
    while (this.#items.length >= limit) await new Promise<void>((resolve) => this.#roomWaiters.push(resolve));
  }
}
