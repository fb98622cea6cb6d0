import { dirname, relative, resolve, sep } from 'node:path';
import { unscannable } from './unscannable.js';
import { findPolicyFile } from '../config/find.js';
import { namedTarget } from '../workspace/files.js';
import { asOfDay } from '../policy/dates.js';
import type { CheckResult, FileResult } from '../workspace/result.js';
import { prepareRun } from './run.js';
import { checkBytes } from './pool.js';
import { checkTimeLimit, pageLimit } from './thread-clock.js';
import { summarise } from '../workspace/summary.js';

/** A page given as bytes rather than found on disk (standard input, an editor's buffer). */
export interface SourceOptions {
  /** The page's bytes, decoded as a file's are. */
  bytes: Uint8Array;
  /** The file the page stands for: its format, the policy found from it, what licence globs match. */
  filename: string;
  cwd?: string;
  /** The policy file; else the nearest `rightslint.yaml` at or above the file's folder. */
  config?: string;
  /** The day retention is judged by, `YYYY-MM-DD`; today when absent. */
  asOf?: string;
  /** How long the page may take, in milliseconds of this thread's CPU time (default 30 s), looked at between the stages of its check. */
  timeoutMs?: number;
}

/**
 * Checks one page given as bytes, as `check` checks the file it is named as (ESLint's `--stdin
 * --stdin-filename`): the same policy, `include`/`exclude` and rules. It is checked in this
 * thread (`checkBytes`), where its time limit is looked at between the stages of its check: a
 * page over the policy's `maxFileSize` is reported unchecked, as its checking time grows with its
 * size.
 */
export async function checkSource(options: SourceOptions): Promise<CheckResult> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const asOf = asOfDay(options.asOf);
  checkTimeLimit(options.timeoutMs);
  const absolute = resolve(cwd, options.filename);
  const config = options.config ? resolve(cwd, options.config) : await findPolicyFile(dirname(absolute));
  const run = await prepareRun({ config, cwd, asOf, prefilter: true, cacheFolder: undefined });
  const { policy } = run;
  const target = await namedTarget(absolute, policy, cwd);
  const path = run.displayPath(absolute);
  const { bytes } = options;
  let file: FileResult;
  if (target.unjudged !== undefined) file = unscannable(path, 'skipped', target.unjudged, target.policyPath, run);
  else if (target.skipped !== undefined) file = { path, status: 'skipped', reason: target.skipped, holders: [], findings: [] };
  else if (target.error !== undefined) file = unscannable(path, 'error', target.error, target.policyPath, run);
  else file = await checkBytes({ path, policyPath: target.policyPath, bytes: new Uint8Array(bytes) }, run, pageLimit(options.timeoutMs));
  const policyName = policy.file ? relative(cwd, policy.file).split(sep).join('/') : null;
  return { version: 1, root: policy.root, files: [file], summary: summarise([file], asOf, policyName) };
}
