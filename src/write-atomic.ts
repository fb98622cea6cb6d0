import { constants } from 'node:fs';
import { access, lstat, readlink, rename, rm, stat, writeFile } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';

// Linux gives up on a chain of more links than this (ELOOP); so do we.
const MAX_LINKS = 40;

/**
 * Writes a file whole or not at all (temp file, then rename), so an interrupted run leaves no stub.
 * A symbolic link is written through (the file it points at is replaced, the link stays); a
 * device, FIFO or socket is opened and written in place, never replaced by a plain file; a folder
 * is refused (EISDIR). No temporary file outlives a failed write.
 */
export async function writeAtomic(path: string, text: string): Promise<void> {
  const { target, stats } = await followLinks(path);
  if (stats?.isDirectory()) throw fileError('EISDIR', `illegal operation on a directory, write '${path}'`);
  if (stats && !stats.isFile()) {
    await writeFile(target, text);
    return;
  }
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, text);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Throws, as `writeAtomic` would, where a file could not be written at `path` (a folder, a missing
 * folder, no permission), writing nothing: a run checks its report's path before its pages.
 */
export async function assertWritable(path: string): Promise<void> {
  const { target, stats } = await followLinks(path);
  if (stats?.isDirectory()) throw fileError('EISDIR', `illegal operation on a directory, write '${path}'`);
  if (stats) return access(target, constants.W_OK);
  const folder = await stat(dirname(target));
  if (!folder.isDirectory()) throw fileError('ENOTDIR', `not a directory, write '${path}'`);
  await access(dirname(target), constants.W_OK);
}

/** The path a write to `path` lands on, links followed, with what is there now (undefined: nothing). */
async function followLinks(path: string): Promise<{ target: string; stats: Stats | undefined }> {
  let target = path;
  for (let hops = 0; hops <= MAX_LINKS; hops++) {
    const stats = await lstat(target).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (!stats?.isSymbolicLink()) return { target, stats };
    target = resolve(dirname(target), await readlink(target));
  }
  throw fileError('ELOOP', `too many symbolic links encountered, write '${path}'`);
}

function fileError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}
