import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Run } from '../engine/run.js';
import { hash } from '../workspace/cache.js';
import type { FileResult } from '../workspace/result.js';
import { writeAtomic } from '../workspace/write-atomic.js';
import type { AuditPage } from './audit-page.js';
import { policyPathOf } from './policy-path.js';

/** What a crawl learnt of a page's response, to ask next time whether it changed. */
interface Validator {
  etag?: string;
  lastModified?: string;
  /** The digest of the body, under which the cache holds the page's result. */
  digest: string;
  links?: string[];
}

/**
 * The validators (`ETag`, `Last-Modified`) of pages fetched by earlier audits, kept beside the
 * result cache: a page the server says has not changed (304) is answered from the cache,
 * neither downloaded nor checked again. A validator is offered only while the cache still holds
 * the result it stands for.
 */
export class Validators {
  private constructor(
    private readonly file: string,
    private readonly byUrl: Map<string, Validator>,
  ) {}

  /**
   * The validators kept in the cache folder by audits crawled as this one is (scope, links
   * followed, user agent): a page answered 304 is followed by the links an earlier crawl read on
   * it, which hold only for a crawl of the same scope. None where the file is missing or damaged.
   */
  static async load(folder: string, crawl: { scope?: readonly string[] | undefined; follow?: boolean | undefined; userAgent?: string | undefined } = {}): Promise<Validators> {
    const key = hash(JSON.stringify([crawl.scope ?? null, crawl.follow ?? true, crawl.userAgent ?? null])).slice(0, 16);
    const file = join(folder, `audit-validators-${key}.json`);
    let entries: Array<[string, Validator]> = [];
    try {
      entries = Object.entries(JSON.parse(await readFile(file, 'utf8')) as Record<string, Validator>);
    } catch {
      // A missing or damaged file costs this audit its conditional requests, nothing else.
    }
    return new Validators(file, new Map(entries));
  }

  /** What to send in a conditional request for `url`, where the cache can answer a 304. */
  of(url: string, run: Run): Pick<Validator, 'etag' | 'lastModified' | 'links'> | undefined {
    const known = this.byUrl.get(url);
    if (!known || !run.cache?.get(run.cache.keyOf(known.digest, policyPathOf(url)))) return undefined;
    const { digest: _, ...validator } = known;
    return validator;
  }

  /** The digest of the body last fetched for `url`. */
  digestOf(url: string): string | undefined {
    return this.byUrl.get(url)?.digest;
  }

  /**
   * Learns a page's validators from its response, with the `digest` of the body its result is
   * cached under; a page that was not checked has none worth keeping.
   */
  record(page: AuditPage, result: FileResult, digest: string | undefined): void {
    if (result.status !== 'scanned' || page.notModified || digest === undefined || (page.etag === undefined && page.lastModified === undefined)) return;
    this.byUrl.set(page.url, {
      ...(page.etag === undefined ? {} : { etag: page.etag }),
      ...(page.lastModified === undefined ? {} : { lastModified: page.lastModified }),
      digest,
      ...(page.links ? { links: page.links } : {}),
    });
  }

  async save(): Promise<void> {
    await writeAtomic(this.file, JSON.stringify(Object.fromEntries(this.byUrl))).catch(() => undefined);
  }
}
