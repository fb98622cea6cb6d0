import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { UsageError } from './errors.js';

const run = promisify(execFile);

/**
 * The files changed since a git ref (added, copied, modified or renamed, in the work tree or
 * staged) plus untracked files that are not ignored: what a pull request touches.
 */
export async function changedSince(ref: string, cwd: string): Promise<Set<string>> {
  const git = async (...args: string[]): Promise<string> => {
    try {
      return (await run('git', args, { cwd, maxBuffer: 256 * 1024 * 1024 })).stdout;
    } catch (error) {
      const detail = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
      throw new UsageError(`Cannot list the files changed since \`${ref}\`: ${detail}`, { cause: error });
    }
  };
  const top = (await git('rev-parse', '--show-toplevel')).trim();
  const changed = await git('diff', '--name-only', '-z', '--diff-filter=ACMR', ref, '--');
  const untracked = await git('ls-files', '--others', '--exclude-standard', '--full-name', '-z');
  return new Set(`${changed}${untracked}`.split('\0').filter(Boolean).map((name) => resolve(top, name)));
}
