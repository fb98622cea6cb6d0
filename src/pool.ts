import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { checkTarget, type PageCheck } from './check-page.js';
import type { Target } from './files.js';
import type { FileResult } from './result.js';
import type { RunSpec } from './run.js';

/** Below this many files, starting workers costs more than it saves. */
export const POOL_THRESHOLD = 64;
// Tests import the sources; a worker thread runs the built JavaScript either way.
const WORKER = new URL(import.meta.url.endsWith('.ts') ? '../dist/worker.js' : './worker.js', import.meta.url);

/**
 * Checks the targets, on a pool of worker threads sized to the cores when there are enough of
 * them, else in this thread. Results come back in the targets' order, whatever finishes first.
 */
export async function checkAll(targets: readonly Target[], spec: RunSpec, run: PageCheck, workers = availableParallelism()): Promise<FileResult[]> {
  if (workers <= 1 || targets.length < POOL_THRESHOLD) {
    const results: FileResult[] = [];
    for (const target of targets) results.push(await checkTarget(target, run));
    return results;
  }
  const pool = new Piscina({ filename: WORKER.href, minThreads: workers, maxThreads: workers });
  try {
    return await Promise.all(targets.map((target) => pool.run({ spec, target }) as Promise<FileResult>));
  } finally {
    await pool.destroy();
  }
}
