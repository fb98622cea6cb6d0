import robotsModule from 'robots-parser';
import { statusLine } from './exchange.js';
import type { Answer, FetchFailure } from './polite-fetch.js';

// robots-parser is CommonJS typed with `export default`: to an ES module, its default import is
// `module.exports`, which is the parser function itself.
const robotsParser = robotsModule as unknown as typeof robotsModule.default;

/** What a site's robots.txt says to this crawler. */
/** The longest Crawl-delay obeyed, in milliseconds. */
export const MAX_CRAWL_DELAY_MS = 60_000;

export interface SiteRobots {
  /** Why the URL may not be fetched, or undefined if it may. */
  refusal(url: string): string | undefined;
  /** The Crawl-delay for this crawler, in milliseconds (0 without one). */
  delayMs: number;
  /** The sitemaps the file lists. */
  sitemaps: readonly string[];
  /** The file could not be read, so no page of the site may be fetched: the site is not audited, a failure. */
  isUnreachable?: true;
}

/** Fetches a robots.txt, following its redirects and reading its first `limit` bytes. */
export type FetchRobots = (url: string, limit: number) => Promise<Answer | FetchFailure>;

// RFC 9309 section 2.5: a crawler must read at least the first 500 KiB of the file.
const LIMIT = 500 * 1024;

/**
 * The robots.txt of each origin a crawl meets, fetched once (requests that need it meanwhile
 * wait for the one fetch), and read with robots-parser for the crawler's user agent, which
 * matches the groups named by its product token (`rightslint` for `rightslint/1.2.0`).
 *
 * RFC 9309 section 2.3.1 says what a robots.txt that cannot be read means: a 4xx status (404 the
 * most common) leaves everything allowed; a server error, a network error or a time-out leaves
 * everything disallowed, as the site may be unable to say what it forbids. 429 Too Many Requests,
 * though a 4xx, is read as the server error it is in practice (as Google does). The pages of such
 * a site are reported skipped with that reason, never fetched.
 */
export class RobotsRules {
  private readonly byOrigin = new Map<string, Promise<SiteRobots>>();

  constructor(private readonly fetchRobots: FetchRobots, private readonly userAgent: string) {}

  /** The rules for the origin of `url`. */
  of(url: string): Promise<SiteRobots> {
    const { origin } = new URL(url);
    let robots = this.byOrigin.get(origin);
    if (!robots) {
      robots = this.read(`${origin}/robots.txt`);
      this.byOrigin.set(origin, robots);
    }
    return robots;
  }

  private async read(url: string): Promise<SiteRobots> {
    const answer = await this.fetchRobots(url, LIMIT);
    if ('error' in answer) return refusingAll(`robots.txt unreachable (${answer.error})`);
    if (answer.status === 429 || answer.status >= 500) return refusingAll(`robots.txt unreachable (${statusLine(answer)})`);
    const text = answer.status < 300 && answer.body ? new TextDecoder().decode(answer.body) : '';
    const robots = robotsParser(url, text);
    const { userAgent } = this;
    return {
      // robots-parser answers undefined for a URL of another origin, which this file does not govern.
      refusal: (page) => (robots.isDisallowed(page, userAgent) === true ? 'disallowed by robots.txt' : undefined),
      // A site cannot hold an audit up without end: a longer delay asked for is waited as the cap.
      delayMs: Math.min((robots.getCrawlDelay(userAgent) ?? 0) * 1000, MAX_CRAWL_DELAY_MS),
      sitemaps: robots.getSitemaps(),
    };
  }
}

function refusingAll(reason: string): SiteRobots {
  const refusal = `${reason}, which disallows the whole site`;
  return { refusal: () => refusal, delayMs: 0, sitemaps: [], isUnreachable: true };
}
