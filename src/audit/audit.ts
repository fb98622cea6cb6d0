import { relative, resolve, sep } from 'node:path';
import { findPolicyFile } from '../config/find.js';
import { UsageError } from '../errors.js';
import { prepareRun, runKey, type Run } from '../engine/run.js';
import { asOfDay } from '../policy/dates.js';
import { comparePages } from '../workspace/merge.js';
import type { CheckResult, FileResult } from '../workspace/result.js';
import { isInShard, parseShard, type Shard } from '../workspace/shard.js';
import { summarise } from '../workspace/summary.js';
import type { AuditPage } from './audit-page.js';
import { checkAuditPage } from './check-audit-page.js';
import { crawl, type CrawlOptions } from './crawl.js';
import { Journal, type JournalEntry } from './journal.js';
import { auditStateFile } from './state-file.js';
import { Validators } from './validators.js';
import { CaptureIndex } from './revisits.js';
import { readWarc, warcRecordKey } from './warc.js';

/** How an audit of a live site or of web archives is run, as the command line or a script says it. */
export interface AuditOptions {
  /** Page or sitemap URLs to start from; with `warc`, web archive files (`.warc`, `.warc.gz`). */
  sources: readonly string[];
  warc?: boolean;
  cwd?: string;
  /** The policy file; else the nearest `rightslint.yaml` at or above the working folder. */
  config?: string;
  /** The day to judge retention by, `YYYY-MM-DD`; today when absent (a resumed audit keeps its own). */
  asOf?: string;
  /** How the site is crawled (not for web archives). */
  crawl?: Pick<CrawlOptions, 'scope' | 'follow' | 'maxPages' | 'concurrency' | 'delayMs' | 'timeoutMs' | 'retries' | 'userAgent'>;
  /** Audit only slice `i/n` of the pages (by URL) or of the web archives (by file). */
  shard?: string;
  /** The state file, written as the audit goes (default: `auditStateFile`'s). */
  state?: string;
  /** Go on with the audit the state file records: what is done is neither fetched nor checked again. */
  resume?: boolean;
  /** Leave the state file of an audit that ended in place, for the caller to remove once its reports are safe. */
  keepState?: boolean;
  /** Keep results here, and the validators of fetched pages for conditional requests. */
  cacheLocation?: string;
  /** Stops the audit: what is done is reported, and the state file kept for `resume`. */
  signal?: AbortSignal;
  /** Told of each page as it is done. */
  onPage?: (result: FileResult, progress: AuditProgress, page: AuditPage) => void;
}

/** How far an audit has come. */
export interface AuditProgress {
  /** Pages done, those of the run resumed included. */
  done: number;
  /** Pages found and not yet done, where the audit can tell (a crawl can; a web archive cannot). */
  queued: number | undefined;
}

/**
 * Audits a live site (crawled from page and sitemap URLs) or web archives: every page met is
 * checked as `check` checks a file, or reported with the reason it was not. The result is
 * `check`'s, with URLs for paths, pages in URL order, and `interrupted` set when `signal` stopped it.
 */
export async function audit(options: AuditOptions): Promise<CheckResult> {
  const cwd = resolve(options.cwd ?? process.cwd());
  if (options.sources.length === 0) throw new UsageError(options.warc ? 'Cannot audit: name the web archives (WARC files) to read' : 'Cannot audit: name a URL or a sitemap to start from');
  const shard = options.shard === undefined ? undefined : parseShard(options.shard);
  const config = options.config ? resolve(cwd, options.config) : await findPolicyFile(cwd);
  const policyName = config === undefined ? null : relative(cwd, config).split(sep).join('/');
  const sources = options.warc ? [...options.sources] : options.sources.map(urlOf);
  const identity = { sources, isWarc: options.warc === true, shard: options.shard ?? null, policy: policyName };
  const stateName = options.state ?? auditStateFile(options.shard);
  const stateFile = resolve(cwd, stateName);
  const resumed = options.resume ? await Journal.resume(stateFile, stateName, identity) : undefined;
  if (resumed && options.asOf !== undefined && asOfDay(options.asOf) !== resumed.asOf) {
    throw new UsageError(`Cannot resume the audit as of ${options.asOf}: it was begun as of ${resumed.asOf}, and its pages are judged as of one day`);
  }
  const asOf = resumed?.asOf ?? asOfDay(options.asOf);
  const run = await prepareRun({ config, cwd, asOf, prefilter: true, cacheFolder: options.cacheLocation === undefined ? undefined : resolve(cwd, options.cacheLocation) });
  const journal = resumed?.journal ?? Journal.start(stateFile, stateName, { ...identity, asOf });
  const done = new Map((resumed?.entries ?? []).map((entry) => [entry.key, entry]));
  for (const key of [...done.keys()]) done.delete(`${key}${FAILED}`);
  const validators = run.cache && !options.warc ? await Validators.load(resolve(cwd, options.cacheLocation ?? ''), options.crawl) : undefined;
  // Pages done, under every URL that led to them: a page met again (a seed fetched again on resume) is not checked twice.
  const visited = new Set([...done.values()].flatMap(visitedBy));
  const source = options.warc
    ? archivePages(sources, shard, done, run.policy.spec.maxFileSize, options.signal)
    : sitePages(sources, shard, done, visited, validators, run, options);
  const seeds = new Set(options.warc ? [] : sources);
  for await (const met of source.pages) {
    // A page done is not checked again (a seed is fetched again on resume). An archive's error
    // always counts: it may name the offset of the page read just before it.
    if (visited.has(recordOf(met)) && !(met.error !== undefined && met.archive)) continue;
    const page = seeds.has(met.redirectedFrom ?? met.url) ? asStartPage(met) : met;
    const key = keyOf(page);
    const { result, digest } = await checkAuditPage(page, run, validators?.digestOf(page.url));
    const entry: JournalEntry = { key, result, ...(page.links ? { links: page.links } : {}), ...(page.redirectedFrom ? { redirectedFrom: page.redirectedFrom } : {}) };
    journal.add(entry);
    done.set(key, entry);
    // A page that failed before and was read this time is reported as read.
    done.delete(`${key}${FAILED}`);
    for (const url of visitedBy(entry)) visited.add(url);
    validators?.record(page, result, digest);
    options.onPage?.(result, { done: done.size, queued: source.queued() }, page);
  }
  await validators?.save();
  const interrupted = options.signal?.aborted === true;
  if (!interrupted && !options.keepState) journal.remove();
  const files = [...done.values()].map((entry) => entry.result).sort(comparePages);
  const unvisited = !interrupted && options.crawl?.maxPages !== undefined ? source.queued() ?? 0 : 0;
  const notices = [
    ...(interrupted ? [`The audit was interrupted after ${files.length} page${files.length === 1 ? '' : 's'}: its state is in \`${relative(cwd, stateFile)}\`; run it again with --resume to go on.`] : []),
    ...(unvisited > 0 ? [`The audit stopped at --max-pages ${options.crawl?.maxPages}, with ${unvisited} pages found and not visited: the site holds more than this report shows.`] : []),
  ];
  return {
    version: 1,
    files,
    summary: summarise(files, asOf, policyName),
    ...(shard ? { shard: `${shard.index}/${shard.count}`, judgedBy: runKey(run.policy) } : {}),
    ...(notices.length > 0 ? { notices } : {}),
    ...(interrupted ? { interrupted: true } : {}),
    // A crawl stopped at --max-pages covered part of the site: reports say so as the run's own failure.
    ...(unvisited > 0 ? { unvisited } : {}),
  };
}

/**
 * A page's key in the state file: its URL, or its record in a web archive. A page that could not
 * be read has a key of its own, so that it never hides the page of the same record, and is
 * visited again when the audit resumes (an outage may have passed).
 */
function keyOf(page: AuditPage): string {
  return page.error === undefined ? recordOf(page) : `${recordOf(page)}${FAILED}`;
}

/** What ends the key of a page that could not be read. */
const FAILED = ' (error)';

/** What a page was read from: its URL, or its record in a web archive. */
function recordOf(page: AuditPage): string {
  return page.archive ? warcRecordKey(page.archive) : page.url;
}

/** The URLs a page done stands for: never one that failed. */
function visitedBy(entry: JournalEntry): string[] {
  if (entry.result.status === 'error') return [];
  return [entry.key, ...(entry.redirectedFrom ? [entry.redirectedFrom] : [])];
}

/**
 * A start URL that was not checked: the audit was asked for it by name, so what left it out (a
 * sitemap sent as plain text, a robots.txt that disallows it) leaves the audit undone.
 */
function asStartPage(page: AuditPage): AuditPage {
  if (page.skipped === undefined || page.isTooLarge) return page;
  const { skipped, ...rest } = page;
  return { ...rest, error: `a start URL, not audited: ${skipped}` };
}

interface PageSource {
  pages: AsyncIterable<AuditPage>;
  queued(): number | undefined;
}

/** The pages of a live site: crawled from the seeds, or from where the state file left off. */
function sitePages(seeds: readonly string[], shard: Shard | undefined, done: ReadonlyMap<string, JournalEntry>, visited: ReadonlySet<string>, validators: Validators | undefined, run: Run, options: AuditOptions): PageSource {
  // What is left to visit is what the pages done link to: the state file need keep no frontier.
  const queue = new Set([...done.values()].flatMap((entry) => entry.links ?? []).filter((url) => !visited.has(url)));
  const maxPages = options.crawl?.maxPages;
  const pages = crawl({
    ...options.crawl,
    seeds,
    ...(maxPages === undefined ? {} : { maxPages: Math.max(0, maxPages - done.size) }),
    maxBytes: run.policy.spec.maxFileSize,
    // The seeds are fetched again, so that the crawl finds where they lead and what sitemaps their
    // robots.txt lists; what they were is not checked again.
    done: new Set([...visited].filter((url) => !seeds.includes(url))),
    queue: [...queue],
    ...(shard ? { keep: (url: string) => isInShard(url, shard) } : {}),
    ...(validators ? { validators: (url: string) => validators.of(url, run) } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return { pages, queued: () => pages.pendingCount() };
}
/** The pages of web archives: every response record of each file in the shard, but those done. */
function archivePages(files: readonly string[], shard: Shard | undefined, done: ReadonlyMap<string, JournalEntry>, maxBytes: number, signal: AbortSignal | undefined): PageSource {
  const chosen = shard ? files.filter((file) => isInShard(file, shard)) : files;
  const keys = new Set(done.keys());
  // One index for all the archives: a revisit may repeat a capture in another file, read before or after it.
  const captures = new CaptureIndex();
  async function* pages(): AsyncIterable<AuditPage> {
    try {
      for (const file of chosen) yield* readWarc(file, { done: keys, maxBytes, captures, ...(signal ? { signal } : {}) });
      yield* captures.leftovers(maxBytes, signal);
    } catch (error) {
      // The reader stops at the next record once the audit is stopped; anything else is a fault.
      if (!signal?.aborted) throw error;
    }
  }
  return { pages: pages(), queued: () => undefined };
}

/** A start URL, checked: an audit reads the web over HTTP(S) only. */
function urlOf(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`Cannot audit \`${text}\`: not a URL (to check files on disk, use \`rightslint check\`; to read web archives, --warc)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`Cannot audit \`${text}\`: only http and https URLs can be fetched`);
  return url.href;
}
