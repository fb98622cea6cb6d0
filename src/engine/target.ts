import { contentDigest } from '../workspace/cache.js';
import type { FileStat } from '../workspace/digest-index.js';
import type { Target } from '../workspace/files.js';
import { isBinary, isLfsPointer, readWithin } from '../workspace/read-file.js';
import type { FileResult } from '../workspace/result.js';
import type { PageFormat } from '../document/format.js';
import type { Run } from './run.js';
import { unscannable } from './unscannable.js';

// Before a page's check: from a file to the bytes to check, or to the answer where none is
// needed (skipped, unreadable, too large, binary, or cached). A run answered from the cache loads
// no more of the engine than this; the check itself (read.ts, then judge.ts) is loaded when a
// page first needs it.

/** A file read, and not answered by the cache: what is left is to decode, prefilter and judge it. */
export interface FileToCheck {
  path: string;
  policyPath: string;
  /** The file's own copy of its bytes, which can move to a worker thread. */
  bytes: Uint8Array<ArrayBuffer>;
  /** How the bytes are read, where the path does not say it: a page fetched from a URL is HTML. */
  format?: PageFormat;
  /** The encoding the page was sent in (an HTTP `charset`), which its bytes' own marks outrank. */
  charset?: string;
  /** The day a web archive captured the page (`YYYY-MM-DD`): its date where it shows none. */
  captured?: string;
}

/** A file to check, with the key its result is cached under when caching. */
export interface ReadFile {
  file: FileToCheck;
  cacheKey: string | undefined;
}

/**
 * Reads a file and answers what needs no decoding: a file skipped, unreadable, too large or
 * binary, or a result in the cache. Else the file to check, with its own copy of the bytes.
 * Given the file's result as the cache already answered it, or its digest (read by another
 * thread), a result in the cache is found without reading the file here; on a miss the file is
 * read and its key taken from what was read. Given its metadata, taken before any reading, the
 * digest index learns the digest of what was read.
 */
export function readTarget(target: Target, run: Run, known: { stat?: FileStat | undefined; digest?: string | undefined; answer?: Omit<FileResult, 'path'> | undefined } = {}): FileResult | ReadFile {
  const path = run.displayPath(target.absolute);
  if (target.skipped) return { path, status: 'skipped', reason: target.skipped, holders: [], findings: [] };
  if (target.error) return unscannable(path, 'error', target.error, target.policyPath, run);
  const cache = run.cache;
  // Every digest, whatever it was read by, is of the content after `known.stat` was taken.
  const lookUp = (digest: string | undefined): FileResult | undefined => {
    if (digest === undefined || !cache) return undefined;
    if (known.stat) cache.digests.remember(target.absolute, known.stat, digest);
    const cached = cache.get(cache.keyOf(digest, target.policyPath), target.absolute);
    return cached && { ...cached, path };
  };
  const early = known.answer ? { ...known.answer, path } : lookUp(known.digest);
  if (early) return early;
  try {
    const limit = run.policy.spec.maxFileSize;
    const read = readWithin(target.absolute, limit);
    if (typeof read === 'number') return unscannable(path, 'skipped', tooLarge(read, limit), target.policyPath, run);
    const notPage = notAPage(read);
    if (notPage) return unscannable(path, 'skipped', notPage, target.policyPath, run);
    const digest = cache ? contentDigest(read) : undefined;
    const cached = lookUp(digest);
    if (cached) return cached;
    // The read buffer is reused for the next file: a file that waits to be checked keeps a copy.
    return { file: { path, policyPath: target.policyPath, bytes: new Uint8Array(read) }, cacheKey: digest === undefined ? undefined : cache?.keyOf(digest, target.policyPath) };
  } catch (error) {
    return unscannable(path, 'error', `Cannot check \`${path}\`: ${(error as Error).message}`, target.policyPath, run);
  }
}

/** Why a page of `size` bytes is not checked under a limit of `limit`. */
export function tooLarge(size: number, limit: number): string {
  return `larger than the size limit (${size} bytes, limit ${limit}: see \`maxFileSize\`)`;
}

/**
 * Why a file's bytes are not a page to check, if they are not: binary, or a Git LFS pointer left
 * where the page should be (a checkout without its LFS objects).
 */
export function notAPage(bytes: Uint8Array): string | undefined {
  if (isBinary(bytes)) return 'binary file (a NUL byte in its first 8000 bytes)';
  if (isLfsPointer(bytes)) return 'a Git LFS pointer, not the page (fetch the LFS objects: `git lfs pull`, or `lfs: true` in actions/checkout)';
  return undefined;
}
