import { UsageError } from '../errors.js';
import { VERSION } from '../version.js';
import type { AuditPage } from './audit-page.js';
import { CrawlScope } from './crawl-scope.js';
import { crawlUrl } from './crawl-url.js';
import { HostPacer } from './host-pacer.js';
import { type Politeness, politeFetch } from './polite-fetch.js';
import { RobotsRules } from './robots.js';
import type { Validators, VisitContext, VisitTask } from './visit-context.js';
import { visit } from './visit.js';

export type { Validators } from './visit-context.js';

/** What to crawl, and how politely. */
export interface CrawlOptions {
  /** Page URLs or sitemap URLs (XML, gzipped or not, sitemap indexes), told apart by what they hold. */
  seeds: readonly string[];
  /** URL globs (minimatch; `!` excludes) a page must match; by default, the seeds' origins. Seeds are crawled whatever the scope. */
  scope?: readonly string[];
  /** Whether to follow the links of the pages (default true). */
  follow?: boolean;
  /** The pages to yield: a shard's slice. See `crawl` for which URL a page is kept by. */
  keep?: (url: string) => boolean;
  /** The most entries to yield, skipped and failed pages included. */
  maxPages?: number;
  /** Requests in flight at once (default 4). */
  concurrency?: number;
  /** The least time between request starts to one host, in ms (default 0); a robots.txt Crawl-delay raises it. */
  delayMs?: number;
  /** How long one request may take, body included, in ms (default 30 s). */
  timeoutMs?: number;
  /** Tries after the first on a time-out, a network error, 408, 429 or a server error (default 3). */
  retries?: number;
  /** The wait before the first retry, doubled each time, in ms (default 1 s); a `Retry-After` replaces it. */
  backoffMs?: number;
  /** The longest `Retry-After` waited out, in ms (default 60 s); a longer one is an error for the page. */
  maxRetryAfterMs?: number;
  /** The most bytes of a page read (default 5 MiB, as the policy's `maxFileSize`); a larger page is skipped. */
  maxBytes?: number;
  /** The User-Agent sent, whose product token robots.txt groups are matched by (default `rightslint/<version>`). */
  userAgent?: string;
  /** URLs checked by an earlier run of the audit (as yielded: `url` and `redirectedFrom`): never fetched or yielded again. */
  done?: ReadonlySet<string>;
  /** A saved frontier (`pending()` of an earlier run): visited as if found; the seeds are read all the same. */
  queue?: readonly string[];
  /** What an earlier run kept of a page: sent as If-None-Match and If-Modified-Since, its links followed on a 304. */
  validators?: (url: string) => Validators | undefined;
  /** Stops the crawl: no new request, those in flight aborted, and the iteration ends without an error. */
  signal?: AbortSignal;
}

/** A crawl under way: its pages, as they are fetched (it is iterated once), and what it has yet to visit. */
export interface Crawl extends AsyncIterable<AuditPage> {
  /**
   * The pages found and not yet yielded (queued, in flight, or fetched and waiting): what a saved
   * state must still visit, as `queue`. The seeds are not among them: a resumed audit reads them again.
   */
  pending(): string[];
  /** How many pages `pending()` would list, without listing them. */
  pendingCount(): number;
}

/**
 * Crawls the seeds politely: robots.txt obeyed, requests to a host spaced, retried with backoff,
 * at most `concurrency` in flight. Pages are yielded as they come, each entry once: a page with
 * its bytes, or the reason it was skipped or failed. Fetching runs ahead of the consumer by a
 * buffer of `concurrency` pages, and no further: a slow consumer holds the crawl back.
 *
 * With `follow`, every shard fetches every page (to find the links), and keeps a page by its URL
 * after redirects, so that each page is yielded by one shard whatever order the shards met it
 * in. Without `follow`, a shard fetches only the URLs it keeps, and yields where they lead.
 * Sitemaps are read by every shard and never yielded, unless they cannot be read.
 */
export function crawl(options: CrawlOptions): Crawl {
  const seeds = options.seeds.map((seed) => crawlUrl(seed));
  const wrong = options.seeds.filter((_, i) => seeds[i] === undefined);
  if (wrong.length > 0) throw new UsageError(`Cannot crawl ${wrong.map((seed) => `\`${seed}\``).join(', ')}: not an http or https URL`);
  const concurrency = options.concurrency ?? 4;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError(`Cannot crawl with a concurrency of \`${concurrency}\`: expected a whole number of 1 or more`);
  return new Crawler(options, seeds.filter((seed) => seed !== undefined), concurrency);
}

/** A page fetched and kept, waiting for the consumer. */
interface Ready {
  entry: AuditPage;
  task: VisitTask;
}

class Crawler implements Crawl {
  private readonly controller = new AbortController();
  private readonly context: VisitContext;
  private readonly follow: boolean;
  private readonly keep: (url: string) => boolean;
  private readonly done: ReadonlySet<string>;
  private readonly queue: VisitTask[] = [];
  /** The index in `queue` of the next task to start. */
  private next = 0;
  private readonly seen = new Set<string>();
  /** The pages found and not yet yielded, nor given up as another shard's. */
  private readonly unvisited = new Set<string>();
  private readonly ready: Ready[] = [];
  private inFlight = 0;
  private yielded = 0;
  private wake: (() => void) | undefined;
  private iterator: AsyncGenerator<AuditPage> | undefined;

  constructor(private readonly options: CrawlOptions, seeds: readonly string[], private readonly concurrency: number) {
    this.follow = options.follow ?? true;
    this.keep = options.keep ?? (() => true);
    this.done = options.done ?? new Set();
    const userAgent = options.userAgent ?? `rightslint/${VERSION}`;
    const politeness: Politeness = {
      pacer: new HostPacer(),
      userAgent,
      timeoutMs: options.timeoutMs ?? 30_000,
      retries: options.retries ?? 3,
      backoffMs: options.backoffMs ?? 1000,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
      signal: this.controller.signal,
    };
    const delayMs = options.delayMs ?? 0;
    // RFC 9309 section 2.3.1.2: a crawler follows at least five redirects for a robots.txt.
    const readRobots = (url: string, limit: number) => politeFetch(url, { redirect: 'follow', readLimit: (status) => (status < 300 ? limit : undefined), delayMs }, politeness);
    this.context = {
      politeness,
      robots: new RobotsRules(readRobots, userAgent),
      scope: new CrawlScope(options.scope ?? [], seeds),
      claim: (url) => this.claim(url),
      validators: options.validators,
      maxBytes: options.maxBytes ?? 5 * 1024 * 1024,
      delayMs,
      follow: this.follow,
    };
    if (options.signal?.aborted) this.controller.abort();
    options.signal?.addEventListener('abort', this.stop, { once: true });
    for (const seed of seeds) {
      // A seed may be a sitemap, which every shard reads: only its page, if it is one, is a shard's.
      if (this.claim(seed)) this.queue.push({ url: seed, kind: 'seed', readsPage: this.follow || this.keep(seed) });
    }
    for (const url of options.queue ?? []) {
      const page = crawlUrl(url);
      if (page !== undefined) this.discover(page, 'page');
    }
  }

  [Symbol.asyncIterator](): AsyncGenerator<AuditPage> {
    this.iterator ??= this.entries();
    return this.iterator;
  }

  pendingCount(): number {
    return this.unvisited.size;
  }

  pending(): string[] {
    return [...this.unvisited];
  }

  private async *entries(): AsyncGenerator<AuditPage> {
    try {
      for (;;) {
        if (this.controller.signal.aborted) return;
        this.fill();
        const ready = this.ready.shift();
        if (ready) {
          this.yielded++;
          this.unvisited.delete(ready.task.url);
          yield ready.entry;
        } else if (this.inFlight === 0) {
          return;
        } else {
          await new Promise<void>((resolve) => (this.wake = resolve));
        }
      }
    } finally {
      // Also where the consumer stopped early (a `break`): what is in flight is of no more use.
      this.controller.abort();
      this.options.signal?.removeEventListener('abort', this.stop);
    }
  }

  /** Starts tasks while there is room: in flight, in the buffer, and under `maxPages`. */
  private fill(): void {
    const { maxPages } = this.options;
    while (!this.controller.signal.aborted && this.inFlight < this.concurrency && this.ready.length < this.concurrency) {
      // Each task yields one entry at most: counting those in flight, the crawl never fetches past the cap.
      if (maxPages !== undefined && this.yielded + this.ready.length + this.inFlight >= maxPages) return;
      const task = this.queue[this.next];
      if (!task) return;
      this.next++;
      this.inFlight++;
      void this.run(task);
    }
    // The queue drops the tasks it started now and then, not at each start (a shift copies the array).
    if (this.next > 1024 && this.next * 2 > this.queue.length) {
      this.queue.splice(0, this.next);
      this.next = 0;
    }
  }

  private async run(task: VisitTask): Promise<void> {
    try {
      const found = await visit(task, this.context);
      // A sitemap may name any host: one out of scope is not asked for, so that a site cannot
      // send the crawler to addresses it was not given (a cloud's metadata service among them).
      for (const url of found.sitemaps) if (this.context.scope.has(url)) this.discover(url, 'sitemap');
      for (const url of found.pages) this.discover(url, 'page');
      this.settle(task, found.entry);
    } catch (error) {
      // Aborted, the task is left unfinished: its page stays pending. Anything else is a bug to report, not a page to lose.
      if (!this.controller.signal.aborted) this.settle(task, { url: task.url, captured: new Date().toISOString(), error: `Cannot crawl \`${task.url}\`: ${(error as Error).message}` });
    } finally {
      this.inFlight--;
      this.fill();
      this.wakeUp();
    }
  }

  private settle(task: VisitTask, entry: AuditPage | undefined): void {
    if (entry && this.keep(this.follow ? entry.url : task.url)) this.ready.push({ entry, task });
    else this.unvisited.delete(task.url);
  }

  private discover(url: string, kind: 'page' | 'sitemap'): void {
    if (!this.claim(url)) return;
    if (kind === 'page') {
      // Without links to follow, a page outside the shard's slice is another shard's to fetch.
      if (!this.follow && !this.keep(url)) return;
      this.unvisited.add(url);
    }
    this.queue.push({ url, kind, readsPage: true });
  }

  /** Takes a URL as met; false if it was met before, or checked by an earlier run. */
  private claim(url: string): boolean {
    if (this.seen.has(url) || this.done.has(url)) return false;
    this.seen.add(url);
    return true;
  }

  private readonly stop = (): void => {
    this.controller.abort();
    this.wakeUp();
  };

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
