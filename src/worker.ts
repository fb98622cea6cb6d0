import { checkTarget, type PageCheck } from './check-page.js';
import type { Target } from './files.js';
import type { FileResult } from './result.js';
import { preparePageCheck, type RunSpec } from './run.js';

// A worker serves one run at a time; its policy, prefilter and cache are prepared once.
let prepared: { key: string; run: Promise<PageCheck> } | undefined;

/** Checks one target in a worker thread (the pool's task). */
export default async function checkInWorker({ spec, target }: { spec: RunSpec; target: Target }): Promise<FileResult> {
  const key = JSON.stringify(spec);
  if (prepared?.key !== key) prepared = { key, run: preparePageCheck(spec) };
  return checkTarget(target, await prepared.run);
}
