import { workerData } from 'piscina';
import { checkFile } from './check-page.js';
import { prefilterOf } from './read.js';
import type { FileToCheck } from './target.js';
import { policyFromData, type PolicyData } from '../config/policy.js';
import type { FileResult } from '../workspace/result.js';
import type { Run } from './run.js';
import { type PageLimit, StageDeadline, startTaskClock, type TaskClock } from './thread-clock.js';

/** What every worker of a run is started with: the run's policy, loaded and validated once. */
export interface WorkerSetup {
  policy: PolicyData;
  asOf: string;
  prefilter: boolean;
}

/** One task of the pool: files to check, the clock their time limit is measured on, and the limit. */
export interface WorkerTask {
  files: FileToCheck[];
  clock: TaskClock;
  limit: PageLimit;
}

const setup = workerData as WorkerSetup;
const policy = policyFromData(setup.policy);
const run: Run = { policy, asOf: setup.asOf, displayPath: (path) => path, isPrefiltered: setup.prefilter };
// Built as the thread starts (it is built for the first page otherwise), so that no page's clock counts it.
prefilterOf(run)?.scope('', 'html');

/**
 * Decodes, prefilters and judges files read by the main thread, in a worker thread (the pool's
 * task). The thread that waits for the task stops it at the limit; each page also looks at its
 * own limit between the stages of its check, so that it is reported past it even where that
 * thread was too busy to look (checking a page itself).
 */
export default async function checkInWorker({ files, clock, limit }: WorkerTask): Promise<FileResult[]> {
  // The limit counts from here: the thread's start (loading, compiling the catalogue) is not the page's.
  startTaskClock(clock);
  const results: FileResult[] = [];
  for (const file of files) results.push(await checkFile(file, run, new StageDeadline(limit)));
  return results;
}
