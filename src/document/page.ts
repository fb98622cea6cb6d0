import { location } from 'vfile-location';
import { emptyFacts, type PageFacts } from './facts.js';
import { extractRegions } from './hast-regions.js';
import { buildHtmlTree } from './html/html-tree.js';
import { publicationDate, type Published } from './published.js';
import type { TreeRoot } from './tree.js';

export type PageFormat = 'html' | 'markdown';

/** A page read into regions: what every detector works on. */
export interface Page extends PageFacts {
  path: string;
  format: PageFormat;
  source: string;
  published: Published | undefined;
  /** Converts a source offset to a 1-based line and column. */
  toPoint(offset: number): { line: number; column: number };
}

// The Markdown and parse5 pipelines are loaded when a page first needs them: a run of HTML pages
// the tree builder reads, or a run answered from the cache, never loads them.
let markdownToHast: typeof import('./markdown/markdown.js').markdownToHast | undefined;
let readWithParse5: typeof import('./html/parse5-page.js').readWithParse5 | undefined;
const MARKDOWN_EXTENSIONS = /\.(?:md|markdown|mdx|mdown|mkd)$/i;

/** The format a file is read as, from its name. */
export function formatOf(path: string): PageFormat {
  return MARKDOWN_EXTENSIONS.test(path) ? 'markdown' : 'html';
}

/**
 * Reads an HTML page's regions: from the tree html/html-tree.ts builds where it can, else from parse5's.
 * A page whose `<title>` is never closed is all title to a parser (its text is raw to the end):
 * such a page is read with the title's tag renamed, at the same length so that every offset
 * holds, as the page its author meant, with the story in it.
 */
async function readHtml(page: string, facts: PageFacts, built: TreeRoot | null | undefined): Promise<void> {
  const source = withTitleClosed(page);
  const tree = built === undefined || source !== page ? buildHtmlTree(source) : built;
  if (tree) return extractRegions(tree, source, facts);
  readWithParse5 ??= (await import('./html/parse5-page.js')).readWithParse5;
  readWithParse5(source, facts);
}

const TITLE = /<title\b/i;
const TITLE_END = /<\/title\b/i;

/** The page with its first `<title` tag renamed where no `</title` follows it; else the page itself. */
export function withTitleClosed(source: string): string {
  const title = TITLE.exec(source);
  if (!title || TITLE_END.test(source.slice(title.index))) return source;
  return `${source.slice(0, title.index)}<tytle${source.slice(title.index + 6)}`;
}

/**
 * Parses a page's text (HTML or Markdown, by `path`) into regions with positions; `tree` is an
 * HTML page's, if built already (null where the tree builder declined it, for parse5 to read).
 */
export async function readPage(path: string, source: string, tree?: TreeRoot | null): Promise<Page> {
  const format = formatOf(path);
  const facts = emptyFacts();
  if (format === 'markdown') {
    markdownToHast ??= (await import('./markdown/markdown.js')).markdownToHast;
    extractRegions(await markdownToHast(source, facts), source, facts);
  } else await readHtml(source, facts, tree);
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
