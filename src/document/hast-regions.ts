import { BLOCK_TAGS } from './classify.js';
import { emptyFacts, type PageFacts } from './facts.js';
import { FOUND, type RegionProbe, RegionWalker } from './region-walker.js';
import { findStoryRoot } from './story.js';
import type { TreeRoot as Root } from './tree.js';

// The regions of an HTML syntax tree, or a probe of them: the two doors to the region reader's walk
// (region-walker.ts).

/**
 * Splits an HTML syntax tree into regions, each block of text with its kind and source offsets,
 * and reads the page's metadata on the way. `source` is the text the tree was parsed from.
 */
export function extractRegions(tree: Root, source: string, facts: PageFacts): void {
  const story = findStoryRoot(tree);
  const walker = new RegionWalker(source, facts, story);
  const first = walker.walkChildren(tree.children, 'body');
  walker.markStory(first);
}

/**
 * Whether some text the region reader would read, as the kind of region it would be read into,
 * passes `probe`: the reader's own walk (`extractRegions`), which builds no text and ends at the
 * first that passes, at a fraction of the cost of reading the page. Whether a text is in the story
 * is known for sure only once the page is read (the densest block of text is in it): where the
 * page marks no story element, or an inline one that text just before can share a block with,
 * every text is taken to be in it.
 */
export function probeRegions(tree: Root, probe: RegionProbe): boolean {
  const story = findStoryRoot(tree);
  const isStoryKnown = typeof story.root === 'object' && BLOCK_TAGS.has(story.root.tagName);
  const walker = new RegionWalker('', emptyFacts(), story, (kind, isInStory, text) => probe(kind, isInStory || !isStoryKnown, text));
  try {
    walker.walkChildren(tree.children, 'body');
    return false;
  } catch (error) {
    if (error === FOUND) return true;
    throw error;
  }
}
