import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { readWithin } from '../workspace/read-file.js';

/** A policy or holder file larger than this is refused: the largest shipped one is some 20 kB. */
const MAX_POLICY_BYTES = 1_000_000;

/**
 * The text of a policy file (or one it extends). Only a regular file is read: `extends:
 * /dev/stdin` or a named pipe would wait for a writer forever. Throws with errno codes as
 * `readFile` does, or with the reason in words.
 */
export function readPolicyText(path: string): string {
  const bytes = readWithin(path, MAX_POLICY_BYTES);
  if (typeof bytes === 'number') throw new Error(`larger than a policy can be (${bytes} bytes; at most ${MAX_POLICY_BYTES})`);
  return bytes.toString('utf8');
}

/**
 * The project a policy belongs to: the git repository holding its folder, else the folder itself.
 * Files a policy extends by a relative name stay inside it.
 */
export function projectOf(folder: string): string {
  for (let at = folder; ; at = dirname(at)) {
    if (existsSync(join(at, '.git'))) return at;
    if (dirname(at) === at) return folder;
  }
}

/**
 * Whether `path` lies in `folder` or below it, where links lead: a link in the repository to a
 * file outside it is outside.
 */
export function isInside(path: string, folder: string): boolean {
  const rel = relative(realOrSelf(folder), realOrSelf(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
