import { ResultCache, hash } from '../workspace/cache.js';
import type { FileResult } from '../workspace/result.js';
import { defaultPolicy, loadPolicy, type Policy } from '../config/policy.js';
import { relative, sep } from 'node:path';
import { BUILD_ID, VERSION } from '../version.js';

/**
 * One run of checks (a command, a call of `check`), as every page of it is checked: against the
 * same policy and day, prefiltered or not, with the same cache.
 */
export interface Run {
  policy: Policy;
  asOf: string;
  /** The path reports show for a file (relative to the working folder). */
  displayPath(absolute: string): string;
  /** Whether to skip the parser for pages that cannot have evidence or findings, and most of it for those that can have only notices (see read.ts); absent to read every page whole. */
  isPrefiltered?: boolean;
  /** Results of earlier runs, when caching. */
  cache?: ResultCache;
}

/** What a run is asked for: its policy file, folder, day, and whether to prefilter and cache. */
export interface RunSpec {
  /** The policy file (absolute), or undefined for the built-in empty policy. */
  config: string | undefined;
  cwd: string;
  asOf: string;
  prefilter: boolean;
  /** The folder of the result cache, when caching. */
  cacheFolder: string | undefined;
}

/** Prepares a run (its policy and cache) from its spec. */
export async function prepareRun(spec: RunSpec): Promise<Run> {
  const policy = spec.config ? await loadPolicy(spec.config, spec.cwd) : await defaultPolicy(spec.cwd);
  return {
    policy,
    asOf: spec.asOf,
    // Paths are the project's, whatever folder the run started in: relative to the policy's folder
    // (the working folder for the built-in policy), as the policy's globs and messages read them.
    displayPath: (absolute) => relative(policy.root, absolute).split(sep).join('/'),
    isPrefiltered: spec.prefilter,
    ...(spec.cacheFolder ? { cache: new ResultCache(spec.cacheFolder, runKey(policy), spec.asOf) } : {}),
  };
}

/** What makes results of two runs comparable: the tool's version and `build`, the effective policy and the catalogue. */
export function runKey(policy: Policy, build = BUILD_ID): string {
  return hash(VERSION, build, JSON.stringify(policy.spec), JSON.stringify(policy.holders.map((holder) => holder.spec)));
}

/**
 * Stores a page's result in the run's cache, if any, and returns it; given the page's `file`
 * (absolute), also as that file's last result. A page that could not be checked is not stored:
 * a failure depends on the run (its time limit, the memory and stack of the thread that checked
 * it), not only on the page, so the next run checks it again. A cache that cannot be written (a
 * full disk, a folder made read-only) costs the next run time, never this run a result.
 */
export async function remember(cacheKey: string | undefined, result: FileResult, run: Run, file?: string): Promise<FileResult> {
  if (cacheKey !== undefined && result.status !== 'error') await run.cache?.set(cacheKey, result, dependsOnAsOf(result, run.policy), file).catch(() => undefined);
  return result;
}

/** A result changes with `--as-of` when the page's date is that day, or a licence limits retention. */
function dependsOnAsOf(result: FileResult, policy: Policy): boolean {
  return result.holders.length > 0 && (result.publishedFrom === 'as-of' || policy.spec.licenses.some((l) => l.retention));
}
