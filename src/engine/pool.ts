import { availableParallelism } from 'node:os';
import type { Piscina } from 'piscina';
import { type FileToCheck, notAPage, type ReadFile, readTarget, tooLarge } from './target.js';
import { unscannable } from './unscannable.js';
import { remember, type Run } from './run.js';
import { DigestIndex, type FileStat } from '../workspace/digest-index.js';
import { DigestsAhead } from '../workspace/digests.js';
import { builtEntry } from '../package-root.js';
import type { Target } from '../workspace/files.js';
import { formatOf, type PageFormat } from '../document/format.js';
import type { FileResult } from '../workspace/result.js';
import { LeftToWorker, newTaskClock, type PageLimit, pageLimit, StageDeadline, taskDeadline, timedOut } from './thread-clock.js';
import type { WorkerSetup, WorkerTask } from './worker.js';

/**
 * How many bytes of files a run must have to check before it takes a worker a core (with none
 * asked for): below it, more workers cost more than they save, as each one compiles the
 * catalogue and its own code again. With more than two cores, 32 MB (some 200 news pages or
 * 8,000 short articles, two to six seconds of work). With two, four times as much: V8 compiles
 * and collects on the second core while one thread checks, so two workers check little faster
 * than one. Measured on 2 cores (news pages, runs alternating): 41 MB, one thread 3.6 s against
 * 4.2 s in two workers; 157 MB, 7.9 s against 7.9 s; 315 MB, 13.0 s against 12.8 s.
 */
export const POOL_BYTES = availableParallelism() > 2 ? 32_000_000 : 128_000_000;
/**
 * The largest page of each format checked in the calling thread, when the run is: a larger one
 * goes to a worker, whose heap bounds its memory and whose time limit stops it mid-way. Reading
 * HTML is linear in time and memory (some 70 bytes of heap a byte at worst, 340 MB for 5 MB of
 * dense markup), so a page is checked here up to the default size limit. Markdown's parser
 * (micromark) grows faster than its text: a megabyte of prose takes 3.5 s and 580 MB, one of
 * table 15 s and 2.4 GB.
 */
const IN_THREAD_PAGE_BYTES: Record<PageFormat, number> = { html: 5 * 1024 * 1024, markdown: 100_000 };
/** How many bytes of read files may wait for a checker: enough to keep the threads busy, little for memory. */
const READ_AHEAD_BYTES = 4_000_000;
/** How many files unknown to the digest index a run with a cache needs before a second thread digests half of them: starting it costs some 30 ms. */
const DIGEST_AHEAD_FILES = 200;
/**
 * How many bytes of files a worker is given at a time: some ten news pages, or hundreds of short
 * articles, whose messages to and fro would otherwise cost more than checking them. With one
 * news page a batch, a worker spent some 5% of a run posting results and waiting for the next
 * batch; with 1 MB, 4 to 5% of its time in a 5,000-page run (the checks got faster); with 2 MB,
 * half that. A batch that runs out of time is checked again a file at a time, each with its own clock.
 */
const BATCH_BYTES = 2_000_000;
/**
 * The old-generation heap of a worker: room for the pages of a news site (a 1 MB page needs about
 * 100 MB), and a bound on what a hostile one takes. V8 lets a small heap grow little between full
 * collections: with 160 MB a worker ran one every 60 pages or so, each marking its whole live
 * heap (the catalogue's compiled patterns among it), and a run of 5,000 pages took some 6% more
 * time than with 512 MB, which costs 15 to 30 MB more at the peak.
 */
const WORKER_HEAP_MB = 512;
/**
 * The young generation of a worker's heap, where a page's tree and regions are made and die: twice
 * V8's default (32 MB). Each scavenge copies what the page being checked still holds, whatever the
 * space's size, so a larger one means half as many copies: on 1,167 real pages a run's CPU time
 * fell by some 5%, for some 30 MB more a worker at the peak.
 */
const WORKER_YOUNG_MB = 64;
/**
 * The heap of the one worker that checks a page again when it was too big for the others: room
 * for a legitimate page at the size limit (5 MB), and a bound on what a hostile one can take.
 */
const BIG_PAGE_HEAP_MB = 1024;
/**
 * The stack of a worker. Parsers read nested markup and JSON by recursion, and the 4 MB a worker
 * has by default ends at some 15,000 levels; this is room for about 100,000. It is reserved, and
 * only what a page uses is ever in memory.
 */
const WORKER_STACK_MB = 64;
/** The pool's task file: CommonJS that loads the ES module worker with import(), as piscina would otherwise require() it (see scripts/build.ts). */
const WORKER = builtEntry('worker.cjs');

/** How to spread the work: threads (by default, by the run's size), and the time limit of one page. */
export interface PoolOptions {
  workers?: number | undefined;
  timeoutMs?: number | undefined;
  /** Check in workers however little there is to check (one worker at least), so that the time limit stops a page mid-way. */
  isolate?: boolean | undefined;
}

/**
 * Checks the targets. This thread reads the files and answers those that need no decoding
 * (skipped, too large, binary, or cached), keeping a few files ahead of the checkers, which
 * decode, prefilter and judge them. Files are checked on a pool of worker threads when two or
 * more were asked for (`workers`), when the run is isolated (`isolate`), or when it is large
 * (`isLargeRun`): then this thread holds no page text, and its memory stays small. The pool has
 * the threads asked for, else a worker a core for a large run and one for a small one. Else the
 * files are checked here, as workers would cost more than they save, each page with a time limit
 * looked at between the stages of its check (`StageDeadline`), but for a page that could take
 * more memory than this thread should risk (`IN_THREAD_PAGE_BYTES`), or that runs out of its
 * stack, which goes to a worker alone unless one thread was asked for; an unchanged tree with a
 * cache starts none. In the pool a page
 * that runs past the time limit has its worker stopped; here, its check ends after the stage that
 * ran past it. Either way the page is reported as an error, and the run goes on. A page too big
 * for a worker's heap is checked again in a worker with a larger one, and reported if it is too
 * big even for that. Results come back in the targets' order, whatever finishes first.
 */
export async function checkAll(targets: readonly Target[], run: Run, options: PoolOptions = {}): Promise<FileResult[]> {
  const limit = pageLimit(options.timeoutMs);
  run.cache?.expectFiles(targets.length);
  const known = knownFiles(targets, run);
  // Two threads or more asked for check in the pool, one checks here. Else a large run is checked
  // in a pool of a worker a core; a small one here (but for its large pages), or in one worker
  // when isolated.
  const isLarge = options.workers === undefined && isLargeRun(targets, run, known);
  const isPooled = options.isolate || (options.workers ?? 1) > 1 || isLarge;
  const poolThreads = options.workers ?? (isLarge ? availableParallelism() : 1);
  let pool: Promise<Piscina> | undefined;
  let bigPagePool: Promise<Piscina> | undefined;
  const results: FileResult[] = new Array(targets.length);
  const settle = async ({ index, cacheKey }: Waiting, result: FileResult): Promise<void> => {
    results[index] = await remember(cacheKey, result, run, (targets[index] as Target).absolute);
  };
  // A batch that fails is read again and checked a file at a time, so that only the file at
  // fault is reported.
  const inPool = async (batch: Waiting[], isBigPage = false): Promise<void> => {
    try {
      const workerPool = await (isBigPage ? (bigPagePool ??= startPool(run, 1, BIG_PAGE_HEAP_MB)) : (pool ??= startPool(run, poolThreads, WORKER_HEAP_MB)));
      const checked = await inWorker(workerPool, batch.map(({ file }) => file), limit);
      for (const [i, item] of batch.entries()) await settle(item, checked[i] as FileResult);
    } catch (error) {
      if (batch.length > 1) {
        for (const item of batch) await readAgain(item, (again) => inPool([again]));
        return;
      }
      const item = batch[0] as Waiting;
      // A page too big for a worker's heap is checked again in a worker with a larger one (never
      // here, where a hostile page could take the whole process down).
      if (isOutOfMemory(error) && !isBigPage) return readAgain(item, (again) => inPool([again], true));
      await settle(item, unscannable(item.file.path, 'error', failedInWorker(error, limit), item.file.policyPath, run));
    }
  };
  const readAgain = async ({ index }: Waiting, check: (again: Waiting) => Promise<void>): Promise<void> => {
    const read = readTarget(targets[index] as Target, run);
    if ('file' in read) await check({ ...read, index });
    else results[index] = read;
  };

  const queue = new Queue<Waiting>((item) => item.file.bytes.length);
  // With digests read ahead, this thread reads its own share first: by the time it comes to the
  // others', their digests are ready, and it never waits for the other thread.
  const ahead = known?.ahead;
  const order = ahead ? [...targets.keys()].sort((a, b) => Number(ahead.jobIndexes.has(a)) - Number(ahead.jobIndexes.has(b))) : targets.keys();
  const reader = async (): Promise<void> => {
    for (const index of order) {
      const target = targets[index] as Target;
      await queue.room(READ_AHEAD_BYTES);
      // A digest the index knows was looked up already; one read ahead is looked up here.
      const jobIndex = ahead?.jobIndexes.get(index);
      const digest = jobIndex === undefined ? undefined : await ahead?.digests.digest(jobIndex);
      const read = readTarget(target, run, { stat: known?.stats[index], digest, answer: known?.answers[index] });
      if (!('file' in read)) results[index] = read;
      else queue.push({ ...read, index });
    }
    queue.close();
  };
  // One batch in flight a thread, so that each one's clock starts when it does. Checking here,
  // the pages left to a worker (large, or too deep) go to it one after another while this
  // thread checks the others, and no more than READ_AHEAD_BYTES of them wait for it.
  const checkers = async (): Promise<void> => {
    const canLeave = options.workers !== 1; // to a worker: not where one thread was asked for
    let largePages = Promise.resolve();
    let largeBytes = 0; // of the pages sent to the worker and not checked yet
    const checker = async (): Promise<void> => {
      for (let item = await queue.take(); item; item = await queue.take()) {
        if (isPooled) {
          await inPool([item, ...queue.takeUpTo(BATCH_BYTES - item.file.bytes.length)]);
          continue;
        }
        const isLargePage = canLeave && item.file.bytes.length > IN_THREAD_PAGE_BYTES[item.file.format ?? formatOf(item.file.path)];
        const result = isLargePage ? undefined : await checkHere(item.file, run, limit, canLeave);
        if (result) {
          await settle(item, result);
          // Checks here run in microtasks alone: while a page is in its worker, this thread turns
          // its event loop between pages, or the clock of that page's time limit goes unread.
          if (largeBytes > 0) await new Promise((resolve) => setImmediate(resolve));
          continue;
        }
        if (largeBytes > READ_AHEAD_BYTES) await largePages;
        const large = item;
        // Counted as read: the bytes move to the worker, which leaves this thread's copy empty.
        const size = large.file.bytes.length;
        largeBytes += size;
        largePages = largePages.then(() => inPool([large])).finally(() => (largeBytes -= size));
      }
    };
    await Promise.all(Array.from({ length: isPooled ? poolThreads : 1 }, checker));
    await largePages;
  };
  try {
    await Promise.all([reader(), checkers()]);
    // A digest index or last results that cannot be written cost the next run time, never this run a result.
    await run.cache?.save().catch(() => undefined);
    return results;
  } finally {
    // A pool that failed to start has had each of its files reported already.
    for (const started of [pool, bigPagePool]) await (await started?.catch(() => undefined))?.destroy();
    await ahead?.digests.stop();
  }
}

/**
 * Checks a page given as bytes rather than read from a file (standard input, a page fetched or
 * archived), as a file is checked: one over the policy's `maxFileSize`, or binary, is reported
 * unchecked. It is checked in this thread, its time limit looked at between the stages of its
 * check; a page that runs out of this thread's stack is checked again in a worker of its own,
 * with the heap a run's pages get at the most.
 */
export async function checkBytes(file: FileToCheck, run: Run, limit = pageLimit()): Promise<FileResult> {
  const { path, policyPath, bytes } = file;
  const maxSize = run.policy.spec.maxFileSize;
  if (bytes.length > maxSize) return unscannable(path, 'skipped', tooLarge(bytes.length, maxSize), policyPath, run);
  const notPage = notAPage(bytes);
  if (notPage) return unscannable(path, 'skipped', notPage, policyPath, run);
  const here = await checkHere(file, run, limit, true);
  if (here) return here;
  let pool: Piscina | undefined;
  try {
    pool = await startPool(run, 1, BIG_PAGE_HEAP_MB);
    return (await inWorker(pool, [file], limit))[0] as FileResult;
  } catch (error) {
    return unscannable(path, 'error', failedInWorker(error, limit), policyPath, run);
  } finally {
    await pool?.destroy();
  }
}

// The check itself is loaded when a page is first checked here: a run answered from the cache never loads it.
let checkPage: Promise<typeof import('./check-page.js')> | undefined;

/**
 * Checks a page in this thread, its time limit looked at between the stages of its check. Where
 * a worker is at hand (`canLeave`), it gives undefined for a page to leave to it: one nested
 * deeper than this thread's stack reaches (some two thousand levels in the main thread), or one
 * with a stage nothing could stop here (`LeftToWorker`).
 */
async function checkHere(file: FileToCheck, run: Run, limit: PageLimit, canLeave: boolean): Promise<FileResult | undefined> {
  const { judgeFile, failedCheck, isStackOverflow } = await (checkPage ??= import('./check-page.js'));
  try {
    return await judgeFile(file, run, new StageDeadline(limit, canLeave));
  } catch (error) {
    return canLeave && (error instanceof LeftToWorker || isStackOverflow(error)) ? undefined : failedCheck(file, error, run);
  }
}

/** A pool of up to `threads` workers, each with a heap of `heapMb`, that check with the run's policy (the cache stays here). */
async function startPool(run: Run, threads: number, heapMb: number): Promise<Piscina> {
  const { Piscina } = await import('piscina');
  const { file, root, spec, holders } = run.policy;
  const workerData: WorkerSetup = { policy: { file, root, spec, holders }, asOf: run.asOf, prefilter: run.isPrefiltered === true };
  // Threads start as batches wait for them, so a run of a few pages starts one; none stops early.
  const started = new Piscina({ filename: WORKER.href, minThreads: 1, maxThreads: threads, idleTimeout: Infinity, workerData, resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: WORKER_YOUNG_MB, stackSizeMb: WORKER_STACK_MB } });
  // The pool tells of a worker that failed with no task: one stopped for a page's time limit
  // that ran out of memory before it ended, whose page is reported already. Unheard, the
  // event would end the process after the report.
  started.on('error', () => undefined);
  return started;
}

/**
 * Checks files in a worker of `pool` under one time limit, throwing what stopped it. Their bytes
 * move to the worker rather than being copied, so this thread keeps no page text.
 */
async function inWorker(pool: Piscina, files: FileToCheck[], limit: PageLimit): Promise<FileResult[]> {
  const clock = newTaskClock();
  const deadline = taskDeadline(clock, limit.ms);
  const task: WorkerTask = { files, clock, limit };
  return (await pool.run(task, { signal: deadline.signal, transferList: files.map((f) => f.bytes.buffer) }).finally(deadline.stop)) as FileResult[];
}

/** Whether a worker ended as it ran out of its heap. */
function isOutOfMemory(error: unknown): boolean {
  return (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
}

/** Why a page's check in a worker failed, as its entry says. */
function failedInWorker(error: unknown, limit: PageLimit): string {
  if ((error as Error).name === 'AbortError' || (error as Error).name === 'TimeoutError') return timedOut(limit);
  return isOutOfMemory(error) ? `needs more than the ${BIG_PAGE_HEAP_MB} MB of memory a page may take` : `failed in a worker: ${(error as Error).message}`;
}

/**
 * Whether a run has more than `limit` bytes of files to check, by their sizes: not counting the
 * files it skips, those over the size limit, and those the cache answers. Files are looked at
 * until the sum is over.
 */
export function isLargeRun(targets: readonly Target[], run: Run, known: KnownFiles | undefined, limit = POOL_BYTES): boolean {
  let bytes = 0;
  for (const [index, target] of targets.entries()) {
    if (target.skipped || target.error || known?.answers[index]) continue;
    const size = (known ? known.stats[index] : DigestIndex.statOf(target.absolute))?.size ?? 0;
    if (size <= run.policy.spec.maxFileSize) bytes += size;
    if (bytes > limit) return true;
  }
  return false;
}

/**
 * With a cache, what is known of each file before it is read: its metadata, and its digest where
 * the digest index has it, and by that digest its result where the cache holds one, so that an
 * unchanged tree is answered without reading a page. Of the files left, if many, one in two is
 * read and digested on a second thread ahead of the reader, which reads and digests the others
 * first, then looks all results up (the share that keeps both threads busy, as the second starts
 * some 30 ms late): a tree checked out afresh is then hashed on two cores. A second reading costs a file that misses little (the system keeps it in memory).
 */
export function knownFiles(targets: readonly Target[], run: Run): KnownFiles | undefined {
  const cache = run.cache;
  if (!cache) return undefined;
  const stats = targets.map((target) => (target.skipped || target.error ? undefined : DigestIndex.statOf(target.absolute)));
  const digests = targets.map((target, index) => {
    const stat = stats[index];
    return stat && cache.digests.digestOf(target.absolute, stat);
  });
  const unknown = [...targets.keys()].filter((index) => stats[index] && digests[index] === undefined);
  const ahead = unknown.length < DIGEST_AHEAD_FILES ? undefined : readAhead(unknown, targets, run);
  // Looked up while the second thread reads: each result once, as the reader then takes it.
  const answers = targets.map((target, index) => {
    const digest = digests[index];
    return digest === undefined ? undefined : cache.get(cache.keyOf(digest, target.policyPath), target.absolute);
  });
  return { stats, digests, answers, ...(ahead ? { ahead } : {}) };
}

/** One in two of the files the digest index does not know, digested on a second thread. */
function readAhead(unknown: readonly number[], targets: readonly Target[], run: Run): NonNullable<KnownFiles['ahead']> {
  const jobIndexes = new Map<number, number>();
  const paths: string[] = [];
  unknown.forEach((index, k) => {
    if (k % 2 === 1) jobIndexes.set(index, paths.push((targets[index] as Target).absolute) - 1);
  });
  return { digests: new DigestsAhead({ paths, limit: run.policy.spec.maxFileSize }), jobIndexes };
}

export interface KnownFiles {
  stats: Array<FileStat | undefined>;
  digests: Array<string | undefined>;
  /** The cache's result of each file whose digest the index knows, where it holds one. */
  answers: Array<Omit<FileResult, 'path'> | undefined>;
  ahead?: { digests: DigestsAhead; jobIndexes: Map<number, number> };
}

/** A file read and waiting to be checked, with its place among the targets. */
type Waiting = ReadFile & { index: number };

/** A queue between one producer and several consumers, with room (in bytes) for the producer to wait on. */
class Queue<T> {
  #items: T[] = [];
  #bytes = 0;
  #takers: Array<(item: T | undefined) => void> = [];
  #roomWaiters: Array<() => void> = [];
  #isClosed = false;

  constructor(private readonly sizeOf: (item: T) => number) {}

  push(item: T): void {
    const taker = this.#takers.shift();
    if (taker) return taker(item);
    this.#items.push(item);
    this.#bytes += this.sizeOf(item);
  }

  close(): void {
    this.#isClosed = true;
    for (const taker of this.#takers.splice(0)) taker(undefined);
  }

  /** The next item, or undefined once the queue is closed and empty. */
  async take(): Promise<T | undefined> {
    const item = this.#shift();
    if (item !== undefined || this.#isClosed) return item;
    return new Promise((resolve) => this.#takers.push(resolve));
  }

  /** The items waiting now, from the first, as long as they add up to at most `bytes`. */
  takeUpTo(bytes: number): T[] {
    const taken: T[] = [];
    for (let left = bytes; this.#items.length > 0 && this.sizeOf(this.#items[0] as T) <= left; ) {
      const item = this.#shift() as T;
      left -= this.sizeOf(item);
      taken.push(item);
    }
    return taken;
  }

  /** Resolves once less than `bytes` wait. */
  async room(bytes: number): Promise<void> {
    while (this.#bytes >= bytes) await new Promise<void>((resolve) => this.#roomWaiters.push(resolve));
  }

  #shift(): T | undefined {
    const item = this.#items.shift();
    if (item !== undefined) this.#bytes -= this.sizeOf(item);
    for (const wake of this.#roomWaiters.splice(0)) wake();
    return item;
  }
}
