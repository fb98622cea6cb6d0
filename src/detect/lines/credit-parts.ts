import type { Catalogue } from '../../catalogue/compile.js';
import type { Region } from '../../document/region.js';
import { holdersNamed } from '../../catalogue/credit-names.js';
import { BYLINE_JOINERS, BYLINE_SEPARATORS, CREDIT_SEPARATORS, MAX_LINE, mediumOf, type Named, namedIn, namedOrJoined, type Part, splitParts } from './parts.js';
import { type Hit, hitsOf, type Shape } from './shape.js';

// The label of a chart's or table's data source ("Source: Bloomberg"): a citation, not a credit.
const DATA_SOURCE = /^(?:sources?|data|daten|données|datos|dati|quellen?|fuentes?|fonte)$/iu;

// When a story was filed, as a byline gives it after the agency: "AP - Sat Jun 3, 2:23 PM ET",
// "Reuters | 2 hrs ago", "AFP, Updated 3 June".
const WHEN = /^(?:\d|(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|(?:updated|published|posted|last updated)\b)/iu;

/** Whether the part after a byline's name says when the story was filed. */
function isDated(text: string, next: Part | undefined): boolean {
  return next !== undefined && WHEN.test(text.slice(next.from, next.to));
}

/** Whether `label` is a data-source label that the part after it follows. */
function isDataSource(text: string, label: Part | undefined): boolean {
  return label !== undefined && label.after === ':' && DATA_SOURCE.test(text.slice(label.from, label.to));
}

/** How far from the end of a caption, credit or alt text its credit is looked for. */
const CREDIT_REACH = 500;

/**
 * Separators that join a credit's names: "Name/AP", "AP | Name", "Photo: AP", "© AP", the
 * full-width ones, with "＝" between an agency and the one that distributes it ("AFP＝時事"), and
 * the word a byline gives its agencies after ("« La Gazette » avec AFP et Reuters").
 */
const JOINING = new Set(['/', '|', '\\', ':', '©', '／', '｜', '：', '＝', '=', ...BYLINE_JOINERS]);

/**
 * A part of a caption, credit, alt text or byline that is a holder's whole name. In a caption, a
 * name set off by commas alone only counts at the end ("... in Kyiv, Reuters"), as "Bloomberg,
 * the former mayor, ..." is prose; a two-letter name never by commas alone ("Harrisburg, PA"). A
 * name before a colon is a headline's source ("Bloomberg: prices fall"), not a credit, unless its
 * medium follows it ("APA-FOTO: NAME"). An alt text that is a name and nothing else is a logo; a
 * long byline is a block of prose a template mislabelled.
 */
export const creditParts: Shape = (region, { catalogue }) => namedParts(region.text, region.kind, catalogue);

// A caption or credit that is a name and nothing else, in brackets or not: "(afp)".
const LONE_NAME = /^[\s([]*([^\s()[\]][^()[\]]{0,38}?)[\s)\].]*$/u;

/**
 * The holder a caption or credit names when it is a name and nothing else: a credit in lower case
 * too, as sites that write theirs so do ("(afp)" under a photo), where a short name elsewhere
 * must be spelled as the agency spells it (see `Spelling`).
 */
function loneName(text: string, regionKind: Region['kind'], catalogue: Catalogue): Hit[] {
  if (regionKind !== 'caption' && regionKind !== 'credit') return [];
  const name = LONE_NAME.exec(text)?.[1];
  if (name === undefined) return [];
  const from = text.indexOf(name);
  return hitsOf([{ holders: holdersNamed(name, catalogue.creditNames, 'lone'), from, to: from + name.length }], 'credit-line', 'credit', undefined);
}

/** The holders a text names as parts of a credit, read as a region of `regionKind` (see `creditParts`). */
export function namedParts(text: string, regionKind: Region['kind'], catalogue: Catalogue): Hit[] {
  if (regionKind === 'byline' && text.length > MAX_LINE) return [];
  // A credit closes its caption: a long one is read from its last stretch, its first part cut.
  const start = Math.max(0, text.length - CREDIT_REACH);
  const parts = splitParts(text, regionKind === 'byline' ? BYLINE_SEPARATORS : CREDIT_SEPARATORS, start).slice(start > 0 ? 1 : 0);
  if (regionKind === 'alt' && parts.length < 2) return [];
  const kind = regionKind === 'byline' ? 'text' : undefined;
  const hits: Hit[] = [];
  parts.forEach((part, i) => {
    const label = parts[i - 1];
    // A name, or the names of a joint service ("Sapa-AFP", "TT-AFP": TT's translation of AFP's copy).
    const found = isDataSource(text, label) ? undefined : namedOrJoined(text, part, catalogue);
    // Before a colon a name is a headline's source, but with its medium a credit's label.
    const named = part.after === ':' && !found?.every((name) => name.medium) ? undefined : found;
    if (!named) return;
    // The label before a name gives the medium too: "Video: Europa Press", "Grafik: dpa".
    const labelled = label?.after === ':' ? mediumOf(text.slice(label.from, label.to)) : undefined;
    if (labelled) for (const name of named) name.medium ??= labelled;
    if (regionKind !== 'credit' && !(regionKind === 'byline' && isDated(text, parts[i + 1]))) {
      const isLast = i === parts.length - 1;
      const isJoined = JOINING.has(part.before) || JOINING.has(part.after);
      const isCommaSet = part.before === ',' || part.after === ',';
      const length = (named.at(-1) as Named).to - (named[0] as Named).from;
      // "(AP Photo/The Canadian Press, Name)": a comma after a name joined by a slash is a credit's.
      if (isCommaSet && !isJoined && (!isLast || length <= 2)) return;
      // An abbreviation in brackets mid-caption defines a term ("the Authority (PA). Then ..."):
      // a short name is a credit at the end, or joined to a name by a slash or after a label, or
      // in brackets opening the caption, where it follows no term ("(AP) Firefighters pump ...").
      const isOpening = i === 0 && part.before === '(' && part.after === ')' && text.trimStart().startsWith('(');
      if (length <= 3 && !isLast && !isJoined && !isOpening) return;
    }
    hits.push(...hitsOf(named, 'credit-line', 'credit', kind));
  });
  return hits.length > 0 ? hits : regionKind === 'byline' ? nameBeforePlace(text, catalogue) : loneName(text, regionKind, catalogue);
}

// A byline's agency with the story's place after it, as Spanish and German templates set them
// side by side: "EFE Madrid", "dpa Berlin", "Europa Press Sevilla", "AFP Buenos Aires": the place
// is one or two words in title case at the end.
const PLACE_WORD = /\s+\p{Lu}[\p{Ll}\p{M}'’.-]+$/u;
const MAX_BYLINE_NAME = 40;

/** The agency a byline names before the story's place. */
function nameBeforePlace(text: string, catalogue: Catalogue): Hit[] {
  let end = text.length;
  for (let words = 0; words < 2; words++) {
    const place = PLACE_WORD.exec(text.slice(0, end));
    if (!place) break;
    end = place.index;
    if (end > MAX_BYLINE_NAME) break;
    const named = namedIn(text, { from: 0, to: end, before: '', after: ' ' }, catalogue);
    if (named) return hitsOf([named], 'credit-line', 'credit', 'text');
  }
  return [];
}
