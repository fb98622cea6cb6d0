import type { Catalogue } from '../catalogue/compile.js';
import { mayName } from '../catalogue/credit-names.js';
import type { ContentKind } from '../catalogue/schema.js';
import type { Region } from '../document/region.js';
import { definesTerm } from './defined-terms.js';
import type { Evidence } from './evidence.js';
import { type ExclusionMatches, excludedBy, matchesIn } from './exclusions.js';
import { creditParts, namedParts } from './lines/credit-parts.js';
import { dateline } from './lines/datelines.js';
import { sourceAfterHeadline, wireSection } from './lines/heading-sources.js';
import { noticeOwners } from './lines/notice-owners.js';
import { captionUnderPicture, creditAtEnd, creditHeadingUnderPicture, isPictureCreditsHeading } from './lines/picture-lines.js';
import { reporting, wireReports } from './lines/reporting.js';
import { firstOf, type Hit, type Shape } from './lines/shape.js';
import { signOff } from './lines/sign-offs.js';
import { sourceLine } from './lines/source-lines.js';
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
 * A hit that stands where a signal already found its holder (`known`), or twice, is a duplicate.
 * `trace`, when given, hears of every hit, and of those dropped why (see verdict.ts).
 */
export function findCreditLines(regions: readonly Region[], catalogue: Catalogue, options: LineOptions = {}): Evidence[] {
  const { known, trace } = options;
  const exclusions = options.exclusions ?? new Map<Region, ExclusionMatches>();
  const evidence: Evidence[] = [];
  const seen = new Map<string, Evidence>();
  // The search for restrictions is run over a region once, however many hits it has (a
  // megabyte of "AFP/" is 250,000 of them).
  const restricted = new Map<Region, string[]>();
  let previous: Region | undefined;
  // Whether the blocks read stand under a heading of picture credits ("Bildnachweis", "Photo credits").
  let isCreditsSection = false;
  regions.forEach((region, i) => {
    if (region.kind === 'heading') isCreditsSection = isPictureCreditsHeading(region.text);
    const shapes = isCreditsSection && CREDITS_SECTION_KINDS.has(region.kind) ? CREDITS_SECTION_SHAPES : SHAPES_BY_REGION[region.kind];
    const prior = previous;
    if (!ATTRIBUTE_KINDS.has(region.kind)) previous = region;
    if (!shapes || !(mayName(region.text, catalogue.creditNames) || isNoticeSplit(region, regions[i + 1], catalogue))) return;
    const context = { catalogue, previous: prior, before: regions[i - 1], above: regions[i - 2], next: regions[i + 1] };
    for (const hit of shapes.flatMap((shape) => shape(region, context))) {
      const at = hit.region ?? region;
      const kinds = catalogue.holders.get(hit.holder)?.kinds ?? [];
      // A picture agency credited in a byline or a source line credits a picture; a video's
      // caption or credit credits the video.
      const kind = kindOf(at.isVideo && kinds.includes('video') ? 'video' : (hit.kind ?? 'photo'), kinds);
      const item = lineHit(hit, kind, at);
      const key = `${item.holder}:${item.kind}:${item.start}:${item.end}`;
      const twin = seen.get(key) ?? known?.(item);
      if (twin) {
        trace?.(item, { kept: false, why: 'duplicate', of: twin }, at);
        continue;
      }
      if (!kinds.includes(kind)) {
        trace?.(item, { kept: false, why: 'no-kind' }, at);
        continue;
      }
      const holderExclusions = catalogue.exclusions.get(hit.holder) ?? [];
      if (definesTerm(at.text, hit.from, hit.to, hit.holder, catalogue)) {
        trace?.(item, { kept: false, why: 'excluded', reason: 'collision', text: item.text }, at);
        continue;
      }
      const exclusion = excludedBy(at, hit.from, hit.to, hit.isSentenceRead ? holderExclusions.filter((e) => e.reason !== 'citation') : holderExclusions, matchesIn(exclusions, at));
      if (exclusion) {
        const text = at.text.slice(exclusion.start, exclusion.end).trim();
        trace?.(item, { kept: false, why: 'excluded', reason: exclusion.exclusion.reason, text }, at);
        continue;
      }
      if (hit.type === 'credit') {
        let restrictions = restricted.get(at);
        if (!restrictions) restricted.set(at, (restrictions = findRestrictions(at.text)));
        if (restrictions.length > 0) item.restrictions = restrictions;
      }
      seen.set(key, item);
      evidence.push(item);
      trace?.(item, { kept: true, why: 'matched' }, at);
    }
  });
  return evidence;
}

/**
 * The kind a credit proves of its holder: the medium it names, else a picture, where the holder
 * licenses that kind; else a picture, for a holder that licenses no text, video or graphics apart
 * (a picture agency named in a byline, a graphic credited to a photo agency).
 */
function kindOf(kind: ContentKind, kinds: readonly ContentKind[]): ContentKind {
  return kinds.includes(kind) || !kinds.includes('photo') ? kind : 'photo';
}

/** What the credit-line search is given beside the regions. */
export interface LineOptions {
  /** The evidence signals already found that overlaps a hit, if any: the hit is then a duplicate. */
  known?: (item: Evidence) => Evidence | undefined;
  /** Exclusion matches by region, shared with the signal search so each runs over a region once. */
  exclusions?: Map<Region, ExclusionMatches>;
  trace?: Recorder;
}

/** The evidence a shape's hit makes, of `kind`, in the region the name stands in. */
function lineHit(hit: Hit, kind: ContentKind, at: Region): Evidence {
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
  };
}

/** Regions read from attributes and metadata, which stand beside the page's text, not in its flow. */
export const ATTRIBUTE_KINDS: ReadonlySet<Region['kind']> = new Set<Region['kind']>(['alt', 'src', 'meta', 'jsonld', 'frontmatter']);

// A notice that ends its block with no owner after it: "Copyright 2008", "© 2007-2008".
const NOTICE_AT_END = /(?:©|\(c\)|\bcopyright\b)[\s\d,–-]*$/iu;

/** Whether a block ends in a notice whose owners the next block names (see `noticeOwners`). */
function isNoticeSplit(region: Region, next: Region | undefined, catalogue: Catalogue): boolean {
  return next !== undefined && region.text.length <= 40 && NOTICE_AT_END.test(region.text) && mayName(next.text, catalogue.creditNames);
}


// The `<meta>` fields that credit the page's picture, whatever the holder: "og:image:copyright",
// "twitter:image:credit", "image:author", and a picture's microdata (`itemprop` "creditText",
// "copyrightHolder", read in lower case as every field is); and those that give its byline:
// "author", "byline", "byl" (the New York Times'), "article:author", "parsely-author".
const IMAGE_CREDIT_FIELD = /^(?:(?:(?:og|twitter):)?image:(?:credit|copyright|rights|author|creator|photographer)|credittext|copyrightholder)$/;
const BYLINE_FIELD = /^(?:author|byline|byl|article:author|dc\.creator|dcterms\.creator|parsely-author|sailthru\.author)$/;
// Dublin Core's owner of the page's rights: the story's.
const RIGHTS_FIELD = /^(?:dc|dcterms)\.rightsholder$/;

// The alt text of the picture a page is shared with, which may end in the picture's credit.
const IMAGE_ALT_FIELD = /^(?:og|twitter):image:alt$/;

/** The holders a `<meta>` field that credits the page's picture, or gives its byline, its rights' owner or its picture's alt text, names: read as a credit, a byline or an alt text is. */
const creditMeta: Shape = (region, { catalogue }) => {
  const field = region.field ?? '';
  if (IMAGE_CREDIT_FIELD.test(field)) return namedParts(region.text, 'credit', catalogue);
  if (IMAGE_ALT_FIELD.test(field)) return namedParts(region.text, 'alt', catalogue);
  return BYLINE_FIELD.test(field) || RIGHTS_FIELD.test(field) ? namedParts(region.text, 'byline', catalogue) : [];
};

// JSON-LD's caption of a picture ("image.caption"), which ends in its credit ("... REUTERS/Name"),
// and the properties that name who made or supplied a work, by name in any script ("author":
// {"name": "رويترز"}, "sourceOrganization": {"name": "Agenzia ANSA"}). The publisher is the site.
const JSONLD_CAPTION = /(?:^|\.)caption$/;
const JSONLD_CREDIT = /(?:^|\.)(?:author|creator|sourceOrganization|provider|copyrightHolder|creditText|copyrightNotice)(?:\.name)?$/;

/**
 * The holders a JSON-LD caption credits, read as a caption is, and those its work's author or
 * supplier names: a picture's or a video's as a credit, an article's as a byline.
 */
const creditJsonLd: Shape = (region, { catalogue }) => {
  const field = region.field ?? '';
  if (JSONLD_CAPTION.test(field)) return namedParts(region.text, 'caption', catalogue);
  return JSONLD_CREDIT.test(field) ? namedParts(region.text, region.isPicture || region.isVideo ? 'credit' : 'byline', catalogue) : [];
};

// A front-matter field that credits or captions the page's picture, or gives the story's source,
// however the theme spells its key, in English or in the site's language: "credit",
// "image.credit", "featured_image_credit", "heroImageCredit", "photographer", "attribution",
// "source", "credito_foto", "bildnachweis", "fonte_foto", "quelle", "photo_by", "bildrechte",
// "via", "image.caption", and an image's "alt", which themes show as its caption (Chirpy). A list
// of credits gives each one's name under a key of its own: "credits: [{role: photo, name: AFP}]".
const FRONTMATTER_CREDIT = /credit|photographer|fotograf|photoby|imageby|bildrechte|attribution|nachweis|quelle|fonte|fuente|source|agency|agentur|agencia|copyright|^via$/;
const FRONTMATTER_CAPTION = /caption$|alt$/;
// A key that holds credits under keys of their own, in the site's language ("credits": {"foto": ...}).
const FRONTMATTER_CREDITS = /^(?:credits?|creditos?|crediti|credits?photo|sources?|quellen?|fontes?|fuentes?|bildnachweise?|nachweise?|attributions?|copyrights?)$/;
const LIST_ENTRY = /^(?:name|value|text|label)$/;

// What a front-matter field's path says it credits: a video, a picture, or where it names neither
// and only attributes ("attribution", "source", "quelle"), the text.
const FRONTMATTER_VIDEO = /video|youtube|vimeo/;
const FRONTMATTER_PICTURE = /image|imagen|imagem|immagine|photo|foto|bild|picture|cover|hero|thumbnail|featured|header|banner|caption|credit|photographer|fotograf/;

/** The holders a front-matter field that credits or captions the page's picture (or video, or text) names. */
const frontmatterCredit: Shape = (region, { catalogue }) => {
  const path = (region.field ?? '').replace(/[-_]/g, '').toLowerCase();
  const segments = path.split('.');
  const last = segments.at(-1) ?? '';
  const parent = segments.at(-2);
  // A list entry's key ("name") or a key in the site's language ("foto") under a key of credits
  // ("credits": {"foto": "EFE/Name"}) is read as that key.
  const key = parent !== undefined && (LIST_ENTRY.test(last) || FRONTMATTER_CREDITS.test(parent)) ? parent : last;
  const isCaption = FRONTMATTER_CAPTION.test(key);
  if (!isCaption && !FRONTMATTER_CREDIT.test(key)) return [];
  const kind = FRONTMATTER_VIDEO.test(path) ? 'video' : FRONTMATTER_PICTURE.test(path) ? undefined : 'text';
  return namedParts(withoutMarkdownMarks(region.text), isCaption ? 'caption' : 'credit', catalogue).map((hit) => ({ ...hit, kind }));
};

// Markdown's inline marks in a front-matter value that a theme renders as Markdown (Minimal
// Mistakes' `caption: "Photo credit: [**AFP**](https://www.afp.com)"`): a link's brackets and
// address, and emphasis.
const MARKDOWN_LINK = /\[([^\][\n]{1,200})\]\([^()\s]{0,500}\)/g;
const MARKDOWN_EMPHASIS = /\*{1,2}|(?<![\p{L}\p{N}])_{1,2}|_{1,2}(?![\p{L}\p{N}])/gu;

/** A value with Markdown's inline marks blanked out, every character a space, so offsets hold. */
function withoutMarkdownMarks(text: string): string {
  if (!text.includes('[') && !text.includes('*') && !text.includes('_')) return text;
  const blank = (marks: string) => ' '.repeat(marks.length);
  return text
    .replace(MARKDOWN_LINK, (link, words: string) => ` ${words}${blank(link.slice(words.length + 1))}`)
    .replace(MARKDOWN_EMPHASIS, blank);
}

// Under a heading of picture credits, each block is a credit: "Startseite: Getty Images", "Folie 3:
// dpa", a table's cell "Reuters", "S. 3: imago/Sven Simon".
const CREDITS_SECTION_KINDS = new Set<Region['kind']>(['body', 'footer']);
const CREDITS_SECTION_SHAPES: readonly Shape[] = [(region, { catalogue }) => namedParts(region.text, 'caption', catalogue)];

/** Which shapes are looked for in which kind of region. */
const SHAPES_BY_REGION: Partial<Record<Region['kind'], readonly Shape[]>> = {
  caption: [creditParts],
  // A CMS sets a story's credits in a block it calls one ("<p class=\"credits\">With files from The
  // Canadian Press</p>", "Compiled from AP and Reuters reports"): the story's, where they are worded so.
  credit: [firstOf(reporting, wireReports, creditParts)],
  alt: [creditParts],
  byline: [creditParts],
  // A notice set as a picture's credit line ("© REUTERS / HEALTH MINISTRY", "© 2012 APA/AP"
  // under a photo) is the picture's credit: a block is read as a line first, then as a notice.
  body: [dateline, firstOf(sourceLine, captionUnderPicture, noticeOwners), signOff, creditAtEnd, reporting, wireReports],
  footer: [firstOf(sourceLine, captionUnderPicture, noticeOwners), signOff, reporting, wireReports],
  // Templates set a picture's credit in a small heading right under it ("<h6>REUTERS/Name</h6>").
  heading: [firstOf(creditHeadingUnderPicture, sourceAfterHeadline, wireSection)],
  meta: [creditMeta],
  jsonld: [creditJsonLd],
  frontmatter: [frontmatterCredit],
};
