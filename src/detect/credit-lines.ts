import type { Catalogue } from '../catalogue/compile.js';
import { holdersNamed, type Spelling } from '../catalogue/credit-names.js';
import type { ContentKind, SignalType } from '../catalogue/schema.js';
import type { Region } from '../document/region.js';
import type { Evidence } from './evidence.js';
import { type ExclusionMatches, isExcluded } from './exclusions.js';
import { findRestrictions } from './restrictions.js';

/**
 * Finds holders named by the shape of a credit or source line rather than by a pattern of their
 * own, whatever the case or spacing of the name: the parts of a photo credit ("Kevin Voigt/
 * GettyImages", "(Image: GETTY )", "© REUTERS / HEALTH MINISTRY"), a source line ("Source: dpa",
 * "Written by: AFP"), a line of agency names alone ("AFP, AP"), a sign-off closing a paragraph
 * ("... on Sunday. — AFP", "». EFE"), "additional reporting from Reuters", and the owners a
 * copyright notice names ("Copyright 2008 Site and AFP"). A part must be a holder's whole name,
 * so a caption that merely mentions one ("Reuters journalists in Kyiv") is not a credit.
 */
export function findCreditLines(regions: readonly Region[], catalogue: Catalogue): Evidence[] {
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
      if (!kinds.includes(kind)) continue;
      let matches = excluded.get(at);
      if (!matches) excluded.set(at, (matches = new Map()));
      if (isExcluded(at.text, hit.from, hit.to, catalogue.exclusions.get(hit.holder) ?? [], matches)) continue;
      const restrictions = hit.type === 'credit' ? findRestrictions(at.text) : [];
      evidence.push({
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
      });
    }
  });
  return evidence;
}

/** Regions read from attributes and metadata, which stand beside the page's text, not in its flow. */
const ATTRIBUTE_KINDS = new Set<Region['kind']>(['alt', 'src', 'meta', 'jsonld', 'frontmatter']);

/** A holder named in a region's text, from `from` to `to`, and what the line's shape makes of it. */
interface Hit {
  holder: string;
  from: number;
  to: number;
  signal: 'credit-line' | 'source-line' | 'sign-off' | 'notice-line' | 'dateline';
  type: SignalType;
  /** Undefined: a photo, unless the line says video or graphic. */
  kind?: ContentKind;
  /** The region the name stands in, where it is not the region the shape read (a split notice). */
  region?: Region;
}

/** What a shape knows beside its region: the catalogue, the block of text before it, and the regions right before and after it. */
interface ShapeContext {
  catalogue: Catalogue;
  previous: Region | undefined;
  before: Region | undefined;
  next: Region | undefined;
}

type Shape = (region: Region, context: ShapeContext) => Hit[];

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

// ---------------------------------------------------------------------------------------------
// Parts of a line

/** The holders a part names, where the name stands, and the medium its words give it. */
interface Named {
  holders: string[];
  from: number;
  to: number;
  medium?: ContentKind;
}

/** A part of a line between separators, and the separators on either side of it. */
interface Part {
  from: number;
  to: number;
  before: string;
  after: string;
}

// What separates the parts of a credit: slashes, bars, brackets, colons, the copyright sign, a
// spaced dash, a sentence end, and the words that join sources ("Name via Getty Images").
const CREDIT_SEPARATORS = /\s*(?:[/|\\·•;:()[\]©,]|\s[-–—]+\s|\.\s|\s(?:via|vía|for|by|von|par|por|and|und|et|y|e|&)\s)\s*/giu;
// What separates the names of a list of sources ("AFP, AP", "dpa/AFP", "Reuters and AP").
const LIST_SEPARATORS = /\s*(?:[/,&+]|\s(?:and|und|et|y|e)\s)\s*/giu;
/** A holder's name is short; a longer part is prose. */
const MAX_PART = 60;

/** Splits `text` from `start` to `end` at each match of `separators` (a global pattern). */
function splitParts(text: string, separators: RegExp, start = 0, end = text.length): Part[] {
  const parts: Part[] = [];
  const slice = text.slice(start, end);
  let last = 0;
  let before = '^';
  separators.lastIndex = 0;
  for (let m = separators.exec(slice); m; m = separators.exec(slice)) {
    if (m[0] === '') {
      separators.lastIndex++;
      continue;
    }
    parts.push({ from: start + last, to: start + m.index, before, after: m[0].trim() || ' ' });
    before = m[0].trim() || ' ';
    last = m.index + m[0].length;
  }
  parts.push({ from: start + last, to: start + slice.length, before, after: '$' });
  return parts.map((part) => trimPart(text, part)).filter((part) => part.to > part.from);
}

/** A part without the white space and quotes around it, nor a full stop that ends it. */
function trimPart(text: string, part: Part): Part {
  let { from, to } = part;
  while (from < to && /[\s"'“”‘’«»*.,()[\]\-–—]/u.test(text[from] as string)) from++;
  while (to > from && /[\s"'“”‘’«»*.,()[\]]/u.test(text[to - 1] as string)) to--;
  return { ...part, from, to };
}

// Words a credit puts before a name: labels, years of a notice, "file", "Symbolbild" (stock).
const LABEL = /^(?:(?:\d{4}(?:\s?[-–]\s?\d{4})?|photos?|fotos?|fotografía|fotografia|bild(?:er)?|images?|imagen(?:es)?|imagem|pictures?|pics?|credits?|crédits?|source|quelle|fuente|fonte|files?|archives?|archivo|archiv|symbolbild|handout|copyright)(?![\p{L}\p{N}])[\s.]*)+/iu;
// Words a credit puts after a name: the medium ("AP Photo", "AFP pic"), the archive ("Reuters
// file"), a regional desk ("Getty Images North America"), a cut ("(Ausschnitt)").
const QUALIFIER = /(?:[\s,]+(?:photos?|fotos?|pics?|pictures?|images?|files?|archives?|archiv|archivo|video|vídeo|vidéo|graphics?|grafik|pool|handout|staff|stringer|north america|europe|asiapac|asia|latin america|south america|international|ausschnitt))+$/iu;
const VIDEO = /\b(?:video|vídeo|vidéo)\b/i;
const PHOTO = /\b(?:photos?|fotos?|pics?|pictures?|images?|bild(?:er)?)\b/i;
const GRAPHIC = /\b(?:graphics?|grafik|infogra\w*|gráfico|chart|illustration|ilustración)\b/i;

/**
 * The holders a part names, with the span of the name: the part as it stands, else without its
 * label words, else without its qualifiers too.
 */
function namedIn(text: string, part: Part, catalogue: Catalogue, spelling: Spelling = 'credit'): Named | undefined {
  if (part.to - part.from > MAX_PART) return undefined;
  let { from, to } = part;
  const whole = holdersNamed(text.slice(from, to), catalogue.creditNames, spelling);
  if (whole.length > 0) return { holders: whole, from, to };
  const label = LABEL.exec(text.slice(from, to));
  if (label) from += label[0].length;
  const qualifier = QUALIFIER.exec(text.slice(from, to));
  if (qualifier) to -= qualifier[0].length;
  if (to <= from) return undefined;
  const holders = holdersNamed(text.slice(from, to), catalogue.creditNames, spelling);
  if (holders.length === 0) return undefined;
  const words = `${label?.[0] ?? ''} ${qualifier?.[0] ?? ''}`;
  const medium = VIDEO.test(words) ? 'video' : GRAPHIC.test(words) ? 'graphic' : PHOTO.test(words) ? 'photo' : undefined;
  return { holders, from, to, ...(medium ? { medium } : {}) };
}

/** The names of a list of sources, each a holder's, or undefined where any part is not. */
function namesList(text: string, start: number, end: number, catalogue: Catalogue, spelling: Spelling = 'credit'): Named[] | undefined {
  const named: Named[] = [];
  for (const part of splitParts(text, LIST_SEPARATORS, start, end)) {
    const found = namedIn(text, part, catalogue, spelling);
    if (!found) return undefined;
    named.push(found);
  }
  return named.length > 0 ? named : undefined;
}

function hitsOf(
  named: readonly Named[],
  signal: Hit['signal'],
  type: SignalType,
  kind: ContentKind | undefined,
): Hit[] {
  return named.flatMap(({ holders, from, to, medium }) => holders.map((holder) => ({ holder, from, to, signal, type, kind: medium ?? kind })));
}

// ---------------------------------------------------------------------------------------------
// Captions, credits, alt texts and bylines: every part of the text is a candidate

// The label of a chart's or table's data source ("Source: Bloomberg"): a citation, not a credit.
const DATA_SOURCE = /^(?:sources?|data|daten|données|datos|dati|quellen?|fuentes?|fonte)$/iu;

/** Whether `label` is a data-source label that the part after it follows. */
function isDataSource(text: string, label: Part | undefined): boolean {
  return label !== undefined && label.after === ':' && DATA_SOURCE.test(text.slice(label.from, label.to));
}

/** Separators that join a credit's names: "Name/AP", "AP | Name", "Photo: AP", "© AP". */
const JOINING = new Set(['/', '|', '\\', ':', '©']);

/**
 * A part of a caption, credit, alt text or byline that is a holder's whole name. In a caption, a
 * name set off by commas only counts at the end ("... in Kyiv, Reuters"), as "Bloomberg, the
 * former mayor, ..." is prose; a two-letter name never by commas alone ("Harrisburg, PA"). A name
 * before a colon is a headline's source ("Bloomberg: prices fall"), not a credit. An alt text that
 * is a name and nothing else is a logo; a long byline is a block of prose a template mislabelled.
 */
const creditParts: Shape = (region, { catalogue }) => {
  if (region.kind === 'byline' && region.text.length > MAX_LINE) return [];
  const parts = splitParts(region.text, CREDIT_SEPARATORS);
  if (region.kind === 'alt' && parts.length < 2) return [];
  const kind = region.kind === 'byline' ? 'text' : undefined;
  const hits: Hit[] = [];
  parts.forEach((part, i) => {
    const named = part.after === ':' || isDataSource(region.text, parts[i - 1]) ? undefined : namedIn(region.text, part, catalogue);
    if (!named) return;
    if (region.kind !== 'credit') {
      const isLast = i === parts.length - 1;
      const isCommaSet = part.before === ',' || part.after === ',';
      if (isCommaSet && (!isLast || named.to - named.from <= 2)) return;
      // An abbreviation in brackets mid-caption defines a term ("the Authority (PA). Then ..."):
      // a short name is a credit at the end, or joined to a name by a slash or after a label.
      if (named.to - named.from <= 3 && !isLast && !JOINING.has(part.before) && !JOINING.has(part.after)) return;
    }
    hits.push(...hitsOf([named], 'credit-line', 'credit', kind));
  });
  return hits;
};

// ---------------------------------------------------------------------------------------------
// Body text: source lines, sign-offs, reporting credits and notices

/** How long a block may be and still be a line of its own (a source line, a credit). */
const MAX_LINE = 100;
// "Source: dpa", "Written by: AFP", "Article from: Agence France-Presse", "Quelle: dpa/AFP".
const SOURCE_LABEL = /^(?:sources?|quellen?|fuentes?|fontes?|article from|story from|written by|story by|text|texto|texte|agency|agencies|agencias|agenturen|agenzie|zdroj|источник|джерело|kaynak|bron|kilde|källa|lähde|źródło|forrás|font|mit material von|with inputs from|inputs from|wires?)\s*:\s*/iu;
// "Photo: Jane Doe/AP", "Foto: dpa", "Bild: Imago", "Image credit: Reuters" set as a paragraph.
const PHOTO_LABEL = /^(?:(?:main |top |header |cover |featured )?(?:photos?|fotos?|fotó|bild(?:er)?|images?|imagen|imagem|pictures?|fotografía|fotografia|fotografie|zdjęcie|kép|snímek|фото|світлина|fotoğraf|kuva|billede|bilde)(?: credits?| source)?|credits?(?: photo)?|crédits?(?: photo)?)\s*:\s*/iu;
// A byline or a source line that gives the date beside the agency: "PTI | July 9, 2020 | Updated 08:24 IST".
const DATED_SOURCE = /^([^|·•]{2,40}?)\s*[|·•]\s*(?=[^|·•]*\d)/u;
// A dateline: place words (a date may stand among them), the agency in brackets, then a dash,
// colon, ".-", a full stop or the end: "DENVER (AP) —", "New Delhi (PTI):", "Fairfield (AP) _",
// "Wiesbaden (KNA/iz).", "London, Jun 11 (efe-epa).-", "MOSCOW (UrduPoint News / Sputnik - 29th April, 2020) It ...".
// Place words are capitalised, dates or short connectors ("Frankfurt a.M.", "Jun 11", "7 oct",
// "Rio de Janeiro"); a dateline alone in its block (a NewsML DateLine) ends there.
const DATELINE = /^\p{Lu}[\p{L}\p{M}'’.-]*(?:[\s,/]+(?:\p{Lu}[\p{L}\p{M}'’.-]*|\d[\p{L}\d.]*|\p{Ll}[\p{Ll}.]{0,3})){0,7}?\s*\(\s*([^()]{1,80}?)\s*\)\s*(?:[-–—_:]|\.-|\.\s|(?<=\s)(?=\p{Lu})|(?<=^.{0,60})$)/u;
const DATELINE_SEPARATORS = /\s*(?:[/,;]|\s[-–—]\s)\s*/gu;
// What stands before a sign-off: the end of a sentence, or a dash ("... talks. — AFP", "- REUTERS").
const SIGN_OFF = /(?:^|[.!?"”»)]\s*[-–—]*|\s[-–—]+)\s*([^.!?"”»()\-–—]{2,40}?)\s*\.?$/u;
const SIGN_OFF_IN_BRACKETS = /[.!?"”»]\s*\(([^()]{2,40})\)\.?$/u;
// "Additional reporting from Reuters", "(With inputs from PTI)", "with files from AFP".
const REPORTING = /\b(?:additional reporting|reporting|with (?:additional )?(?:reporting|inputs|files|material|agency inputs)|inputs|material)\s+(?:from|by)\s+(?:the\s+)?/giu;
// A copyright notice's sign and years: the owners follow ("Copyright 2007 by The Associated Press").
const NOTICE = /(?:©|\(c\)|\bcopyright\b)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?:by\s+)?/giu;
const NOTICE_OWNERS_END = /[.;|]\s|[.;|]$|\s(?:all rights|tous droits|alle rechte|todos los derechos)/iu;
const NOTICE_SEPARATORS = /\s*(?:[/,&+]|\s[-–—]\s|\s(?:and|und|et|y|e)\s)\s*/giu;

/**
 * A block that is a line of its own naming its sources: a labelled source line, a photo credit,
 * or agency names alone ("AFP, AP", "- REUTERS", "(dpa)"). Names alone count only right after a
 * paragraph that ends a sentence (`isSignOffPlace`). A lone name of two letters ("AA", a
 * text-size button) is too common to count.
 */
const sourceLine: Shape = (region, { catalogue, previous }) => {
  const text = region.text;
  if (text.length > MAX_LINE) return [];
  const label = SOURCE_LABEL.exec(text);
  if (label) return hitsOf(namesList(text, label[0].length, text.length, catalogue) ?? [], 'source-line', 'trailer', 'text');
  const photo = PHOTO_LABEL.exec(text);
  if (photo) {
    const parts = splitParts(text, CREDIT_SEPARATORS, photo[0].length);
    return hitsOf(parts.flatMap((part) => namedIn(text, part, catalogue) ?? []), 'credit-line', 'credit', undefined);
  }
  const dated = DATED_SOURCE.exec(text);
  if (dated?.[1]) {
    const names = namesList(text, 0, dated[1].length, catalogue, 'catalogue');
    if (names) return hitsOf(names, 'source-line', 'credit', 'text');
  }
  if (isSignOffPlace(previous)) {
    const names = namesList(text, 0, text.length, catalogue, 'catalogue');
    if (names && (names.length > 1 || (names[0] as Named).to - (names[0] as Named).from > 2)) return hitsOf(names, 'source-line', 'trailer', 'text');
  }
  // "FMW/Bloomberg": a short credit of slash-joined names set as a paragraph.
  if (text.length <= MAX_PART && text.includes('/') && !/[.!?]\s/.test(text)) {
    const parts = splitParts(text, CREDIT_SEPARATORS);
    if (parts.length >= 2 && parts.every((part) => part.to - part.from <= 40)) {
      return hitsOf(parts.flatMap((part) => namedIn(text, part, catalogue) ?? []), 'credit-line', 'credit', undefined);
    }
  }
  return [];
};

/**
 * A plain paragraph right under a picture, or right after a label of its own ("Bild:"), is the
 * picture's caption whatever its markup: "... Universitätsklinikum / picture alliance".
 */
const captionUnderPicture: Shape = (region, context) => (isUnderPicture(context.before) ? creditParts({ ...region, kind: 'caption' } as Region, context) : []);

/** Whether a block follows a picture, or a label of a picture's credit standing alone. */
function isUnderPicture(before: Region | undefined): boolean {
  return before?.kind === 'alt' || before?.kind === 'src' || (before !== undefined && before.text.length < 20 && PHOTO_LABEL.test(`${before.text} `));
}

/** The first shape of these that finds anything in a block: one reading of a line, not several. */
function firstOf(...shapes: Shape[]): Shape {
  return (region, context) => {
    for (const shape of shapes) {
      const hits = shape(region, context);
      if (hits.length > 0) return hits;
    }
    return [];
  };
}

/** The agency in a dateline's brackets, whatever its case, with whatever it shares them with. */
const dateline: Shape = (region, { catalogue }) => {
  const match = DATELINE.exec(region.text);
  if (!match?.[1]) return [];
  const start = match[0].lastIndexOf(match[1], match[0].lastIndexOf(')'));
  const named = splitParts(region.text, DATELINE_SEPARATORS, start, start + match[1].length).flatMap((part) => {
    const whole = namedIn(region.text, part, catalogue, 'any');
    // Joint services write their names with a hyphen: "(efe-epa)", "(Sapa-AFP)".
    return whole ? [whole] : splitParts(region.text, /-/g, part.from, part.to).flatMap((piece) => namedIn(region.text, piece, catalogue, 'any') ?? []);
  });
  return hitsOf(named, 'dateline', 'dateline', 'text');
};

/**
 * Whether a block of names alone stands where a story signs off: right after a paragraph that
 * ends a sentence. (A teaser card's source label follows its headline, which ends none.)
 */
function isSignOffPlace(previous: Region | undefined): boolean {
  return previous !== undefined && previous.text.length >= 40 && /[.!?。"”»)]$/u.test(previous.text);
}

/** The agencies named after a block's last sentence or a dash: "... in Munich. — AFP", "». EFE", "- REUTERS". */
const signOff: Shape = (region, { catalogue, previous }) => {
  const text = region.text;
  const match = SIGN_OFF_IN_BRACKETS.exec(text) ?? SIGN_OFF.exec(text);
  if (!match?.[1]) return [];
  const start = match.index + match[0].indexOf(match[1]);
  // A block that is the sign-off and nothing else is a line of names alone (see `sourceLine`).
  if (/^[\s\-–—]*$/u.test(text.slice(0, start)) && !isSignOffPlace(previous)) return [];
  return hitsOf(namesList(text, start, start + match[1].length, catalogue, 'catalogue') ?? [], 'sign-off', 'trailer', 'text');
};

/** Agencies credited for reporting: "Additional reporting from Reuters", "with inputs from PTI and AFP". */
const reporting: Shape = (region, { catalogue }) => {
  const text = region.text;
  const hits: Hit[] = [];
  for (const match of text.matchAll(REPORTING)) {
    const start = match.index + match[0].length;
    const rest = text.slice(start, start + MAX_PART);
    const end = start + (/[.;:()[\]]/.exec(rest)?.index ?? rest.length);
    const leading = leadingNames(text, start, end, catalogue);
    hits.push(...hitsOf(leading, 'sign-off', 'trailer', 'text'));
  }
  return hits;
};

/** The holders a notice names among its owners: "© 2012 APA/AP", "Copyright 2008 Site and AFP", "© 2015-2020 Укрінформ". */
const noticeOwners: Shape = (region, { catalogue, next }) => {
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

/** The names a list opens with, up to the first part that is not one. */
function leadingNames(text: string, start: number, end: number, catalogue: Catalogue) {
  const named = [];
  for (const part of splitParts(text, LIST_SEPARATORS, start, end)) {
    const found = namedIn(text, part, catalogue);
    if (!found) break;
    named.push(found);
  }
  return named;
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
