import { gzipSync } from 'node:zlib';

// WARC files for tests, written record by record in the WARC 1.1 text format, so that each
// record's offset is known: a .warc is the records one after another, a .warc.gz the same
// records gzipped one a member.

export const CRLF = '\r\n';
let serial = 0;

/** A WARC record with `headers` and `block`, its Content-Length and record ID added. */
export function record(headers: Record<string, string>, block: Uint8Array | string = ''): Buffer {
  const body = Buffer.from(block);
  const id = `<urn:uuid:00000000-0000-4000-8000-${String(++serial).padStart(12, '0')}>`;
  const lines = Object.entries({ 'WARC-Record-ID': id, ...headers, 'Content-Length': String(body.length) }).map(([name, value]) => `${name}: ${value}`);
  return Buffer.concat([Buffer.from(['WARC/1.1', ...lines].join(CRLF) + CRLF + CRLF), body, Buffer.from(CRLF + CRLF)]);
}

/** An HTTP response message: status line, headers, body. */
export function http(status: string, headers: Record<string, string>, body: Uint8Array | string = ''): Buffer {
  const head = [`HTTP/1.1 ${status}`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)].join(CRLF);
  return Buffer.concat([Buffer.from(head + CRLF + CRLF), Buffer.from(body)]);
}

export function response(url: string, date: string, message: Buffer): Buffer {
  return record({ 'WARC-Type': 'response', 'WARC-Target-URI': url, 'WARC-Date': date, 'Content-Type': 'application/http; msgtype=response' }, message);
}

/** `bytes` in HTTP/1.1 chunked transfer coding, in chunks of `size`. */
export function chunked(bytes: Uint8Array, size: number): Buffer {
  const parts: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) {
    const chunk = bytes.subarray(at, at + size);
    parts.push(Buffer.from(`${chunk.length.toString(16)}${CRLF}`), Buffer.from(chunk), Buffer.from(CRLF));
  }
  return Buffer.concat([...parts, Buffer.from(`0${CRLF}${CRLF}`)]);
}

/** An archive of `records`, plain or gzipped a record a member, with each record's offset in it. */
export function archive(records: Buffer[], isGzip: boolean): { bytes: Buffer; offsets: number[] } {
  const stored = records.map((bytes) => (isGzip ? gzipSync(bytes) : bytes));
  const offsets = stored.map((_, i) => stored.slice(0, i).reduce((sum, bytes) => sum + bytes.length, 0));
  return { bytes: Buffer.concat(stored), offsets };
}

