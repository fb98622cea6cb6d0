import { LimitReader, type WARCRecord, WARCParser } from 'warcio';
import { fileErrorReason } from '../file-error.js';
import type { AuditPage } from './audit-page.js';
import { isoDate, type RecordPlace, recordPage } from './record-page.js';
import { openWarcText } from './warc-text.js';

/** What a revisit record says of the capture it repeats (WARC 1.1, section 6.7), and how a report names it. */
interface RevisitRef {
  keys: string[];
  /** "the capture of `https://…` at 2024-03-01T10:00:01.000Z" */
  named: string;
}

/** A revisit met before the capture it repeats, to be looked for again once every archive is read. */
interface Deferred {
  page: AuditPage;
  ref: RevisitRef;
  /** For a response answered 304 Not Modified: its URL, and where it is (no capture of its own). */
  notModified?: { uri: string; place: RecordPlace };
}

/** A capture of a URL, where it is and when it was made. */
interface UrlCapture {
  place: RecordPlace;
  date: string;
}

/**
 * The captures (`response` and `resource` records) of the web archives an audit reads, by the
 * fields a revisit record names the one it repeats by: its record ID (`WARC-Refers-To`), its
 * URL and date (`WARC-Refers-To-Target-URI`, `WARC-Refers-To-Date`), or its URL and payload
 * digest (the identical-payload-digest profile gives the revisit the same
 * `WARC-Payload-Digest`). A revisit holds no payload of its own: it is checked with its
 * capture's, read again from where that record is, as of its own date; where the archives read
 * hold no such capture, it is an error, never a page passed over. Kept: three keys and a place
 * a capture, not its payload.
 */
export class CaptureIndex {
  readonly #places = new Map<string, RecordPlace>();
  readonly #byUrl = new Map<string, UrlCapture[]>();
  readonly #deferred: Deferred[] = [];

  /** Notes a record where it is, if it is a capture a revisit may repeat. */
  add(record: WARCRecord, place: RecordPlace): void {
    const uri = record.warcTargetURI;
    if ((record.warcType !== 'response' && record.warcType !== 'resource') || !uri) return;
    const id = record.warcHeader('WARC-Record-ID');
    const date = isoDate(record.warcDate);
    const digest = record.warcPayloadDigest;
    if (id) this.#places.set(`id ${id}`, place);
    if (date) this.#places.set(`at ${uri} ${date}`, place);
    if (digest) this.#places.set(`digest ${uri} ${digest}`, place);
    const captures = this.#byUrl.get(uri) ?? [];
    captures.push({ place, date: date ?? '' });
    this.#byUrl.set(uri, captures);
  }

  /**
   * Holds, until `leftovers`, the page of a response answered 304 Not Modified (a crawler's
   * conditional request, the revisit WARC 1.1 calls server-not-modified, written as a response):
   * it holds no page, and stands for the capture of its URL the crawler had. It is checked with
   * the payload of another capture of its URL in the archives read, the last made before it, as
   * of its own date; where there is none, it is an error, never a page passed over as skipped.
   */
  notModified(page: AuditPage, uri: string, place: RecordPlace): undefined {
    const { skipped: _, ...rest } = page;
    this.#deferred.push({ page: rest, ref: notModifiedRef(uri), notModified: { uri, place } });
    return undefined;
  }

  /**
   * The page of a revisit record (`page`, as `recordPage` gives it), checked with the payload
   * of the capture it repeats; or undefined when that capture is not known yet: the page is
   * then held until `leftovers`.
   */
  async revisit(page: AuditPage, record: WARCRecord, maxBytes: number | undefined): Promise<AuditPage | undefined> {
    const ref = revisitRef(record);
    const place = this.#find(ref);
    if (!place) {
      this.#deferred.push({ page, ref });
      return undefined;
    }
    const read = await resolved(page, ref, place, maxBytes);
    // A revisit of a 304 repeats a capture that holds no page: it stands for what that one does.
    return isNotModified(read) ? this.notModified(page, page.url, place) : read;
  }

  /** The revisits held back, each with its capture if some archive read since holds it, else as an error. */
  async *leftovers(maxBytes: number | undefined, signal?: AbortSignal): AsyncGenerator<AuditPage> {
    for (const { page, ref, notModified } of this.#deferred.splice(0)) {
      signal?.throwIfAborted();
      if (notModified) {
        yield await this.#notModifiedPage(page, ref, notModified, maxBytes);
        continue;
      }
      const place = this.#find(ref);
      const read = await resolved(page, ref, place, maxBytes);
      yield place && isNotModified(read) ? await this.#notModifiedPage(page, notModifiedRef(page.url), { uri: page.url, place }, maxBytes) : read;
    }
  }

  /** A 304's page, with the payload of the nearest capture of its URL that holds a page (a 2xx, or a resource). */
  async #notModifiedPage(page: AuditPage, ref: RevisitRef, { uri, place }: { uri: string; place: RecordPlace }, maxBytes: number | undefined): Promise<AuditPage> {
    const others = (this.#byUrl.get(uri) ?? []).filter((capture) => capture.place.file !== place.file || capture.place.offset !== place.offset);
    // The last capture made before the 304, then those after it, nearest first.
    const before = others.filter((capture) => capture.date <= page.captured).sort((a, b) => (a.date < b.date ? 1 : -1));
    const after = others.filter((capture) => capture.date > page.captured).sort((a, b) => (a.date < b.date ? -1 : 1));
    for (const capture of [...before, ...after]) {
      const status = await statusAt(capture.place);
      if (status !== null && (status === undefined || (status >= 200 && status <= 299))) return resolved(page, ref, capture.place, maxBytes);
    }
    return resolved(page, ref, undefined, maxBytes);
  }

  #find(ref: RevisitRef): RecordPlace | undefined {
    for (const key of ref.keys) {
      const place = this.#places.get(key);
      if (place) return place;
    }
    return undefined;
  }
}

/** How a report names the capture a 304 stands for. */
function notModifiedRef(uri: string): RevisitRef {
  return { keys: [], named: `another capture of \`${uri}\` (it was answered HTTP 304 Not Modified)` };
}

/** Whether a revisit's page was read from a response answered 304 Not Modified, which holds no page. */
function isNotModified(page: AuditPage): boolean {
  return page.status === 304 && page.skipped !== undefined;
}

function revisitRef(record: WARCRecord): RevisitRef {
  const id = record.warcHeader('WARC-Refers-To');
  const uri = record.warcRefersToTargetURI ?? record.warcTargetURI ?? '';
  const date = isoDate(record.warcRefersToDate);
  const digest = record.warcPayloadDigest;
  const keys = [...(id ? [`id ${id}`] : []), ...(date ? [`at ${uri} ${date}`] : []), ...(digest ? [`digest ${uri} ${digest}`] : [])];
  return { keys, named: `the capture of \`${uri}\`${date ? ` at ${date}` : ''}` };
}

/** A revisit's page with its capture's status, type and payload, or the reason it has none. */
async function resolved(page: AuditPage, ref: RevisitRef, place: RecordPlace | undefined, maxBytes: number | undefined): Promise<AuditPage> {
  const { url, captured, archive } = page;
  const at = { url, captured, ...(archive ? { archive } : {}) };
  const cannot = (reason: string): AuditPage => ({ ...at, error: `Cannot check this revisit of ${ref.named}: ${reason}` });
  if (!place) return cannot('it holds no payload of its own, and none of the archives read holds that capture (audit them together)');
  let capture: AuditPage | undefined;
  try {
    capture = await readRecordAt(place, maxBytes);
  } catch (error) {
    return cannot(`the capture at byte ${place.offset} of \`${place.file}\` cannot be read again: ${fileErrorReason(error)}`);
  }
  if (!capture) return cannot(`no capture at byte ${place.offset} of \`${place.file}\``);
  const { status, contentType, bytes, skipped, isTooLarge, error } = capture;
  const as = { ...at, ...(status === undefined ? {} : { status }), ...(contentType === undefined ? {} : { contentType }) };
  if (error !== undefined) return { ...as, error: `Cannot check this revisit of ${ref.named}: ${error}` };
  if (skipped !== undefined) return { ...as, skipped: `revisit of ${ref.named}: ${skipped}`, ...(isTooLarge ? { isTooLarge } : {}) };
  return { ...as, ...(bytes ? { bytes } : {}) };
}

/** The HTTP status of the capture at `place` (undefined for a resource record); null where it cannot be read again. */
async function statusAt(place: RecordPlace): Promise<number | undefined | null> {
  try {
    const capture = await readRecordAt(place, 0);
    return capture ? capture.status : null;
  } catch {
    return null;
  }
}

/** The page of the record at `place`, read again from there; undefined where no page is there. */
async function readRecordAt(place: RecordPlace, maxBytes: number | undefined): Promise<AuditPage | undefined> {
  const text = await openWarcText(place.file, place.offset);
  try {
    const record = await new WARCParser(text.reader, { parseHttp: false }).parse();
    const block = record?.reader;
    if (!record || !(block instanceof LimitReader)) return undefined;
    return await recordPage(record, block, place, maxBytes);
  } finally {
    text.close();
  }
}
