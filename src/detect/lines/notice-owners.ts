import type { Catalogue } from '../../catalogue/compile.js';
import { MAX_PART, namedIn, splitParts } from './parts.js';
import { type Hit, hitsOf, type Shape } from './shape.js';

// The owners a copyright notice names after its sign and years ("© 2012 APA/AP", "Copyright 2008
// Site and AFP"), in its own block or, where a table splits the notice over two cells, in the next.

// A copyright notice's sign and years: the owners follow ("Copyright 2007 by The Associated Press").
const NOTICE = /(?:©|\(c\)|\bcopyright\b)\s*(?:(?:©|copyright\b)\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?:(?:provided|supplied|distributed)\s+by\s+|by\s+)?/giu;
const NOTICE_OWNERS_END = /[.;|]\s|[.;|]$|\s(?:all rights|tous droits|alle rechte|todos los derechos)/iu;
const NOTICE_SEPARATORS = /\s*(?:[/,&+]|\s[-–—]\s|\s(?:and|und|et|y|e)\s)\s*/giu;

/** The holders a notice names among its owners: "© 2012 APA/AP", "Copyright 2008 Site and AFP", "© 2015-2020 Укрінформ". */
export const noticeOwners: Shape = (region, { catalogue, next }) => {
  const text = region.text;
  const hits: Hit[] = [];
  for (const match of text.matchAll(NOTICE)) {
    // In body text a notice opens the block or a sentence; "copyright law" mid-sentence is not one.
    if (region.kind === 'body' && match.index > 0 && !/[.!?"”»)|]\s*$/.test(text.slice(Math.max(0, match.index - 3), match.index))) continue;
    const start = match.index + match[0].length;
    // A notice split over two table cells ("Copyright 2008" | "The Associated Press. All rights
    // reserved.") names its owners at the start of the next block.
    const isSplit = start === text.length && next !== undefined && (next.kind === 'body' || next.kind === 'footer');
    const owners = isSplit ? next : region;
    hits.push(...ownersOf(owners.text, isSplit ? 0 : start, catalogue).map((hit) => ({ ...hit, ...(isSplit ? { region: next } : {}) })));
  }
  return hits;
};

/** The holders a notice names among the owners that start at `start`. */
function ownersOf(text: string, start: number, catalogue: Catalogue): Hit[] {
  const rest = text.slice(start, start + 2 * MAX_PART);
  const end = start + (NOTICE_OWNERS_END.exec(rest)?.index ?? rest.length);
  const parts = splitParts(text, NOTICE_SEPARATORS, start, end);
  return hitsOf(parts.flatMap((part) => namedIn(text, part, catalogue) ?? []), 'notice-line', 'notice', 'text');
}
