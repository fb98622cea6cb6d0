import { workerData } from 'piscina';
import { checkFile, type FileToCheck, type PageCheck } from './check-page.js';
import { policyFromData, type PolicyData } from './config/policy.js';
import type { FileResult } from './result.js';
import { prefilterOf } from './run.js';

/** What every worker of a run is started with: the run's policy, loaded and validated once. */
export interface WorkerSetup {
  policy: PolicyData;
  asOf: string;
  prefilter: boolean;
}

const setup = workerData as WorkerSetup;
const policy = policyFromData(setup.policy);
const run: PageCheck = { policy, asOf: setup.asOf, displayPath: (path) => path, ...(setup.prefilter ? { prefilter: prefilterOf(policy) } : {}) };

/** Decodes, prefilters and judges files read by the main thread, in a worker thread (the pool's task). */
export default async function checkInWorker(files: FileToCheck[]): Promise<FileResult[]> {
  const results: FileResult[] = [];
  for (const file of files) results.push(await checkFile(file, run));
  return results;
}
