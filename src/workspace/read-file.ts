import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

let buffer = Buffer.allocUnsafe(1 << 20);
/**
 * A file's bytes, read in one call each (several times faster than the thread pool's round trips)
 * into one buffer that the next read reuses; or the file's size when it is over `limit`. Anything
 * but a regular file is refused: a named pipe would wait for a writer forever. (It is opened
 * without waiting, which changes nothing for a regular file.)
 */
export function readWithin(file: string, limit: number): Buffer | number {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw new Error('a folder, not a file');
    if (!stats.isFile()) throw new Error(`not a regular file (${stats.isFIFO() ? 'a named pipe' : stats.isSocket() ? 'a socket' : 'a device'})`);
    const { size } = stats;
    if (size > limit) return size;
    if (buffer.length < size) buffer = Buffer.allocUnsafe(size);
    let length = 0;
    for (let n = -1; length < size && n !== 0; length += n) n = readSync(fd, buffer, length, size - length, length);
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

// What a Git LFS pointer opens with: a checkout without its LFS objects leaves it where the page should be.
const LFS_POINTER = Buffer.from('version https://git-lfs.github.com/spec/');

/** Whether a file is a Git LFS pointer: a few lines naming the object that holds the file's content. */
export function isLfsPointer(bytes: Uint8Array): boolean {
  return bytes.length < 1024 && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(0, LFS_POINTER.length).equals(LFS_POINTER);
}

/** Git's test for binary content: a NUL byte early on (UTF-16 text, with its byte order mark, excepted). */
export function isBinary(bytes: Uint8Array): boolean {
  const isUtf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  return !isUtf16 && bytes.subarray(0, 8000).includes(0);
}
