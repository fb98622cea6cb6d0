import { AsyncIterReader, type LimitReader, StatusAndHeadersParser, type WARCRecord } from 'warcio';
import { isCalendarDay } from '../policy/dates.js';
import type { AuditPage } from './audit-page.js';
import { decodedPayload, type HttpHeaders, partRange, type Payload, PayloadError, readPayload } from './http-payload.js';
import { isHtmlByBytes, isUnknownType, SNIFF_BYTES } from './sniff-html.js';

/** Where a record is: the WARC file as given, and the record's byte offset in it. */
export interface RecordPlace {
  file: string;
  offset: number;
}

/** The media types read as HTML pages (WHATWG MIME Sniffing's HTML MIME type, and XHTML's). */
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/**
 * What an audit makes of one WARC record, which it reads to the end of its block: a page for a
 * `response` or `revisit` record of an http(s) URL, or a `resource` record holding HTML;
 * undefined for any other record (`request`, `metadata`, `warcinfo`, `conversion`, the
 * `response` to a DNS lookup). A response is checked when it is a 2xx with an HTML payload (by
 * its `Content-Type`, or by its first bytes where it names none); anything else is skipped with
 * its reason, and a response that cannot be read is an error. A revisit's page is its URL, date
 * and place alone: its payload is the capture it repeats, which `revisitPage` finds.
 */
export async function recordPage(record: WARCRecord, block: LimitReader, place: RecordPlace, maxBytes?: number): Promise<AuditPage | undefined> {
  try {
    if (!isPage(record)) return undefined;
    const page = startOf(record, place);
    if (page.error || record.warcType === 'revisit') return page;
    const read = record.warcType === 'resource' ? { ...page, contentType: record.warcContentType ?? undefined, ...(await readPayload(block, maxBytes)) } : await httpPage(record, block, page, place, maxBytes);
    const cut = read.bytes === undefined ? undefined : cutShort(record);
    return cut === undefined ? read : { ...withoutBytes(read), error: `Cannot check the capture at byte ${place.offset} of \`${place.file}\`: ${cut}` };
  } finally {
    // What the page did not need, or all of a record that is no page.
    await skipRest(block);
  }
}

/** Reads the rest of a record's block, keeping none of it. */
export async function skipRest(block: LimitReader): Promise<undefined> {
  for await (const chunk of block) void chunk;
  return undefined;
}

/**
 * Whether a record can be a page: a capture of a web URL, or an HTML document stored as it is. A
 * capture that names no URL at all may be one, and is reported as a record that cannot be read.
 */
function isPage(record: WARCRecord): boolean {
  if (record.warcType === 'resource') return HTML_TYPES.has(mediaType(record.warcContentType) ?? '');
  const uri = record.warcTargetURI ?? '';
  return (record.warcType === 'response' || record.warcType === 'revisit') && (uri === '' || /^https?:\/\//i.test(uri));
}

/** The page's URL, capture date and place; with an error where the record lacks one the WARC format requires. */
function startOf(record: WARCRecord, place: RecordPlace): AuditPage {
  const archive = { file: place.file, offset: place.offset };
  const url = record.warcTargetURI ?? place.file;
  const captured = isoDate(record.warcDate);
  const missing = !record.warcTargetURI ? 'WARC-Target-URI' : captured === undefined ? 'WARC-Date' : undefined;
  const page = { url, captured: captured ?? '', archive };
  return missing ? { ...page, error: `Cannot read the record at byte ${place.offset} of \`${place.file}\`: it has no valid \`${missing}\`` } : page;
}

/** A response record's page, from the HTTP message in its block. */
async function httpPage(record: WARCRecord, block: LimitReader, page: AuditPage, place: RecordPlace, maxBytes: number | undefined): Promise<AuditPage> {
  const body = new AsyncIterReader(block, null);
  // Parsed inside the block, where warcio's parser would read on into the next record to find
  // the end of headers a block lacks.
  const http = await new StatusAndHeadersParser().parse(body, { headersClass: Headers });
  const contentType = http?.headers.get('content-type') ?? undefined;
  const status = isStatus(http?.statusCode) ? http?.statusCode : undefined;
  const response = { ...page, ...(status && { status }), ...(contentType && { contentType }) };
  if (!http || !status) {
    return { ...response, error: `Cannot read the response at byte ${place.offset} of \`${place.file}\`: its block does not start with an HTTP status line` };
  }
  if (status < 200 || status > 299) return { ...response, skipped: statusReason(status, http.statusText, http.headers.get('location')) };
  const type = mediaType(contentType);
  const isSniffed = isUnknownType(type ?? '');
  if (type && !HTML_TYPES.has(type) && !isSniffed) return { ...response, skipped: `not HTML (${type})` };
  // A response that names no type, or an unknown one, is what its bytes say, as a browser sniffs it.
  const payload = await payloadOf(body, http.headers, maxBytes, isSniffed);
  if (payload && 'bytes' in payload) {
    const part = partOfPage(status, http.headers, payload.bytes.length);
    if (part !== undefined) return { ...response, error: `Cannot check the capture at byte ${place.offset} of \`${place.file}\`: ${part}` };
  }
  return { ...response, ...(payload ?? { skipped: `not HTML (${type ?? 'no `Content-Type`'}, and its first bytes are not those of HTML)` }) };
}

/**
 * Why a record holds part of its payload, by its own word: the crawler cut it short at its size
 * or time limit, or as the connection dropped (WARC 1.1, section 5.13, `WARC-Truncated`).
 */
function cutShort(record: WARCRecord): string | undefined {
  const reason = record.warcHeader('WARC-Truncated');
  return reason === null || reason === undefined ? undefined : `the crawler cut it short (\`WARC-Truncated: ${reason}\`), so part of the page was never captured`;
}

/**
 * Why an HTTP response holds part of its page: a 206 answers a range request with one part
 * (RFC 9110, section 15.3.7), and a body shorter than its `Content-Length` lost its end, as a
 * capture of a connection that dropped does. The length tells only where the body is stored as
 * sent: a crawler that undid a content or transfer coding may keep the headers of the coded body.
 */
function partOfPage(status: number, headers: HttpHeaders, size: number): string | undefined {
  if (status === 206) return `HTTP status 206 (Partial Content): the archive holds one part of the page${partRange(headers)}`;
  if (headers.get('content-encoding') || headers.get('transfer-encoding')) return undefined;
  const declared = headers.get('content-length')?.trim() ?? '';
  return /^\d+$/.test(declared) && size < Number(declared) ? `its payload is ${size} bytes, short of the ${declared} its \`Content-Length\` gives: the capture lost the page's end` : undefined;
}

/** A page without the bytes it was read with. */
function withoutBytes({ bytes, ...page }: AuditPage): AuditPage {
  void bytes;
  return page;
}

/**
 * The decoded payload, or its error; undefined where `isSniffed` and its first bytes are not
 * those of HTML (`isHtmlByBytes`), leaving the rest unread.
 */
async function payloadOf(body: AsyncIterReader, headers: HttpHeaders, maxBytes: number | undefined, isSniffed: boolean): Promise<Payload | { error: string } | undefined> {
  try {
    const chunks = decodedPayload(body, headers);
    if (!isSniffed) return await readPayload(chunks, maxBytes);
    const { head, rest } = await peek(chunks, SNIFF_BYTES);
    if (isHtmlByBytes(Buffer.concat(head))) return await readPayload(resume(head, rest), maxBytes);
    // Read to its end, keeping nothing: a decoder left half-read (br's pipeline) would wait on it.
    for await (const chunk of resume([], rest)) void chunk;
    return undefined;
  } catch (error) {
    if (error instanceof PayloadError) return { error: error.message };
    throw error;
  }
}

/** The first chunks of a stream, at least `size` bytes of them unless it ends first, and the rest. */
async function peek(chunks: AsyncIterable<Uint8Array>, size: number): Promise<{ head: Uint8Array[]; rest: AsyncIterator<Uint8Array> }> {
  const rest = chunks[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  for (let length = 0; length < size;) {
    const next = await rest.next();
    if (next.done) break;
    head.push(next.value);
    length += next.value.length;
  }
  return { head, rest };
}

async function* resume(head: readonly Uint8Array[], rest: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield* head;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

/**
 * A WARC date (WARC 1.1, section 5.4: W3C ISO 8601, UTC) as JavaScript writes ISO 8601, or
 * undefined when it is none. A time without a zone is refused: JavaScript would read it in the
 * machine's own; so is a day the calendar lacks (`2024-02-30`), which it would roll over.
 */
export function isoDate(value: string | null | undefined): string | undefined {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(value ?? '')?.[0];
  const time = value && !/T[^Z+-]*$/.test(value) && (day === undefined || isCalendarDay(day)) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

function isStatus(status: number | string | undefined): status is number {
  return typeof status === 'number' && Number.isInteger(status) && status >= 100 && status <= 599;
}

function statusReason(status: number, text: string | undefined, location: string | null | undefined): string {
  const reason = `HTTP status ${status}${text ? ` (${text})` : ''}`;
  return status >= 300 && status <= 399 && location ? `${reason}, to \`${location}\`` : reason;
}

/** The essence of a `Content-Type` (type/subtype, lowercased), or undefined when there is none. */
function mediaType(contentType: string | null | undefined): string | undefined {
  return contentType?.split(';')[0]?.trim().toLowerCase() || undefined;
}
