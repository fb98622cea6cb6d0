import { AsyncIterReader } from 'warcio';
import { ArchiveError } from './archive-error.js';

/**
 * The text of a .warc.gz file, inflated by warcio's gzip reader, which also notes where each gzip
 * member starts: in the text and in the file. A conforming .warc.gz holds one record a member
 * (WARC 1.1, annex D), so a record's offset in the file is that of the member its text starts.
 *
 * warcio's parser gives file offsets of its own, but takes them before the previous member has
 * always been inflated to its end: where a read of the file ends inside a member's last bytes,
 * the next record is given the offset of the one before. The reader, by contrast, only starts a
 * member once the one before has ended, when every byte of text it gave has been read. This
 * leans on the reader's public but underscored members (`_push`, `_rawOffset`, `_readOffset`,
 * `inflator`): the offset tests in test/audit-warc.test.ts tell if a new warcio changes them.
 */
export class GzipMembers extends AsyncIterReader {
  /** The file offset of each member start not yet asked for, by the text offset it starts at. */
  readonly #starts = new Map<number, number>([[0, 0]]);
  /** The file offset of the member being inflated. */
  #current = 0;

  constructor(chunks: AsyncIterable<Uint8Array>) {
    super(chunks, 'gzip');
  }

  // The reader pushes each chunk of the file here, and makes a new inflater for the next member
  // when the current one has ended, having by then counted it in `_rawOffset` and handed out all
  // of its text (`_readOffset`).
  override _push(value: Uint8Array): void {
    if (this.inflator?.ended) {
      this.#current = this._rawOffset;
      this.#starts.set(this._readOffset, this._rawOffset);
    }
    super._push(value);
  }

  /**
   * The file offset of the member that starts at `textOffset`, or undefined where none starts
   * there. Offsets are asked for in increasing order: those before are forgotten.
   */
  fileOffset(textOffset: number): number | undefined {
    for (const start of this.#starts.keys()) {
      if (start >= textOffset) break;
      this.#starts.delete(start);
    }
    return this.#starts.get(textOffset);
  }

  /** Whether the member that starts at file offset `offset` has been inflated to its end, its checksum right. */
  isWhole(offset: number): boolean {
    return offset < this.#current || (offset === this.#current && this.compressed !== null && this.inflator?.ended === true);
  }

  /**
   * What is wrong with the gzip layer so far, or undefined: a member that did not inflate (the
   * reader then hands out the raw bytes as text, which must not pass for a record), or at the
   * end of the file, a member that did not end.
   */
  fault(isAtEnd: boolean): ArchiveError | undefined {
    if (this.compressed === null) return new ArchiveError(this.#current, 'a corrupt gzip member (it does not inflate, or not to what its checksum says)');
    // A new inflater is only made for bytes to push, so one not ended at the end had some.
    if (isAtEnd && this.inflator?.ended === false) return new ArchiveError(this.#current, 'a truncated gzip member (the file ends inside it)');
    return undefined;
  }
}
