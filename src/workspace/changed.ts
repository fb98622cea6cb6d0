import { lstat, readlink, realpath, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { loadChain } from '../config/extends.js';
import { changedFiles, gitErrorDetail } from './changed-files.js';
import { isRepositoryTop, POLICY_FILE } from '../config/find.js';
import type { Policy } from '../config/policy.js';
import { UsageError } from '../errors.js';
import { PACKAGE_ROOT } from '../package-root.js';

/** git's output for `args`; child_process (and the sockets and streams it loads) is loaded only where git is asked. */
export async function gitOutput(args: readonly string[], options: { cwd: string; maxBuffer: number }): Promise<string> {
  const { execFile } = await import('node:child_process');
  const { promisify } = await import('node:util');
  return (await promisify(execFile)('git', args, options)).stdout;
}

/** What `--changed-since` compares: the ref, the repository of the checked path, and the policy's own files. */
export interface ChangeQuery {
  ref: string;
  /** A folder of the checked path: git runs there, so its repository is the one compared. */
  folder: string;
  /** Files and folders the verdict of every page depends on (see `policySources`), absolute. */
  sources: readonly string[];
  /**
   * Files that say which version of rightslint runs (see `versionPins`), absolute: a change git
   * sees to one in the repository counts as a change to the policy; others are no concern of its.
   */
  pins?: readonly string[];
}

/** What changed since the ref. */
export interface Changes {
  /**
   * Pages and other files added, copied, modified or renamed, in the work tree or staged, and
   * untracked ones, ignored or not (absolute), in the repository and in the submodules checked out in it.
   */
  files: Set<string>;
  /** Folders every page of which counts as changed (absolute): see `ChangedFiles.folders`. */
  folders: string[];
  /** Lines for standard error: why a submodule counts as changed whole. */
  notes: string[];
  /**
   * The policy's own files that changed since the ref (or that git cannot compare: untracked,
   * ignored, outside the repository), as paths relative to the repository's top. Any of them
   * changes the verdict of every page, so none may be left unchecked.
   */
  sources: string[];
}

/**
 * The files changed since a git ref, plus untracked files, ignored ones included: what a pull
 * request touches; and which of the policy's own files changed. Git runs in `folder`, the checked
 * path's repository, whatever the working folder.
 */
export async function changedSince(query: ChangeQuery): Promise<Changes> {
  const { ref } = query;
  const rawGit = (cwd: string, ...args: string[]): Promise<string> => gitOutput(args, { cwd, maxBuffer: 256 * 1024 * 1024 });
  const refused = (error: unknown): UsageError => new UsageError(`Cannot list the files changed since \`${ref}\`: ${gitErrorDetail(error)}`, { cause: error });
  const git = (cwd: string, ...args: string[]): Promise<string> => rawGit(cwd, ...args).catch((error: unknown) => Promise.reject(refused(error)));
  // The top as the folder spells it (through any link in its path), so that the paths git gives
  // compare equal to the paths of the pages found from the same folder.
  const top = resolve(query.folder, (await git(query.folder, 'rev-parse', '--show-cdup')).trim() || '.');
  const names = (output: string): string[] => output.split('\0').filter(Boolean);
  // Added, copied, modified, renamed, and changed in type (a link made a file, or a file a link);
  // a submodule's own files are compared in it, where it can be compared at all.
  const changed = await changedFiles(rawGit, top, ref).catch((error: unknown) => Promise.reject(refused(error)));
  const files = new Set(changed.files);

  const inside: string[] = [];
  const sources = new Set<string>();
  for (const source of query.sources) {
    const path = relative(top, source).split(sep).join('/');
    // The shipped presets and holders change with rightslint's version, which git cannot see here.
    if (path.startsWith('../') || path === '..') {
      const exists = await stat(source).then(() => true, () => false);
      if (exists && !isUnder(source, PACKAGE_ROOT)) sources.add(`${source} (outside the repository: git cannot compare it)`);
    } else inside.push(path);
  }
  if (inside.length > 0) {
    // Any change counts, deletions and both sides of a rename included; pathspecs taken literally.
    const paths = ['--literal-pathspecs'];
    for (const name of names(await git(top, ...paths, 'diff', '--name-only', '-z', '--no-renames', ref, '--', ...inside))) sources.add(name);
    const untrackedSources = new Set(names(await git(top, ...paths, 'ls-files', '--others', '--exclude-standard', '-z', '--', ...inside)));
    for (const name of untrackedSources) sources.add(`${name} (not tracked by git)`);
    // A file git does not track (ignored, say) cannot be compared with the ref: it counts as changed.
    const tracked = new Set(names(await git(top, ...paths, 'ls-files', '-z', '--', ...inside)));
    for (const path of inside) {
      const info = await stat(join(top, path)).catch(() => undefined);
      if (info?.isFile() && !tracked.has(path) && !untrackedSources.has(path)) sources.add(`${path} (not tracked by git)`);
    }
  }
  const pins = (query.pins ?? []).map((pin) => relative(top, pin).split(sep).join('/')).filter((path) => !path.startsWith('../'));
  if (pins.length > 0) {
    for (const name of names(await git(top, '--literal-pathspecs', 'diff', '--name-only', '-z', ref, '--', ...pins))) sources.add(name);
  }
  return { files, folders: changed.folders, notes: changed.notes, sources: [...sources].sort() };
}

/**
 * What the verdict of every page depends on, apart from the pages: the policy file and each file
 * it extends, the holder files and folders it loads, and the places a `rightslint.yaml` could be
 * found from `folder` up to the policy's folder, or the repository's top without one (one added
 * or removed there changes which policy applies).
 */
export async function policySources(policy: Policy, folder: string, cwd: string): Promise<string[]> {
  const sources = new Set<string>();
  if (policy.file) {
    for (const link of await loadChain(policy.file, cwd)) sources.add(resolve(cwd, link.yaml.file));
  }
  for (const holders of policy.spec.holders) sources.add(resolve(policy.root, holders));
  for (let at = resolve(folder); ; at = dirname(at)) {
    sources.add(join(at, POLICY_FILE));
    // The search for a policy stops at the repository's top, and so do the places it looks at.
    if ((policy.file && at === policy.root) || dirname(at) === at || (await isRepositoryTop(at))) break;
  }
  return [...sources];
}

// The manifest and the lock files of npm, Yarn, pnpm and Bun: an upgrade of rightslint changes one of them.
const PINS = ['package.json', 'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock', 'bun.lockb'];

/**
 * The files of the project that installed rightslint as a dependency (its folder is the part of
 * the package's path before `node_modules`, pnpm's store included) that say which version it
 * runs: a new version may judge any page differently. None for a copy not installed that way (a
 * clone); those of a global install or npx's cache lie outside the repository and are not looked at.
 */
export async function versionPins(packageRoot = PACKAGE_ROOT): Promise<string[]> {
  const at = packageRoot.indexOf(`${sep}node_modules${sep}`);
  if (at < 0) return [];
  const project = packageRoot.slice(0, at);
  const found = await Promise.all(PINS.map(async (name) => ((await stat(join(project, name)).catch(() => undefined))?.isFile() ? join(project, name) : undefined)));
  return found.filter((path): path is string => path !== undefined);
}

/**
 * The paths a symbolic link passes through to the file it leads to, each as the link spells it
 * from its own folder, then the file's real path; none for a file that is no link. A page that is
 * a link reads its target: it changed where any of them changed, though git saw the link itself
 * unchanged. A loop or a broken link ends the list where it stands.
 */
export async function linkHops(file: string): Promise<string[]> {
  const hops: string[] = [];
  for (let at = file; hops.length < MAX_HOPS; ) {
    const info = await lstat(at).catch(() => undefined);
    if (!info?.isSymbolicLink()) break;
    at = resolve(dirname(at), await readlink(at));
    hops.push(at);
  }
  if (hops.length === 0) return hops;
  const real = await realpath(file).catch(() => undefined);
  return real === undefined ? hops : [...hops, real];
}

/** As many links as Linux follows in one path (its ELOOP limit). */
const MAX_HOPS = 40;

function isUnder(file: string, folder: string): boolean {
  const path = relative(folder, file);
  return path !== '' && !path.startsWith('..');
}
