import { setTimeout as sleep } from 'node:timers/promises';
import { type Exchange, exchange, statusLine } from './exchange.js';
import type { HostPacer } from './host-pacer.js';
import { retryAfterMs } from './retry-after.js';

/** How a crawl treats the sites it asks: who it says it is, how long it waits, how often it tries again. */
export interface Politeness {
  pacer: HostPacer;
  userAgent: string;
  timeoutMs: number;
  retries: number;
  /** The wait before the first retry, doubled before each next one. */
  backoffMs: number;
  /** The longest `Retry-After` the crawl waits out; a longer one ends the tries. */
  maxRetryAfterMs: number;
  signal: AbortSignal;
}

/** One URL to fetch. */
export interface PoliteRequest {
  headers?: Record<string, string>;
  redirect?: 'manual' | 'follow';
  readLimit: (status: number, headers: Headers) => number | undefined;
  /** The least time between request starts to the URL's host. */
  delayMs: number;
}

/** The last response, after any retries. */
export type Answer = Exchange & { tries: number };

/** No usable response: a time-out, a network error, or a wait longer than the crawl gives. */
export interface FetchFailure {
  error: string;
  captured: string;
  status?: number;
}

// A page may well be there on the next try after these; other statuses are answers (RFC 9110
// section 15.6: 501 and 505 say the server will not do it, which does not change on a retry).
const isRetried = (status: number): boolean => status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505);

/**
 * Fetches a URL politely: each try waits its turn on the host (see HostPacer), and a time-out, a
 * network error, 408, 429 or a server error is tried again, after `Retry-After` when the server
 * sent one (and every request to that host waits it out too), else after an exponential backoff.
 */
export async function politeFetch(url: string, request: PoliteRequest, politeness: Politeness): Promise<Answer | FetchFailure> {
  const { pacer, signal } = politeness;
  const host = new URL(url).host;
  const headers = { 'user-agent': politeness.userAgent, accept: ACCEPT, ...request.headers };
  for (let tries = 1; ; tries++) {
    await pacer.turn(host, request.delayMs, signal);
    const answer = await exchange(url, { headers, redirect: request.redirect ?? 'manual', timeoutMs: politeness.timeoutMs, signal, readLimit: request.readLimit });
    const isLast = tries > politeness.retries;
    if ('error' in answer) {
      if (isLast) return { error: tries > 1 ? `${answer.error} (${tries} tries)` : answer.error, captured: new Date().toISOString() };
    } else {
      if (isLast || !isRetried(answer.status)) return { ...answer, tries };
      const wait = retryAfterMs(answer.headers.get('retry-after'));
      if (wait !== undefined && wait > politeness.maxRetryAfterMs) {
        const error = `${statusLine(answer)}, and Retry-After asks for ${Math.ceil(wait / 1000)} s, more than the ${politeness.maxRetryAfterMs / 1000} s the crawl waits`;
        return { error, captured: answer.captured, status: answer.status };
      }
      if (wait !== undefined) {
        pacer.holdUntil(host, Date.now() + wait);
        continue;
      }
    }
    await sleep(politeness.backoffMs * 2 ** (tries - 1), undefined, { signal });
  }
}

// Pages first, and sitemaps, which a seed may be; anything else is still answered.
const ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
