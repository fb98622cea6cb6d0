import type { Catalogue } from '../../catalogue/compile.js';
import { type Named, namedIn, namedOrJoined, namesList, splitParts } from './parts.js';
import { hitsOf, type Shape } from './shape.js';

// A story's dateline: the place and the agency in brackets that open its lead ("PARIS (AFP) -",
// "【ロンドンAFP時事】", "(ANSA-REUTERS) - LONDRA, 3 GIU -"), and what a site sets before it in the
// lead's block (`LEAD_IN`: a quote's marks, a kicker, a wire list's time stamp).

// A time of day as wire lists and tickers give it: "14:22", "14h22", "14.22 Uhr", "2:22 PM".
export const TIME_OF_DAY = String.raw`\d{1,2}[:.h]\d{2}(?:\s?(?:Uhr|h|hrs|[AaPp]\.?[Mm]\.?))?`;
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
