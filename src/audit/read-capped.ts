/** A response body read up to a limit. */
export interface CappedBody {
  /** The body's first bytes, all of them unless `isTruncated`. */
  body: Uint8Array;
  /** The body goes on past the limit; the rest was not read. */
  isTruncated?: true;
}

/**
 * Reads a response's body as a stream, up to `limit` bytes: past them it cancels the rest, so an
 * endless or huge body costs no more than the limit (the Content-Length, when sent, can lie).
 */
export async function readCapped(body: ReadableStream<Uint8Array> | null, limit: number): Promise<CappedBody> {
  if (!body) return { body: new Uint8Array(0) };
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { body: joined(chunks, length) };
    if (length + value.byteLength > limit) {
      chunks.push(value.subarray(0, limit - length));
      // The cancel's own outcome does not matter: the body is given up either way.
      reader.cancel().catch(() => undefined);
      return { body: joined(chunks, limit), isTruncated: true };
    }
    chunks.push(value);
    length += value.byteLength;
  }
}

function joined(chunks: readonly Uint8Array[], length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
