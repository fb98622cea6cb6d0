import type { Catalogue } from '../../catalogue/compile.js';
import { type Region, SOURCE_COLUMN } from '../../document/region.js';
import { holderOfHost } from '../origin.js';
import { TIME_OF_DAY } from './datelines.js';
import { CREDIT_SEPARATORS, holdersAmongSources, LIST_SEPARATORS, MAX_LINE, MAX_PART, type Named, namedIn, namesList, signedNames, splitParts } from './parts.js';
import { creditLine, GRAPHIC_LABEL, isUnderPicture, MAX_CAPTION, PHOTO_FIELD, PHOTO_LABEL, VIDEO_LABEL } from './picture-lines.js';
import { hitsOf, type Shape } from './shape.js';
import { DENSE_SCRIPT, DESK_WITH, inBrackets, isSignOffPlace, WITH } from './sign-offs.js';

// A block that is a line of its own naming its story's sources: a labelled source line ("Quelle:
// dpa"), a byline that names the agency ("By AFP", "By Jane Doe, Reuters"), a dated or timed line
// ("AFP - 1 hour ago", "14:22 Uhr | dpa"), names alone where a story signs off or under its headline
// ("With Reuters", "(dpa)"), and a picture's labelled credit set as a paragraph ("Foto: dpa").

// "Source: dpa", "Written by: AFP", "Article from: Agence France-Presse", "Quelle: dpa/AFP",
// "Wire Service: Reuters", a portal's line for a syndicated story: "Provided by Reuters", "Article
// provided by Agence France Presse", "Story from Reuters", and
// the same labels in other languages and scripts: "Sumber: Reuters", "Sursa: AFP", "Izvor:
// Reuters", "المصدر: رويترز", "מקור: רויטרס", "来源：路透社", "इनपुट - भाषा"; in brackets ("(इनपुट-
// पीटीआई)") or after a mail's quote marks ("> Quelle: dpa"), a Japanese forum's "■ソース（共同通信）"
// (the source in brackets right after its label), a note box's emoji ("📰 Source: AFP", a Notion
// callout's). The sources after the label may name
// others beside the holders ("Sources: AFP, Reuters, local media"; see `holdersAmongSources`).
const SOURCE_LABEL = /^[(（]?(?:>\s?)*(?:■|\p{Extended_Pictographic}\uFE0F?\s*)?(?:(?:(?:original )?sources?|quellen?|fuentes?|fontes?|article from|story from|written by|story by|story|reporting|words|text|texto|texte|tekst|testo|agency|agencies|agencias|agenturen|agenzie|zdroj|источник|джерело|kaynak|bron|kilde|källa|lähde|źródło informacji|źródło|převzato z|forrás|সূত্র|font|sursa|sursă|izvor|извор|vir|šaltinis|avots|allikas|източник|מקור|منبع|ماخذ|mit material von|with inputs from|inputs from|wires?|wire services?|news services?|providers?|sumber|nguồn|πηγή|πηγές|المصدر|المصادر|स्रोत|इनपुट|来源|來源|消息来源|资料来源|資料來源|出典|ソース|출처|ที่มา)\s*(?:[:：]|(?<=इनपुट\s*)[-–—]|(?<=ソース\s*)(?=[（(]))|(?:(?:content|article|story|news|text)\s+)?(?:provided|supplied)\s+by:?|(?:article|story|news|text)\s+from)\s*/iu;
// A label that gives the story's text and its pictures to the same source: "Text und Fotos: dpa",
// "Text and photos: AFP", "Texte et photos : AFP", "Texto y fotos: EFE".
const TEXT_AND_PHOTOS = /^(?:text[eo]?|words)\s+(?:und|and|et|y|e|&)\s+(?:fotos?|photos?|bilder|pictures)\s*:\s*/iu;
// A press release's closing line, "SOURCE Thomson Reuters" (PR Newswire's, the label in capitals
// and without a colon), names the company that issued it: no source of a story.
const PRESS_RELEASE_SOURCE = /^SOURCE\s+\S/u;
// A source label without its colon, where nothing but agencies' names follows it: Indonesian
// sites' "Sumber AFP", "Source Reuters".
const BARE_SOURCE_LABEL = /^(?:sources?|quelle|fuente|fonte|sumber|kaynak|bron|kilde|källa|źródło|zdroj|izvor|sursa|nguồn)\s+/iu;
// A field's label set as a block of its own, its value in the next block (Drupal's `field__label`
// and `field__item`, a CMS's definition lists): "Source" then "Reuters" (a picture's: `PHOTO_FIELD`).
const SOURCE_FIELD = /^(?:sources?|quellen?|fuentes?|fontes?|agency|agencies|agentur|agencia|wire services?|news services?|providers?)\s*:?$/iu;
// A byline or a source line that gives the date beside the agency: "PTI | July 9, 2020 | Updated
// 08:24 IST", a portal's "AFP - 1 hour ago", a Spanish paper's "EFE - Madrid - 03/03/2003", an
// older page's "Reuters, 03/06/2002 14:23" (a comma, then the date's digits), and a portal's
// "AP - Tue Jun 3, 2:22 PM ET", "AFP - mar 3 juin, 14h22" (a weekday first).
const WEEKDAY = '[Mm]on|[Tt]ue|[Ww]ed|[Tt]hu|[Ff]ri|[Ss]at|[Ss]un|[Ll]un|[Mm]ar|[Mm]er|[Jj]eu|[Vv]en|[Ss]am|[Dd]im|[Mm]o|[Dd]i|[Mm]i|[Dd]o|[Ff]r|[Ss]a|[Ss]o';
const DATED_SOURCE = new RegExp(String.raw`^([^|·•]{2,40}?)\s*(?:[|·•]\s*(?=[^|·•]*\d)|,\s*(?=\d)|\s[-–—]\s+(?:\p{Lu}[^-–—|·•\d]{1,30}\s[-–—]\s+)?(?=\d|(?:${WEEKDAY})\p{Ll}*\.?,?\s+\p{L}*\s*\d))`, 'u');
// A wire list's line that gives an item's time of day beside its agency, before or after it:
// "14:22 Uhr | dpa", "EFE 14:22", "AFP 2:22 PM".
const TIMED_SOURCE = new RegExp(String.raw`^(?:(${TIME_OF_DAY}\s*[|·•–-]\s*)([^|·•\d]{2,40}?)|([^|·•\d]{2,40}?)\s+${TIME_OF_DAY})$`, 'u');
// A slash that joins names, not the parts of a date ("03/06/2002").
const NAME_SLASH = /\D\s*\/|\/\s*\D/;
// A byline set as a paragraph, the agency after the names: "By Jane Doe, Reuters", "Par Jean
// Dupont | AFP", "By JANE DOE, Associated Press Writer" (the desk's title goes).
const BYLINE = /^(?:by|por|par|von|di|door|av|af)\s+[^,|/]{2,60}?\s*(?:,|\||\/|\s[-–—]\s)\s*([^,|/]{2,60})$/iu;
// A byline that names the agency alone, its label's colon or not: "By AFP", "By The Associated
// Press", "Por EFE", "Door: ANP", "Redazione ANSA", a portal's "From The Associated Press", an
// aggregator's "via Reuters", a blog's "Posted by AFP on June 3, 2025", a mail archive's "Dépêche
// AFP du 03/06/2003 14:22" (and a reprint's "Dépêche AFP reprise par Le Parisien, 28/08/2019"), a
// club's note over a pasted item "Agenturmeldung von dpa vom 3. Juni 2019:", and
// Brazilian sites' "da Reuters", where the place may follow ("da France Presse, em Paris").
const AGENCY_BYLINE = /^(?:(?:posted|written|published|filed) by|by|por|par|von|di|door|av|af|from|via|da|redazione|redacción|redação|redaktion|dépêches?|(?:agentur)?meldung(?:\s+(?:der|des|von))?)\s*:?\s+/iu;
const PLACE_AFTER = /,\s*(?:em|en|in|à|a|aus|desde|from)\s+\p{Lu}[\p{L}\p{M}\s.'’-]{1,40}$|\s+(?:on|du|vom|del)\s+[^,|]{0,20}\d[^|]{0,30}$|\s+(?:reprise?|relayée?)\s+par\s+[^|]{1,60}$/u;
// The time a source line gives after a dot or a bar: "· 2 hours ago", "| 03.06.2025", "| 03.06.2003 | 14:23 Uhr".
const WHEN_AFTER = /(?:\s*[|·•]\s*[^|·•]*\d[^|·•]*)+$/u;
// A line closing a story with the agencies it was written with (see `WITH`): "With Reuters", "- with
// AP". A blog's line under a story it quotes whole says where it came from: "(via AP)". (After other
// words "via" names a picture's distributor: "Kyodo News via AP".)
const WRITTEN_WITH = new RegExp(String.raw`^[-–—]*\s*\(?(?:${WITH}|via)\s+`, 'iu');
const DESK_TITLE = /(?:\s+\p{L}+)?\s+(?:writers?|correspondents?|reporters?|editors?|photographers?|staff)$/iu;
// A byline's first line, the writer's name alone ("By KENJI HALL"): the desk follows on a line of
// its own ("Associated Press Writer").
const BYLINE_OPENER = /^(?:by|por|par|von|di|door|av|af)\s+[^,|/]{2,60}$/iu;
// Chinese, Japanese and Korean sign-offs in full-width brackets: "（新华社）".
const BRACKETED = /^[(（]([^()（）]{2,40})[)）]\.?$/u;
// A block of slash-joined words, one of them an editor's initials: "mrc/dpa/Reuters", "ats/afp/vajo".
const DESK_SLASHES = /^(?=(?:.*\/)?\s?\p{Ll}{2,4}\s?(?:\/|$))[\p{L}.-]{2,24}(?:\s?\/\s?[\p{L}.-]{2,24}){1,5}$/u;
// A writer's name, then the agency the story was written with in brackets: "Minh Anh (Theo AFP)".
const NAME_THEN_WITH = new RegExp(String.raw`^[^()]{2,40}?\s\(((?:${WITH})\s[^()]{2,40})\)\.?$`, 'iu');
// A headline: three words or more, 150 characters at most, ending no sentence; in Chinese or
// Japanese, which set no spaces between words, six characters or more.
const HEADLINE = /^(?:(?=.{15,150}$)\S+(?:\s+\S+){2,}|(?=.{6,80}$)(?=.*[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[^\s。！？]+)(?<![.!?。:;,、])$/u;

/**
 * A block that is a line of its own naming its sources: a labelled source line, a photo credit,
 * a byline, or agency names alone ("AFP, AP", "- REUTERS", "(dpa)", "With Reuters"). Names alone
 * count only right after a paragraph that ends a sentence (`isSignOffPlace`) or under a headline
 * (`isBylinePlace`). A lone name of two letters ("AA", a text-size button) is too common to count.
 */
export const sourceLine: Shape = (region, { catalogue, previous, before, above }) => {
  const text = region.text;
  if (PRESS_RELEASE_SOURCE.test(text)) return [];
  const photo = PHOTO_LABEL.exec(text);
  const video = photo ? null : VIDEO_LABEL.exec(text);
  const graphic = photo || video ? null : GRAPHIC_LABEL.exec(text);
  const mediaLabel = photo ?? video ?? graphic;
  // A list of credits after its label may run longer than a line: "Bildnachweis: S. 4: dpa/Name; S. 9: ...".
  if (text.length > (mediaLabel ? MAX_CAPTION : MAX_LINE)) return [];
  const label = SOURCE_LABEL.exec(text);
  // An aggregator's line gives the time after the source: "Source: AP News · 3 hours ago".
  const end = text.length - (WHEN_AFTER.exec(text)?.[0].length ?? 0);
  // Right under a picture, a source line is its credit ("Quelle: AFP/Ina Fassbender"), unless it
  // dates the story ("Quelle: AFP | 03.06.2003 | 14:23 Uhr", a print version's head under its logo).
  if (label && (end < text.length || !(before?.kind === 'alt' || before?.kind === 'src'))) {
    return hitsOf(holdersAmongSources(text, label[0].length, end, catalogue) ?? siteOfSource(text, label[0].length, catalogue) ?? [], 'source-line', 'trailer', 'text');
  }
  if (label) return creditLine(text, label[0].length, catalogue, undefined);
  if (mediaLabel) return creditLine(text, mediaLabel[0].length, catalogue, video ? 'video' : graphic ? 'graphic' : undefined);
  const both = TEXT_AND_PHOTOS.exec(text);
  if (both) {
    const pictures = creditLine(text, both[0].length, catalogue, 'photo');
    return [...pictures, ...pictures.map((hit) => ({ ...hit, signal: 'source-line' as const, type: 'trailer' as const, kind: 'text' as const }))];
  }
  // A field's value under its label, or a cell of a table's column of sources (see source-columns.ts).
  if ((previous && SOURCE_FIELD.test(previous.text)) || region.field === SOURCE_COLUMN) return hitsOf(holdersAmongSources(text, 0, text.length, catalogue) ?? [], 'source-line', 'trailer', 'text');
  if (previous && PHOTO_FIELD.test(previous.text)) return creditLine(text, 0, catalogue, undefined);
  const bare = BARE_SOURCE_LABEL.exec(text);
  const sources = bare && namesList(text, bare[0].length, end, catalogue);
  if (sources) return hitsOf(sources, 'source-line', 'trailer', 'text');
  const agencies = AGENCY_BYLINE.exec(text);
  const named = agencies && namesList(text, agencies[0].length, end - (PLACE_AFTER.exec(text.slice(0, end))?.[0].length ?? 0), catalogue);
  if (named) return hitsOf(named, 'source-line', 'credit', 'text');
  const byline = BYLINE.exec(text);
  if (byline?.[1]) {
    const names = deskNames(text, text.length - byline[1].length, catalogue);
    if (names) return hitsOf(names, 'source-line', 'credit', 'text');
  }
  if (previous && BYLINE_OPENER.test(previous.text)) {
    const names = deskNames(text, 0, catalogue);
    if (names) return hitsOf(names, 'source-line', 'credit', 'text');
  }
  const infoBar = infoBarNames(text, catalogue);
  if (infoBar) return hitsOf(infoBar, 'source-line', 'trailer', 'text');
  const dated = DATED_SOURCE.exec(text);
  if (dated?.[1]) {
    const names = namesList(text, 0, dated[1].length, catalogue, 'catalogue');
    if (names) return hitsOf(names, 'source-line', 'credit', 'text');
  }
  const timed = TIMED_SOURCE.exec(text);
  const timedNames = timed?.[2] ?? timed?.[3];
  if (timed && timedNames !== undefined) {
    const start = timed[1]?.length ?? 0;
    const names = namesList(text, start, start + timedNames.length, catalogue, 'catalogue');
    if (names) return hitsOf(names, 'source-line', 'credit', 'text');
  }
  const bracketed = BRACKETED.exec(text) ?? NAME_THEN_WITH.exec(text);
  const written = WRITTEN_WITH.test(text) || (bracketed !== null && DESK_WITH.test(bracketed[1] as string));
  const underPicture = isUnderPicture(before);
  // Editors' initials and agencies joined by slashes sign the story off wherever they stand in it,
  // after a short last paragraph too ("mrc/dpa/Reuters", "ats/afp/vajo").
  if (!region.isAside && !underPicture && DESK_SLASHES.test(text)) {
    const names = signedNames(text, 0, text.length, catalogue, 'lone');
    // One part at least is an editor's initials, not a name ("Kappeler/dpa" is a picture's credit).
    if (names && names.length < text.split('/').length) return hitsOf(names, 'source-line', 'trailer', 'text');
  }
  // A line that says whom the story was written with closes it wherever it stands outside page
  // furniture: under the writer's signature too ("Klaus Wendt" then "mit dpa"). Names alone right
  // under a picture are its credit (see `captionUnderPicture`), as a table layout sets "AFP" in the
  // row under the photo, after the paragraph before it.
  if ((!underPicture && (isSignOffPlace(previous, above) || isBylinePlace(region, previous))) || (written && !region.isAside)) {
    // In brackets the names may be all in lower case, as a sign-off in brackets is (see `signOff`);
    // out of them, in any of the agency's spellings ("DPA"), with the editors' initials beside them ("ler/dpa/AP").
    const inner = bracketed && text.lastIndexOf(bracketed[1] as string);
    const names = bracketed && inner ? inBrackets(text, inner, inner + (bracketed[1] as string).length, catalogue) : signedNames(text, WRITTEN_WITH.exec(text)?.[0].length ?? 0, text.length, catalogue, 'credit');
    // A two-letter name alone may be a button's; after "With" it closes a story ("With AP").
    if (names && (written || names.length > 1 || (names[0] as Named).to - (names[0] as Named).from > 2)) return hitsOf(names, 'source-line', 'trailer', 'text');
    // The site or the writer beside the agency: "Novinky, ČTK", "Jan Novák, ČTK".
    const beside = bracketed || region.isLink ? undefined : nameBesideAgency(text, catalogue);
    if (beside) return hitsOf([beside], 'source-line', 'trailer', 'text');
  }
  // A source label after the block's last sentence or a dash: a translation's note ("Aus dem
  // Französischen übersetzt. Quelle: AFP", "Переклад з англійської. Джерело: Reuters"), a print
  // version's head ("Druckversion - Quelle: AFP -").
  const labelled = labelledSegment(text, catalogue);
  if (labelled) return hitsOf(labelled, 'source-line', 'trailer', 'text');
  // "FMW/Bloomberg": a short credit of slash-joined names set as a paragraph; not right after a
  // link's headline, whose source it names (a press review's row: "<a>Headline</a> | Zeit Online / dpa").
  if (text.length <= MAX_PART && NAME_SLASH.test(text) && !/[.!?]\s/.test(text) && !(previous?.isLink && previous === before)) {
    const parts = splitParts(text, CREDIT_SEPARATORS);
    if (parts.length >= 2 && parts.every((part) => part.to - part.from <= 40)) {
      return hitsOf(parts.flatMap((part) => namedIn(text, part, catalogue) ?? []), 'credit-line', 'credit', undefined);
    }
  }
  return [];
};

// A source given by its site's address: "Original source: reuters.com", "Source: https://apnews.com/article/...".
const SOURCE_SITE = /^\s*(?:https?:\/\/)?((?:[a-z\d-]+\.)+[a-z]{2,})(?:\/\S*)?\s*$/iu;

/** The holder whose news site a source line gives after its label from `start` (see `SOURCE_SITE`). */
function siteOfSource(text: string, start: number, catalogue: Catalogue): Named[] | undefined {
  const site = SOURCE_SITE.exec(text.slice(start));
  const host = site?.[1];
  const holder = host === undefined ? undefined : holderOfHost(host.toLowerCase(), catalogue);
  if (!site || !host || !holder) return undefined;
  const from = start + site[0].indexOf(host);
  return [{ holders: [holder.id], from, to: from + host.length }];
}

// The name of a site or a person beside an agency's in a sign-off: one to three capitalised words.
const SHORT_NAME = /^\p{Lu}[\p{L}\p{N}.'’-]*(?:\s\p{Lu}[\p{L}\p{N}.'’-]*){0,2}$/u;
// Where a part of a block starts after a sentence's end or a spaced dash or bar, and where it ends.
const SEGMENT_START = /(?:[.!?]|\s[-–—|])\s+/gu;
const SEGMENT_END = /\s[-–—|](?:\s|$)/u;

/**
 * The holders a part of a block names after a source label, the part opening after a sentence's
 * end or a spaced dash or bar: "Aus dem Französischen übersetzt. Quelle: AFP", "Druckversion -
 * Quelle: AFP - Weser-Post".
 */
function labelledSegment(text: string, catalogue: Catalogue): Named[] | undefined {
  for (const start of text.matchAll(SEGMENT_START)) {
    const at = start.index + start[0].length;
    const label = SOURCE_LABEL.exec(text.slice(at));
    if (!label) continue;
    const rest = text.slice(at + label[0].length);
    const names = holdersAmongSources(text, at + label[0].length, at + label[0].length + (SEGMENT_END.exec(rest)?.index ?? rest.length), catalogue);
    if (names) return names;
  }
  return undefined;
}

/** The agency of a sign-off of two names, the other a site's or a writer's ("Novinky, ČTK"). */
function nameBesideAgency(text: string, catalogue: Catalogue): Named | undefined {
  const parts = splitParts(text, LIST_SEPARATORS);
  if (parts.length !== 2) return undefined;
  const named = parts.map((part) => namedIn(text, part, catalogue));
  const other = parts.find((_, i) => named[i] === undefined);
  const agencies = named.filter((name): name is Named => name !== undefined);
  return agencies.length === 1 && other !== undefined && SHORT_NAME.test(text.slice(other.from, other.to)) ? agencies[0] : undefined;
}

// What a Chinese, Japanese or Korean portal's line of a story's details holds beside its source:
// the site's address, the day and time, "配信" (sent), brackets: "[연합뉴스] 2006-06-03 14:22",
// "6月3日14時22分配信 共同通信", "http://www.sina.com.cn 2006年06月03日14:22 新华网", "2006年06月03日
// 14:22 来源：新华社".
const INFO_BAR_DATE = /\d{2,4}[-./年]\d{1,2}[-./月]\d{1,2}日?|\d{1,2}月\d{1,2}日/u;
const INFO_BAR_NOISE = /https?:\/\/\S+|\d{2,4}[-./年]\d{1,2}[-./月]\d{1,2}日?|\d{1,2}月\d{1,2}日|\d{1,2}(?::|時)\d{2}分?|配信|[[\]【】]/gu;

/** The agencies a dated line of a story's details names, where it holds nothing else (see `INFO_BAR_NOISE`). */
function infoBarNames(text: string, catalogue: Catalogue): Named[] | undefined {
  if (text.length > MAX_LINE || !DENSE_SCRIPT.test(text) || !INFO_BAR_DATE.test(text)) return undefined;
  // Each stretch of noise is kept as spaces, so that what is left keeps its place in the text.
  const rest = text.replace(INFO_BAR_NOISE, (noise) => ' '.repeat(noise.length));
  const label = SOURCE_LABEL.exec(rest.trimStart());
  const from = rest.length - rest.trimStart().length + (label?.[0].length ?? 0);
  const to = rest.trimEnd().length;
  return from < to ? namesList(rest, from, to, catalogue) : undefined;
}

/**
 * The agencies a byline's desk names, from `start` to the end of the text, with the desk's title
 * left out: "Associated Press Writer", "AP Business Writer", "Reuters".
 */
function deskNames(text: string, start: number, catalogue: Catalogue): Named[] | undefined {
  const title = DESK_TITLE.exec(text.slice(start));
  if (!title) return namesList(text, start, text.length, catalogue);
  // The title is one word ("Writer") or two ("Business Writer"); the name before it decides which.
  const titleWord = /\s+\p{L}+$/u.exec(title[0]) as RegExpExecArray;
  return namesList(text, start, text.length - title[0].length, catalogue) ?? namesList(text, start, text.length - titleWord[0].length, catalogue);
}

/**
 * Whether a block of names alone stands where a byline does: right under a headline, a line of a
 * few words that ends no sentence. A teaser card's source label stands under its headline too,
 * but that headline is a link, the card is often in page furniture, and a category label ("Politics")
 * is one word.
 */
function isBylinePlace(region: Region, previous: Region | undefined): boolean {
  return !region.isAside && previous !== undefined && !previous.isLink && HEADLINE.test(previous.text);
}
