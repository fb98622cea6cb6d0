import type { Region } from '../document/region.js';

/** A copyright or no-redistribution notice on a page, with the owner it names (if any). */
export interface Notice {
  owner: string | undefined;
  text: string;
  start: number;
  end: number;
}

// "© 2025 Owner", "(c) Owner", "Copyright 2024-2025 Owner", "Copyright © Owner".
const COPYRIGHT = /(?:©|\(c\)|\bcopyright\b)(?:\s*(?:©|\(c\)))?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?:by\s+)?(?<owner>\p{Lu}[\p{L}\p{M}\p{N}&.'’-]*(?:[ ]+(?:of[ ]+|&[ ]+|\p{Lu}|\d)[\p{L}\p{M}\p{N}&.'’-]*){0,5})?/giu;
// The wire services' no-redistribution clause, in its usual English wording.
const NO_REDISTRIBUTION = /\bmay not be (?:re)?published,? broadcast,? rewritten,? or redistributed\b/i;
const RESERVED = /\ball rights reserved\b/i;
const NOTICE_REGIONS = new Set<Region['kind']>(['footer', 'caption', 'credit', 'body']);

/**
 * Finds copyright notices that do not depend on any catalogue entry: the `©` sign or the word
 * "Copyright" with a year, or any form next to "All rights reserved" or a no-redistribution
 * clause. In body text a notice must open the block, so "copyright law" in a sentence is not one.
 * Footers count only inside the story.
 */
export function findNotices(regions: readonly Region[]): Notice[] {
  const notices: Notice[] = [];
  for (const region of regions) {
    // A site's footer outside the story carries the site's own notice, not a third party's.
    if (!NOTICE_REGIONS.has(region.kind) || (region.kind === 'footer' && !region.isInStory)) continue;
    const isStrict = region.kind === 'body';
    const hasClause = RESERVED.test(region.text) || NO_REDISTRIBUTION.test(region.text);
    for (const match of region.text.matchAll(COPYRIGHT)) {
      const isSign = !/^copyright/i.test(match[0]) || /©|\(c\)|\d{4}/i.test(match[0]);
      if (isStrict && match.index !== 0) continue;
      if (!isSign && !hasClause) continue;
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
