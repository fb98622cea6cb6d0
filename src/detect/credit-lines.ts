import type { Catalogue } from '../catalogue/compile.js';
import type { ContentKind } from '../catalogue/schema.js';
import type { Region } from '../document/region.js';
import type { Evidence } from './evidence.js';
import { type ExclusionMatches, excludedBy } from './exclusions.js';
import { captionUnderPicture, dateline, noticeOwners, reporting, signOff, sourceLine } from './lines/body-lines.js';
import { creditParts } from './lines/credit-parts.js';
import { firstOf, type Hit, type Shape } from './lines/shape.js';
import { findRestrictions } from './restrictions.js';
import type { Recorder } from './verdict.js';

/**
 * Finds holders named by the shape of a credit or source line rather than by a pattern of their
 * own, whatever the case or spacing of the name: the parts of a photo credit ("Kevin Voigt/
 * GettyImages", "(Image: GETTY )", "© REUTERS / HEALTH MINISTRY"), a source line ("Source: dpa",
 * "Written by: AFP"), a line of agency names alone ("AFP, AP"), a sign-off closing a paragraph
 * ("... on Sunday. — AFP", "». EFE"), "additional reporting from Reuters", and the owners a
 * copyright notice names ("Copyright 2008 Site and AFP"). A part must be a holder's whole name,
 * so a caption that merely mentions one ("Reuters journalists in Kyiv") is not a credit.
 * `trace`, when given, hears of every hit, and of those dropped why (see verdict.ts).
 */
export function findCreditLines(regions: readonly Region[], catalogue: Catalogue, trace?: Recorder): Evidence[] {
  const evidence: Evidence[] = [];
  let previous: Region | undefined;
  regions.forEach((region, i) => {
    const shapes = SHAPES_BY_REGION[region.kind];
    const context = { catalogue, previous, before: regions[i - 1], next: regions[i + 1] };
    if (!ATTRIBUTE_KINDS.has(region.kind)) previous = region;
    if (!shapes || !(mayNameHolder(region.text, catalogue) || isNoticeSplit(region, context.next, catalogue))) return;
    // Each exclusion is run over a region once, however many hits it is asked about.
    const excluded = new Map<Region, ExclusionMatches>();
    for (const hit of shapes.flatMap((shape) => shape(region, context))) {
      const at = hit.region ?? region;
      const kinds = catalogue.holders.get(hit.holder)?.kinds ?? [];
      // A picture agency credited in a byline or a source line credits a picture.
      const kind = hit.kind === 'text' && !kinds.includes('text') && kinds.includes('photo') ? 'photo' : (hit.kind ?? 'photo');
      if (!kinds.includes(kind)) {
        trace?.(lineHit(hit, kind, at, []), { kept: false, why: 'no-kind' }, at);
        continue;
      }
      let matches = excluded.get(at);
      if (!matches) excluded.set(at, (matches = new Map()));
      const exclusion = excludedBy(at.text, hit.from, hit.to, catalogue.exclusions.get(hit.holder) ?? [], matches);
      if (exclusion) {
        if (trace) {
          const text = at.text.slice(exclusion.start, exclusion.end).trim();
          trace(lineHit(hit, kind, at, []), { kept: false, why: 'excluded', reason: exclusion.exclusion.reason, text }, at);
        }
        continue;
      }
      const item = lineHit(hit, kind, at, hit.type === 'credit' ? findRestrictions(at.text) : []);
      evidence.push(item);
      trace?.(item, { kept: true, why: 'matched' }, at);
    }
  });
  return evidence;
}

/** The evidence a shape's hit makes, of `kind`, in the region the name stands in. */
function lineHit(hit: Hit, kind: ContentKind, at: Region, restrictions: string[]): Evidence {
  return {
    holder: hit.holder,
    signal: `${hit.holder}/${hit.signal}`,
    type: hit.type,
    kind,
    strength: 'strong',
    region: at.kind,
    ...(at.field ? { field: at.field } : {}),
    ...(at.isAside ? { aside: true as const } : {}),
    text: at.text.slice(hit.from, hit.to),
    start: at.offsets[hit.from] ?? 0,
    end: (at.offsets[hit.to - 1] ?? 0) + 1,
    ...(restrictions.length > 0 ? { restrictions } : {}),
  };
}

/** Regions read from attributes and metadata, which stand beside the page's text, not in its flow. */
const ATTRIBUTE_KINDS = new Set<Region['kind']>(['alt', 'src', 'meta', 'jsonld', 'frontmatter']);

// A notice that ends its block with no owner after it: "Copyright 2008", "© 2007-2008".
const NOTICE_AT_END = /(?:©|\(c\)|\bcopyright\b)[\s\d,–-]*$/iu;

/** Whether a block ends in a notice whose owners the next block names (see `noticeOwners`). */
function isNoticeSplit(region: Region, next: Region | undefined, catalogue: Catalogue): boolean {
  return next !== undefined && NOTICE_AT_END.test(region.text) && mayNameHolder(next.text, catalogue);
}

/** Whether a text holds the key word of some holder's name, in any case: most regions hold none. */
function mayNameHolder(text: string, catalogue: Catalogue): boolean {
  return catalogue.creditNames.search.search(text.toLowerCase(), () => true);
}

/** Which shapes are looked for in which kind of region. */
const SHAPES_BY_REGION: Partial<Record<Region['kind'], readonly Shape[]>> = {
  caption: [creditParts],
  credit: [creditParts],
  alt: [creditParts],
  byline: [creditParts],
  // A notice set as a picture's credit line ("© REUTERS / HEALTH MINISTRY", "© 2012 APA/AP"
  // under a photo) is the picture's credit: a block is read as a line first, then as a notice.
  body: [dateline, firstOf(sourceLine, captionUnderPicture, noticeOwners), signOff, reporting],
  footer: [firstOf(sourceLine, captionUnderPicture, noticeOwners), signOff, reporting],
};
