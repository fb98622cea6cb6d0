import { classWords, type Furniture, isSkipped, regionKindOf, storyRank } from './classify.js';
import type { Region } from './region.js';
import type { TreeElement as Element, TreeRoot as Root } from './tree.js';

/**
 * Where a page's story stands, read from its markup and from the density of its text and links,
 * as boilerplate removal reads it. The region reader (region-walker.ts) measures each element as it
 * walks the page, and this module judges the measures:
 * - the story's root: the element the page marks as its story (articleBody, then article, then
 *   main); else the story starts at the first h1, or, with no h1 either, at the start of the page;
 * - the story block: the smallest element that holds most of the page's unlinked text (a table
 *   layout's story cell, a template's content div), whatever the markup calls it. Where the page
 *   marks no story element, the block's text is in the story too;
 * - wrappers: the root, the block and the elements that hold them, never page furniture whatever
 *   their class says ("layout--sidebar", "content-and-right-rail");
 * - blocks of mostly links (menus, link lists, teaser rails with no class that names them): page
 *   furniture, as are elements whose class names it, but for a gallery inside the story.
 */

/** The element the page marks as its story, or where it starts, and the elements that hold it. */
export interface StoryRoot {
  root: Element | 'first-h1' | 'start';
  /** The root and its ancestors. */
  holders: ReadonlySet<Element>;
}

/** A step on the way down to the story block: an element and the regions read inside it. */
export interface Step {
  element: Element;
  unlinked: number;
  from: number;
  to: number;
}

/** Page furniture and the regions read inside it. */
export interface FurnitureSpan {
  element: Element;
  furniture: Furniture;
  from: number;
  to: number;
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
// Containers that hold a list of links (each a block of its own); a paragraph or span of links is
// prose or a byline.
const LIST_TAGS = new Set(['ul', 'ol', 'dl', 'table', 'tbody', 'tr', 'td', 'div', 'section', 'header', 'footer']);

/** The element that holds the story by its markup, and its ancestors. */
export function findStoryRoot(tree: Root): StoryRoot {
  let root: Element | undefined;
  let rank = 0;
  let holders: Element[] = [];
  let hasH1 = false;
  // Depth first, with a stack of its own: a page may nest elements deeper than the call stack goes.
  const stack: Element[] = [];
  const depths: number[] = [];
  const path: Element[] = [];
  const push = (children: Root['children'], depth: number): void => {
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child?.type === 'element' && !isSkipped(child)) {
        stack.push(child);
        depths.push(depth);
      }
    }
  };
  push(tree.children, 0);
  while (stack.length > 0) {
    const element = stack.pop() as Element;
    const depth = depths.pop() as number;
    path.length = depth;
    path.push(element);
    const elementRank = storyRank(element);
    if (elementRank > rank) [root, rank, holders] = [element, elementRank, [...path]];
    if (element.tagName === 'h1') hasH1 = true;
    push(element.children, depth + 1);
  }
  return { root: root ?? (hasH1 ? 'first-h1' : 'start'), holders: new Set(holders) };
}

/** Whether an element can lead the way down to the story block: a container with text enough. */
export function leadsDown(element: Element, unlinked: number, furniture: Furniture | undefined): boolean {
  return unlinked >= STORY_MIN_TEXT && !PARAGRAPH_TAGS.has(element.tagName) && furniture !== 'gallery';
}

/** Whether an element is a block of mostly links: its text and the part in links, in characters, and its links. */
export function isLinkDense(element: Element, text: number, linked: number, links: number): boolean {
  if (links < DENSE_MIN_LINKS || linked < DENSE_LINK_SHARE * text || text - linked > DENSE_MAX_UNLINKED) return false;
  if (!LIST_TAGS.has(element.tagName)) return false;
  // A byline or credit of linked names is the page's own credit, however many links it has.
  const kind = regionKindOf(element, 'body', classWords(element));
  return kind !== 'byline' && kind !== 'credit' && kind !== 'caption';
}

/**
 * Marks the regions a page was read into, once all of it is measured: those in the story block
 * are in the story, those in furniture that holds no part of the story are asides. `first` is
 * the page's best child on the way down, `below` each element's; `rootSpan` is the regions read
 * in the story's root element. Only the regions of the page's text and attributes are marked,
 * not those of its metadata.
 */
export function markRegions(
  regions: Region[],
  story: StoryRoot,
  first: Step | undefined,
  below: ReadonlyMap<Element, Step>,
  furniture: readonly FurnitureSpan[],
  rootSpan: { from: number; to: number } | undefined,
): void {
  const wrappers = new Set(story.holders);
  let block: Step | undefined;
  for (let step = first; step; step = below.get(step.element)) {
    if (block && step.unlinked < STORY_SHARE * block.unlinked) break;
    wrappers.add(step.element);
    block = step;
  }
  const isWithin = (span: { from: number; to: number } | undefined, from: number, to: number) => span !== undefined && span.from <= from && to <= span.to;
  // Where the page marks its story element, that is the story; else its densest block is too.
  if (block && typeof story.root !== 'object') for (let i = block.from; i < block.to; i++) mark(regions[i], 'isInStory');
  for (const { element, furniture: kind, from, to } of furniture) {
    if (wrappers.has(element)) continue;
    // A gallery inside the story shows the story's own pictures.
    if (kind === 'gallery' && (isWithin(rootSpan, from, to) || isWithin(block, from, to))) continue;
    for (let i = from; i < to; i++) mark(regions[i], 'isAside');
  }
}

const METADATA = new Set<Region['kind']>(['meta', 'jsonld', 'frontmatter']);

function mark(region: Region | undefined, flag: 'isInStory' | 'isAside'): void {
  if (region && !METADATA.has(region.kind)) region[flag] = true;
}

/**
 * The length of a text without the white space around it, which layout adds and readers skip
 * (most text between tags is only that). Counting what is within would read every character.
 */
export function visibleLength(text: string): number {
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return end - start;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13 || code === 12;
}
