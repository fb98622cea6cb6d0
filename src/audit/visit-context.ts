import type { AuditPage } from './audit-page.js';
import type { CrawlScope } from './crawl-scope.js';
import type { Politeness } from './polite-fetch.js';
import type { RobotsRules } from './robots.js';

/** One URL for the crawl to visit. */
export interface VisitTask {
  url: string;
  /** A seed may be a page or a sitemap; a `sitemap` was listed by a sitemap index or a robots.txt. */
  kind: 'seed' | 'page' | 'sitemap';
  /** Whether an HTML page at the end is read: not for a seed in another shard's slice when no links are followed. */
  readsPage: boolean;
}

/** What an earlier crawl kept of a page, to ask whether it changed. */
export interface Validators {
  etag?: string;
  lastModified?: string;
  links?: string[];
}

/** What a visit needs of its crawl. */
export interface VisitContext {
  politeness: Politeness;
  robots: RobotsRules;
  scope: CrawlScope;
  /** Takes a URL a redirect leads to as met; false when it was met before, here or in an earlier run. */
  claim(url: string): boolean;
  validators: ((url: string) => Validators | undefined) | undefined;
  maxBytes: number;
  /** The crawl's own least time between requests to a host, which a Crawl-delay may raise. */
  delayMs: number;
  follow: boolean;
}

/** What a visit found. */
export interface Visit {
  /** What to report for the URL, if anything. */
  entry?: AuditPage;
  /** Pages to visit next: a page's in-scope links, or a sitemap's in-scope pages. */
  pages: string[];
  /** Sitemaps to read next: a sitemap index's entries, or a seed site's robots.txt `Sitemap:` lines. */
  sitemaps: string[];
}

/** A visit that found only `entry`. */
export function found(entry: AuditPage): Visit {
  return { entry, pages: [], sitemaps: [] };
}
