import type { Catalogue } from '../../catalogue/compile.js';
import { leadingNames, MAX_PART, namesList } from './parts.js';
import { type Hit, hitsOf, type Shape } from './shape.js';

// A story's text credited to the wires in a sentence: its reporting ("Additional reporting from
// Reuters", "Con información de EFE") and the wires' reports it was written from ("Compiled from AP
// and Reuters reports", "The Associated Press contributed.").

// "Additional reporting from Reuters", "(With inputs from PTI)", "with files from AFP", "This article
// was originally published by Reuters", a printer-friendly page's "This article is provided by
// AFP", "This report is from The Associated Press", a licensed reprint's "Reprinted with
// permission of The Associated Press" and "Article courtesy of the Associated Press", "with
// reports from Agence France-Presse", Indian sites' note on a story run from an agency's feed
// "(This story ... is published from a syndicated news agency feed - PTI)", and in other languages: "Com informações da Reuters e da AP", "Con información de EFE", "Mit Material
// von dpa", "Avec AFP et Reuters", "con informazioni dell'Ansa", "По материалам Reuters", "За
// матеріалами AFP".
const REPORTING = /(?<![\p{L}\p{N}])(?:(?:additional reporting|reporting|with (?:additional )?(?:reporting|reports?|a report|inputs|files|material|agency inputs)|inputs|material)\s+(?:from|by)\s+(?:the\s+)?|(?:syndicated|agency|wire)(?: news)?(?: agency)? feed\s*(?:[-–—:]\s*|\s(?:of|from|by)\s+(?:the\s+)?)|(?:originally|first) (?:published|appeared|ran) (?:by|on|in)\s+(?:the\s+)?|(?:reprinted|republished|reproduced|used) (?:with (?:the )?permission (?:of|from)|by permission of|courtesy of)\s+(?:the\s+)?|(?:article|story|text|report) courtesy of\s+(?:the\s+)?|(?:this|the) (?:article|story|report|content) (?:is|was|has been) (?:provided|supplied|distributed|syndicated) by\s+(?:the\s+)?|(?:this|the) (?:article|story|report) (?:is|was|comes|came) from\s+(?:the\s+)?|com informaç(?:ão|ões)\s+d[aoe]s?\s+|con informaci(?:ón|ones)\s+de(?:\s+(?:la|las|los|el))?\s+|con informazioni\s+(?:di|dell[a']?|della|dei)\s*|mit material\s+(?:von|der|des)\s+|по материалам\s+|за матеріалами\s+|(?<=^[-–—*\s(]*|[.!?»”]\s+)avec\s+(?:l['’])?)/giu;
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
