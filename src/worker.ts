import { checkPage, type PageCheck, type PageToParse } from './check-page.js';
import type { FileResult } from './result.js';
import { preparePageCheck, type RunSpec } from './run.js';

// A worker serves one run at a time; its policy is loaded once.
let prepared: { key: string; run: Promise<PageCheck> } | undefined;

/** Parses and judges one page, read by the main thread, in a worker thread (the pool's task). */
export default async function checkInWorker({ spec, page }: { spec: RunSpec; page: PageToParse }): Promise<FileResult> {
  const key = JSON.stringify(spec);
  if (prepared?.key !== key) prepared = { key, run: preparePageCheck(spec) };
  return checkPage(page, await prepared.run);
}
