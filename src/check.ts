import { relative, resolve, sep } from 'node:path';
import { applyBaseline, readBaseline, writeBaseline } from './baseline.js';
import { changedSince } from './changed.js';
import { findPolicyFile } from './config/find.js';
import type { Policy } from './config/policy.js';
import { UsageError } from './errors.js';
import { findTargets } from './files.js';
import { today } from './policy/dates.js';
import { checkAll } from './pool.js';
import type { CheckResult, FileResult } from './result.js';
import { preparePageCheck, type RunSpec } from './run.js';
import { isInShard, parseShard } from './shard.js';
import { summarise } from './summary.js';

/** What to check, as the command line or a script says it. */
export interface CheckOptions {
  /** Files and folders to check; the working folder when empty. */
  paths?: readonly string[];
  cwd?: string;
  /** The policy file; found from the first path upward when absent. */
  config?: string;
  /** The day to judge retention by, `YYYY-MM-DD`; today when absent. */
  asOf?: string;
  /** Check only files changed since this git ref, and untracked ones. */
  changedSince?: string;
  /** A baseline file: the findings it records are marked suppressed. */
  baseline?: string;
  /** Rewrite the baseline with this run's findings (pruning what no longer matches). */
  updateBaseline?: boolean;
  /** Skip the parser for pages that name no holder and carry no foreign notice (default true). */
  prefilter?: boolean;
  /** Keep results in this folder and reuse them for unchanged pages. */
  cacheLocation?: string;
  /** Check only this slice of the files, `i/n`. */
  shard?: string;
  /** Worker threads (default: the cores); 1 checks in this thread. */
  workers?: number;
  /** How long one page may take in a worker thread, in milliseconds (default 30 s). */
  timeoutMs?: number;
  /** Check every page in a worker thread, however few, so that the time limit holds for each. */
  isolate?: boolean;
}

/** Checks pages against the policy and returns the result the JSON format prints. */
export async function check(options: CheckOptions = {}): Promise<CheckResult> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const paths = options.paths && options.paths.length > 0 ? options.paths : ['.'];
  const asOf = options.asOf ?? today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) {
    throw new UsageError(`Cannot use --as-of \`${asOf}\`: expected a date such as 2025-06-30`);
  }
  if (options.updateBaseline && !options.baseline) throw new UsageError('Cannot update the baseline: name it with --baseline FILE');
  const shard = options.shard === undefined ? undefined : parseShard(options.shard);
  const spec: RunSpec = {
    config: options.config ? resolve(cwd, options.config) : await findPolicyFile(resolve(cwd, paths[0] ?? '.')),
    cwd,
    asOf,
    prefilter: options.prefilter !== false,
    cacheFolder: options.cacheLocation === undefined ? undefined : resolve(cwd, options.cacheLocation),
  };
  const run = await preparePageCheck(spec);
  let targets = await findTargets(paths, run.policy, cwd);
  if (shard) targets = targets.filter((target) => isInShard(target.policyPath, shard));
  if (options.changedSince) {
    const changed = await changedSince(options.changedSince, cwd);
    targets = targets.filter((target) => changed.has(target.absolute));
  }
  const files: FileResult[] = await checkAll(targets, run, { workers: options.workers, timeoutMs: options.timeoutMs, isolate: options.isolate });
  if (options.baseline) {
    const file = resolve(cwd, options.baseline);
    if (options.updateBaseline) await writeBaseline(file, files);
    applyBaseline(files, await readBaseline(file, options.baseline), options.baseline);
  }
  return { version: 1, files, summary: summarise(files, asOf, policyName(run.policy, cwd)) };
}

function policyName(policy: Policy, cwd: string): string | null {
  return policy.file ? relative(cwd, policy.file).split(sep).join('/') : null;
}
