import { access, readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';

/** The policy's file name, looked for from the scanned path upward. */
export const POLICY_FILE = 'rightslint.yaml';

/** Where the search for a policy file ended: the file found, or the one it passed over above the repository. */
export interface PolicySearch {
  /** The nearest `rightslint.yaml` at or above the start, within its repository. */
  file?: string;
  /**
   * The nearest `rightslint.yaml` above the top of the repository, when none stands within it:
   * not used (see `findPolicyFile`), only named, so that a run can say why it judges by the built-in policy.
   */
  passedOver?: string;
}

/**
 * The nearest `rightslint.yaml` at or above `start`, up to the top of the git repository `start`
 * is in (a submodule's search goes on to its superproject's top); or undefined. The search stops
 * at the repository's top, as a repository's checks are the repository's own: a permissive
 * policy left in a home folder or a CI runner's work folder must not judge it. Outside any
 * repository the search goes on to the file system's root.
 */
export async function findPolicyFile(start: string): Promise<string | undefined> {
  return (await searchPolicyFile(start)).file;
}

/** `findPolicyFile`, also naming the policy file above the repository that it passed over. */
export async function searchPolicyFile(start: string): Promise<PolicySearch> {
  let folder = resolve(start);
  let top: string | undefined;
  for (;;) {
    const candidate = join(folder, POLICY_FILE);
    if (await access(candidate).then(() => true, () => false)) return top === undefined ? { file: candidate } : { passedOver: candidate };
    if (top === undefined && (await isRepositoryTop(folder))) top = folder;
    const parent = dirname(folder);
    if (parent === folder) return {};
    folder = parent;
  }
}

/**
 * Whether `folder` is the top of a git repository's work tree: it holds `.git`, a folder, or a
 * file naming the repository elsewhere (a linked worktree, `--separate-git-dir`). A submodule's
 * `.git` file, which names a folder under its superproject's `.git/modules/`, is no top: the
 * submodule's pages belong to the superproject's site. A `.git` file that cannot be read counts
 * as a top, so that the search never climbs further for it.
 */
export async function isRepositoryTop(folder: string): Promise<boolean> {
  const dotGit = join(folder, '.git');
  const info = await stat(dotGit).catch(() => undefined);
  if (!info) return false;
  if (!info.isFile()) return true;
  const text = await readFile(dotGit, 'utf8').catch(() => '');
  const gitdir = /^gitdir:\s*(.+?)\s*$/m.exec(text)?.[1];
  if (gitdir === undefined) return true;
  const target = resolve(folder, gitdir).split(sep).join('/');
  return !target.includes('/.git/modules/');
}
