import type { FileResult } from '../workspace/result.js';
import type { Target } from '../workspace/files.js';
import { readPage } from '../document/page.js';
import { judge } from './judge.js';
import { readFile } from './read.js';
import { type FileToCheck, readTarget } from './target.js';
import { unscannable } from './unscannable.js';
import { remember, type Run } from './run.js';
import { type StageDeadline, TimeLimitError } from './thread-clock.js';

// A page's check, whole: read (read.ts), then judged (judge.ts).

/**
 * Checks one file: detect the facts, then let each enabled rule judge them. A failure while
 * reading or checking becomes an `error` entry for this file alone.
 */
export async function checkTarget(target: Target, run: Run): Promise<FileResult> {
  const read = readTarget(target, run);
  return 'file' in read ? remember(read.cacheKey, await checkFile(read.file, run), run) : read;
}

/**
 * Reads a file and judges it; a failure, or running past the `deadline` of a check in the
 * calling thread, becomes an `error` entry for this file alone.
 */
export async function checkFile(file: FileToCheck, run: Run, deadline?: StageDeadline): Promise<FileResult> {
  try {
    return await judgeFile(file, run, deadline);
  } catch (error) {
    return failedCheck(file, error, run);
  }
}

/** Reads a file and judges it, throwing what fails. */
export async function judgeFile(file: FileToCheck, run: Run, deadline?: StageDeadline): Promise<FileResult> {
  const { path, policyPath, captured } = file;
  const { page, encoding, isNoticesOnly } = await readFile(file, run, deadline);
  return { ...(page ? judge(page, policyPath, run, { isNoticesOnly, captured }) : { path, status: 'scanned', holders: [], findings: [] }), encoding };
}

/** The `error` entry of a file whose check threw `error`. */
export function failedCheck({ path, policyPath }: FileToCheck, error: unknown, run: Run): FileResult {
  const reason = error instanceof TimeLimitError ? error.message : `Cannot check \`${path}\`: ${(error as Error).message}`;
  return unscannable(path, 'error', reason, policyPath, run);
}

/**
 * Whether a check threw as it ran out of stack: the parsers and the region reader follow a page's
 * nesting by recursion, and a thread's stack ends some thousands of levels down (Node.js gives
 * the main thread less than 1 MB; the pool's workers have 64 MB).
 */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && error.message === 'Maximum call stack size exceeded';
}

/** Checks a page's text; `path` is what reports show, `policyPath` what licence globs match. */
export async function checkText(text: string, path: string, policyPath: string, run: Run): Promise<FileResult> {
  return judge(await readPage(path, text), policyPath, run);
}
