import type { Element, Root as HastRoot } from 'hast';
import type { Nodes as MdastNode, Root as MdastRoot } from 'mdast';
import rehypeRaw from 'rehype-raw';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { PageFacts } from '../facts.js';
import { frontMatterOf, withoutFrontMatter } from '../front-matter.js';
import { GFM_SYNTAX, parseByBlocks } from './markdown-blocks.js';
import { readFrontMatter } from './frontmatter.js';
import { readNoteBoxes } from './note-boxes.js';
import { readFigureShortcodes } from './shortcodes.js';

// Front matter stands only at the start of a page: a part of it parsed apart is read without.
const commonMark = unified().use(remarkParse);
const gfm = unified().use(remarkParse).use(remarkGfm);
const atStart = {
  commonMark: unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']),
  gfm: unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm),
};

/**
 * The Markdown parser a text needs: with GitHub's extensions only where they can apply (see
 * `GFM_SYNTAX`: without it they change nothing, and the parser without them is three times
 * faster), and front matter where the text is the start of the page.
 */
export function markdownParser(source: string, isDocumentStart = true): typeof gfm {
  const withGfm = GFM_SYNTAX.test(source);
  if (isDocumentStart) return withGfm ? atStart.gfm : atStart.commonMark;
  return withGfm ? gfm : commonMark;
}

/** Parses a Markdown page, block by block where it can (see `parseByBlocks`). */
export function parseMarkdown(source: string): MdastRoot {
  return parseByBlocks(source, (text, isDocumentStart) => markdownParser(text, isDocumentStart).parse(text));
}

// An attribute list of classes and ids after an element, kramdown's and MkDocs' (attr_list), set
// right after a caption's emphasis: "*Foto: Name/dpa*{: .bildunterschrift}", "*Photo: Name/AFP*{ .credit }".
// It renders as no text.
const ATTRIBUTE_LIST = /\{:?[ \t]*(?:[.#][\w-]+[ \t]*)+\}/g;

// Raw HTML inside Markdown (figures, embeds, comments) is parsed into the same tree, keeping its
// positions; re-parsing the tree costs as much again, so a page without raw HTML skips it.
const toHtmlWithRaw = unified().use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw);
const toHtml = unified().use(remarkRehype);

/** Parses Markdown into the HTML syntax tree the region walker reads, front matter read apart. */
export async function markdownToHast(source: string, facts: PageFacts): Promise<HastRoot> {
  // JSON front matter (Hugo's) is blanked out before parsing, offsets kept: Markdown has no syntax
  // for it; so are attribute lists of classes and ids (see `ATTRIBUTE_LIST`).
  const found = frontMatterOf(source);
  const text = found?.format === 'json' ? withoutFrontMatter(source, found) : source;
  const mdast = parseMarkdown(text.includes('{') ? text.replace(ATTRIBUTE_LIST, (list) => ' '.repeat(list.length)) : text);
  // remark-frontmatter's nodes, `yaml` and `toml` (mdast's types name only the first).
  const opening: string | undefined = mdast.children[0]?.type;
  const frontMatter = found?.format === 'json' || opening === 'yaml' || opening === 'toml' ? found : undefined;
  if (frontMatter) readFrontMatter(frontMatter, source, facts);
  const hasRawHtml = mdast.children.some(function holdsHtml(node: MdastNode): boolean {
    return node.type === 'html' || ('children' in node && node.children.some(holdsHtml));
  });
  const hast = (await (hasRawHtml ? toHtmlWithRaw : toHtml).run(mdast)) as HastRoot;
  readFigureShortcodes(hast, source);
  readNoteBoxes(hast, source);
  markImageCaptions(hast);
  return hast;
}

/**
 * Markdown has no figure: the common convention is an emphasised line right under the image
 * (`![..](photo.jpg)` then `*Photo: Name/AFP*`), in the same paragraph or the next. That line is
 * the caption, and is marked so the walker reads it as one.
 */
function markImageCaptions(tree: HastRoot): void {
  let previousHadImage = false;
  for (const node of tree.children) {
    if (node.type !== 'element') continue;
    if (node.tagName !== 'p') {
      previousHadImage = false;
      continue;
    }
    const parts = node.children.filter((c) => c.type === 'element' || (c.type === 'text' && c.value.trim() !== ''));
    const hasImage = parts.some((c) => c.type === 'element' && c.tagName === 'img');
    const last = parts.at(-1);
    const isCaptionLine = last?.type === 'element' && (last.tagName === 'em' || last.tagName === 'small');
    if (isCaptionLine && (hasImage || (previousHadImage && parts.length === 1))) {
      (last as Element).properties.className = ['caption'];
    }
    previousHadImage = hasImage && !isCaptionLine;
  }
}
