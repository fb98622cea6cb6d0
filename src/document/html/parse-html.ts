import { type FrontMatter, htmlFrontMatterOf, withoutFrontMatter } from '../front-matter.js';
import type { TreeRoot } from '../tree.js';
import type { MarkupRecord } from './html-scan.js';
import { buildHtmlTree } from './html-tree.js';

/** An HTML page parsed: its tree, and how the tree's offsets map to the page's. */
export interface ParsedHtml {
  tree: TreeRoot;
  /** The text the tree was parsed from, which its offsets refer to. */
  text: string;
  /** The page's offset for an offset in `text`, where they differ (parse5 reads the page without its scripts). */
  toSource?: ((offset: number) => number) | undefined;
  /** The front matter the page opens with, blanked out of `text`, where it has some. */
  frontMatter?: FrontMatter | undefined;
}

// parse5 is loaded when a page first needs it: a run of pages the tree builder reads never loads it.
let parse5: typeof import('./parse5-page.js') | undefined;

/**
 * The one way into an HTML page: the tree html-tree.ts builds where it can (from the markup the
 * prefilter recorded, if given), else parse5's through rehype-parse, which has every rule of the
 * standard. `full` asks for parse5's tree of the whole page, with a position for every element
 * (the tree builder keeps only what the region reader looks at): a trace shows where marks stand.
 * `beforeParse5` is called before a page goes to parse5, and may throw to stop it.
 *
 * A page whose `<title>` is never closed is all title to a parser (its text is raw to the end):
 * such a page is parsed with the title's tag renamed, at the same length so that every offset
 * holds, as the page its author meant, with the story in it. A static-site generator's HTML
 * content file opens with front matter, which is no page text: it is blanked out, at the same
 * length too, and given with the tree (page.ts reads it as front matter).
 */
export async function parseHtml(page: string, { markup, full = false, beforeParse5 }: { markup?: MarkupRecord | undefined; full?: boolean; beforeParse5?: (() => void) | undefined } = {}): Promise<ParsedHtml> {
  const frontMatter = htmlFrontMatterOf(page);
  const text = withTitleClosed(frontMatter ? withoutFrontMatter(page, frontMatter) : page);
  const built = full ? undefined : buildHtmlTree(text, text === page ? markup : undefined);
  if (built) return { tree: built, text, frontMatter };
  beforeParse5?.();
  parse5 ??= await import('./parse5-page.js');
  return { ...(full ? { tree: parse5.parseWhole(text), text } : parse5.parseWithoutScripts(text)), frontMatter };
}

const TITLE = /<title\b/i;
const TITLE_END = /<\/title\b/i;

/** The page with its first `<title` tag renamed where no `</title` follows it; else the page itself. */
export function withTitleClosed(source: string): string {
  const title = TITLE.exec(source);
  if (!title || TITLE_END.test(source.slice(title.index))) return source;
  return `${source.slice(0, title.index)}<tytle${source.slice(title.index + 6)}`;
}
