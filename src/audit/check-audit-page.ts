import { minimatch } from 'minimatch';
import { checkBytes } from '../engine/pool.js';
import { DEFAULT_TIMEOUT_MS } from '../engine/thread-clock.js';
import { unscannable } from '../engine/unscannable.js';
import { remember, type Run } from '../engine/run.js';
import { contentDigest } from '../workspace/cache.js';
import type { FileResult } from '../workspace/result.js';
import type { AuditPage } from './audit-page.js';
import { policyPathOf } from './policy-path.js';
import { warcRecordKey } from './warc.js';

/** A page's result, and the digest of its body where the run caches (what its validators stand for). */
export interface AuditPageResult {
  result: FileResult;
  digest?: string | undefined;
}

/**
 * Checks a page an audit met as `check` checks a file, by the same policy and engine: its URL's
 * path is what licence globs match (policy-path.ts). A page that could not be read is reported
 * unchecked (`unscannable-file`), as a file that cannot be read is; a page left out on purpose
 * (not HTML, disallowed by robots.txt) is reported skipped, with its reason.
 */
export async function checkAuditPage(page: AuditPage, run: Run, cachedDigest: string | undefined): Promise<AuditPageResult> {
  const path = page.url;
  const about = { captured: page.captured, ...(page.archive ? { archive: warcRecordKey(page.archive) } : {}) };
  const reported = (result: FileResult, digest?: string): AuditPageResult => ({ result: { ...result, ...about }, digest });
  const policyPath = policyPathOf(page.url);
  if (page.error !== undefined) return reported(unscannable(path, 'error', page.error, policyPath, run));
  if (page.isTooLarge) return reported(unscannable(path, 'skipped', page.skipped ?? 'larger than the size limit', policyPath, run));
  if (page.skipped !== undefined) return reported({ path, status: 'skipped', reason: page.skipped, holders: [], findings: [] });
  // `include` names a repository's files; a site's URLs need not have their extensions. What
  // the policy excludes is left out of an audit as of a check.
  if (run.policy.spec.exclude.some((glob) => minimatch(policyPath, glob, { dot: true }))) {
    return reported({ path, status: 'skipped', reason: 'not included by the policy (`exclude`)', holders: [], findings: [] });
  }
  // An archived page without a date is judged as of its capture: its result holds for that day only.
  const captured = page.archive ? page.captured.slice(0, 10) : undefined;
  const digest = page.notModified ? cachedDigest : page.bytes && run.cache ? contentDigest(page.bytes) : undefined;
  const cacheKey = digest === undefined ? undefined : run.cache?.keyOf(digest, captured === undefined ? policyPath : `${policyPath}\u0000${captured}`);
  const cached = cacheKey === undefined ? undefined : run.cache?.get(cacheKey);
  if (cached) return reported({ ...cached, path }, digest);
  if (page.bytes === undefined) {
    const reason = page.notModified ? 'the server answered 304 Not Modified, and the cache no longer holds its result' : 'no content';
    return reported(unscannable(path, 'error', reason, policyPath, run));
  }
  // A page has the default time limit: the audit's --timeout is a request's.
  const result = await checkBytes({ path, policyPath, bytes: new Uint8Array(page.bytes), format: 'html', charset: charsetOf(page.contentType), captured }, run, { ms: DEFAULT_TIMEOUT_MS });
  return reported(await remember(cacheKey, result, run), digest);
}

/** The `charset` a `Content-Type` names, if any. */
function charsetOf(contentType: string | undefined): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1];
}
