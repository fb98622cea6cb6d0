import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, sep } from 'node:path';
import { minimatch } from 'minimatch';

/** What the walk for pages asks of a link to a folder: where it is, and whether its pages would be checked. */
export interface FolderLinkQuery {
  /** The link, absolute. */
  link: string;
  /** The link's path relative to `scanned`, with forward slashes: what the globs match. */
  policyPath: string;
  /** The folder scanned (the policy's, or a folder named outside it), which links must not leave. */
  scanned: string;
  include: readonly string[];
  exclude: readonly string[];
}

/** Why a link to a folder out of the scanned folder is left unread. */
const FOLDER_LINK_OUT = 'a symbolic link to a folder that leads out of the scanned folder, whose pages are not read (check them where they are, or exclude the link)';

/** Why a link to a folder inside is reported: the pages it serves are not checked where they are. */
const FOLDER_LINK_UNCHECKED = 'a symbolic link to a folder inside the scanned folder whose pages the policy does not check where they are (include that folder, or exclude the link)';

/**
 * Why a link to a folder, met by the walk, is reported as not checked (`unscannable-file`), or
 * undefined where its pages are checked or the policy would not check them under the link's path
 * (`include` cannot go on below it, or `exclude` leaves it out). The walk does not follow links
 * (a pull request could point one at any folder of the machine that runs the check), so a site
 * serving pages through one would otherwise have them left out in silence: a link that leads out
 * of the scanned folder is reported, and so is one to a folder inside that the policy does not
 * check where it is (`content/news -> ../drafts/news`, under `include: ["content/**"]`).
 */
export async function folderLinkReason(query: FolderLinkQuery): Promise<string | undefined> {
  const { link, policyPath, scanned, include, exclude } = query;
  if (!isChecked(policyPath, include, exclude)) return undefined;
  // A broken link whose name no glob matches is no page; one whose name a glob matches was judged as a file.
  const target = await realpath(link).catch(() => undefined);
  if (target === undefined) return undefined;
  const path = relative(await realpath(scanned), target);
  const isOut = path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path);
  // Out of the folder, a target that cannot be looked at may be a folder of pages: it is reported.
  if (isOut) return ((await stat(target).catch(() => undefined))?.isDirectory() ?? true) ? FOLDER_LINK_OUT : undefined;
  const isFolder = (await stat(target).catch(() => undefined))?.isDirectory() === true;
  return isFolder && !isChecked(path.split(sep).join('/'), include, exclude) ? FOLDER_LINK_UNCHECKED : undefined;
}

/**
 * Whether the policy checks pages below the folder `path`: `include` can go on below it, and
 * `exclude` does not leave it out (`content/ext/**` leaves out the folder's pages, and a link's).
 */
function isChecked(path: string, include: readonly string[], exclude: readonly string[]): boolean {
  const options = { dot: true };
  const mayHoldPages = include.some((glob) => minimatch(path, glob, { ...options, partial: true }));
  return mayHoldPages && !exclude.some((glob) => minimatch(path, glob, options) || minimatch(path, glob.replace(/\/\*\*$/, ''), options));
}
