import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { AsyncIterReader } from 'warcio';
import { ArchiveError } from './archive-error.js';
import { GzipMembers } from './gzip-members.js';

/** A WARC file opened for warcio's parser: its text, plain or inflated, and where in the file the text's records start. */
export interface WarcText {
  /** The WARC text, which a parser reads as plain (never gzip) text. */
  reader: AsyncIterReader;
  /** The file offset of the record whose text starts at `textOffset`; undefined where no record can start there. */
  fileOffset(textOffset: number): number | undefined;
  /** A fault in the file's gzip layer found so far, or undefined; `isAtEnd` once the text has ended. */
  fault(isAtEnd: boolean): ArchiveError | undefined;
  /** Whether the record at file offset `offset` is known whole: in a .warc.gz, once its gzip member has ended, its checksum right. */
  isWhole(offset: number): boolean;
  /** Whether the file is gzipped record by record (.warc.gz). */
  isGzip: boolean;
  /** Closes the file, read to its end or not. */
  close(): void;
}

const GZIP_MAGIC = [0x1f, 0x8b];
const WARC_START = 'WARC/';

/**
 * Opens a WARC file, gzipped record by record (.warc.gz) or not, told apart by the gzip magic
 * bytes rather than the name, and checks that its text starts as a WARC file does: a big file of
 * anything else would otherwise be read whole by the parser, looking for the end of a header.
 * Throws an `ArchiveError` for a file that is not a WARC file, and Node's error for one that
 * cannot be read. From `start`, the offset of a record (met before, or a gzip member after a
 * corrupt one), the text is the file's from that record on; its offsets are still the file's.
 */
export async function openWarcText(file: string, start = 0): Promise<WarcText> {
  // Opened without waiting, as src/workspace/read-file.ts does, so that a named pipe is refused
  // rather than waited on for a writer; a regular file is read the same either way.
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) throw new Error('a folder, not a file');
    if (!stats.isFile()) throw new Error(`not a regular file (${stats.isFIFO() ? 'a named pipe' : stats.isSocket() ? 'a socket' : 'a device'})`);
  } catch (error) {
    await handle.close();
    throw error;
  }
  const stream = handle.createReadStream({ start });
  const close = (): void => void stream.destroy();
  try {
    const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>;
    const first = await chunks.next();
    const head = first.done ? new Uint8Array(0) : first.value;
    const bytes = prepend(head, chunks);
    const isGzip = GZIP_MAGIC.every((byte, i) => head[i] === byte);
    const members = isGzip ? new GzipMembers(bytes) : undefined;
    const textChunks = members ? members[Symbol.asyncIterator]() : bytes[Symbol.asyncIterator]();
    const firstText = await textChunks.next();
    const fault = members?.fault(Boolean(firstText.done));
    if (fault) throw fault;
    const textHead = firstText.done ? new Uint8Array(0) : firstText.value;
    if (textHead.length === 0) throw new ArchiveError(0, 'not a WARC file (it is empty)');
    if (Buffer.from(textHead.subarray(0, WARC_START.length)).toString('latin1') !== WARC_START) {
      throw new ArchiveError(0, `not a WARC file (its ${isGzip ? 'inflated text' : 'text'} does not start with \`${WARC_START}\`)`);
    }
    return {
      reader: new AsyncIterReader(prepend(textHead, textChunks), null),
      fileOffset: (textOffset) => {
        const offset = members ? members.fileOffset(textOffset) : textOffset;
        return offset === undefined ? undefined : start + offset;
      },
      fault: (isAtEnd) => {
        const fault = members?.fault(isAtEnd);
        return fault && start > 0 ? new ArchiveError(start + fault.offset, fault.message) : fault;
      },
      isWhole: (offset) => members?.isWhole(offset - start) ?? true,
      isGzip,
      close,
    };
  } catch (error) {
    close();
    throw error;
  }
}

/** The chunks of an iterator after one already taken from it. */
async function* prepend(head: Uint8Array, rest: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  if (head.length > 0) yield head;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}
