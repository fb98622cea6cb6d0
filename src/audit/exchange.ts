import { STATUS_CODES } from 'node:http';
import { EncodedBody } from './encoded-body.js';
import { readCapped } from './read-capped.js';

/** One HTTP request and its response, with the body read up to a limit or left unread. */
export interface Exchange {
  /** The response's URL: the request's, or the last redirect's when redirects were followed. */
  url: string;
  status: number;
  /** The status's reason phrase: the server's, else the standard one (HTTP/2 sends none). */
  statusText: string;
  headers: Headers;
  /** When the response's headers arrived (ISO 8601, UTC). */
  captured: string;
  /** The body, when it was read: its first `limit` bytes. */
  body?: Uint8Array;
  /** The body went on past the limit, and was not read further. */
  isTruncated?: true;
}

/** A request that got no response (or lost it midway): a time-out or a network error. */
export interface ExchangeFailure {
  error: string;
}

/** How to make one request. */
export interface ExchangeRequest {
  headers: Record<string, string>;
  redirect: 'manual' | 'follow';
  /** How long the whole exchange may take, body included. */
  timeoutMs: number;
  /** The crawl's signal: once it aborts, the exchange ends and its reason is thrown. */
  signal: AbortSignal;
  /** How many bytes of the body to read, given the status and headers; undefined leaves it unread. */
  readLimit: (status: number, headers: Headers) => number | undefined;
}

/**
 * Makes one request with Node's fetch, and reads what the caller wants of the body within the
 * time-out. A body left unread is cancelled, which lets undici give up the connection instead of
 * downloading an image nobody reads. A time-out or a network error is returned, not thrown:
 * only the crawl's abort is thrown.
 */
export async function exchange(url: string, request: ExchangeRequest): Promise<Exchange | ExchangeFailure> {
  const controller = new AbortController();
  let isTimedOut = false;
  const timer = setTimeout(() => {
    isTimedOut = true;
    controller.abort();
  }, request.timeoutMs);
  const stop = (): void => controller.abort(request.signal.reason);
  request.signal.addEventListener('abort', stop, { once: true });
  try {
    request.signal.throwIfAborted();
    const encoded = new EncodedBody();
    const init: RequestInit = { headers: request.headers, redirect: request.redirect, signal: controller.signal, ...(await encoded.dispatcher()) };
    const response = await fetch(url, init);
    const { status, headers } = response;
    const answer: Exchange = { url: response.url || url, status, statusText: response.statusText || (STATUS_CODES[status] ?? ''), headers, captured: new Date().toISOString() };
    const limit = request.readLimit(status, headers);
    if (limit === undefined) {
      response.body?.cancel().catch(() => undefined);
      return answer;
    }
    const read = await readCapped(response.body, limit);
    // Fetch reads a compressed body cut before its end as a shorter one: the whole page, or
    // sitemap, is never what part of it holds (a body that ends before its Content-Length is
    // fetch's own network error).
    const fault = read.isTruncated ? undefined : await encoded.fault(headers.get('content-encoding'));
    if (fault !== undefined) return { error: `network error: ${fault}` };
    return { ...answer, ...read };
  } catch (error) {
    if (request.signal.aborted) throw request.signal.reason;
    if (isTimedOut) return { error: `timed out after ${request.timeoutMs} ms` };
    return { error: `network error: ${causeOf(error)}` };
  } finally {
    clearTimeout(timer);
    request.signal.removeEventListener('abort', stop);
  }
}

/** `HTTP 404 Not Found`: how a report names a response's status. */
export function statusLine({ status, statusText }: { status: number; statusText: string }): string {
  return `HTTP ${status}${statusText ? ` ${statusText}` : ''}`;
}

/** What went wrong under fetch's `fetch failed` (undici puts the socket's error in `cause`). */
function causeOf(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return cause instanceof Error ? cause.message : String(cause);
}
