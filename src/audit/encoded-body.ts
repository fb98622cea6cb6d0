import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import type { Transform } from 'node:stream';

/**
 * The part of undici's `Dispatcher` that Node's fetch calls (its `dispatcher` option): a request
 * and the handler its response goes to, in the handler API every Node.js since 20 passes.
 */
interface Dispatcher {
  dispatch(options: unknown, handler: DispatchHandler): boolean;
}

interface DispatchHandler {
  onHeaders?(status: number, rawHeaders: ReadonlyArray<Buffer | string>, resume: () => void, statusText: string): boolean;
  onData?(chunk: Buffer): boolean;
  onComplete?(trailers: unknown): void;
}

/** The dispatcher all of Node's fetch calls share (undici's documented global, `setGlobalDispatcher`). */
const GLOBAL_DISPATCHER = Symbol.for('undici.globalDispatcher.1');

/**
 * Watches the bytes of a fetch's response as they came over the wire, before fetch undoes their
 * content coding, and undoes that coding again strictly. Fetch decodes gzip, deflate and br with
 * the decoder's end left open (undici's `finishFlush: Z_SYNC_FLUSH`), so a compressed body cut
 * before its end, whose framing was whole (a Content-Length sent for the bytes that were there, a
 * proxy's cached copy of a cut response), reads as a shorter page without an error. `fault()`
 * says, once the body is read, why it is not whole.
 */
export class EncodedBody {
  #check: Promise<string | undefined> = Promise.resolve(undefined);

  /** Fetch's `dispatcher` option watching this body, or none where Node's fetch has no global dispatcher to wrap (`fault` then vouches for no compressed body). */
  async dispatcher(): Promise<Pick<RequestInit, 'dispatcher'>> {
    // Node's fetch sets its global dispatcher when first used; a data: URL reaches no network.
    if (!(GLOBAL_DISPATCHER in globalThis)) await fetch('data:,');
    const global = (globalThis as Record<symbol, unknown>)[GLOBAL_DISPATCHER] as Dispatcher | undefined;
    if (typeof global?.dispatch !== 'function') {
      this.#check = Promise.resolve(UNWATCHED);
      return {};
    }
    const dispatcher: Dispatcher = { dispatch: (options, handler) => global.dispatch(options, this.#watch(handler)) };
    // fetch calls no other method of a dispatcher than `dispatch` (undici's Dispatcher API).
    return { dispatcher: dispatcher as unknown as RequestInit['dispatcher'] };
  }

  /** Why the body read is not the whole body the server encoded, or undefined: ask once fetch's body has ended. */
  async fault(contentEncoding: string | null): Promise<string | undefined> {
    return codingsOf(contentEncoding).length === 0 ? undefined : this.#check;
  }

  /**
   * The handler, with its response's body also fed to a strict decoder (each redirect's hop
   * anew). A proxy, so that fetch's handler keeps its own `this` for what it sets and reads.
   */
  #watch(handler: DispatchHandler): DispatchHandler {
    let decoder: Decoder | undefined;
    const watched: DispatchHandler = {
      onHeaders: (status, rawHeaders, resume, statusText) => {
        decoder = new Decoder(headerValue(rawHeaders, 'content-encoding'));
        this.#check = decoder.verdict;
        return handler.onHeaders?.call(handler, status, rawHeaders, resume, statusText) ?? true;
      },
      onData: (chunk) => {
        decoder?.write(chunk);
        return handler.onData?.call(handler, chunk) ?? true;
      },
      onComplete: (trailers) => {
        decoder?.end();
        handler.onComplete?.call(handler, trailers);
      },
    };
    return new Proxy(handler, {
      get(target, property) {
        if (property in watched) return watched[property as keyof DispatchHandler];
        const value: unknown = Reflect.get(target, property);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }
}

const UNWATCHED = 'its compressed body could not be checked for its end (Node\'s fetch has no dispatcher to watch it)';

/** A strict decoder of one content coding, whose output is thrown away: it is there to find the stream's end, or that it has none. */
class Decoder {
  readonly verdict: Promise<string | undefined>;
  #stream: Transform | undefined;
  #pending: Buffer[] = [];
  readonly #coding: string;

  constructor(contentEncoding: string) {
    const codings = codingsOf(contentEncoding);
    // The outermost coding is the last applied (RFC 9110, section 8.4): its end marks the end of all.
    this.#coding = codings.at(-1) ?? '';
    let settle: (fault: string | undefined) => void = () => undefined;
    this.verdict = new Promise((resolve) => (settle = resolve));
    if (this.#coding === '') settle(undefined);
    else if (!STRICT.has(this.#coding)) settle(`sent with \`Content-Encoding: ${contentEncoding}\`, which the crawl cannot decode`);
    else this.#settle = settle;
  }

  #settle: ((fault: string | undefined) => void) | undefined;
  #error: Error | undefined;

  write(chunk: Buffer): void {
    if (!this.#settle) return;
    // deflate's stream is zlib-wrapped or raw, as its first byte tells (as fetch itself reads it).
    if (!this.#stream) this.#stream = this.#open(chunk);
    this.#stream.write(chunk);
  }

  end(): void {
    const settle = this.#settle;
    if (!settle) return;
    const stream = this.#stream ?? this.#open(Buffer.alloc(0));
    const broken = (error: Error) => settle(`its \`Content-Encoding: ${this.#coding}\` body is broken or breaks off before its end (${error.message})`);
    if (this.#error) return broken(this.#error);
    stream.on('error', broken);
    stream.on('end', () => settle(undefined));
    stream.end();
  }

  #open(first: Buffer): Transform {
    const make = STRICT.get(this.#coding) as (first: Buffer) => Transform;
    const stream = make(first);
    // An error before the body's end is kept for `end`, never thrown as unhandled.
    stream.on('error', (error: Error) => (this.#error ??= error));
    stream.resume();
    return stream;
  }
}

/** The codings fetch undoes, each with Node's decoder, strict about its end (zlib's default finish). */
const STRICT = new Map<string, (first: Buffer) => Transform>([
  ['gzip', () => createGunzip()],
  ['x-gzip', () => createGunzip()],
  ['deflate', (first) => ((first[0] ?? 0) & 0x0f) === 0x08 ? createInflate() : createInflateRaw()],
  ['br', () => createBrotliDecompress()],
]);

/** A header's values in undici's raw list (name, value, name, value ...), joined as fetch joins them. */
function headerValue(rawHeaders: ReadonlyArray<Buffer | string>, name: string): string {
  const values: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    if (String(rawHeaders[i]).toLowerCase() === name) values.push(String(rawHeaders[i + 1]));
  }
  return values.join(', ');
}

/** The content codings a `Content-Encoding` names, `identity` (none) left out. */
function codingsOf(contentEncoding: string | null): string[] {
  return (contentEncoding ?? '').split(',').map((coding) => coding.trim().toLowerCase()).filter((coding) => coding !== '' && coding !== 'identity');
}
