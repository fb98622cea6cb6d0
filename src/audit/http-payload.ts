import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';
import { AsyncIterReader } from 'warcio';
import { tooLarge } from '../engine/target.js';

/** A page's payload read: its bytes, or why they were not kept. */
export type Payload = { bytes: Uint8Array<ArrayBuffer> } | { skipped: string; isTooLarge: true };

/** A payload that cannot be decoded: a content coding not undone, or a broken stream of one that is. */
export class PayloadError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PayloadError';
  }
}

/** An HTTP message's headers, as warcio parses them (`Headers`, or its own map). */
export interface HttpHeaders {
  get(name: string): string | null | undefined;
}

/** The content codings undone (RFC 9110, section 8.4.1); `identity` is none at all. */
const CODINGS = ['gzip', 'x-gzip', 'deflate', 'br', 'identity'];

/**
 * An HTTP response's body as the server meant it, read from `body` (the block of a WARC record
 * after the HTTP headers): chunked transfer coding and gzip, deflate or br content coding
 * undone. A payload stored already decoded under the headers of the encoded one, as some
 * crawlers write them, is passed through as it is, as warcio does for gzip and deflate. Throws a
 * `PayloadError` for a content coding it cannot undo, or, while read, a broken br stream.
 */
export function decodedPayload(body: AsyncIterReader, headers: HttpHeaders): AsyncIterable<Uint8Array> {
  const transfer = codings(headers.get('transfer-encoding'));
  const content = codings(headers.get('content-encoding')).filter((coding) => coding !== 'identity');
  const unknown = content.find((coding) => !CODINGS.includes(coding));
  if (unknown !== undefined || content.length > 1) {
    throw new PayloadError(`Cannot decode the payload's \`Content-Encoding: ${headers.get('content-encoding')}\`: rightslint undoes one of gzip, deflate or br`);
  }
  const dechunked = transfer.includes('chunked') ? new AsyncIterReader(body, null, true) : body;
  const coding = content[0];
  const decoded = coding === undefined ? dechunked : coding === 'br' ? brotli(dechunked) : new AsyncIterReader(dechunked, coding === 'deflate' ? 'deflate' : 'gzip');
  return decoded === body ? body : whole(decoded, dechunked);
}

/**
 * The chunks of a decoded payload, then a `PayloadError` where its stream broke off before its
 * end: warcio hands out what it decoded of a chunked body whose last chunk is cut short, and of a
 * gzip or deflate stream that ends before its trailer, and says so only in its reader's state.
 * A crawl killed mid-response leaves such a capture, which is part of a page, never a whole one.
 */
async function* whole(decoded: AsyncIterable<Uint8Array>, dechunked: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield* decoded;
  if (dechunked instanceof AsyncIterReader && dechunked.errored) throw new PayloadError('Cannot read the payload: its chunked transfer coding breaks off before the last chunk');
  // A stream that did not inflate is passed through (`compressed` null); one that did but never
  // ended had bytes cut off its end. An empty body has none to inflate.
  if (decoded instanceof AsyncIterReader && decoded.compressed !== null && decoded.inflator?.ended === false && decoded.lastValue !== null) {
    throw new PayloadError(`Cannot read the payload: its \`Content-Encoding: ${decoded.compressed === 'gzip' ? 'gzip' : 'deflate'}\` stream breaks off before its end`);
  }
}

/**
 * The bytes of a payload, in a buffer of their own, or `skipped` when there are more than
 * `maxBytes` of them. A payload over the cap is read to its end to tell its size, keeping none
 * of it.
 */
export async function readPayload(chunks: AsyncIterable<Uint8Array>, maxBytes = Infinity): Promise<Payload> {
  let kept: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.length;
    if (size <= maxBytes) kept.push(chunk);
    else kept = [];
  }
  if (size > maxBytes) return { skipped: tooLarge(size, maxBytes), isTooLarge: true };
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of kept) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return { bytes };
}

function codings(header: string | null | undefined): string[] {
  return (header ?? '').split(',').map((coding) => coding.trim().toLowerCase()).filter(Boolean);
}

// Node's brotli, which warcio's reader lacks. On a broken stream this throws only once the
// pipeline has stopped reading the body, so that what is left of the record can be skipped.
async function* brotli(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const decompress = createBrotliDecompress();
  const piping = pipeline(Readable.from(source), decompress);
  try {
    yield* decompress;
  } catch (error) {
    throw new PayloadError(`Cannot decode the payload's \`Content-Encoding: br\`: ${(error as Error).message}`, { cause: error });
  } finally {
    await piping.catch(() => undefined);
  }
}

/** The part a 206 Partial Content holds, as its `Content-Range` says, for a message (empty where it says none). */
export function partRange(headers: HttpHeaders): string {
  const range = headers.get('content-range');
  return range ? ` (\`Content-Range: ${range}\`)` : '';
}
