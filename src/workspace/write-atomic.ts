import { constants } from 'node:fs';
import { access, lstat, open, readlink, rename, rm, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';

// Linux gives up on a chain of more links than this (ELOOP); so do we.
const MAX_LINKS = 40;

/**
 * Writes a file whole or not at all (temp file, then rename), so an interrupted run leaves no stub.
 * A symbolic link is written through (the file it points at is replaced, the link stays); a
 * device, FIFO or socket is opened and written in place, never replaced by a plain file; a folder
 * is refused (EISDIR). No temporary file outlives a failed write. Given chunks, it writes each one
 * before asking for the next, so a report larger than the longest string (about 512 MB) is never
 * held whole.
 */
export async function writeAtomic(path: string, content: string | Iterable<string>): Promise<void> {
  // A string is itself an iterable, of characters: take it as one chunk.
  const chunks = typeof content === 'string' ? [content] : content;
  const { target, stats } = await followLinks(path);
  if (stats?.isDirectory()) throw fileError('EISDIR', `illegal operation on a directory, write '${path}'`);
  if (stats && !stats.isFile()) {
    await writeChunks(target, chunks);
    return;
  }
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    await writeChunks(temporary, chunks);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Truncates or creates `path` and writes the chunks in turn, each one whole before the next is made. */
async function writeChunks(path: string, chunks: Iterable<string>): Promise<void> {
  const handle = await open(path, 'w');
  try {
    for (const chunk of chunks) {
      const bytes = Buffer.from(chunk, 'utf8');
      // write(2) may take less than it is given (a FIFO, a signal); `writeFile` loops the same way.
      for (let offset = 0; offset < bytes.length;) offset += (await handle.write(bytes, offset, bytes.length - offset)).bytesWritten;
    }
  } finally {
    await handle.close();
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
