import { probeRegions } from '../document/hast-regions.js';
import type { Region } from '../document/region.js';
import type { TreeRoot } from '../document/tree.js';

/** A copyright or no-redistribution notice on a page, with the owner it names (if any). */
export interface Notice {
  owner: string | undefined;
  text: string;
  start: number;
  end: number;
}

// "© 2025 Owner", "(c) Owner", "Copyright 2024-2025 Owner", "Copyright © Owner", "© Copyright 2001
// Owner", "© Provided by Owner" (a portal's syndicated story).
const COPYRIGHT = /(?:©|\(c\)|\bcopyright\b)(?:\s*(?:©|\(c\)|copyright\b))?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?:(?:provided|supplied|distributed)\s+by\s+|by\s+)?(?<owner>\p{Lu}[\p{L}\p{M}\p{N}&.'’-]*(?:[ ]+(?:of[ ]+|&[ ]+|\p{Lu}|\d)[\p{L}\p{M}\p{N}&.'’-]*){0,5})?/giu;
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
 * in a text the region reader would read into a region where notices are looked for (a probe of
 * its walk, see `probeRegions`). A page whose only notices stand in the site's footer outside the
 * story, or in navigation, is then passed over at a fraction of the cost of reading it.
 */
export function mayHoldNotice(tree: TreeRoot): boolean {
  return probeRegions(tree, (kind, isInStory, text) => holdsNotices(kind, isInStory) && SIGN.test(text));
}
