import { open } from 'node:fs/promises';
import { LimitReader, type WARCRecord, WARCParser } from 'warcio';
import { fileErrorReason } from '../file-error.js';
import { ArchiveError } from './archive-error.js';
import type { AuditPage } from './audit-page.js';
import { isoDate, type RecordPlace, recordPage, skipRest } from './record-page.js';
import { CaptureIndex } from './revisits.js';
import { openWarcText, type WarcText } from './warc-text.js';

/** How to read a WARC file for an audit. */
export interface WarcOptions {
  /** Records already met (a resumed audit), by `warcRecordKey`: read past, not yielded again. */
  done?: ReadonlySet<string>;
  /** The size cap of a page: a bigger HTML payload, once decoded, is skipped with its size. */
  maxBytes?: number;
  /** Stops the reading between two records, throwing the signal's reason. */
  signal?: AbortSignal;
  /**
   * The captures of the archives an audit reads, shared by them: a revisit whose capture is not
   * known yet is held in it, for its `leftovers` once every archive is read. Without one, the
   * file has its own, and such a revisit comes after the file's other pages.
   */
  captures?: CaptureIndex;
}

/** The key of a record in `WarcOptions.done`: the file as given and the record's offset. */
export function warcRecordKey(archive: RecordPlace): string {
  return `${archive.file}#${archive.offset}`;
}

/**
 * The pages of a WARC file (.warc, or .warc.gz gzipped record by record), read as a stream in
 * the file's order, each with the byte offset of its record: see `recordPage` for which records
 * are pages and when a page is checked. A page is yielded once the next record starts (or the
 * file ends): in a .warc.gz, only then is its gzip member known whole. An archive that cannot
 * be read on (missing, not a WARC file, a truncated or corrupt record or gzip member) has an
 * `error` entry, whose `archive` tells where reading stopped; its `url` is the target URI of
 * the record that broke off where that record is a page's, else the file; `captured` is that
 * record's date, or empty. A .warc.gz is read on from the next gzip member that holds a WARC
 * record, as its records are one a member, and the entry names the bytes passed over; a plain
 * .warc, whose records have no marks to find again, ends there. A revisit record is checked with the payload of the capture it
 * repeats (see `CaptureIndex`). Nothing is thrown but an abort.
 */
export async function* readWarc(file: string, options: WarcOptions = {}): AsyncGenerator<AuditPage> {
  options.signal?.throwIfAborted();
  const { captures } = options;
  if (!captures) {
    const own = new CaptureIndex();
    yield* readWarc(file, { ...options, captures: own });
    yield* own.leftovers(options.maxBytes, options.signal);
    return;
  }
  let text: WarcText | undefined;
  try {
    text = await openWarcText(file);
  } catch (error) {
    yield broken(file, error);
    return;
  }
  while (text) {
    let stop: Stop | undefined;
    try {
      stop = yield* readRecords(file, text, captures, options);
    } finally {
      text.close();
    }
    if (!stop) return;
    // A corrupt member loses its own record, not those of the members after it.
    const next: Member | undefined = text.isGzip ? await nextMember(file, stop.offset + 1, options.signal) : undefined;
    yield broken(file, stop.error, stop.offset, stop.record, next?.offset);
    text = next?.text;
  }
}

/** Where the reading of a file broke off: the error, at the offset of the record it broke off in, that record if known. */
interface Stop {
  error: unknown;
  offset: number;
  record: WARCRecord | null | undefined;
}

/**
 * The first gzip member at or after `from` whose text starts a WARC record, opened there: a
 * .warc.gz holds one record a member (WARC 1.1, annex D), so reading can go on at the next
 * member after a corrupt one. A gzip header's bytes inside a corrupt member are tried and passed
 * over (its text does not inflate, or does not start with `WARC/`).
 */
async function nextMember(file: string, from: number, signal: AbortSignal | undefined): Promise<Member | undefined> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const buffer = Buffer.alloc(64 * 1024);
    // Two bytes of the chunk before, so that a header across two reads is found.
    for (let at = from; ; at += buffer.length - 2) {
      signal?.throwIfAborted();
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, at);
      for (let i = buffer.indexOf(GZIP_HEADER); i !== -1 && i + GZIP_HEADER.length <= bytesRead; i = buffer.indexOf(GZIP_HEADER, i + 1)) {
        const text = await openWarcText(file, at + i).catch(() => undefined);
        if (text) return { offset: at + i, text };
      }
      if (bytesRead < buffer.length) return undefined;
    }
  } finally {
    await handle.close();
  }
}

/** A gzip member of a .warc.gz, opened at its offset. */
interface Member {
  offset: number;
  text: WarcText;
}

/** The start of a gzip member: its magic bytes and the deflate method (RFC 1952, section 2.3.1). */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08]);

/** A record read, its page held back until the next record starts: in a .warc.gz, only then is its gzip member known whole. */
interface Held {
  record: WARCRecord;
  offset: number;
  page: AuditPage | undefined;
}

/** Yields the pages of the records of `text`; returns where it broke off, if it did before the end. */
async function* readRecords(file: string, text: WarcText, captures: CaptureIndex, { done, maxBytes, signal }: WarcOptions): AsyncGenerator<AuditPage, Stop | undefined> {
  const parser = new WARCParser(text.reader, { parseHttp: false });
  let held: Held | undefined;
  let offset = text.fileOffset(0) ?? 0;
  for (;;) {
    signal?.throwIfAborted();
    let record: WARCRecord | null = null;
    try {
      record = await parser.parse();
      const fault = text.fault(!record);
      if (fault) throw fault;
      if (record) offset = recordOffset(record, text.fileOffset(parser.offset), held?.offset ?? -1);
      if (held?.page) yield held.page;
      held = undefined;
      if (!record) return undefined;
      const place = { file, offset };
      const block = record.reader;
      if (!(block instanceof LimitReader)) throw new TypeError('warcio gave a record without a LimitReader');
      const page = done?.has(warcRecordKey(place)) ? await skipRest(block) : await recordPage(record, block, place, maxBytes);
      // warcio skips the rest of a record before parsing the next; where the file ended inside
      // this one it would wait forever for the bytes still owed.
      const isCut = block.limit > 0;
      const cause = text.fault(isCut);
      if (cause) throw cause;
      if (isCut) throw new ArchiveError(offset, `the file ends inside the record, ${block.length - block.limit} bytes into its ${block.length}-byte block`);
      captures.add(record, place);
      const isRevisit = page !== undefined && page.error === undefined && record.warcType === 'revisit';
      const isNotModified = page !== undefined && page.error === undefined && record.warcType === 'response' && page.status === 304;
      held = { record, offset, page: isRevisit ? await captures.revisit(page, record, maxBytes) : isNotModified ? captures.notModified(page, page.url, place) : page };
    } catch (error) {
      // A held page stands unless its gzip member broke off before it was whole.
      const isHeldBroken = held !== undefined && !text.isWhole(held.offset);
      if (held?.page && !isHeldBroken) yield held.page;
      return { error, offset, record: isHeldBroken ? held?.record : record };
    }
  }
}

/**
 * The offset of a record in the file, after checking that it is one: a version line, a
 * `Content-Length`, the start of a gzip member in a .warc.gz, and an offset past the record
 * before (warcio gives a record that follows the one before without the blank lines between
 * them the offset of that one, which would make both one key in `done`).
 */
function recordOffset(record: WARCRecord, fileOffset: number | undefined, previous: number): number {
  const at = fileOffset ?? previous;
  if (!record.warcHeaders.statusline.startsWith('WARC/')) throw new ArchiveError(at, 'not a WARC record: no `WARC/` version line where one should start');
  if (!/^\d+$/.test(record.warcHeader('Content-Length') ?? '')) throw new ArchiveError(at, 'a WARC record without a valid `Content-Length`');
  if (fileOffset === undefined) {
    throw new ArchiveError(previous, 'a gzip member holding more than one record, as when a whole WARC file is gzipped: audit it gunzipped, or recompress it record by record');
  }
  if (fileOffset <= previous) throw new ArchiveError(previous, 'a record not followed by the two line ends that end a WARC record (is its `Content-Length` right?)');
  return fileOffset;
}

/**
 * The error entry that ends a WARC file's reading: where it broke off (`offset` unless the error
 * says; none where the file did not open), for the record it broke off in when that one is known.
 */
function broken(file: string, error: unknown, offset?: number, record?: WARCRecord | null, readOnFrom?: number): AuditPage {
  const at = error instanceof ArchiveError ? error.offset : offset;
  const cause = error instanceof ArchiveError ? error.message : fileErrorReason(error);
  const reason = readOnFrom === undefined ? cause : `${cause}; bytes ${at ?? 0} to ${readOnFrom - 1} could not be read, and reading went on from the next gzip member, at byte ${readOnFrom}`;
  const uri = record && ['response', 'revisit', 'resource'].includes(record.warcType) ? record.warcTargetURI : undefined;
  return {
    url: uri ?? file,
    captured: (uri && isoDate(record?.warcDate)) ?? '',
    error: `Cannot read \`${file}\`${at === undefined ? '' : ` at byte ${at}`}: ${reason}`,
    archive: { file, offset: at ?? 0 },
  };
}
