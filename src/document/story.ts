import { classWords, furnitureOf, isSkipped, regionKindOf, storyRank } from './classify.js';
import type { TreeElement as Element, TreeRoot as Root } from './tree.js';

/**
 * Where a page's story stands, read from its markup and from the density of its text and links,
 * as boilerplate removal reads it:
 * - `root`: the element the page marks as its story (articleBody, then article, then main); else
 *   the story starts at the first h1, or, with no h1 either, at the start of the page.
 * - `block`: the smallest element that holds most of the page's unlinked text (a table layout's
 *   story cell, a template's content div), found whatever the markup calls it.
 * - `wrappers`: the root, the block and the elements that hold them. They are never page furniture,
 *   whatever their class says ("layout--sidebar", "content-and-right-rail").
 * - `linkDense`: blocks of mostly links outside the story block (menus, link lists, teaser rails
 *   with no class that names them): page furniture.
 */
export interface StoryLayout {
  root: Element | 'first-h1' | 'start';
  block: Element | undefined;
  wrappers: ReadonlySet<Element>;
  linkDense: ReadonlySet<Element>;
}

/** The text a reader sees in an element and how much of it is link text, in characters. */
interface Density {
  text: number;
  linked: number;
  links: number;
}

// The story block holds this share of its parent's unlinked text, and at least this much.
const STORY_SHARE = 0.6;
const STORY_MIN_TEXT = 200;
// Blocks of running text, which a story is made of but never is.
const PARAGRAPH_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'pre', 'blockquote', 'figcaption', 'caption', 'dd', 'dt']);
// A link-dense block: at least 3 links, which hold 70% of its text, beside little other text.
const DENSE_MIN_LINKS = 3;
const DENSE_LINK_SHARE = 0.7;
const DENSE_MAX_UNLINKED = 120;
// Containers that hold a list of links; a paragraph or span of links is prose or a byline.
const LIST_TAGS = new Set(['ul', 'ol', 'dl', 'menu', 'table', 'tbody', 'tr', 'td', 'div', 'section', 'header', 'footer']);

/** Reads where the story stands on an HTML page (see `StoryLayout`). */
export function readStoryLayout(tree: Root): StoryLayout {
  const densities = new Map<Element, Density>();
  let root: Element | undefined;
  let rootRank = 0;
  let rootPath: Element[] = [];
  let hasH1 = false;
  // Depth first, with a stack of its own: a page may nest elements deeper than the call stack goes.
  const frames: Array<{ node: Root | Element; inLink: boolean; density: Density; next: number }> = [
    { node: tree, inLink: false, density: { text: 0, linked: 0, links: 0 }, next: 0 },
  ];
  while (frames.length > 0) {
    const frame = frames[frames.length - 1] as (typeof frames)[number];
    const child = frame.node.children[frame.next++];
    if (child === undefined) {
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent && frame.node.type === 'element') {
        densities.set(frame.node, frame.density);
        parent.density.text += frame.density.text;
        parent.density.linked += frame.density.linked;
        parent.density.links += frame.density.links + (frame.node.tagName === 'a' ? 1 : 0);
      }
    } else if (child.type === 'text') {
      const length = visibleLength(child.value);
      frame.density.text += length;
      if (frame.inLink) frame.density.linked += length;
    } else if (child.type === 'element' && !isSkipped(child)) {
      const rank = storyRank(child);
      if (rank > rootRank) {
        [root, rootRank] = [child, rank];
        rootPath = frames.map((f) => f.node).filter((node): node is Element => node.type === 'element');
      }
      if (child.tagName === 'h1') hasH1 = true;
      frames.push({ node: child, inLink: frame.inLink || child.tagName === 'a', density: { text: 0, linked: 0, links: 0 }, next: 0 });
    }
  }

  const path = storyPath(tree, densities);
  const block = [...path].pop();
  const wrappers = new Set([...path, ...rootPath, ...(root ? [root] : [])]);
  const linkDense = new Set<Element>();
  for (const [element, density] of densities) {
    if (!wrappers.has(element) && isLinkDense(element, density)) linkDense.add(element);
  }
  return { root: root ?? (hasH1 ? 'first-h1' : 'start'), block, wrappers, linkDense };
}

/**
 * The story block and the elements above it: from the page down, the child that holds most of
 * its parent's unlinked text, while one does. The block holds paragraphs: a paragraph is not gone
 * into, nor is a gallery, whose captions can outweigh a short story's text.
 */
function storyPath(tree: Root, densities: ReadonlyMap<Element, Density>): Set<Element> {
  const path = new Set<Element>();
  let children = tree.children;
  let total = 0;
  for (;;) {
    let next: Element | undefined;
    let nextText = 0;
    for (const child of children) {
      if (child.type !== 'element' || PARAGRAPH_TAGS.has(child.tagName) || furnitureOf(child) === 'gallery') continue;
      const density = densities.get(child);
      const unlinked = density ? density.text - density.linked : 0;
      if (unlinked > nextText) [next, nextText] = [child, unlinked];
    }
    if (!next || nextText < STORY_MIN_TEXT || (path.size > 0 && nextText < STORY_SHARE * total)) return path;
    path.add(next);
    [total, children] = [nextText, next.children];
  }
}

function isLinkDense(element: Element, { text, linked, links }: Density): boolean {
  if (links < DENSE_MIN_LINKS || linked < DENSE_LINK_SHARE * text || text - linked > DENSE_MAX_UNLINKED) return false;
  if (!LIST_TAGS.has(element.tagName)) return false;
  // A byline or credit of linked names is the page's own credit, however many links it has.
  const kind = regionKindOf(element, 'body', classWords(element));
  return kind !== 'byline' && kind !== 'credit' && kind !== 'caption';
}

/** The length of a text without its runs of white space, which layout adds and readers skip. */
function visibleLength(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 32 && code !== 10 && code !== 9 && code !== 13 && code !== 12) length++;
  }
  return length;
}
