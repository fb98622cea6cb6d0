import { location } from 'vfile-location';
import { emptyFacts, type PageFacts } from './facts.js';
import { extractRegions } from './hast-regions.js';
import { type ParsedHtml, parseHtml } from './html/parse-html.js';
import { formatOf, type PageFormat } from './format.js';
import { publicationDate, type Published } from './published.js';

/** A page read into regions: what every detector works on. */
export interface Page extends PageFacts {
  path: string;
  format: PageFormat;
  source: string;
  published: Published | undefined;
  /** Converts a source offset to a 1-based line and column. */
  toPoint(offset: number): { line: number; column: number };
}

// The Markdown pipeline is loaded when a page first needs it: a run of HTML pages never loads it.
let markdownToHast: typeof import('./markdown/markdown.js').markdownToHast | undefined;

/**
 * Reads an HTML page's regions from its tree (parsed here unless given), at the page's offsets,
 * and the front matter a static-site generator's HTML content file opens with.
 */
async function readHtml(page: string, facts: PageFacts, parsed: ParsedHtml | undefined): Promise<void> {
  const { tree, text, toSource, frontMatter } = parsed ?? (await parseHtml(page));
  // Front matter is read at the page's own offsets, before the regions the tree's offsets are moved for.
  if (frontMatter) (await import('./markdown/frontmatter.js')).readFrontMatter(frontMatter, page, facts);
  const from = facts.regions.length;
  extractRegions(tree, text, facts);
  if (!toSource) return;
  for (const region of facts.regions.slice(from)) region.offsets = region.offsets.map(toSource);
  for (const comment of facts.comments) [comment.start, comment.end] = [toSource(comment.start), toSource(comment.end)];
}

/**
 * Parses a page's text into regions with positions: HTML where `html` (the page's tree, parsed
 * already) is given, else HTML or Markdown by `path`.
 */
export async function readPage(path: string, source: string, html?: ParsedHtml): Promise<Page> {
  const format = html ? 'html' : formatOf(path);
  const facts = emptyFacts();
  if (format === 'markdown') {
    markdownToHast ??= (await import('./markdown/markdown.js')).markdownToHast;
    extractRegions(await markdownToHast(source, facts), source, facts);
  } else await readHtml(source, facts, html);
  const place = location(source);
  return {
    path,
    format,
    source,
    ...facts,
    published: publicationDate(facts),
    toPoint(offset) {
      const point = place.toPoint(offset);
      return { line: point?.line ?? 1, column: point?.column ?? 1 };
    },
  };
}
