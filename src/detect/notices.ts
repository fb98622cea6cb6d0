import { BLOCK_TAGS, isSkipped, regionKindOf } from '../document/classify.js';
import { CREDIT_ATTRIBUTES, propertyName } from '../document/hast-regions.js';
import type { Region } from '../document/region.js';
import { findStoryRoot } from '../document/story.js';
import type { TreeNode, TreeRoot } from '../document/tree.js';

/** A copyright or no-redistribution notice on a page, with the owner it names (if any). */
export interface Notice {
  owner: string | undefined;
  text: string;
  start: number;
  end: number;
}

// "© 2025 Owner", "(c) Owner", "Copyright 2024-2025 Owner", "Copyright © Owner".
const COPYRIGHT = /(?:©|\(c\)|\bcopyright\b)(?:\s*(?:©|\(c\)))?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?:by\s+)?(?<owner>\p{Lu}[\p{L}\p{M}\p{N}&.'’-]*(?:[ ]+(?:of[ ]+|&[ ]+|\p{Lu}|\d)[\p{L}\p{M}\p{N}&.'’-]*){0,5})?/giu;
// In body text only a notice that opens the block counts: it is looked for there alone.
const COPYRIGHT_AT_START = new RegExp(COPYRIGHT.source, 'iuy');
// The wire services' no-redistribution clause, in its usual English wording.
const NO_REDISTRIBUTION = /\bmay not be (?:re)?published,? broadcast,? rewritten,? or redistributed\b/i;
const RESERVED = /\ball rights reserved\b/i;
const NOTICE_REGIONS = new Set<Region['kind']>(['footer', 'caption', 'credit', 'body']);
// What every notice starts with (see COPYRIGHT).
const SIGN = /©|\(c\)|copyright/i;

/** Whether notices are looked for in a region: a site's footer outside the story carries the site's own notice, not a third party's. */
function holdsNotices(kind: Region['kind'], isInStory: boolean): boolean {
  return NOTICE_REGIONS.has(kind) && (kind !== 'footer' || isInStory);
}

/**
 * Finds copyright notices that do not depend on any catalogue entry: the `©` sign or the word
 * "Copyright" with a year, or any form next to "All rights reserved" or a no-redistribution
 * clause. In body text a notice must open the block, so "copyright law" in a sentence is not one.
 * Footers count only inside the story.
 */
export function findNotices(regions: readonly Region[]): Notice[] {
  const notices: Notice[] = [];
  for (const region of regions) {
    if (!holdsNotices(region.kind, region.isInStory === true)) continue;
    let hasClause: boolean | undefined;
    for (const match of region.kind === 'body' ? atStart(region.text) : region.text.matchAll(COPYRIGHT)) {
      const isSign = !/^copyright/i.test(match[0]) || /©|\(c\)|\d{4}/i.test(match[0]);
      if (!isSign && !(hasClause ??= RESERVED.test(region.text) || NO_REDISTRIBUTION.test(region.text))) continue;
      // An owner ends at a sentence break: "Nordic Wire. All rights reserved."
      const owner = match.groups?.owner?.split(/[.,;:]\s/)[0]?.replace(/[.,;:]+$/, '');
      const end = match.index + match[0].length;
      notices.push({
        owner: owner || undefined,
        text: match[0].trim(),
        start: region.offsets[match.index] ?? 0,
        end: (region.offsets[end - 1] ?? 0) + 1,
      });
    }
  }
  return notices;
}

/** The notice that opens a text, if one does. */
function atStart(text: string): RegExpExecArray[] {
  COPYRIGHT_AT_START.lastIndex = 0;
  const match = COPYRIGHT_AT_START.exec(text);
  return match ? [match] : [];
}

/**
 * Whether `findNotices` could find a notice on the page of this HTML tree: a notice sign or word
 * in text of a region it reads, or in a credit attribute. It walks the tree as the region reader
 * does (hast-regions.ts), building no text, so a page whose only notices stand in the site's footer
 * outside the story, or in navigation, is passed over at a fraction of the cost of reading it. Where
 * the story's element is not a block, text just before it can share its first block and be read
 * as in the story: every footer is then taken to be in it; so it is where the page marks no story
 * element (the densest block of text, in the story too, is found only as the page is read).
 */
export function mayHoldNotice(tree: TreeRoot): boolean {
  const { root } = findStoryRoot(tree);
  const isStoryInline = typeof root === 'object' && !BLOCK_TAGS.has(root.tagName);
  // Where the page marks no story element, its densest block of text is in the story wherever it
  // stands: any footer may be.
  let isInStory = typeof root !== 'object';
  const visit = (children: readonly TreeNode[], kind: Region['kind']): boolean => {
    for (const child of children) {
      if (child.type === 'text') {
        if (holdsNotices(kind, isInStory || isStoryInline) && SIGN.test(child.value)) return true;
        continue;
      }
      if (child.type !== 'element' || child.tagName === 'meta' || child.tagName === 'script' || isSkipped(child)) continue;
      if (CREDIT_ATTRIBUTES.some((name) => SIGN.test(String(child.properties[propertyName(name)] ?? '')))) return true;
      if (child.tagName === 'img') continue;
      const wasInStory = isInStory;
      if (child === root) isInStory = true;
      if (visit(child.children, regionKindOf(child, kind) ?? kind)) return true;
      if (child === root) isInStory = wasInStory;
    }
    return false;
  };
  return visit(tree.children, 'body');
}
