/**
 * One page an audit meets, fetched from a live site (crawl.ts) or read from a web archive
 * (warc.ts). It is checked when it has bytes; otherwise `skipped` or `error` says why not, and
 * the report shows that reason for its URL: an audit drops nothing it met.
 */
export interface AuditPage {
  /** The page's URL, after the redirects followed to reach it. */
  url: string;
  /** The URL the crawl asked for, where redirects led from it to `url` (both are then checked). */
  redirectedFrom?: string;
  /** When the page was fetched, or captured in the archive (ISO 8601, UTC). */
  captured: string;
  /** The response body of an HTML page, as it came (no Content-Encoding left). */
  bytes?: Uint8Array;
  /** The response's `Content-Type`, as sent. */
  contentType?: string;
  /** The HTTP status of the last response. */
  status?: number;
  /** Why the page was not checked, though nothing failed: not HTML, disallowed by robots.txt, over the size cap. */
  skipped?: string;
  /** The page was `skipped` for being over the size cap: reported unchecked, as a file over `maxFileSize` is. */
  isTooLarge?: true;
  /** Why the page could not be read: a time-out, an error status after the retries, a broken record. */
  error?: string;
  /** The archive and the offset of the record the page was read from. */
  archive?: { file: string; offset: number };
  /** The page's validators, for a later crawl's conditional request. */
  etag?: string;
  lastModified?: string;
  /** The server answered 304 Not Modified to a conditional request: the page is as it was. */
  notModified?: true;
  /** The in-scope links the page holds (absolute, without fragments), or held when `notModified`. */
  links?: string[];
}
