import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { checkTarget, type PageCheck, resultWithoutParsing, unscannable } from './check-page.js';
import type { Target } from './files.js';
import type { FileResult } from './result.js';
import type { RunSpec } from './run.js';

/** Below this many files, starting workers costs more than it saves. */
export const POOL_THRESHOLD = 64;
/** How many files are read at once to look them up in the cache. */
const CACHE_LANES = 16;
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
 * Checks the targets, on a pool of worker threads when there are enough of them (or threads were
 * asked for), else in this thread. In the pool a page that runs past the time limit has its
 * worker stopped and is reported as an error, and the run goes on. Results come back in the
 * targets' order, whatever finishes first.
 */
export async function checkAll(targets: readonly Target[], spec: RunSpec, run: PageCheck, options: PoolOptions = {}): Promise<FileResult[]> {
  const results: FileResult[] = new Array(targets.length);
  let pending = targets.map((target, index) => ({ target, index }));
  // With a cache, what it holds is answered here: an unchanged tree starts no worker at all.
  if (run.cache) {
    const misses: typeof pending = [];
    let next = 0;
    const lane = async (): Promise<void> => {
      for (let i = next++; i < pending.length; i = next++) {
        const { target, index } = pending[i] as { target: Target; index: number };
        const answer = await resultWithoutParsing(target, run);
        if (answer) results[index] = answer;
        else misses.push({ target, index });
      }
    };
    await Promise.all(Array.from({ length: CACHE_LANES }, lane));
    pending = misses.sort((a, b) => a.index - b.index);
  }
  const workers = options.workers ?? availableParallelism();
  if (workers <= 1 || (options.workers === undefined && pending.length < POOL_THRESHOLD)) {
    for (const { target, index } of pending) results[index] = await checkTarget(target, run);
    return results;
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const pool = new Piscina({ filename: WORKER.href, minThreads: workers, maxThreads: workers });
  let next = 0;
  // As many tasks in flight as threads, so that each one's clock starts when it does.
  const lane = async (): Promise<void> => {
    for (let i = next++; i < pending.length; i = next++) {
      const { target, index } = pending[i] as { target: Target; index: number };
      try {
        results[index] = (await pool.run({ spec, target }, { signal: AbortSignal.timeout(timeoutMs) })) as FileResult;
      } catch (error) {
        const reason = (error as Error).name === 'AbortError' || (error as Error).name === 'TimeoutError'
          ? `timed out after ${timeoutMs / 1000} s (see --timeout)`
          : `failed in a worker: ${(error as Error).message}`;
        results[index] = unscannable(run.displayPath(target.absolute), 'error', reason, target.policyPath, run);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: workers }, lane));
    return results;
  } finally {
    await pool.destroy();
  }
}
