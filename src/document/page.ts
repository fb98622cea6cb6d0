import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { location } from 'vfile-location';
import { emptyFacts, type PageFacts } from './facts.js';
import { extractRegions } from './hast-regions.js';
import { buildHtmlTree } from './html-tree.js';
import { markdownToHast } from './markdown.js';
import { withoutScripts } from './parse-input.js';
import { publicationDate, type Published } from './published.js';
import { remapOffsets } from './text-builder.js';

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

const htmlParser = unified().use(rehypeParse);
const MARKDOWN_EXTENSIONS = /\.(?:md|markdown|mdx|mdown|mkd)$/i;

/** The format a file is read as, from its name. */
export function formatOf(path: string): PageFormat {
  return MARKDOWN_EXTENSIONS.test(path) ? 'markdown' : 'html';
}

/**
 * Reads an HTML page's regions: from the tree html-tree.ts builds where it can, else from parse5's
 * tree of the page without the content of its scripts and style sheets.
 */
function readHtml(source: string, facts: PageFacts): void {
  const tree = buildHtmlTree(source);
  if (tree) return extractRegions(tree, source, facts);
  const input = withoutScripts(source);
  extractRegions(htmlParser.parse(input?.text ?? source), input?.text ?? source, facts);
  if (!input) return;
  for (const region of facts.regions) remapOffsets(region, input.toSource);
  for (const comment of facts.comments) [comment.start, comment.end] = [input.toSource(comment.start), input.toSource(comment.end)];
}

/** Parses a page's text (HTML or Markdown, by `path`) into regions with positions. */
export async function readPage(path: string, source: string): Promise<Page> {
  const format = formatOf(path);
  const facts = emptyFacts();
  if (format === 'markdown') extractRegions(await markdownToHast(source, facts), source, facts);
  else readHtml(source, facts);
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
