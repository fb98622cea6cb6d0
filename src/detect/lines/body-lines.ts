import type { Catalogue } from '../../catalogue/compile.js';
import type { ContentKind } from '../../catalogue/schema.js';
import { type Region, SOURCE_COLUMN } from '../../document/region.js';
import { holderOfHost } from '../origin.js';
import { namedParts } from './credit-parts.js';
import { CREDIT_SEPARATORS, holdersAmongSources, leadingNames, LIST_SEPARATORS, MAX_LINE, MAX_PART, type Named, namedIn, namedOrJoined, namesList, signedNames, splitParts } from './parts.js';
import { type Hit, hitsOf, type Shape } from './shape.js';

// "Source: dpa", "Written by: AFP", "Article from: Agence France-Presse", "Quelle: dpa/AFP",
// "Wire Service: Reuters", a portal's line for a syndicated story: "Provided by Reuters", "Article
// provided by Agence France Presse", "Story from Reuters", and
// the same labels in other languages and scripts: "Sumber: Reuters", "Sursa: AFP", "Izvor:
// Reuters", "المصدر: رويترز", "מקור: רויטרס", "来源：路透社", "इनपुट - भाषा"; in brackets ("(इनपुट-
// पीटीआई)") or after a mail's quote marks ("> Quelle: dpa"), a Japanese forum's "■ソース（共同通信）"
// (the source in brackets right after its label). The sources after the label may name
// others beside the holders ("Sources: AFP, Reuters, local media"; see `holdersAmongSources`).
const SOURCE_LABEL = /^[(（]?(?:>\s?)*■?(?:(?:(?:original )?sources?|quellen?|fuentes?|fontes?|article from|story from|written by|story by|story|reporting|words|text|texto|texte|tekst|testo|agency|agencies|agencias|agenturen|agenzie|zdroj|источник|джерело|kaynak|bron|kilde|källa|lähde|źródło informacji|źródło|převzato z|forrás|সূত্র|font|sursa|sursă|izvor|извор|vir|šaltinis|avots|allikas|източник|מקור|منبع|ماخذ|mit material von|with inputs from|inputs from|wires?|wire services?|news services?|providers?|sumber|nguồn|πηγή|πηγές|المصدر|المصادر|स्रोत|इनपुट|来源|來源|消息来源|资料来源|資料來源|出典|ソース|출처|ที่มา)\s*(?:[:：]|(?<=इनपुट\s*)[-–—]|(?<=ソース\s*)(?=[（(]))|(?:(?:content|article|story|news|text)\s+)?(?:provided|supplied)\s+by:?|(?:article|story|news|text)\s+from)\s*/iu;
// "Photo: Jane Doe/AP", "Foto: dpa", "Bild: Imago", "Image credit: Reuters", "Photos (from left):
// AP, AFP, Reuters", "फोटो: पीटीआई", "फोटो- पीटीआई", "图片来源：路透社", "圖／美聯社", "צילום: רויטרס", "عکس:
// رویترز", Korean sites' "사진=AP 연합뉴스" (an AP picture through Yonhap) set as a paragraph, and the labels
// of a page's picture credits as sites write them in their languages: "Bildnachweis: dpa, Getty
// Images", "Crédits photos : AFP", "Fotoğraflar: AA", "Źródło zdjęć: PAP"; Polish "fot. PAP", whose
// abbreviation needs no colon; Bengali "ছবি: এএফপি", Urdu "فائل فوٹو: رائٹرز"; and the BBC's "image
// source" in Persian, Urdu and Arabic, set before the credit after a comma ("منبع تصویر، EPA",
// "تصویر کا ذریعہ، Reuters"). Labels in Arabic script are written here
// as the text reads them, Persian and Urdu kaf and yeh folded to Arabic's (see characters.ts).
const PICTURE_CREDITS = String.raw`bildnachweise?|bildquellen?|bildrechte|fotonachweise?|fotoquellen?|crédits? (?:des )?(?:photos?|images|illustrations)|créditos? (?:fotográficos?|de (?:las )?(?:imágenes|fotos|fotografías)|das (?:imagens|fotos))|crediti (?:fotografici|(?:delle )?(?:foto|immagini))|fotoğraflar|sumber (?:foto|gambar)|źródł[oa] zdjęć|zdroj (?:fotografií|fotek|obrázků)|foto- en beeldverantwoording|fotoverantwoording|beeldverantwoording|(?:image|photo|picture) credits?`;
const PICTURE_CREDITS_HEADING = new RegExp(String.raw`^(?:${PICTURE_CREDITS}|credits?|crédits?)\s*:?$`, 'iu');

/** Whether a heading is one of a page's picture credits ("Bildnachweis", "Photo credits", "Crédits photos"). */
export function isPictureCreditsHeading(text: string): boolean {
  return text.length <= 40 && PICTURE_CREDITS_HEADING.test(text.trim());
}
const PHOTO_LABEL = new RegExp(String.raw`^\(?(?:(?:main |top |header |cover |featured |file |फाइल |فائل )?(?:photos?|fotos?|fotó|bild(?:er)?|images?|imagen|imagem|pictures?|fotografía|fotografia|fotografie|zdjęcie|kép|snímek|фото|світлина|fotoğraf|kuva|billede|bilde|फोटो|तस्वीर|صورة|الصورة|تصوير|图片来源|圖片來源|图源|圖源|图片|圖片|照片|图|圖|写真|画像|사진|ภาพ|ảnh|φωτογραφία|φωτο|fotografija|снимка|nuotr\.?|nuotrauka|צילום|عكس|ছবি|فوٹو|fot\.)(?: credits?| source)?|منبع تصوير|تصوير كا ذريعہ|مصدر الصورة|ছবির উৎস|credits?(?: photo)?|crédits?(?: photo)?|${PICTURE_CREDITS})(?:\s*\([^()]{1,30}\))?\s*(?:[:：／・،]|(?<=사진\s*)=|(?<=फोटो\s*)[-–—]|(?<=\bfot\.)(?=\s))\s*`, 'iu');
// A label that gives the story's text and its pictures to the same source: "Text und Fotos: dpa",
// "Text and photos: AFP", "Texte et photos : AFP", "Texto y fotos: EFE".
const TEXT_AND_PHOTOS = /^(?:text[eo]?|words)\s+(?:und|and|et|y|e|&)\s+(?:fotos?|photos?|bilder|pictures)\s*:\s*/iu;
// "Video: Reuters", "Vidéo : AFP", "Vídeo: EFE" set as a paragraph (under a player, whose caption it is).
const VIDEO_LABEL = /^\(?(?:videos?|vidéos?|vídeos?|filmati?)(?: credits?| source)?\s*:\s*/iu;
// "Grafik: dpa", "Graphic: Reuters", "Infografía: EFE" set as a paragraph (under a chart).
const GRAPHIC_LABEL = /^\(?(?:(?:info)?gr[aá](?:fika?|fiek|phics?|phique|fica|fico|fía)|infographics?|infographie|chart|karte|map)(?: credits?| source)?\s*:\s*/iu;
// A press release's closing line, "SOURCE Thomson Reuters" (PR Newswire's, the label in capitals
// and without a colon), names the company that issued it: no source of a story.
const PRESS_RELEASE_SOURCE = /^SOURCE\s+\S/u;
// A source label without its colon, where nothing but agencies' names follows it: Indonesian
// sites' "Sumber AFP", "Source Reuters".
const BARE_SOURCE_LABEL = /^(?:sources?|quelle|fuente|fonte|sumber|kaynak|bron|kilde|källa|źródło|zdroj|izvor|sursa|nguồn)\s+/iu;
// A field's label set as a block of its own, its value in the next block (Drupal's `field__label`
// and `field__item`, a CMS's definition lists): "Source" then "Reuters", "Photo" then "Name/AFP".
const SOURCE_FIELD = /^(?:sources?|quellen?|fuentes?|fontes?|agency|agencies|agentur|agencia|wire services?|news services?|providers?)\s*:?$/iu;
const PHOTO_FIELD = /^(?:photos?|fotos?|bild(?:er)?|images?|pictures?|(?:photo |image )?credits?|crédits?)\s*:?$/iu;
// A byline or a source line that gives the date beside the agency: "PTI | July 9, 2020 | Updated
// 08:24 IST", a portal's "AFP - 1 hour ago", a Spanish paper's "EFE - Madrid - 03/03/2003", an
// older page's "Reuters, 03/06/2002 14:23" (a comma, then the date's digits), and a portal's
// "AP - Tue Jun 3, 2:22 PM ET", "AFP - mar 3 juin, 14h22" (a weekday first).
const WEEKDAY = '[Mm]on|[Tt]ue|[Ww]ed|[Tt]hu|[Ff]ri|[Ss]at|[Ss]un|[Ll]un|[Mm]ar|[Mm]er|[Jj]eu|[Vv]en|[Ss]am|[Dd]im|[Mm]o|[Dd]i|[Mm]i|[Dd]o|[Ff]r|[Ss]a|[Ss]o';
const DATED_SOURCE = new RegExp(String.raw`^([^|·•]{2,40}?)\s*(?:[|·•]\s*(?=[^|·•]*\d)|,\s*(?=\d)|\s[-–—]\s+(?:\p{Lu}[^-–—|·•\d]{1,30}\s[-–—]\s+)?(?=\d|(?:${WEEKDAY})\p{Ll}*\.?,?\s+\p{L}*\s*\d))`, 'u');
// A time of day as wire lists and tickers give it: "14:22", "14h22", "14.22 Uhr", "2:22 PM".
const TIME_OF_DAY = String.raw`\d{1,2}[:.h]\d{2}(?:\s?(?:Uhr|h|hrs|[AaPp]\.?[Mm]\.?))?`;
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
// AFP du 03/06/2003 14:22", and Brazilian sites' "da
// Reuters", where the place may follow ("da France Presse, em Paris").
const AGENCY_BYLINE = /^(?:(?:posted|written|published|filed) by|by|por|par|von|di|door|av|af|from|via|da|redazione|redacción|redação|redaktion|dépêches?)\s*:?\s+/iu;
const PLACE_AFTER = /,\s*(?:em|en|in|à|a|aus|desde|from)\s+\p{Lu}[\p{L}\p{M}\s.'’-]{1,40}$|\s+(?:on|du|vom|del)\s+[^,|]{0,20}\d[^|]{0,30}$/u;
// The time a source line gives after a dot or a bar: "· 2 hours ago", "| 03.06.2025", "| 03.06.2003 | 14:23 Uhr".
const WHEN_AFTER = /(?:\s*[|·•]\s*[^|·•]*\d[^|·•]*)+$/u;
// A line closing a story with the agencies it was written with: "With Reuters", "Mit dpa", "Avec
// AFP", "- with AP", and Vietnamese sites' "(Theo Reuters)" under a story rewritten from it.
const WITH = 'with|mit|avec|con|com|met|med|theo';
// A blog's line under a story it quotes whole says where it came from: "(via AP)". (After other
// words "via" names a picture's distributor: "Kyodo News via AP".)
const WRITTEN_WITH = new RegExp(String.raw`^[-–—]*\s*\(?(?:${WITH}|via)\s+`, 'iu');
const VIA = /^via\s+/iu;
const DESK_TITLE = /(?:\s+\p{L}+)?\s+(?:writers?|correspondents?|reporters?|editors?|photographers?|staff)$/iu;
// A byline's first line, the writer's name alone ("By KENJI HALL"): the desk follows on a line of
// its own ("Associated Press Writer").
const BYLINE_OPENER = /^(?:by|por|par|von|di|door|av|af)\s+[^,|/]{2,60}$/iu;
// What stands before a story's lead in its block: a mail's or a forum's quote marks ("> ", ">> "),
// a forum's "[quote]" or an opening quotation mark, where the block quotes a story whole; a
// kicker ("BREAKING:", "EILMELDUNG -"), a ticker's label ("+++ dpa-Ticker +++"), or the time it
// was posted ("Posted 2:14 p.m. EST --"), where a site set one in the lead's block; and a forum
// quote's header naming who wrote it ("Meldung hat geschrieben:", "newsbot Wrote:", as phpBB and
// MyBB set it in the quote's block); a wire list's time stamp before each item ("14h22 - SÃO
// PAULO (Reuters) -", "14:22 Uhr | Berlin (dpa) -").
const QUOTE_MARKS = String.raw`(?:>\s?)+|\[(?:${inCapitals(['quote'])}|quote)(?:=[^\]]{0,60})?\]\s?|["“„«‘]\s?`;
const KICKER = String.raw`(?:${inCapitals(['breaking news', 'breaking', 'updated', 'update', 'urgent', 'flash', 'exclusive', 'developing', 'alert', 'eilmeldung', 'eil', 'última hora', 'urgente', 'dernière minute', "ultim'ora", 'срочно', 'son dakika'])})\s*(?:[:!]|--|[-–—])\s*`;
const TICKER = String.raw`\+{2,}[^+]{1,40}\+{2,}\s*`;
const POSTED = String.raw`(?:${inCapitals(['posted', 'updated', 'published', 'filed'])})\s[^-–—]{1,40}?\s(?:--|[-–—])\s*`;
const QUOTE_HEADER = String.raw`[^\n]{1,80}?\s(?:[Ww]rote|WROTE|schrieb|hat geschrieben|a écrit|escribió|ha scritto|escreveu|napisał|schreef|skrev|kirjoitti|yazdı|написал)\s?:\s*(?:[↑▲]\s*)?`;
// A news portal's line that gives a reader's submission, the story quoted after it: PHP-Nuke's and
// Slashdot's "newsfan writes \"WASHINGTON (AP) -- ...".
const SUBMISSION = String.raw`[^:\n"“„«]{1,80}?\s(?:writes|wrote|schreibt|schrieb|écrit|escribe|scrive)\s+["“„«]\s?`;
const TIME_STAMP = String.raw`${TIME_OF_DAY}\s*(?:--|[-–—|])\s*`;
export const LEAD_IN = `(?:${QUOTE_MARKS}|${KICKER}|${TICKER}|${POSTED}|${QUOTE_HEADER}|${SUBMISSION}|${TIME_STAMP})`;

/** Words as an alternation of their spellings in capitals and with a capital first ("BREAKING|Breaking"). */
function inCapitals(words: readonly string[]): string {
  return words.flatMap((word) => [word.toUpperCase(), `${word.charAt(0).toUpperCase()}${word.slice(1)}`]).join('|');
}
// A dateline, after a quote's marks where a block quotes a story whole ("> PARIS (AFP) -"): place
// words (a date may stand among them), the agency in brackets, then a dash,
// colon, ".-", a full stop or the end: "DENVER (AP) —", "New Delhi (PTI):", "Fairfield (AP) _",
// "Wiesbaden (KNA/iz).", "London, Jun 11 (efe-epa).-", "MOSCOW (UrduPoint News / Sputnik - 29th April, 2020) It ...".
// Place words are capitalised, dates or short connectors ("Frankfurt a.M.", "Jun 11", "7 oct",
// "Rio de Janeiro", "3 de marzo": the Romance languages write their months in lower case); a
// dateline alone in its block (a NewsML DateLine) ends there.
const MONTHS = 'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre';
const PLACE = String.raw`\p{Lu}[\p{L}\p{M}'’.-]*(?:[\s,/]+(?:\p{Lu}[\p{L}\p{M}'’.-]*|\d[\p{L}\d.]*|(?:${MONTHS})\b|\p{Ll}[\p{Ll}.]{0,3})){0,7}?`;
// The brackets may follow a dash or a colon: "PARIS — (AFP)", "NEW DELHI: (PTI)", "LONDON, June 3 -- (Reuters)".
const DATELINE = new RegExp(String.raw`^${LEAD_IN}?${PLACE}\s*(?:[,:]|[-–—]{1,2})?\s*\(\s*([^()]{1,80}?)\s*\)\s*(?:[-–—_:]|\.-|\.\s|(?<=\s)(?=\p{Lu})|(?<=^.{0,60})$)`, 'u');
// A dateline that names the agency out of brackets, between the place and the dash: "PARIS – AFP –",
// "PARIS/AFP –", "Paris, AFP –". Only agencies' names may stand there.
const UNBRACKETED_DATELINE = new RegExp(String.raw`^${LEAD_IN}?${PLACE}\s*(?:[/,]|\s[-–—]{1,2})\s*([^\s()/,–—-][^()/,–—]{0,40}?)\s+[-–—]{1,2}\s`, 'u');
const DATELINE_SEPARATORS = /\s*(?:[/,;]|\s[-–—]\s)\s*/gu;
// Italian copy puts the agencies first, the place in capitals after them: "(ANSA-REUTERS) - LONDRA, 3 GIU -".
const AGENCIES_FIRST = /^\(\s*([^()]{1,40}?)\s*\)\s*[-–—]\s*(?=\p{Lu}{2})/u;
// What stands before a sign-off: the end of a sentence, or a dash ("... talks. — AFP", "- REUTERS",
// "... days.—Agence France-Presse", whose name keeps its hyphen).
const SIGN_OFF = /(?:^|[.!?"”»)]\s*[-–—]*|\s[-–—]+)\s*((?:[^.!?"”»()\-–—]|(?<=\p{L})-(?=\p{L})){2,40}?)\s*\.?$/gu;
// Abbreviations whose full stop ends no sentence: "e.g.", "i.e.", "z.B.", "p. ej.", "cf.", "vgl.".
const ABBREVIATION_BEFORE = /(?:^|[\s(])(?:e\.\s?g|i\.\s?e|z\.\s?B|d\.\s?h|u\.\s?a|p\.\s?ej|cf|vgl|bzw|ex|incl)\.\s*[-–—]*\s*$/iu;
const SIGN_OFF_IN_BRACKETS = /[.!?"”»]\s*\(([^()]{2,40})\)\.?$/gu;
// Chinese, Japanese and Korean sign-offs in full-width brackets: "（新华社）".
const BRACKETED = /^[(（]([^()（）]{2,40})[)）]\.?$/u;
// Scripts that say in a few characters what Latin letters say in many: eight make a sentence.
const DENSE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
// A block of slash-joined words, one of them an editor's initials: "mrc/dpa/Reuters", "ats/afp/vajo".
const DESK_SLASHES = /^(?=(?:.*\/)?\s?\p{Ll}{2,4}\s?(?:\/|$))[\p{L}.-]{2,24}(?:\s?\/\s?[\p{L}.-]{2,24}){1,5}$/u;
// A writer's name, then the agency the story was written with in brackets: "Minh Anh (Theo AFP)".
const NAME_THEN_WITH = new RegExp(String.raw`^[^()]{2,40}?\s\(((?:${WITH})\s[^()]{2,40})\)\.?$`, 'iu');
// What a sign-off in brackets may give beside its agencies: the desk that wrote the story with
// them, a few words before the joining word ("(FR mit dpa)", "(red mit dpa)", "(With AFP)",
// "(Redacción con EFE)", "(com Lusa)"), and the day it was filed after them ("(KNA 19.11.21)").
const DESK_WITH = new RegExp(String.raw`^(?:[\p{L}.'’-]{1,15}\s+){0,3}?(?:${WITH})\s+`, 'iu');
const FILED_ON = /[\s,]+\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})$/u;
// A headline: three words or more, 150 characters at most, ending no sentence; in Chinese or
// Japanese, which set no spaces between words, six characters or more.
const HEADLINE = /^(?:(?=.{15,150}$)\S+(?:\s+\S+){2,}|(?=.{6,80}$)(?=.*[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[^\s。！？]+)(?<![.!?。:;,、])$/u;
/** How far from a block's end a sign-off can start: they are looked for there alone. */
const SIGN_OFF_REACH = 64;
// "Additional reporting from Reuters", "(With inputs from PTI)", "with files from AFP", "This article
// was originally published by Reuters", a printer-friendly page's "This article is provided by
// AFP", "with reports from Agence France-Presse", Indian sites' note on a story run from an
// agency's feed "(This story ... is published from a syndicated news agency feed - PTI)", and in
// other languages: "Com informações da Reuters e da AP", "Con información de EFE", "Mit Material
// von dpa", "Avec AFP et Reuters", "con informazioni dell'Ansa", "По материалам Reuters", "За
// матеріалами AFP".
const REPORTING = /(?<![\p{L}\p{N}])(?:(?:additional reporting|reporting|with (?:additional )?(?:reporting|reports?|a report|inputs|files|material|agency inputs)|inputs|material)\s+(?:from|by)\s+(?:the\s+)?|(?:syndicated|agency|wire)(?: news)?(?: agency)? feed\s*(?:[-–—:]\s*|\s(?:of|from|by)\s+(?:the\s+)?)|originally (?:published|appeared|ran) (?:by|on|in)\s+(?:the\s+)?|(?:this|the) (?:article|story|report|content) (?:is|was|has been) (?:provided|supplied|distributed|syndicated) by\s+(?:the\s+)?|com informaç(?:ão|ões)\s+d[aoe]s?\s+|con informaci(?:ón|ones)\s+de(?:\s+(?:la|las|los|el))?\s+|con informazioni\s+(?:di|dell[a']?|della|dei)\s*|mit material\s+(?:von|der|des)\s+|по материалам\s+|за матеріалами\s+|(?<=^[-–—*\s(]*|[.!?»”]\s+)avec\s+(?:l['’])?)/giu;
// A copyright notice's sign and years: the owners follow ("Copyright 2007 by The Associated Press").
const NOTICE = /(?:©|\(c\)|\bcopyright\b)\s*(?:(?:©|copyright\b)\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?:(?:provided|supplied|distributed)\s+by\s+|by\s+)?/giu;
const NOTICE_OWNERS_END = /[.;|]\s|[.;|]$|\s(?:all rights|tous droits|alle rechte|todos los derechos)/iu;
const NOTICE_SEPARATORS = /\s*(?:[/,&+]|\s[-–—]\s|\s(?:and|und|et|y|e)\s)\s*/giu;

/**
 * A block that is a line of its own naming its sources: a labelled source line, a photo credit,
 * a byline, or agency names alone ("AFP, AP", "- REUTERS", "(dpa)", "With Reuters"). Names alone
 * count only right after a paragraph that ends a sentence (`isSignOffPlace`) or under a headline
 * (`isBylinePlace`). A lone name of two letters ("AA", a text-size button) is too common to count.
 */
export const sourceLine: Shape = (region, { catalogue, previous, before }) => {
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
  // A field's value under its label, or a cell of a table's column of sources (see hast-regions.ts).
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
  if ((!underPicture && (isSignOffPlace(previous) || isBylinePlace(region, previous))) || (written && !region.isAside)) {
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
  // "FMW/Bloomberg": a short credit of slash-joined names set as a paragraph.
  if (text.length <= MAX_PART && NAME_SLASH.test(text) && !/[.!?]\s/.test(text)) {
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

/** The holders a credit line names from `start` on, each part a name: "Name/AFP", "dpa, Reuters". */
function creditLine(text: string, start: number, catalogue: Catalogue, kind: ContentKind | undefined): Hit[] {
  return hitsOf(splitParts(text, CREDIT_SEPARATORS, start).flatMap((part) => namedIn(text, part, catalogue) ?? []), 'credit-line', 'credit', kind);
}

/**
 * A plain paragraph right under a picture, or right after a label of its own ("Bild:"), is the
 * picture's caption whatever its markup: "... Universitätsklinikum / picture alliance".
 */
export const captionUnderPicture: Shape = (region, { before, above, catalogue }) => {
  if (isUnderPicture(before)) return namedParts(region.text, 'caption', catalogue);
  const isCreditRow = region.text.length <= MAX_CAPTION_UNDER_PICTURE && isCreditUnderCaption(before, above) && opensWithCredit(region.text, catalogue);
  return isCreditRow ? namedParts(region.text, 'caption', catalogue) : [];
};

/**
 * Whether a block opens with a credit: a holder's name (after a picture's label: "Photo by AFP")
 * or a person's, as a credit row does; a list under its own label ("My links: CNN | Reuters") is none.
 */
function opensWithCredit(text: string, catalogue: Catalogue): boolean {
  const parts = splitParts(text, CREDIT_SEPARATORS);
  const first = parts[0] && PHOTO_FIELD.test(text.slice(parts[0].from, parts[0].to)) ? parts[1] : parts[0];
  return first !== undefined && (namedIn(text, first, catalogue) !== undefined || PERSON.test(text.slice(first.from, first.to)));
}

/** How long a line right under a picture may be to be read as its caption, credit and all. */
export const MAX_CAPTION_UNDER_PICTURE = 100;

/** How long a caption may be that stands between a picture and its credit. */
const MAX_CAPTION_ABOVE = 200;

// A caption: a sentence, or four words or more. A teaser card's category label under its
// thumbnail ("Politics", then the source "AFP") is none.
const CAPTION_SHAPE = /^\S+(?:\s+\S+)*\s+\S+[.!?)]$|^\S+(?:\s+\S+){3,}$/u;

/**
 * Whether a block stands under a picture's caption, itself right under the picture: a table
 * layout's credit row below the caption's ("The levee in 2001." then "Associated Press file photo").
 */
function isCreditUnderCaption(before: Region | undefined, above: Region | undefined): boolean {
  if (before === undefined || (before.kind !== 'body' && before.kind !== 'caption') || before.isLink || before.text.length > MAX_CAPTION_ABOVE) return false;
  return (above?.kind === 'alt' || above?.kind === 'src') && CAPTION_SHAPE.test(before.text);
}

// A caption's credit after its last sentence, slash-joined names: "... the North Sea. REUTERS/Ian
// Dobbs/Files". One of them is a person's (capitalised words), so that "Reuters/Ipsos" closing a
// sentence about a poll is none.
const CREDIT_AT_END = /[.!?"”»]\s+([^.!?"”»()[\]]{3,60})$/u;
const SLASHES = /\s*\/\s*/g;
const PERSON = /^\p{Lu}[\p{L}\p{M}'’.-]+(?:\s\p{Lu}[\p{L}\p{M}'’.-]*){1,3}$/u;
const ARCHIVE = /^(?:files?|archives?|pool|handout|stringer)$/iu;
/** How long a block that ends with its credit may be: a caption, not a story's paragraph. */
const MAX_CAPTION = 300;

/**
 * A caption set as a block of its own, away from its picture (a table layout puts it in the
 * outer table's next row, below the story's first lines), that ends with its credit.
 */
export const creditAtEnd: Shape = (region, { catalogue }) => {
  const text = region.text;
  if (text.length > MAX_CAPTION || !text.includes('/')) return [];
  const match = CREDIT_AT_END.exec(text);
  if (!match?.[1]) return [];
  const start = match.index + match[0].length - match[1].length;
  const parts = splitParts(text, SLASHES, start);
  if (parts.length < 2) return [];
  const named = parts.map((part) => namedIn(text, part, catalogue));
  const words = parts.map((part) => text.slice(part.from, part.to));
  const hasPerson = words.some((word, i) => !named[i] && PERSON.test(word));
  if (!hasPerson || !words.every((word, i) => named[i] || PERSON.test(word) || ARCHIVE.test(word))) return [];
  return hitsOf(named.filter((name): name is Named => name !== undefined), 'credit-line', 'credit', undefined);
};

// A headline that names its story's agency after it in brackets, as portals set the stories they
// take from the wires: "Copper strike ends (Reuters)". A two-letter name there is a place's more
// often ("Erie (PA)").
const SOURCE_AFTER_HEADLINE = /\S\s+\(([^()]{3,40})\)$/u;

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

/** The agencies a headline names in brackets after it, as its story's source. */
export const sourceAfterHeadline: Shape = (region, { catalogue }) => {
  const match = SOURCE_AFTER_HEADLINE.exec(region.text);
  if (!match?.[1]) return [];
  const start = region.text.length - match[1].length - 1;
  return hitsOf(namesList(region.text, start, start + match[1].length, catalogue) ?? [], 'source-line', 'trailer', 'text');
};

// The heading of a page or box of an agency's wire copy: "Le fil AFP", "Dépêches AFP", "Últimas
// da Reuters", "Ultim'ora ANSA", "dpa-Nachrichten", "AP National Wire", "Reuters News".
const WIRE_SECTION = /^(?:(?:le |les )?fil(?: info)?|(?:les )?dépêches|últimas(?: noticias)?(?: d[aeo]s?| del?)?|ultim['’]ora|notizie|nachrichten|meldungen|newsticker|ticker|noticias|latest(?: news)?(?: from)?|wire(?: stories)?)(?:\s+(?:de|d[aeo]s?|del|from|von|der))?\s*(?:[-–—:]\s*)?(?:l['’]\s*)?(?<after>[^\s].{1,40})$|^(?<before>.{2,40}?)(?:\s*[-–—]\s*|\s+|-)(?:nachrichten|meldungen|newsticker|ticker|news|wire|national wire|world wire|nieuws|notizie|noticias)$/iu;
/** How long the block under a wire section's heading must be: an item's line, not a label. */
const MIN_WIRE_ITEM = 20;

/**
 * The agency a heading names as the source of the wire copy under it, where an item's text follows
 * it (not a box of headlines that link elsewhere): a wire list's page, a portal's ticker.
 */
export const wireSection: Shape = (region, { catalogue, next }) => {
  const match = WIRE_SECTION.exec(region.text);
  const name = match?.groups?.after ?? match?.groups?.before;
  if (!match || name === undefined || !next || next.kind !== 'body' || next.isLink || next.isAside || region.isAside || next.text.length < MIN_WIRE_ITEM) return [];
  const start = match.groups?.after === undefined ? 0 : region.text.length - name.length;
  return hitsOf(namesList(region.text, start, start + name.length, catalogue) ?? [], 'source-line', 'trailer', 'text');
};

/**
 * A short heading right under a picture that is its credit ("<h6>REUTERS/Name</h6>"); a longer one
 * is a title, and so is one under a picture that stands apart from it, in or out of the story (a
 * job listing's "Photo Editor – Reuters" under the site's logo).
 */
export const creditHeadingUnderPicture: Shape = (region, context) =>
  region.text.length <= MAX_PART && context.before?.isInStory === region.isInStory ? captionUnderPicture(region, context) : [];

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

/** Whether a block follows a picture, or a label of a picture's credit standing alone. */
function isUnderPicture(before: Region | undefined): boolean {
  if (before?.kind === 'alt' || before?.kind === 'src') return true;
  const label = before !== undefined && before.text.length < 20 ? PHOTO_LABEL.exec(`${before.text} `) : null;
  return label !== null && label[0].length > (before?.text.length ?? 0);
}

/** The agency in a dateline's brackets, whatever its case, with whatever it shares them with. */
export const dateline: Shape = (region, { catalogue }) => {
  const bracketed = BRACKET_DATELINE.exec(region.text);
  if (bracketed?.[1]) return hitsOf(agencyAfterPlace(region.text, 1, 1 + bracketed[1].length, catalogue), 'dateline', 'dateline', 'text');
  const filed = FILED_DATELINE.exec(region.text);
  if (filed?.[1]) return hitsOf(agencyBeforePlace(region.text, 1, 1 + filed[1].length, catalogue), 'dateline', 'dateline', 'text');
  const match = DATELINE.exec(region.text) ?? AGENCIES_FIRST.exec(region.text);
  if (!match?.[1]) {
    const unbracketed = UNBRACKETED_DATELINE.exec(region.text);
    if (!unbracketed?.[1]) return [];
    const start = unbracketed[0].lastIndexOf(unbracketed[1]);
    // Two letters there are a state's code: "PITTSBURGH, PA —", "Hyderabad, AP –".
    if (unbracketed[1].length <= 2) return [];
    return hitsOf(namesList(region.text, start, start + unbracketed[1].length, catalogue) ?? [], 'dateline', 'dateline', 'text');
  }
  const start = match[0].lastIndexOf(match[1], match[0].lastIndexOf(')'));
  const parts = splitParts(region.text, DATELINE_SEPARATORS, start, start + match[1].length);
  // After a place in title case, two letters alone are the code of its state or province
  // ("Belém (PA) –", "Bagheria (PA) -", "Vijayawada (AP):"); an agency's dateline sets the place in
  // capitals, or ends with the wire's em dash ("Washington (AP) —").
  const isRegionCode = parts.length === 1 && match[1].length <= 2 && !CAPITALISED_PLACE.test(region.text.slice(0, start))
    && !WIRE_DASH.test(region.text.slice(match[0].lastIndexOf(')') + 1));
  const named = isRegionCode ? [] : parts.flatMap((part) => namedOrJoined(region.text, part, catalogue, 'any') ?? []);
  return hitsOf(named, 'dateline', 'dateline', 'text');
};
const CAPITALISED_PLACE = /\p{Lu}{2}/u;
const WIRE_DASH = /^\s*(?:—|--)/u;
// Japanese copy opens with the place and the agency in lenticular brackets, and the Japanese
// agency that distributes a foreign one's after it: "【ロンドンAFP時事】", "【パリ＝ロイター時事】".
const BRACKET_DATELINE = /^【([^【】\s]{1,30}?)＝?(?:時事|共同)?】/u;

// Chinese copy opens with the agency, the place and the day it was filed in brackets:
// "（路透社倫敦3日電）", "（美联社华盛顿3日电）".
const FILED_DATELINE = /^[（(]([^（）()]{2,30}?)[電电][）)]/u;

/** The agency that ends a run of a place and its name, with nothing between them ("ロンドンAFP"). */
function agencyAfterPlace(text: string, from: number, to: number, catalogue: Catalogue): Named[] {
  for (let start = from; start < to; start++) {
    const named = namedIn(text, { from: start, to, before: '', after: '' }, catalogue, 'any');
    if (named) return [named];
  }
  return [];
}

/** The agency that opens a run of its name, a place and a day, with nothing between them ("路透社倫敦3日"). */
function agencyBeforePlace(text: string, from: number, to: number, catalogue: Catalogue): Named[] {
  for (let end = to; end > from; end--) {
    const named = namedIn(text, { from, to: end, before: '', after: '' }, catalogue, 'any');
    if (named) return [named];
  }
  return [];
}

/**
 * Whether a block of names alone stands where a story signs off: right after a paragraph that
 * ends a sentence. (A teaser card's source label follows its headline, which ends none.)
 */
export function isSignOffPlace(previous: Region | undefined): boolean {
  return previous !== undefined && previous.text.length >= (DENSE_SCRIPT.test(previous.text) ? 8 : 40) && /[.!?。"”»)）]$/u.test(previous.text);
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

/** The agencies named after a block's last sentence or a dash: "... in Munich. — AFP", "». EFE", "- REUTERS". */
export const signOff: Shape = (region, { catalogue, previous, before }) => {
  const text = region.text;
  const bracketed = atEnd(SIGN_OFF_IN_BRACKETS, text);
  const match = bracketed ?? atEnd(SIGN_OFF, text);
  if (!match?.[1]) return [];
  const start = match.index + match[0].indexOf(match[1]);
  // An abbreviation's full stop ends no sentence: "e.g. AFP, AP, Reuters" lists examples.
  if (ABBREVIATION_BEFORE.test(text.slice(Math.max(0, start - 8), start))) return [];
  // A block that is the sign-off and nothing else is a line of names alone (see `sourceLine`).
  if (/^[\s\-–—]*$/u.test(text.slice(0, start)) && (!isSignOffPlace(previous) || isUnderPicture(before))) return [];
  // Nor is a picture's label before the name a sentence that ends ("fot. AFP" is a credit).
  if ((PHOTO_LABEL.exec(text)?.[0].length ?? 0) >= start) return [];
  // In brackets a sign-off may be all in lower case, as Swiss and French sites write theirs:
  // "(ats/afp)"; out of them, German sites set the editor's initials beside it: "... auf. sam/AFP".
  const names = bracketed ? inBrackets(text, start, start + match[1].length, catalogue) : signedNames(text, start, start + match[1].length, catalogue, 'catalogue');
  // A short line right under a picture that closes with a name is its caption, and the name its
  // credit ("Das Hochwasser erreicht die Altstadt. (dpa-Bildfunk)").
  if (isUnderPicture(before) && text.length <= MAX_CAPTION_UNDER_PICTURE) return hitsOf(names ?? [], 'credit-line', 'credit', undefined);
  return hitsOf(names ?? [], 'sign-off', 'trailer', 'text');
};

/** The agencies a sign-off names in brackets, from `start` to `end` (its text): the desk that wrote with them and the day after them left out. */
function inBrackets(text: string, start: number, end: number, catalogue: Catalogue): Named[] | undefined {
  const inner = text.slice(start, end);
  const desk = (DESK_WITH.exec(inner) ?? VIA.exec(inner))?.[0].length ?? 0;
  return namesList(text, start + desk, end - (FILED_ON.exec(inner)?.[0].length ?? 0), catalogue, 'lone');
}

/** A match of `pattern` (global, anchored at the end) in the last stretch of `text`, not tried at every place of a long block. */
function atEnd(pattern: RegExp, text: string): RegExpExecArray | null {
  pattern.lastIndex = Math.max(0, text.length - SIGN_OFF_REACH);
  return pattern.exec(text);
}

// A sentence that closes a story with the wires it was written from, the names in its first group:
// "Compiled by staff from Reuters and AP reports.", "— From Associated Press reports", "Information
// from The Associated Press was used in this report.", "The Associated Press contributed." Only a
// sentence that holds one of the words they end with is tried (`WIRE_WORDS`).
const WIRE_SENTENCES = [
  /^(?:(?:this (?:story|report|article) (?:was|is|has been) )?(?:compiled|written|prepared)(?: by [^.;()]{1,60}?)? )?from (?:the )?(.{2,80}?) (?:wire |news |agency )?(?:reports|dispatches)$/diu,
  /^(?:information|material|reporting) from (?:the )?(.{2,80}?) (?:was|were|has been|have been) used in (?:this|the) (?:report|story|article)$/diu,
  /^(?:the )?(.{2,80}?) contributed(?: to this (?:report|story|article))?$/diu,
];
const WIRE_WORDS = /\b(?:reports|dispatches|contributed|used in)\b/iu;
const REPORTING_ANYWHERE = new RegExp(REPORTING.source, 'iu');

/**
 * Whether a block credits the story's text to its sources, as a CMS's credits block often does:
 * "With files from The Canadian Press", "Additional reporting by Reuters", "Compiled from AP and
 * Reuters reports".
 */
export function creditsStory(text: string): boolean {
  return REPORTING_ANYWHERE.test(text) || WIRE_WORDS.test(text);
}
// A sentence's end: its stop, and the brackets and quotes closing it. A run of stops is tried from
// its first only: tried from each, a page-long run of dots would take the square of its length.
const SENTENCE_END = /(?<![.!?])[.!?]+["”»)]*(?:\s+|$)/gu;

/** The wires a story's closing sentence says it was written from (see `WIRE_SENTENCES`). */
export const wireReports: Shape = (region, { catalogue }) => {
  const text = region.text;
  if (!WIRE_WORDS.test(text)) return [];
  const hits: Hit[] = [];
  let start = 0;
  for (const end of [...text.matchAll(SENTENCE_END)].map((m) => m.index).concat(text.length)) {
    if (end > start) hits.push(...wiresIn(text, start, end, catalogue));
    start = end;
  }
  return hits;
};

/** The wires the sentence from `start` to `end` names, if it is one of `WIRE_SENTENCES`. */
function wiresIn(text: string, start: number, end: number, catalogue: Catalogue): Hit[] {
  const raw = text.slice(start, end);
  const lead = /^[\s.!?"”»)\-–—(*]*/u.exec(raw)?.[0].length ?? 0;
  const sentence = raw.slice(lead, trimmedEnd(raw, lead));
  if (!WIRE_WORDS.test(sentence)) return [];
  const offset = start + lead;
  for (const pattern of WIRE_SENTENCES) {
    const [from, to] = pattern.exec(sentence)?.indices?.[1] ?? [];
    const names = from === undefined || to === undefined ? undefined : namesList(text, offset + from, offset + to, catalogue);
    if (names) return hitsOf(names, 'sign-off', 'trailer', 'text').map((hit) => ({ ...hit, isSentenceRead: true }));
  }
  return [];
}

/** Where `text` ends without the spaces, stops, closing brackets and asterisks after its last word (a loop: a regex anchored at the end is tried from every place). */
function trimmedEnd(text: string, start: number): number {
  let end = text.length;
  while (end > start && /[\s.)*]/u.test(text[end - 1] as string)) end--;
  return end;
}

/** Agencies credited for reporting: "Additional reporting from Reuters", "with inputs from PTI and AFP". */
export const reporting: Shape = (region, { catalogue }) => {
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
