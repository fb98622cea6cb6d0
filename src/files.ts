import { readFile, realpath, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import fg from 'fast-glob';
import ignore, { type Ignore } from 'ignore';
import { minimatch } from 'minimatch';
import type { Policy } from './config/policy.js';
import { UsageError } from './errors.js';

/** A file to check, or one the user named that the policy leaves out (reported, never dropped). */
export interface Target {
  absolute: string;
  /** Relative to the policy's folder, with forward slashes: what globs match. */
  policyPath: string;
  skipped?: string;
  /** Why the file cannot be read at all. */
  error?: string;
  /**
   * Why no policy judges the file: it was named on the command line outside the policy's folder,
   * where none of its globs can match. Reported as not checked, never dropped.
   */
  unjudged?: string;
}

/** How to look for files: whether a path that matches no file is accepted (`--allow-empty`). */
export interface FindOptions {
  allowEmpty?: boolean;
}

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

/**
 * The files to check under `paths` (files or folders): those the policy includes and does not
 * exclude or `.gitignore`. A file named on the command line that the policy leaves out is
 * returned as skipped, with the reason, and one outside the policy's folder as unjudged, so that
 * nothing asked for is silently dropped. A folder in which no file is found is a usage error
 * naming it and the policy's patterns (a typo in `include` or in a path must not pass as a clean
 * run), unless `allowEmpty`.
 */
export async function findTargets(paths: readonly string[], policy: Policy, cwd: string, options: FindOptions = {}): Promise<Target[]> {
  const { include, exclude } = policy.spec;
  const ignored = policy.spec.gitignore ? await loadGitignores(policy.root) : undefined;
  const targets = new Map<string, Target>();
  const unmatched: string[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const info = await stat(absolute).catch(() => undefined);
    if (!info && fg.isDynamicPattern(path)) {
      // A glob the shell did not expand (quoted, or on Windows): the files it matches that the
      // policy includes, as a folder gives them.
      const before = targets.size;
      for (const entry of fg.sync(path, { cwd, ignore: [...ALWAYS_IGNORED], onlyFiles: false, followSymbolicLinks: false, absolute: true, objectMode: true })) {
        if (entry.dirent.isDirectory()) continue;
        const file = resolve(entry.path);
        const target = toTarget(file, policy.root);
        if (target.policyPath.startsWith('../')) target.unjudged = outsideReason(policy, cwd);
        else if (!isIncluded(target.policyPath, include, exclude) || isGitignored(ignored, target.policyPath)) continue;
        else if (entry.dirent.isSymbolicLink()) Object.assign(target, await checkLink(file, policy.root));
        targets.set(file, target);
      }
      if (targets.size === before) unmatched.push(path);
      continue;
    }
    if (!info) throw new UsageError(`Cannot check \`${path}\`: no such file or folder`);
    const before = targets.size;
    if (info.isDirectory()) {
      // Globs are relative to the policy folder; a folder outside it is globbed from itself.
      const isInside = !relative(policy.root, absolute).startsWith('..');
      const base = isInside ? policy.root : absolute;
      const found = fg.sync(include, { cwd: base, ignore: [...ALWAYS_IGNORED, ...exclude], onlyFiles: false, followSymbolicLinks: false, absolute: true, objectMode: true });
      for (const entry of found) {
        const file = resolve(entry.path);
        if (entry.dirent.isDirectory() || (isInside && !isUnder(file, absolute))) continue;
        const target = toTarget(file, policy.root);
        if (isGitignored(ignored, target.policyPath)) continue;
        if (entry.dirent.isSymbolicLink()) Object.assign(target, await checkLink(file, base));
        targets.set(file, target);
      }
    } else targets.set(absolute, judgedAs(absolute, policy, cwd, ignored));
    // A folder named twice, or inside another one named, finds files already found: it is not empty.
    if (info.isDirectory() && targets.size === before && !hasTargetUnder(targets, absolute)) unmatched.push(path);
  }
  if (unmatched.length > 0 && !options.allowEmpty) throw new UsageError(noFileMessage(unmatched, policy, cwd));
  return [...targets.values()].sort((a, b) => (a.policyPath < b.policyPath ? -1 : a.policyPath > b.policyPath ? 1 : 0));
}

function hasTargetUnder(targets: ReadonlyMap<string, Target>, folder: string): boolean {
  for (const file of targets.keys()) if (isUnder(file, folder)) return true;
  return false;
}

/** The folder a path names, or for a glob the folder its pattern starts from (`content` for `content/**\/*.html`). */
export function baseOf(path: string): string {
  if (!fg.isDynamicPattern(path)) return path;
  const segments = path.split('/');
  const fixed = segments.slice(0, segments.findIndex((segment) => fg.isDynamicPattern(segment)));
  return fixed.join('/') || '.';
}

/** "Cannot check `contnet`: no file there is included by `rightslint.yaml` (`include`: ...)". */
function noFileMessage(paths: readonly string[], policy: Policy, cwd: string): string {
  const list = (globs: readonly string[]): string => globs.map((glob) => `\`${glob}\``).join(', ');
  const by = policy.file ? `\`${shown(policy.file, cwd)}\`` : 'the default policy';
  const exclude = policy.spec.exclude.length > 0 ? `; \`exclude\`: ${list(policy.spec.exclude)}` : '';
  return `Cannot check ${list(paths)}: no file there is included by ${by} (\`include\`: ${list(policy.spec.include)}${exclude}; .gitignore files apply); ` +
    'correct the path or the patterns, or pass --allow-empty to accept a run that checks nothing';
}

function outsideReason(policy: Policy, cwd: string): string {
  return policy.file
    ? `outside the folder of the policy \`${shown(policy.file, cwd)}\`, whose globs cannot match it (check it with its own policy: --config)`
    : 'outside the working folder, where the default policy\'s globs cannot match it (check it from a folder above it)';
}

function shown(file: string, cwd: string): string {
  return relative(cwd, file).split(sep).join('/') || file;
}

/**
 * A file named on its own (on the command line, or as standard input's name) as the policy
 * judges it: unjudged outside the policy's folder, skipped where `include`/`exclude` or a
 * .gitignore leave it out, else checked.
 */
export async function namedTarget(absolute: string, policy: Policy, cwd: string): Promise<Target> {
  return judgedAs(absolute, policy, cwd, policy.spec.gitignore ? await loadGitignores(policy.root) : undefined);
}

function judgedAs(absolute: string, policy: Policy, cwd: string, ignored: Ignore | undefined): Target {
  const target = toTarget(absolute, policy.root);
  if (target.policyPath.startsWith('../')) target.unjudged = outsideReason(policy, cwd);
  else if (!isIncluded(target.policyPath, policy.spec.include, policy.spec.exclude)) target.skipped = 'not included by the policy (`include`/`exclude`)';
  else if (isGitignored(ignored, target.policyPath)) target.skipped = 'ignored by .gitignore';
  return target;
}

function toTarget(absolute: string, root: string): Target {
  return { absolute, policyPath: relative(root, absolute).split(sep).join('/') };
}

function isIncluded(policyPath: string, include: readonly string[], exclude: readonly string[]): boolean {
  const matches = (glob: string): boolean => minimatch(policyPath, glob, { dot: true });
  return include.some(matches) && !exclude.some(matches);
}

/** A link is checked where it leads, if that is a file inside the scanned folder. */
async function checkLink(link: string, root: string): Promise<Pick<Target, 'skipped' | 'error'>> {
  let target: string;
  try {
    target = await realpath(link);
  } catch (cause) {
    return { error: `Cannot read \`${link}\`: broken symbolic link (${(cause as NodeJS.ErrnoException).code ?? 'unreadable'})` };
  }
  if (!isUnder(target, await realpath(root))) return { skipped: 'symbolic link leads out of the scanned folder' };
  return (await stat(target)).isFile() ? {} : { skipped: 'symbolic link to a folder' };
}

function isGitignored(rules: Ignore | undefined, policyPath: string): boolean {
  return rules !== undefined && !policyPath.startsWith('../') && rules.ignores(policyPath);
}

function isUnder(file: string, folder: string): boolean {
  const path = relative(folder, file);
  return path !== '' && !path.startsWith('..');
}

/**
 * Every `.gitignore` under the policy folder, each applied to the paths below its own folder;
 * undefined where there is none.
 */
async function loadGitignores(root: string): Promise<Ignore | undefined> {
  const files = fg.sync('**/.gitignore', { cwd: root, ignore: ALWAYS_IGNORED, dot: true, followSymbolicLinks: false });
  if (files.length === 0) return undefined;
  const rules = ignore();
  for (const file of files.sort()) {
    const base = dirname(file) === '.' ? '' : `${dirname(file)}/`;
    const lines = (await readFile(join(root, file), 'utf8')).split(/\r?\n/);
    for (const line of lines) {
      const trimmed = line.trim();
      if (trimmed === '' || trimmed.startsWith('#')) continue;
      const negated = trimmed.startsWith('!');
      const pattern = negated ? trimmed.slice(1) : trimmed;
      // A pattern with a slash is anchored to its .gitignore's folder; one without matches at any depth below it.
      const anchored = pattern.replace(/^\//, '').includes('/') || pattern.startsWith('/');
      const scoped = `${base}${anchored ? pattern.replace(/^\//, '') : `**/${pattern}`}`;
      rules.add(`${negated ? '!' : ''}${base === '' && !anchored ? pattern : scoped}`);
    }
  }
  return rules;
}
