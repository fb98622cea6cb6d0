import type { Catalogue } from '../../catalogue/compile.js';
import { holdersNamed, type Spelling } from '../../catalogue/credit-names.js';
import type { ContentKind } from '../../catalogue/schema.js';

/** The holders a part names, where the name stands, and the medium its words give it. */
export interface Named {
  holders: string[];
  from: number;
  to: number;
  medium?: ContentKind;
}

/** A part of a line between separators, and the separators on either side of it. */
export interface Part {
  from: number;
  to: number;
  before: string;
  after: string;
}

// What separates the parts of a credit: slashes, bars, brackets, colons, the copyright sign, a
// spaced dash, a sentence end, the words that join sources ("Name via Getty Images"), and Arabic's
// comma.
// Japanese and Chinese credits use the full-width forms: "（AFP＝時事）", "写真：ロイター"; Korean
// ones join the source to Yonhap, which sent the picture: "[로이터=연합뉴스]" (an "=" before a name in
// another script only: `credit="AP Photo/Name"` in a code sample is no credit), or set a space
// between a Latin name and it: "사진=AP 연합뉴스" (the "=" after a Korean label). Hindi credits
// put a hyphen right after their label: "(फोटो- पीटीआई)". Jiji, which sends
// the foreign agencies' pictures in Japan, runs their names into its own: "（ＥＰＡ時事）" (not
// "時事通信", its full name).
const SEPARATORS = String.raw`[/|\\·•;:()[\]©,،、（）［］【】＝／｜：・]|=(?=[\p{Script=Hangul}\p{Script=Han}\p{Script=Katakana}])|(?<=[\p{L}\p{N}])時事(?!\p{Script=Han})|(?<=[A-Za-z])\s(?=\p{Script=Hangul})|(?<=\p{Script=Hangul})=|(?<=[\p{L}\p{M}])-\s|\s[-–—]+\s|\.\s|\s(?:via|vía|for|by|von|par|por|and|und|et|y|e|&)\s`;
export const CREDIT_SEPARATORS = new RegExp(String.raw`\s*(?:${SEPARATORS})\s*`, 'giu');
// A byline's also part at the word it gives its agencies after: "« La Gazette » avec AFP et Reuters".
export const BYLINE_JOINERS = ['with', 'avec', 'mit', 'con', 'com'];
export const BYLINE_SEPARATORS = new RegExp(String.raw`\s*(?:${SEPARATORS}|\s(?:${BYLINE_JOINERS.join('|')})\s)\s*`, 'giu');
// What separates the names of a list of sources ("AFP, AP", "dpa/AFP", "Reuters and AP", "Reuters
// e da AP", "EFE y de la AP": the articles repeated before the next name), with the Arabic comma
// and the ideographic one ("رويترز، الفرنسية", "路透社、法新社").
export const LIST_SEPARATORS = /\s*(?:[/,&+،、]|\s(?:and|und|et|y|e)\s)(?:\s*(?:the|da|do|das|dos|de|del|la|le|der|die|den)\s){0,2}\s*/giu;
/** A holder's name is short; a longer part is prose. */
export const MAX_PART = 60;
/** How long a block may be and still be a line of its own (a source line, a credit, a byline). */
export const MAX_LINE = 100;

/** Splits `text` from `start` to `end` at each match of `separators` (a global pattern). */
export function splitParts(text: string, separators: RegExp, start = 0, end = text.length): Part[] {
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

/**
 * A part without the white space and quotes around it, nor a full stop that ends it, nor the link
 * back to the text that a Markdown footnote ends with ("[^1]: Foto: AFP ↩").
 */
function trimPart(text: string, part: Part): Part {
  let { from, to } = part;
  while (from < to && /[\s"'“”‘’«»*.,()[\]\-–—（）]/u.test(text[from] as string)) from++;
  while (to > from && /[\s"'“”‘’«»*.,()[\]↩\uFE0E（）]/u.test(text[to - 1] as string)) to--;
  return { ...part, from, to };
}

// Words a credit puts before a name: labels, years of a notice, "file", "Symbolbild" (stock), a
// byline's "By" ("By AGENCE FRANCE-PRESSE"), "courtesy of", photo labels without their colon in
// other languages ("Фото AFP", "fot. PAP"), a video's ("Vidéo AFP", "Vídeo de Europa Press"), a
// Japanese credit's year ("2006年　ロイター").
const LABEL = /^(?:(?:\d{4}(?:\s?[-–]\s?\d{4})?年?|by|por|par|von|de|photos?|fotos?|videos?|vídeos?|vidéos?|fotografía|fotografia|bild(?:er)?|images?|imagen(?:es)?|imagem|pictures?|pics?|credits?|crédits?|source|quelle|fuente|fonte|files?|archives?|archivo|archiv|symbolbild|handout|copyright|courtesy(?:\s+of)?|fot|фото|снимка|zdjęcie|φωτο)(?![\p{L}\p{N}])[\s.]*)+/iu;
const COURTESY = /courtesy/i;
// Words a credit puts after a name: the medium ("AP Photo", "AFP pic"), the archive ("Reuters
// file"), a regional desk ("Getty Images North America"), a cut ("(Ausschnitt)"); in Chinese and
// Japanese run on without a space ("法新社照片", "ロイター写真").
const QUALIFIER = /(?:(?:[\s,]+|-(?=foto|photo|bild|video|grafik))(?:photos?|fotos?|pics?|pictures?|images?|files?|archives?|archiv|archivo|videos?|vídeos?|vidéos?|graphics?|grafik|pool|handout|staff|stringer|north america|europe|asiapac|asia|latin america|south america|international|ausschnitt))+$|(?<=[\p{Script=Han}\p{Script=Katakana}])(?:資料|资料)?(?:照片|图片|圖片|写真)$/iu;
// A credit that runs the photographer's name on after the agency's and its medium, in capitals
// or not: "ANP PHOTO KOEN VAN WEEL", "EPA PHOTO ANSA" (EPA sending ANSA's picture).
const MEDIUM_LED = /^(\S.{0,40}?)[\s-](?:PHOTOS?|FOTOS?|Photos?|Fotos?)\s+(?=\p{Lu})/u;
const VIDEO = /\b(?:video|vídeo|vidéo)\b/i;
const PHOTO = /\b(?:photos?|fotos?|pics?|pictures?|images?|bild(?:er)?)\b/i;
const GRAPHIC = /\b(?:graphics?|grafik|grafika|grafiek|infogra\w*|gráfico|chart|map|karte|illustration|ilustración)\b/i;

/**
 * The holders a part names, with the span of the name: the part as it stands, else without its
 * label words, else without its qualifiers too.
 */
export function namedIn(text: string, part: Part, catalogue: Catalogue, spelling: Spelling = 'credit'): Named | undefined {
  if (part.to - part.from > MAX_PART) return undefined;
  let { from, to } = part;
  const whole = holdersNamed(text.slice(from, to), catalogue.creditNames, spelling);
  if (whole.length > 0) return { holders: whole, from, to };
  const label = LABEL.exec(text.slice(from, to));
  if (label) from += label[0].length;
  // A picture "courtesy of" someone is a handout, often from an institution whose short name is
  // an agency's too (Columbia's SIPA): there only a name of five letters or more is taken.
  const isCourtesy = label !== null && COURTESY.test(label[0]);
  const qualifier = QUALIFIER.exec(text.slice(from, to));
  if (qualifier) to -= qualifier[0].length;
  if (to <= from) return undefined;
  if (isCourtesy && to - from < 5) return undefined;
  const holders = holdersNamed(text.slice(from, to), catalogue.creditNames, spelling);
  if (holders.length === 0) return mediumLed(text, from, to, catalogue, spelling) ?? runOnName(text, from, to, catalogue);
  const medium = mediumOf(`${label?.[0] ?? ''} ${qualifier?.[0] ?? ''}`);
  return { holders, from, to, ...(medium ? { medium } : {}) };
}

// A part written in Chinese or Japanese, which sets no spaces between words.
const DENSE_PART = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]{3,20}$/u;

/**
 * The holder whose name in Chinese or Japanese ends a part, run on after the distributor's or the
 * archive's that sent the picture: Taiwan's "達志影像美聯社" (AP's picture through Daj Zhi Images).
 */
function runOnName(text: string, from: number, to: number, catalogue: Catalogue): Named | undefined {
  if (!DENSE_PART.test(text.slice(from, to))) return undefined;
  for (let start = from + 1; start <= to - 2; start++) {
    const holders = holdersNamed(text.slice(start, to), catalogue.creditNames, 'credit');
    if (holders.length > 0) return { holders, from: start, to };
  }
  return undefined;
}

/** The holder a part opens with, before its medium and a name ("ANP PHOTO KOEN VAN WEEL"). */
function mediumLed(text: string, from: number, to: number, catalogue: Catalogue, spelling: Spelling): Named | undefined {
  const led = MEDIUM_LED.exec(text.slice(from, to));
  const name = led?.[1];
  if (name === undefined) return undefined;
  const holders = holdersNamed(name, catalogue.creditNames, spelling);
  return holders.length > 0 ? { holders, from, to: from + name.length, medium: 'photo' } : undefined;
}

/** The medium a credit's words name ("AP Photo", "Video: Reuters", "Grafik: dpa"), if any. */
export function mediumOf(words: string): ContentKind | undefined {
  return VIDEO.test(words) ? 'video' : GRAPHIC.test(words) ? 'graphic' : PHOTO.test(words) ? 'photo' : undefined;
}

/** The names of a list of sources, each a holder's, or undefined where any part is not. */
export function namesList(text: string, start: number, end: number, catalogue: Catalogue, spelling: Spelling = 'credit', isOther: (part: Part) => boolean = () => false): Named[] | undefined {
  const named: Named[] = [];
  for (const part of splitParts(text, LIST_SEPARATORS, start, end)) {
    const found = namedOrJoined(text, part, catalogue, spelling);
    if (found) named.push(...found);
    else if (!isOther(part)) return undefined;
  }
  return named.length > 0 ? named : undefined;
}

// An editor's initials, set beside the agencies by a slash in a German or French sign-off:
// "ler/dpa/AP", "sam/AFP", "dpa/lno".
const INITIALS = /^\p{Ll}{2,4}$/u;

/**
 * The names of a sign-off, each a holder's, with the editors' initials set beside them by
 * slashes left out; undefined where another part is not a holder's name, or none is.
 */
export function signedNames(text: string, start: number, end: number, catalogue: Catalogue, spelling: Spelling): Named[] | undefined {
  return namesList(text, start, end, catalogue, spelling, (part) => INITIALS.test(text.slice(part.from, part.to)) && (part.before === '/' || part.after === '/'));
}

// A part of a list of sources that names one other than a holder: a few words ("local media",
// "Al Jazeera", "company filings"), not prose.
const OTHER_SOURCE = /^(?=.{1,40}$)\S+(?:\s\S+){0,3}$/u;

// The portal a list of sources came through, after "via" at its end ("Source: Reuters via Yahoo Finance").
const THROUGH = /\s(?:via|vía|über)\s+(\S+(?:\s\S+){0,3})$/du;

/**
 * The holders a list of sources after its label names, where the others it names are short
 * names too ("Sources: AFP, Reuters, local media", "Source: Al Jazeera + Reuters"), a short one
 * all in lower case as well, as Swiss sites write theirs ("Quelle: sda", "Source : ats"), and the
 * list may close with the portal it came through ("Source: AP via MSN News"; a holder after "via"
 * is one of the list's names); undefined where a part is prose ("Source: Reuters reported on
 * Monday that ...") or none is a holder.
 */
export function holdersAmongSources(text: string, start: number, end: number, catalogue: Catalogue): Named[] | undefined {
  const through = THROUGH.exec(text.slice(start, end));
  const portalAt = start + (through?.indices?.[1]?.[0] ?? 0);
  const listEnd = through && !namesList(text, portalAt, end, catalogue) ? start + through.index : end;
  return namesList(text, start, listEnd, catalogue, 'lone', (part) => OTHER_SOURCE.test(text.slice(part.from, part.to)));
}

const HYPHEN = /-/g;

/**
 * The holder a part names, or the holders of a joint service written with a hyphen ("Sapa-AFP",
 * "efe-epa"), each piece a name; undefined where the part is neither.
 */
export function namedOrJoined(text: string, part: Part, catalogue: Catalogue, spelling: Spelling = 'credit'): Named[] | undefined {
  const whole = namedIn(text, part, catalogue, spelling);
  if (whole) return [whole];
  const pieces = splitParts(text, HYPHEN, part.from, part.to).map((piece) => namedIn(text, piece, catalogue, spelling));
  return pieces.length >= 2 && pieces.every((piece) => piece !== undefined) ? (pieces as Named[]) : undefined;
}

/** The names a list opens with, up to the first part that is not one. */
export function leadingNames(text: string, start: number, end: number, catalogue: Catalogue): Named[] {
  const named: Named[] = [];
  for (const part of splitParts(text, LIST_SEPARATORS, start, end)) {
    const found = namedIn(text, part, catalogue);
    if (!found) break;
    named.push(found);
  }
  return named;
}
