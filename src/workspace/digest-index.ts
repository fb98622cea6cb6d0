import { statSync } from 'node:fs';
import { join } from 'node:path';
import { PathTable } from './path-table.js';

/**
 * What a file's metadata says of its content, taken before the file is read: device, inode, size,
 * and modification and change times in nanoseconds. Any write to a file changes its change time,
 * which no program can set back; a file copied, checked out or restored anew has another inode.
 */
export interface FileStat {
  key: string;
  size: number;
  /**
   * Whether the file changed less than a second before it was looked at: a write within the
   * same tick of the file system's clock could then leave every field as it was, so its digest
   * is not kept (git's index calls such entries racy).
   */
  isRacy: boolean;
}

const FILE = 'digests.json';
const RACY_MS = 1000;

/**
 * The content digests of files hashed by earlier runs, each with the metadata its file had before
 * it was read, as git's index keeps them: a digest is trusted only while the file's metadata is
 * the same in every field, so an unchanged tree is looked up in the cache without reading a page.
 * Results stay keyed by content: a file whose metadata changed (touched, checked out afresh, its
 * cache folder restored on another runner) is read and hashed again, and a damaged or missing
 * index only costs that.
 */
export class DigestIndex {
  readonly #table: PathTable<[stat: string, digest: string]>;

  constructor(folder: string) {
    this.#table = new PathTable(join(folder, FILE), isPair, (a, b) => a[0] === b[0] && a[1] === b[1]);
  }

  /**
   * The file's metadata now, or undefined if it cannot be read (the reader then reports why);
   * `now` is the time it is taken at, in milliseconds since the epoch (given by tests).
   */
  static statOf(absolute: string, now = Date.now()): FileStat | undefined {
    let stat;
    try {
      stat = statSync(absolute, { bigint: true, throwIfNoEntry: false });
    } catch {
      return undefined;
    }
    if (!stat) return undefined;
    const newest = Number((stat.mtimeNs > stat.ctimeNs ? stat.mtimeNs : stat.ctimeNs) / 1_000_000n);
    return { key: `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`, size: Number(stat.size), isRacy: newest > now - RACY_MS };
  }

  /** The digest of a file's content, if it was hashed when its metadata was as now. */
  digestOf(absolute: string, stat: FileStat): string | undefined {
    const entry = this.#table.get(absolute);
    return entry?.[0] === stat.key ? entry[1] : undefined;
  }

  /** Keeps the digest of a file's content as read after `stat` was taken. */
  remember(absolute: string, stat: FileStat, digest: string): void {
    if (!stat.isRacy) this.#table.set(absolute, [stat.key, digest]);
  }

  /** Writes the index, if this run added to it (a file that is missing or damaged is hashed again). */
  async save(): Promise<void> {
    await this.#table.save();
  }
}

function isPair(value: unknown): value is [string, string] {
  return Array.isArray(value) && value.length === 2 && value.every((item) => typeof item === 'string');
}
