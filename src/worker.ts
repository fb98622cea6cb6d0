import { workerData } from 'piscina';
import { checkPage, type PageCheck, type PageToParse } from './check-page.js';
import { policyFromData, type PolicyData } from './config/policy.js';
import type { FileResult } from './result.js';

/** What every worker of a run is started with: the run's policy, loaded and validated once. */
export interface WorkerSetup {
  policy: PolicyData;
  asOf: string;
}

const setup = workerData as WorkerSetup;
const run: PageCheck = { policy: policyFromData(setup.policy), asOf: setup.asOf, displayPath: (path) => path };

/** Parses and judges one page, read by the main thread, in a worker thread (the pool's task). */
export default async function checkInWorker(page: PageToParse): Promise<FileResult> {
  return checkPage(page, run);
}
