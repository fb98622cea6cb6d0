import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** Runs git with `args` in `cwd` and gives its output; throws where git fails. */
export type Git = (cwd: string, ...args: string[]) => Promise<string>;

/** What changed in a repository's work tree since a commit, its submodules' work trees included. */
export interface ChangedFiles {
  /** Files added, copied, modified, renamed or changed in type, and untracked ones, ignored or not (absolute). */
  files: string[];
  /**
   * Folders every page of which counts as changed (absolute): an untracked folder git ignores
   * whole, a submodule added since the ref, or one whose commit at the ref its clone lacks (a
   * shallow clone), so that it cannot be compared.
   */
  folders: string[];
  /** Why a submodule counts as changed whole where it was there at the ref, one line each. */
  notes: string[];
}

const NO_COMMIT = /^0+$/;

/**
 * The files changed in the work tree of the repository at `top` since `ref`, and untracked files,
 * ignored ones included. A submodule is a single entry (a gitlink) to its superproject, whose diff
 * says only that its commit moved and whose untracked files it never lists: each submodule that
 * is checked out is compared in its own repository with the commit the superproject recorded
 * for it at `ref`, so that a bump of its commit brings the pages it changed.
 */
export async function changedFiles(git: Git, top: string, ref: string): Promise<ChangedFiles> {
  const names = (output: string): string[] => output.split('\0').filter(Boolean);
  // Raw output tells a gitlink (mode 160000) from a file; without rename detection a record is
  // one path, and a rename is a deletion and an addition.
  const raw = names(await git(top, 'diff', '--raw', '-z', '--no-abbrev', '--no-renames', '--diff-filter=ACMRT', ref, '--'));
  const files: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const isGitlink = (raw[i] ?? '').split(' ')[1] === '160000';
    if (!isGitlink) files.push(resolve(top, raw[i + 1] ?? ''));
  }
  for (const name of names(await git(top, 'ls-files', '--others', '--exclude-standard', '--full-name', '-z'))) files.push(resolve(top, name));
  // Ignored files too: git cannot compare them with the ref, and the policy may check them
  // (`gitignore: false`, or rules git reads that the policy does not, such as .git/info/exclude).
  // A folder ignored whole comes as one entry, `public/`, every page under which counts as changed.
  const folders: string[] = [];
  for (const name of names(await git(top, 'ls-files', '--others', '--ignored', '--exclude-standard', '--directory', '--full-name', '-z'))) {
    (name.endsWith('/') ? folders : files).push(resolve(top, name));
  }
  const result: ChangedFiles = { files, folders, notes: [] };
  for (const path of await submodules(git, top)) {
    const folder = resolve(top, path);
    // A submodule not checked out holds no page; git run there would answer for the superproject.
    if (!(await stat(join(folder, '.git')).catch(() => undefined))) continue;
    const then = await recordedCommit(git, top, ref, path);
    if (then === undefined) {
      result.folders.push(folder);
      continue;
    }
    try {
      const inner = await changedFiles(git, folder, then);
      result.files.push(...inner.files);
      result.folders.push(...inner.folders);
      result.notes.push(...inner.notes);
    } catch (error) {
      result.folders.push(folder);
      result.notes.push(`Cannot compare submodule \`${path}\` with its commit at \`${ref}\` (${then.slice(0, 12)}): ${gitErrorDetail(error).split('\n')[0]}; checking all its pages.`);
    }
  }
  return result;
}

/** The paths of the submodules (gitlinks) in the index of the repository at `top`. */
async function submodules(git: Git, top: string): Promise<string[]> {
  const entries = (await git(top, 'ls-files', '--stage', '-z')).split('\0');
  return entries.filter((entry) => entry.startsWith('160000 ')).map((entry) => entry.slice(entry.indexOf('\t') + 1));
}

/** The commit the superproject recorded for the submodule at `path` at `ref`; undefined where it had none there. */
async function recordedCommit(git: Git, top: string, ref: string, path: string): Promise<string | undefined> {
  const entry = (await git(top, '--literal-pathspecs', 'ls-tree', '-z', ref, '--', path)).split('\0')[0] ?? '';
  const [mode, , commit] = entry.split('\t')[0]?.split(' ') ?? [];
  return mode === '160000' && commit !== undefined && !NO_COMMIT.test(commit) ? commit : undefined;
}

/** What git said when it failed: its standard error, else the error's message. */
export function gitErrorDetail(error: unknown): string {
  return (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
}
