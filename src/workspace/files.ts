import { type Dirent, lstatSync, readdirSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import fg from 'fast-glob';
import ignore, { type Ignore } from 'ignore';
import { minimatch } from 'minimatch';
import type { Policy } from '../config/policy.js';
import { UsageError } from '../errors.js';
import { gitOutput } from './changed.js';
import { fileErrorReason } from '../file-error.js';
import { folderLinkReason } from './folder-links.js';

/** A file to check, or one the user named that the policy leaves out (reported, never dropped). */
export interface Target {
  absolute: string;
  /** Relative to the policy's folder, with forward slashes: what globs match. */
  policyPath: string;
  skipped?: string;
  /** Why the file cannot be read at all. */
  error?: string;
  /**
   * Why a file that may be a page of the site is left unread: it was named on the command line
   * outside the policy's folder, where none of its globs can match, or it is a link that leads
   * out of the scanned folder. Reported as not checked (`unscannable-file`), never dropped.
   */
  unjudged?: string;
}

/** How to look for files: whether a path that matches no file is accepted (`--allow-empty`). */
export interface FindOptions {
  allowEmpty?: boolean;
  /**
   * Filled, when given, with the files of the folders walked that `include` leaves out although
   * a site may serve them as pages (see `PAGE_LIKE`), absolute, sorted: what a run passes over,
   * which it must say rather than pass green over in silence.
   */
  passedOver?: string[];
}

/**
 * The names of files a site may serve as pages or render into them: HTML and Markdown in any
 * letter case (`.Html`, which the default `include` spells neither way), server pages (PHP, ASP,
 * JSP, ColdFusion), also as a mirroring tool saves them with their query (`index.php?id=12`),
 * the templates of site generators (Nunjucks, Liquid, ERB, Handlebars, Twig, EJS, Pug) and WAP's
 * WML decks. (Plain text is left out: every site has its robots.txt and ads.txt.) A file of these
 * kinds that `include` leaves out is reported as passed over; rightslint reads any of them as HTML
 * once `include` names it.
 */
const PAGE_LIKE = /\.(?:s?html?|xht(?:ml)?|md|markdown|mdx|mdown|mdwn|mkdn?|mkdown|php\d?|phtml|aspx?|jspx?|cfml?|njk|liquid|erb|hbs|handlebars|mustache|twig|ejs|pug|wml)(?:\?[^/]*)?$/i;

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

/** The .gitignore rules under a policy folder, and the .gitignore files that could not be read. */
interface Gitignores {
  /** The rules of the .gitignore files, but for the files git tracks, which git never ignores. */
  rules: Pick<Ignore, 'ignores'> | undefined;
  /** Each with why it could not be read. */
  unreadable: Target[];
}

/**
 * The files to check under `paths` (files or folders): those the policy includes and does not
 * exclude or `.gitignore`. A file named on the command line that the policy leaves out is
 * returned as skipped, with the reason, and one outside the policy's folder as unjudged, so that
 * nothing asked for is silently dropped. A folder in which no file is found is a usage error
 * naming it and the policy's patterns (a typo in `include` or in a path must not pass as a clean
 * run), unless `allowEmpty`. A folder or file that cannot be read while looking (permissions, an
 * I/O error), or a .gitignore that applies to a file found, is returned with the error: it is
 * reported as not checked, and the others are checked.
 */
export async function findTargets(paths: readonly string[], policy: Policy, cwd: string, options: FindOptions = {}): Promise<Target[]> {
  const { include, exclude } = policy.spec;
  const gitignores = await loadGitignores(policy);
  const ignored = gitignores.rules;
  const targets = new Map<string, Target>();
  const unmatched: string[] = [];
  const passedOver = new Set<string>();
  // A folder .gitignore leaves out holds no page to check: that it cannot be read is no loss.
  const addUnreadable = (found: readonly Target[]): void => {
    for (const target of found) if (target.policyPath === '' || !isGitignored(ignored, `${target.policyPath}/`)) targets.set(target.absolute, target);
  };
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const info = await stat(absolute).catch((error: NodeJS.ErrnoException) => {
      // A path that is not there is the user's to correct; one that is there and cannot be looked at is this file's error.
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
      targets.set(absolute, unreadableTarget(absolute, policy.root, error));
      return null;
    });
    if (info === null) continue;
    if (!info && fg.isDynamicPattern(path)) {
      // A glob the shell did not expand (quoted, or on Windows): the files it matches that the
      // policy includes, as a folder gives them.
      const before = targets.size;
      const { entries, unreadable, links } = walk(path, { cwd, ignore: [...ALWAYS_IGNORED] }, policy.root);
      addUnreadable(unreadable);
      const isGlobbed = (link: string): boolean => minimatch(relative(cwd, link).split(sep).join('/'), path, { dot: true, partial: true });
      await addFolderLinks(targets, links.filter(isGlobbed), policy.root, policy, ignored);
      for (const entry of entries) {
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
      const isAsked = (file: string): boolean => !isInside || file === absolute || isUnder(file, absolute);
      const { entries, unreadable, links, pageLike } = walk(include, { cwd: base, ignore: [...ALWAYS_IGNORED, ...exclude] }, policy.root);
      addUnreadable(unreadable.filter((target) => isAsked(target.absolute)));
      await addFolderLinks(targets, links.filter(isAsked), base, policy, ignored);
      // The walk's entries are what `include` takes: only the other page-like files are matched
      // against the globs (a site's thousands of pages are not).
      const walked = new Set(entries.map((entry) => resolve(entry.path)));
      for (const file of pageLike) {
        if (walked.has(file)) continue;
        const policyPath = relative(base, file).split(sep).join('/');
        const isLeftOut = isAsked(file) && !matchesAny(policyPath, include) && !matchesAny(policyPath, [...ALWAYS_IGNORED, ...exclude]);
        if (isLeftOut && !isGitignored(ignored, toTarget(file, policy.root).policyPath)) passedOver.add(file);
      }
      for (const entry of entries) {
        const file = resolve(entry.path);
        if (entry.dirent.isDirectory() || !isAsked(file)) continue;
        const target = toTarget(file, policy.root);
        if (isGitignored(ignored, target.policyPath)) continue;
        if (entry.dirent.isSymbolicLink()) Object.assign(target, await checkLink(file, base));
        targets.set(file, target);
      }
    } else targets.set(absolute, judgedAs(absolute, policy, cwd, gitignores));
    // A folder named twice, or inside another one named, finds files already found: it is not empty.
    if (info.isDirectory() && targets.size === before && !hasTargetUnder(targets, absolute)) unmatched.push(path);
  }
  if (unmatched.length > 0 && !options.allowEmpty) throw new UsageError(noFileMessage(unmatched, policy, cwd));
  // A run over the whole site (a path at or above the policy's folder) checks every pattern of
  // `include`: one whose folder is not there (renamed, or a typo: `posts/**` for `_posts/**`)
  // would leave its pages unchecked while the others pass.
  const isWholeSite = paths.some((path) => !relative(resolve(cwd, path), policy.root).startsWith('..'));
  const missing = isWholeSite && !options.allowEmpty ? await missingBases(include, policy.root) : [];
  if (missing.length > 0) throw new UsageError(missingBaseMessage(missing, policy, cwd));
  for (const gitignore of gitignores.unreadable) {
    // Only a .gitignore above a file found could have changed what is checked.
    if (hasTargetUnder(targets, dirname(gitignore.absolute))) {
      targets.set(gitignore.absolute, { ...gitignore, error: `${gitignore.error}; the pages below its folder were checked as if it ignored none` });
    }
  }
  options.passedOver?.push(...[...passedOver].filter((file) => !targets.has(file)).sort());
  return [...targets.values()].sort((a, b) => (a.policyPath < b.policyPath ? -1 : a.policyPath > b.policyPath ? 1 : 0));
}

/**
 * Each link of `links` to a folder whose pages the policy would check under the link's path but
 * nobody reads (see `folderLinkReason`), as an unjudged target, unless .gitignore leaves it out
 * or it was found already (a link whose name the globs match, judged by `checkLink`).
 */
async function addFolderLinks(targets: Map<string, Target>, links: readonly string[], scanned: string, policy: Policy, ignored: Gitignores['rules']): Promise<void> {
  const { include, exclude } = policy.spec;
  for (const link of links) {
    const target = toTarget(link, policy.root);
    // Globs match from the scanned folder: the policy's, or a folder named outside it.
    const policyPath = relative(scanned, link).split(sep).join('/');
    if (targets.has(link) || isGitignored(ignored, target.policyPath) || isGitignored(ignored, `${target.policyPath}/`)) continue;
    const unjudged = await folderLinkReason({ link, policyPath, scanned, include, exclude });
    if (unjudged !== undefined) targets.set(link, { ...target, unjudged });
  }
}

/**
 * fast-glob's entries for `patterns`, and as error targets the folders it could not read and the
 * paths it could not look at (permissions, an I/O error, a loop of links), whose walk goes on
 * past them: left to itself, fast-glob ends the whole walk at the first such error or, told to
 * suppress errors, leaves the folder out in silence. A path that is not there is no error: the
 * folder a pattern starts from need not exist. `links` are the symbolic links in the folders
 * walked, which fast-glob neither follows nor gives unless the patterns match their names;
 * `pageLike` the files there whose names are those of pages (`PAGE_LIKE`), matched or not, seen
 * as the folders are listed rather than by a second walk.
 */
function walk(patterns: string | string[], options: { cwd: string; ignore: string[] }, root: string): { entries: fg.Entry[]; unreadable: Target[]; links: string[]; pageLike: string[] } {
  const unreadable: Target[] = [];
  const links: string[] = [];
  const pageLike: string[] = [];
  const noting = <F extends (path: string, ...rest: never[]) => unknown>(call: F, what: string): F => ((path: string, ...rest: never[]) => {
    try {
      return call(path, ...rest);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') unreadable.push(unreadableTarget(resolve(path), root, error, what));
      throw error;
    }
  }) as F;
  const readFolder = noting(readdirSync, 'the folder ');
  const listing = ((path: string, how: { withFileTypes: true }): Dirent[] => {
    const dirents = readFolder(path, how);
    for (const dirent of dirents) {
      if (dirent.isSymbolicLink()) links.push(resolve(path, dirent.name));
      if ((dirent.isFile() || dirent.isSymbolicLink()) && PAGE_LIKE.test(dirent.name)) pageLike.push(resolve(path, dirent.name));
    }
    return dirents;
  }) as typeof readdirSync;
  const fs = { readdirSync: listing, lstatSync: noting(lstatSync, '') };
  const entries = fg.sync(patterns, { ...options, fs, suppressErrors: true, dot: true, onlyFiles: false, followSymbolicLinks: false, absolute: true, objectMode: true });
  return { entries, unreadable, links, pageLike };
}

/**
 * A path that could not be read, as a target that says why: "Cannot read the folder
 * `content/locked`: permission denied (EACCES)", in Node's words where there are no plainer ones.
 */
function unreadableTarget(absolute: string, root: string, error: unknown, what = ''): Target {
  const target = toTarget(absolute, root);
  return { ...target, error: `Cannot read ${what}\`${target.policyPath || '.'}\`: ${fileErrorReason(error)}` };
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

/** The patterns of `include` that start from a folder that is not there, with that folder. */
async function missingBases(include: readonly string[], root: string): Promise<Array<{ glob: string; base: string }>> {
  const missing: Array<{ glob: string; base: string }> = [];
  for (const glob of include) {
    const base = staticBase(glob);
    if (base !== '' && !(await stat(resolve(root, base)).then((info) => info.isDirectory(), () => false))) missing.push({ glob, base });
  }
  return missing;
}

/** The folders a glob names before its first pattern: `content/news` of `content/news/**`. */
function staticBase(glob: string): string {
  const segments = glob.split('/');
  const fixed: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (fg.isDynamicPattern(segment)) break;
    fixed.push(segment);
  }
  return fixed.join('/');
}

function missingBaseMessage(missing: ReadonlyArray<{ glob: string; base: string }>, policy: Policy, cwd: string): string {
  const by = policy.file ? `\`${shown(policy.file, cwd)}\`` : 'the default policy';
  const each = missing.map(({ glob, base }) => `\`${glob}\` (no folder \`${base}\`)`).join(', ');
  return `Cannot check the site: ${missing.length === 1 ? 'a pattern' : 'patterns'} of \`include\` in ${by} start${missing.length === 1 ? 's' : ''} from a folder that is not there: ${each}; ` +
    'correct the patterns, or pass --allow-empty to accept a run that checks none of their pages';
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
 * .gitignore leave it out, an error where a .gitignore above it cannot be read, else checked.
 */
export async function namedTarget(absolute: string, policy: Policy, cwd: string): Promise<Target> {
  return judgedAs(absolute, policy, cwd, await loadGitignores(policy));
}

function judgedAs(absolute: string, policy: Policy, cwd: string, gitignores: Gitignores): Target {
  const target = toTarget(absolute, policy.root);
  const unreadable = gitignores.unreadable.find((gitignore) => isUnder(absolute, dirname(gitignore.absolute)));
  if (target.policyPath.startsWith('../')) target.unjudged = outsideReason(policy, cwd);
  else if (!isIncluded(target.policyPath, policy.spec.include, policy.spec.exclude)) target.skipped = 'not included by the policy (`include`/`exclude`)';
  else if (unreadable) target.error = `${unreadable.error}; whether it leaves this page out cannot be told`;
  else if (isGitignored(gitignores.rules, target.policyPath)) target.skipped = 'ignored by .gitignore';
  return target;
}

function toTarget(absolute: string, root: string): Target {
  return { absolute, policyPath: relative(root, absolute).split(sep).join('/') };
}

function isIncluded(policyPath: string, include: readonly string[], exclude: readonly string[]): boolean {
  return matchesAny(policyPath, include) && !matchesAny(policyPath, exclude);
}

function matchesAny(policyPath: string, globs: readonly string[]): boolean {
  return globs.some((glob) => minimatch(policyPath, glob, { dot: true }));
}

/**
 * A link is checked where it leads, if that is a file inside the scanned folder. One that leads
 * out of it is not read (a pull request could point it at any file of the machine that runs the
 * check), and is reported unchecked: the site may serve it as a page. A link to a folder inside is
 * skipped, as the pages under it are checked where they are.
 */
async function checkLink(link: string, root: string): Promise<Pick<Target, 'skipped' | 'error' | 'unjudged'>> {
  let target: string;
  try {
    target = await realpath(link);
  } catch (cause) {
    return { error: `Cannot read \`${link}\`: broken symbolic link (${(cause as NodeJS.ErrnoException).code ?? 'unreadable'})` };
  }
  if (!isUnder(target, await realpath(root))) return { unjudged: 'a symbolic link that leads out of the scanned folder, whose target is not read (check that file where it is, or exclude the link)' };
  return (await stat(target)).isFile() ? {} : { skipped: 'symbolic link to a folder, whose pages are checked where they are' };
}

function isGitignored(rules: Pick<Ignore, 'ignores'> | undefined, policyPath: string): boolean {
  return rules !== undefined && !policyPath.startsWith('../') && rules.ignores(policyPath);
}

function isUnder(file: string, folder: string): boolean {
  const path = relative(folder, file);
  return path !== '' && !path.startsWith('..');
}

/**
 * Every `.gitignore` under the policy folder, each applied to the paths below its own folder
 * (no rules where there is none, or the policy turns them off), and those that cannot be read.
 * A folder that cannot be read is passed over here: a .gitignore in it would apply only to the
 * pages in it, which the walk for pages reports as unread.
 */
async function loadGitignores(policy: Policy): Promise<Gitignores> {
  const { root } = policy;
  const files = policy.spec.gitignore ? fg.sync('**/.gitignore', { cwd: root, ignore: ALWAYS_IGNORED, dot: true, followSymbolicLinks: false, suppressErrors: true }) : [];
  if (files.length === 0) return { rules: undefined, unreadable: [] };
  const rules = ignore();
  const unreadable: Target[] = [];
  for (const file of files.sort()) {
    const base = dirname(file) === '.' ? '' : `${dirname(file)}/`;
    const text = await readFile(join(root, file), 'utf8').catch((error: unknown) => {
      unreadable.push(unreadableTarget(join(root, file), root, error));
      return '';
    });
    for (const line of text.split(/\r?\n/)) {
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
  // git ignores no file it tracks, whatever its .gitignore says (one added with `git add -f`,
  // or before the rule): a page in the repository is checked.
  const tracked = await trackedFiles(root);
  return { rules: { ignores: (path: string) => !tracked.has(path) && rules.ignores(path) }, unreadable };
}

/** The files git tracks in the repository the folder is in, as paths relative to it; none outside one. */
async function trackedFiles(folder: string): Promise<ReadonlySet<string>> {
  try {
    const listed = await gitOutput(['-c', 'core.quotepath=off', 'ls-files', '-z'], { cwd: folder, maxBuffer: 1 << 30 });
    return new Set(listed.split('\0').filter((path) => path !== ''));
  } catch {
    return new Set(); // not a repository, or no git: the .gitignore files are all there is to go by
  }
}
