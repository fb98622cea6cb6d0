import type { AuditPage } from './audit-page.js';
import { crawlUrl } from './crawl-url.js';
import { statusLine } from './exchange.js';
import { partRange } from './http-payload.js';
import { pageLinks } from './page-links.js';
import type { Answer } from './polite-fetch.js';
import type { SiteRobots } from './robots.js';
import { readSitemap, SITEMAP_LIMIT } from './sitemap.js';
import { isHtmlByBytes, isUnknownType, SNIFF_BYTES } from './sniff-html.js';
import { found, type Validators, type Visit, type VisitContext, type VisitTask } from './visit-context.js';

/** A visit at its last hop. */
export interface Visiting {
  task: VisitTask;
  context: VisitContext;
  /** The robots.txt of the last hop's origin. */
  site: SiteRobots;
  /** What an earlier crawl kept of the last hop's URL. */
  cached: Validators | undefined;
  /** `redirectedFrom`, when the visit was redirected. */
  from: { redirectedFrom?: string };
}

const NOTHING: Visit = { pages: [], sitemaps: [] };

/**
 * How much of a body a visit reads: an HTML page up to the size cap (none of one whose
 * Content-Length is over it), a possible sitemap up to the protocol's limit, a page sent with no
 * `Content-Type`, or an unknown one, up to the size cap (to be sniffed), anything else and any error page nothing.
 */
export function readLimit(task: VisitTask, context: VisitContext): (status: number, headers: Headers) => number | undefined {
  return (status, headers) => {
    if (status < 200 || status >= 300) return undefined;
    const type = mediaType(headers.get('content-type'));
    if (isHtml(type) && task.kind !== 'sitemap') return task.readsPage && !(declaredSize(headers) > context.maxBytes) ? context.maxBytes : undefined;
    if (task.kind !== 'page' && mayBeSitemap(type)) return SITEMAP_LIMIT;
    return isUnknownType(type) && task.readsPage ? context.maxBytes : undefined;
  };
}

/**
 * What the last answer of a visit holds: a page to check, with its links; a sitemap's URLs; or
 * the reason it holds neither. A seed is told apart by what it is: HTML is a page, XML with a
 * `<urlset>` or `<sitemapindex>` root a sitemap, whatever its name.
 */
export async function readAnswer(answer: Answer, visiting: Visiting): Promise<Visit> {
  const { task, cached } = visiting;
  const contentType = answer.headers.get('content-type') ?? undefined;
  const entry: AuditPage = { url: answer.url, ...visiting.from, captured: answer.captured, status: answer.status, ...(contentType ? { contentType } : {}) };
  if (answer.status === 304 && cached) return notModified(answer, entry, cached, visiting.context);
  // A link to a page that is not there (a broken link) leads to nothing that could be reused: it
  // is reported, not failed. A start URL or a sitemap that is not there is a failed audit.
  if ((answer.status === 404 || answer.status === 410) && task.kind === 'page') return found({ ...entry, skipped: `${statusLine(answer)}: no page at this URL` });
  if (answer.status < 200 || answer.status >= 300) return found({ ...entry, error: `${statusLine(answer)}${answer.tries > 1 ? ` (${answer.tries} tries)` : ''}` });
  const type = mediaType(contentType);
  if (isHtml(type) && task.kind !== 'sitemap') return task.readsPage ? readPage(answer, entry, visiting) : NOTHING;
  // A page or seed sent with no type is what its first bytes say, as a browser sniffs it (a sitemap never starts as HTML does).
  if (isSniffedHtml(type, answer.body) && task.kind !== 'sitemap') return task.readsPage ? readPage(answer, entry, visiting) : NOTHING;
  if (task.kind !== 'page' && mayBeSitemap(type)) return readSitemapAnswer(answer, entry, visiting);
  return found(task.kind === 'sitemap' ? { ...entry, error: `not a sitemap (${typeName(type)})` } : { ...entry, skipped: notHtml(type) });
}

async function readPage(answer: Answer, entry: AuditPage, { task, context, site }: Visiting): Promise<Visit> {
  const { body, headers } = answer;
  if (!body || answer.isTruncated) return found({ ...entry, skipped: tooLarge(headers, context.maxBytes), isTooLarge: true });
  // The crawl asks for whole pages, never a range: a 206 is one part of the page (RFC 9110,
  // section 15.3.7), which checked as the page would pass over the rest.
  if (answer.status === 206) return found({ ...entry, error: `${statusLine(answer)} to a request for the whole page: the server sent one part of it${partRange(headers)}` });
  const page: AuditPage = { ...entry, bytes: body, ...validatorsOf(headers) };
  if (!context.follow) return found(page);
  const read = await pageLinks({ url: answer.url, bytes: body, contentType: entry.contentType, robotsTag: headers.get('x-robots-tag'), userAgent: context.politeness.userAgent });
  const links = read.isNofollow ? [] : read.links.filter((link) => context.scope.has(link));
  // A seed that is a site's page stands for the site: the sitemaps its robots.txt lists are read too.
  return { entry: { ...page, links }, pages: links, sitemaps: task.kind === 'seed' ? [...site.sitemaps] : [] };
}

function notModified(answer: Answer, entry: AuditPage, cached: Validators, context: VisitContext): Visit {
  const links = (cached.links ?? []).filter((link) => context.scope.has(link));
  return { entry: { ...entry, notModified: true, ...validatorsOf(answer.headers, cached), links }, pages: context.follow ? links : [], sitemaps: [] };
}

async function readSitemapAnswer(answer: Answer, entry: AuditPage, { task, context }: Visiting): Promise<Visit> {
  if (!answer.body || answer.isTruncated) return found({ ...entry, error: `Cannot read the sitemap: larger than ${SITEMAP_LIMIT} bytes, the protocol's limit` });
  // One part of a sitemap lists some of its pages: the others would go unmet, in silence.
  if (answer.status === 206) return found({ ...entry, error: `Cannot read the sitemap: ${statusLine(answer)}, one part of it${partRange(answer.headers)}` });
  let sitemap;
  try {
    sitemap = await readSitemap(answer.body);
  } catch (error) {
    return found({ ...entry, error: `Cannot read the sitemap: ${(error as Error).message}` });
  }
  if (!sitemap) {
    const skipped = notHtml(mediaType(entry.contentType));
    return found(task.kind === 'seed' ? { ...entry, skipped } : { ...entry, error: 'not a sitemap: its root is neither <urlset> nor <sitemapindex>' });
  }
  const urls = sitemap.locations.flatMap((location) => crawlUrl(location, answer.url) ?? []);
  return sitemap.kind === 'sitemapindex' ? { pages: [], sitemaps: urls } : { pages: urls.filter((url) => context.scope.has(url)), sitemaps: [] };
}


/** The skip reason of a page over the size cap, in the words the engine uses for a large file. */
function tooLarge(headers: Headers, limit: number): string {
  const size = declaredSize(headers);
  return `larger than the size limit (${size > limit ? `${size} bytes` : `over ${limit} bytes`}, limit ${limit})`;
}

/**
 * The body's size as its Content-Length tells it, NaN if unknown. A compressed body's length is
 * not the page's, which fetch decompresses (and which gzip can make a few bytes larger).
 */
function declaredSize(headers: Headers): number {
  return headers.has('content-encoding') ? Number.NaN : Number(headers.get('content-length') ?? Number.NaN);
}

/** The validators a later crawl sends back: the response's, else (a 304 may leave them out) the earlier ones. */
function validatorsOf(headers: Headers, cached?: Validators): { etag?: string; lastModified?: string } {
  const etag = headers.get('etag') ?? cached?.etag;
  const lastModified = headers.get('last-modified') ?? cached?.lastModified;
  return { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
}

/** A Content-Type's media type, lowered, without parameters; '' when there is none. */
function mediaType(contentType: string | null | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

const typeName = (type: string): string => type || 'no Content-Type';

/** Why a page is skipped as no HTML page, in the words a WARC audit uses. */
const notHtml = (type: string): string => `not HTML (${isUnknownType(type) ? `${type || 'no `Content-Type`'}, and its first bytes are not those of HTML` : type})`;

/** Whether a body sent with no type, or an unknown one, starts as HTML does (WHATWG MIME Sniffing), read or cut at the size cap. */
const isSniffedHtml = (type: string, body: Uint8Array | undefined): boolean => isUnknownType(type) && body !== undefined && isHtmlByBytes(body.subarray(0, SNIFF_BYTES));

const isHtml = (type: string): boolean => type === 'text/html' || type === 'application/xhtml+xml';

/** XML of any kind, gzip, or bytes of no stated kind: what a sitemap is served as. */
const mayBeSitemap = (type: string): boolean =>
  type === '' || type.endsWith('/xml') || type.endsWith('+xml') || type === 'application/gzip' || type === 'application/x-gzip' || type === 'application/octet-stream';
