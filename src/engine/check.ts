import { stat } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { type AcceptedFinding, applyBaseline, readBaseline, updateBaseline, writeBaseline, type BaselineEntry } from '../workspace/baseline.js';
import { changedSince, linkHops, policySources, versionPins } from '../workspace/changed.js';
import { unscannable } from './unscannable.js';
import { POLICY_FILE, searchPolicyFile } from '../config/find.js';
import type { Policy } from '../config/policy.js';
import { UsageError } from '../errors.js';
import { baseOf, findTargets, type Target } from '../workspace/files.js';
import { asOfDay } from '../policy/dates.js';
import { checkAll } from './pool.js';
import { checkTimeLimit } from './thread-clock.js';
import type { CheckResult, FileResult } from '../workspace/result.js';
import { prepareRun, runKey, type Run, type RunSpec } from './run.js';
import { passedOverNotice } from '../workspace/passed-over.js';
import { isInShard, parseShard } from '../workspace/shard.js';
import { summarise } from '../workspace/summary.js';

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
  /**
   * Rewrite the baseline's entries for the pages this run checked, keeping the others; a run over
   * the whole site (no paths below the policy's folder, no `changedSince`, no `shard`) also prunes
   * the entries of files it no longer finds.
   */
  updateBaseline?: boolean;
  /** Accept a run in which a path (or the whole site) matches no file; by default a usage error. */
  allowEmpty?: boolean;
  /** Skip the parser for pages that name no holder and carry no foreign notice (default true). */
  prefilter?: boolean;
  /** Keep results in this folder and reuse them for unchanged pages. */
  cacheLocation?: string;
  /** Check only this slice of the files, `i/n`. */
  shard?: string;
  /** Worker threads (default: one a core for a large run, else none); 1 checks in this thread. */
  workers?: number;
  /**
   * How long one page may take, in milliseconds of the checking thread's CPU time on Linux, of
   * wall-clock time elsewhere (default 30 s): a worker is stopped at it; in this thread a page
   * ends after the stage that runs past it.
   */
  timeoutMs?: number;
  /** Check every page in a worker thread, however few, so that the time limit stops a page mid-way. */
  isolate?: boolean;
}

/** Checks pages against the policy and returns the result the JSON format prints. */
export async function check(options: CheckOptions = {}): Promise<CheckResult> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const paths = options.paths && options.paths.length > 0 ? options.paths : ['.'];
  // Every option is checked before any page is read: a mistake ends the run at once, with exit 2.
  const asOf = asOfDay(options.asOf);
  if (options.updateBaseline && !options.baseline) throw new UsageError('Cannot update the baseline: name it with --baseline FILE');
  checkTimeLimit(options.timeoutMs);
  if (options.workers !== undefined && !(Number.isInteger(options.workers) && options.workers >= 1)) {
    throw new UsageError(`Cannot use \`${options.workers}\` workers: expected a whole number from 1`);
  }
  const shard = options.shard === undefined ? undefined : parseShard(options.shard);
  const baselineFile = options.baseline === undefined ? undefined : resolve(cwd, options.baseline);
  const accepted = baselineFile === undefined ? [] : await readBaseline(baselineFile, options.baseline ?? baselineFile, options.updateBaseline === true);
  const notices: string[] = [];
  const spec: RunSpec = {
    config: options.config ? resolve(cwd, options.config) : await nearestPolicy(paths, cwd, notices),
    cwd,
    asOf,
    prefilter: options.prefilter !== false,
    cacheFolder: options.cacheLocation === undefined ? undefined : resolve(cwd, options.cacheLocation),
  };
  const run = await prepareRun(spec);
  const passedOver: string[] = [];
  const found = await findTargets(paths, run.policy, cwd, { allowEmpty: options.allowEmpty, passedOver });
  let targets = shard ? found.filter((target) => isInShard(target.policyPath, shard)) : found;
  // A shard, or a pull request's run, says what it passed over of its own files only.
  let leftOut = shard ? passedOver.filter((file) => isInShard(relative(run.policy.root, file).split(sep).join('/'), shard)) : passedOver;
  if (options.changedSince !== undefined) {
    const ref = options.changedSince;
    const start = resolve(cwd, baseOf(paths[0] ?? '.'));
    // A path that cannot be looked at is reported as such among the targets; git runs above it.
    const folder = (await stat(start).catch(() => undefined))?.isDirectory() ? start : dirname(start);
    const changes = await changedSince({ ref, folder, sources: await policySources(run.policy, folder, cwd), pins: await versionPins() });
    if (changes.sources.length > 0) {
      notices.push(`What every page is judged by changed since \`${ref}\` (${changes.sources.map((name) => `\`${name}\``).join(', ')}): checking every page, not only the changed ones.`);
    } else {
      // What could not be read (a folder, a link) cannot be told unchanged: it stays reported.
      const isInChangedFolder = (path: string) => changes.folders.some((folder) => !relative(folder, path).startsWith('..'));
      const isChanged = (path: string) => changes.files.has(path) || isInChangedFolder(path);
      // A page that is a link reads its target, which may have changed where the link did not.
      const isTargetChanged = await Promise.all(targets.map(async (target) => target.error !== undefined || isChanged(target.absolute) || (await linkHops(target.absolute)).some(isChanged)));
      targets = targets.filter((_, i) => isTargetChanged[i]);
      leftOut = leftOut.filter(isChanged);
      notices.push(...changes.notes);
      if (targets.length === 0) notices.push(`No page to check has changed since \`${ref}\`.`);
    }
  }
  notices.push(...passedOverNotice(leftOut, run.policy.root));
  const files = await checkTargets(targets, run, options);
  if (baselineFile !== undefined) {
    let entries: readonly BaselineEntry[] = accepted;
    if (options.updateBaseline) {
      // Results come in the targets' order.
      const results = targets.map((target, i) => ({ policyPath: target.policyPath, result: files[i] as FileResult }));
      const update = updateBaseline(accepted, results, await isFullRun(paths, run.policy, cwd, options));
      await writeBaseline(baselineFile, update.entries);
      entries = update.entries;
      notices.push(...acceptedNotice(update.added, options.baseline ?? baselineFile), ...prunedNotice(update.pruned, options.baseline ?? baselineFile));
    }
    applyBaseline(files, entries, options.baseline ?? baselineFile);
  }
  return {
    version: 1,
    root: run.policy.root,
    files,
    summary: summarise(files, asOf, policyName(run.policy, cwd)),
    ...(shard ? { shard: `${shard.index}/${shard.count}`, judgedBy: runKey(run.policy) } : {}),
    ...(notices.length > 0 ? { notices } : {}),
  };
}

/**
 * Checks the targets in order. A file named outside the policy's folder is not checked, and is
 * reported as such (`unscannable-file`), never dropped.
 */
async function checkTargets(targets: readonly Target[], run: Run, options: CheckOptions): Promise<FileResult[]> {
  const judged = targets.filter((target) => target.unjudged === undefined);
  const results = await checkAll(judged, run, { workers: options.workers, timeoutMs: options.timeoutMs, isolate: options.isolate });
  const byTarget = new Map(judged.map((target, i) => [target, results[i] as FileResult]));
  return targets.map((target) => byTarget.get(target) ?? unscannable(run.displayPath(target.absolute), 'skipped', target.unjudged ?? '', target.policyPath, run));
}

/**
 * The policy file nearest to the paths, within their repository (see `findPolicyFile`). Paths
 * under two different policy files are refused: judging `det/` by `site/`'s licences and
 * severities would be a verdict no one asked for. A path under no policy file is judged by the
 * others' (and reported unchecked where that policy's globs cannot reach it), in whatever order
 * the paths come. Where none has one, but a policy file stands above the repository, a notice
 * says it is not used.
 */
async function nearestPolicy(paths: readonly string[], cwd: string, notices: string[]): Promise<string | undefined> {
  const searches = await Promise.all(paths.map((path) => searchPolicyFile(resolve(cwd, baseOf(path)))));
  const found = searches.map((search) => search.file);
  const passedOver = searches.find((search) => search.passedOver !== undefined)?.passedOver;
  if (found.every((file) => file === undefined) && passedOver !== undefined) {
    notices.push(`Not using \`${relative(cwd, passedOver).split(sep).join('/')}\`: it stands above the repository checked, whose pages it does not govern; judging by the built-in policy (every holder found is reported). Add a ${POLICY_FILE} to the repository, or name one with --config.`);
  }
  const at = found.findIndex((file) => file !== undefined);
  const other = found.findIndex((file) => file !== undefined && file !== found[at]);
  if (other >= 0) {
    const named = (file: string | undefined) => `\`${relative(cwd, file ?? '').split(sep).join('/')}\``;
    throw new UsageError(`Cannot check \`${paths[at]}\` and \`${paths[other]}\` in one run: they fall under different policies (${named(found[at])}, ${named(found[other])}); run rightslint once for each, or name one with --config`);
  }
  return found[at];
}

/** Whether a run sees the whole site: every path a folder at or above the policy's, and no slice of it. */
async function isFullRun(paths: readonly string[], policy: Policy, cwd: string, options: CheckOptions): Promise<boolean> {
  if (options.changedSince !== undefined || options.shard !== undefined) return false;
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    if (baseOf(path) !== path || relative(absolute, policy.root).startsWith('..') || !(await stat(absolute)).isDirectory()) return false;
  }
  return true;
}

/**
 * What an update newly accepted, each with its page, place, rule and message: legacy content the
 * baseline now waves through, which a reviewer of the change must see, not only its diff.
 */
function acceptedNotice(added: readonly AcceptedFinding[], file: string): string[] {
  if (added.length === 0) return [];
  const count = `${added.length} new entr${added.length === 1 ? 'y' : 'ies'}`;
  const lines = added.map(({ entry, line, column }) => `\n  ${entry.path}:${line}:${column}  ${entry.ruleId}  ${entry.message}`);
  return [`Accepted ${count} into baseline \`${file}\`: these findings no longer fail a run${lines.join('')}`];
}

function prunedNotice(pruned: readonly BaselineEntry[], file: string): string[] {
  if (pruned.length === 0) return [];
  const count = `${pruned.length} entr${pruned.length === 1 ? 'y' : 'ies'}`;
  return [`Pruned ${count} from baseline \`${file}\` that no longer match:${pruned.map((entry) => `\n  ${entry.path}  ${entry.ruleId}  ${entry.message}`).join('')}`];
}

function policyName(policy: Policy, cwd: string): string | null {
  return policy.file ? relative(cwd, policy.file).split(sep).join('/') : null;
}
