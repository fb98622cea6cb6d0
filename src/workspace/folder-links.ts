import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, sep } from 'node:path';
import { minimatch } from 'minimatch';

/** What the walk for pages asks of a link to a folder: where it is, and whether its pages would be checked. */
export interface FolderLinkQuery {
  /** The link, absolute. */
  link: string;
  /** The link's path relative to the policy's folder, with forward slashes. */
  policyPath: string;
  /** The folder scanned (the policy's, or a folder named outside it), which links must not leave. */
  scanned: string;
  include: readonly string[];
  exclude: readonly string[];
}

/** Why a link to a folder out of the scanned folder is left unread: reported as not checked (`unscannable-file`). */
export const FOLDER_LINK_OUT = 'a symbolic link to a folder that leads out of the scanned folder, whose pages are not read (check them where they are, or exclude the link)';

/**
 * Whether a link the walk met leads to a folder out of the scanned folder whose pages the policy
 * would check: its path is one `include` can go on below, and `exclude` does not leave it out.
 * The walk does not follow links (a pull request could point one at any folder of the machine
 * that runs the check), so without this its pages would be left out in silence, while the site
 * may serve them. A link to a folder inside is passed over: its pages are found where they are.
 */
export async function isFolderLinkOut(query: FolderLinkQuery): Promise<boolean> {
  const { link, policyPath, scanned, include, exclude } = query;
  const options = { dot: true };
  const mayHoldPages = include.some((glob) => minimatch(policyPath, glob, { ...options, partial: true }));
  // `exclude: ["content/ext/**"]` leaves out the folder's pages, and so the link's.
  const isExcluded = exclude.some((glob) => minimatch(policyPath, glob, options) || minimatch(policyPath, glob.replace(/\/\*\*$/, ''), options));
  if (!mayHoldPages || isExcluded) return false;
  // A broken link whose name no glob matches is no page; one whose name a glob matches was judged as a file.
  const target = await realpath(link).catch(() => undefined);
  if (target === undefined) return false;
  const path = relative(await realpath(scanned), target);
  const isOut = path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path);
  // Out of the folder, a target that cannot be looked at may be a folder of pages: it is reported.
  return isOut && ((await stat(target).catch(() => undefined))?.isDirectory() ?? true);
}
