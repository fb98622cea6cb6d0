import { type PageCheck } from './check-page.js';
import { ResultCache, hash } from '../workspace/cache.js';
import { defaultPolicy, loadPolicy, type Policy } from '../config/policy.js';
import { buildPrefilter, type Prefilter } from '../detect/prefilter/prefilter.js';
import { relative, sep } from 'node:path';
import { VERSION } from '../version.js';

/** What a run is: its policy file, folder, day, and whether to prefilter and cache. */
export interface RunSpec {
  /** The policy file (absolute), or undefined for the built-in empty policy. */
  config: string | undefined;
  cwd: string;
  asOf: string;
  prefilter: boolean;
  /** The folder of the result cache, when caching. */
  cacheFolder: string | undefined;
}

/** Prepares the shared state of a run (policy, prefilter, cache) from its spec. */
export async function preparePageCheck(spec: RunSpec): Promise<PageCheck> {
  const policy = spec.config ? await loadPolicy(spec.config, spec.cwd) : await defaultPolicy(spec.cwd);
  return {
    policy,
    asOf: spec.asOf,
    // Paths are the project's, whatever folder the run started in: relative to the policy's folder
    // (the working folder for the built-in policy), as the policy's globs and messages read them.
    displayPath: (absolute) => relative(policy.root, absolute).split(sep).join('/'),
    ...(spec.prefilter ? { prefilter: prefilterOf(policy) } : {}),
    ...(spec.cacheFolder ? { cache: new ResultCache(spec.cacheFolder, runKey(policy), spec.asOf) } : {}),
  };
}

/** The policy's prefilter, built when a page first needs it: a run answered from the cache needs none. */
export function prefilterOf(policy: Policy): Prefilter {
  let prefilter: Prefilter | undefined;
  return {
    scope: (text, format, markup) => (prefilter ??= buildPrefilter(policy.catalogue, { notices: isNoticeRuleOn(policy) })).scope(text, format, markup),
  };
}

/** What makes results of two runs comparable: the tool's version, the effective policy and the catalogue. */
function runKey(policy: Policy): string {
  return hash(VERSION, JSON.stringify(policy.spec), JSON.stringify(policy.holders.map((holder) => holder.spec)));
}

/** Whether `unknown-notice` can report anywhere: the prefilter then looks for notices too. */
function isNoticeRuleOn(policy: Policy): boolean {
  const overrides = policy.spec.overrides.flatMap((o) => o.rules['unknown-notice'] ?? []);
  return [policy.spec.rules['unknown-notice'] ?? 'warning', ...overrides].some((setting) => setting !== 'off');
}
