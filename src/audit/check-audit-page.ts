import { minimatch } from 'minimatch';
import { checkFile } from '../engine/check-page.js';
import { unscannable } from '../engine/judge.js';
import { BINARY, tooLarge } from '../engine/read.js';
import { remember, type Run } from '../engine/run.js';
import { contentDigest } from '../workspace/cache.js';
import { isBinary } from '../workspace/read-file.js';
import type { FileResult } from '../workspace/result.js';
import type { AuditPage } from './audit-page.js';
import { policyPathOf } from './policy-path.js';
import { warcRecordKey } from './warc.js';

/**
 * Checks a page an audit met as `check` checks a file, by the same policy and engine: its URL's
 * path is what licence globs match (policy-path.ts). A page that could not be read is reported
 * unchecked (`unscannable-file`), as a file that cannot be read is; a page left out on purpose
 * (not HTML, disallowed by robots.txt) is reported skipped, with its reason.
 */
export async function checkAuditPage(page: AuditPage, run: Run, cachedDigest: string | undefined): Promise<FileResult> {
  const path = page.url;
  const about = { captured: page.captured, ...(page.archive ? { archive: warcRecordKey(page.archive) } : {}) };
  const policyPath = policyPathOf(page.url);
  if (page.error !== undefined) return { ...unscannable(path, 'error', page.error, policyPath, run), ...about };
  if (page.isTooLarge) return { ...unscannable(path, 'skipped', page.skipped ?? 'larger than the size limit', policyPath, run), ...about };
  if (page.skipped !== undefined) return { path, status: 'skipped', reason: page.skipped, holders: [], findings: [], ...about };
  // `include` names a repository's files; a site's URLs need not have their extensions. What
  // the policy excludes is left out of an audit as of a check.
  if (run.policy.spec.exclude.some((glob) => minimatch(policyPath, glob, { dot: true }))) {
    return { path, status: 'skipped', reason: 'not included by the policy (`exclude`)', holders: [], findings: [], ...about };
  }
  // An archived page without a date is judged as of its capture: its result holds for that day only.
  const captured = page.archive ? page.captured.slice(0, 10) : undefined;
  const digest = page.notModified ? cachedDigest : page.bytes && run.cache ? contentDigest(page.bytes) : undefined;
  const cacheKey = digest === undefined ? undefined : run.cache?.keyOf(digest, captured === undefined ? policyPath : `${policyPath}\u0000${captured}`);
  const cached = cacheKey === undefined ? undefined : run.cache?.get(cacheKey);
  if (cached) return { ...cached, path, ...about };
  const bytes = page.bytes;
  if (bytes === undefined) {
    const reason = page.notModified ? 'the server answered 304 Not Modified, and the cache no longer holds its result' : 'no content';
    return { ...unscannable(path, 'error', reason, policyPath, run), ...about };
  }
  const limit = run.policy.spec.maxFileSize;
  if (bytes.length > limit) return { ...unscannable(path, 'skipped', tooLarge(bytes.length, limit), policyPath, run), ...about };
  if (isBinary(bytes)) return { ...unscannable(path, 'skipped', BINARY, policyPath, run), ...about };
  const result = await checkFile({ path, policyPath, bytes: new Uint8Array(bytes), format: 'html', charset: charsetOf(page.contentType), captured }, run);
  return { ...(await remember(cacheKey, result, run)), ...about };
}

/** The `charset` a `Content-Type` names, if any. */
function charsetOf(contentType: string | undefined): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1];
}
