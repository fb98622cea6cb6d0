import { Minimatch } from 'minimatch';

/**
 * Which URLs a crawl may visit. Given globs, a URL must match one of them (`**` spans slashes)
 * and none of those written with a leading `!`; with no glob but exclusions, it must be on an
 * origin of the seeds, as it must with no globs at all.
 */
export class CrawlScope {
  private readonly includes: Minimatch[];
  private readonly excludes: Minimatch[];
  /** The origins a URL may be on when no glob includes URLs. */
  private readonly origins: Set<string> | undefined;

  constructor(globs: readonly string[], seeds: readonly string[]) {
    // `dot` lets `**` cross `/.well-known/`; `nonegate` as `!` is read here, to exclude.
    const compile = (glob: string): Minimatch => new Minimatch(glob, { dot: true, nonegate: true, nocomment: true });
    this.includes = globs.filter((glob) => !glob.startsWith('!')).map(compile);
    this.excludes = globs.filter((glob) => glob.startsWith('!')).map((glob) => compile(glob.slice(1)));
    this.origins = this.includes.length === 0 ? new Set(seeds.map((seed) => new URL(seed).origin)) : undefined;
  }

  /** Whether a page at `url` (normalised, as crawlUrl writes it) is in scope. */
  has(url: string): boolean {
    const isIncluded = this.origins ? this.origins.has(new URL(url).origin) : this.includes.some((glob) => glob.match(url));
    return isIncluded && !this.excludes.some((glob) => glob.match(url));
  }

  /**
   * Widens a scope of the seeds' origins to the origin a seed redirects to: `http://example.com`
   * moving to `https://www.example.com/` is the same site to the person who named it.
   */
  admit(url: string): void {
    this.origins?.add(new URL(url).origin);
  }
}
