import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Spaces the starts of requests to each host, so that however many requests are in flight a
 * site sees them no closer together than its delay (the crawl's, or robots.txt's Crawl-delay);
 * and holds a host's requests back while it asked for a pause with `Retry-After`.
 */
export class HostPacer {
  /** When the next request to each host may start (ms since the epoch). */
  private readonly next = new Map<string, number>();

  /** Waits for a request's turn to start on `host`, and books the next turn `delayMs` later. */
  async turn(host: string, delayMs: number, signal: AbortSignal): Promise<void> {
    const now = Date.now();
    const start = Math.max(now, this.next.get(host) ?? now);
    this.next.set(host, start + delayMs);
    if (start > now) await sleep(start - now, undefined, { signal });
  }

  /** Starts no request to `host` before `until` (ms since the epoch). */
  holdUntil(host: string, until: number): void {
    this.next.set(host, Math.max(until, this.next.get(host) ?? until));
  }
}
