import type { Catalogue } from '../../catalogue/compile.js';
import type { Region } from '../../document/region.js';
import { type Named, namesList, signedNames } from './parts.js';
import { isUnderPicture, MAX_CAPTION_UNDER_PICTURE, PHOTO_LABEL } from './picture-lines.js';
import { hitsOf, type Shape } from './shape.js';

// A story's sign-off: the agencies named after its last sentence or a dash ("... in Munich. — AFP",
// "». EFE", "... auf. sam/AFP"), in brackets with the desk that wrote with them and the day it was
// filed ("(FR mit dpa)", "(KNA 19.11.21)"), and the place where a block of names alone signs off.

// The words before the agencies a story was written with: "With Reuters", "Mit dpa", "Avec AFP",
// and Vietnamese sites' "(Theo Reuters)" under a story rewritten from it.
export const WITH = 'with|mit|avec|con|com|met|med|theo';
// A blog's "(via AP)" under a story it quotes whole (see `WRITTEN_WITH` in source-lines.ts).
const VIA = /^via\s+/iu;
// What stands before a sign-off: the end of a sentence, or a dash ("... talks. — AFP", "- REUTERS",
// "... days.—Agence France-Presse", whose name keeps its hyphen).
const SIGN_OFF = /(?:^|[.!?"”»)]\s*[-–—]*|\s[-–—]+)\s*((?:[^.!?"”»()\-–—]|(?<=\p{L})-(?=\p{L})){2,40}?)\s*\.?$/gu;
// Abbreviations whose full stop ends no sentence: "e.g.", "i.e.", "z.B.", "p. ej.", "cf.", "vgl.".
const ABBREVIATION_BEFORE = /(?:^|[\s(])(?:e\.\s?g|i\.\s?e|z\.\s?B|d\.\s?h|u\.\s?a|p\.\s?ej|cf|vgl|bzw|ex|incl)\.\s*[-–—]*\s*$/iu;
const SIGN_OFF_IN_BRACKETS = /[.!?"”»]\s*\(([^()]{2,40})\)\.?$/gu;
// Scripts that say in a few characters what Latin letters say in many: eight make a sentence.
export const DENSE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
// What a sign-off in brackets may give beside its agencies: the desk that wrote the story with
// them, a few words before the joining word ("(FR mit dpa)", "(red mit dpa)", "(With AFP)",
// "(Redacción con EFE)", "(com Lusa)"), and the day it was filed after them ("(KNA 19.11.21)").
export const DESK_WITH = new RegExp(String.raw`^(?:[\p{L}.'’-]{1,15}\s+){0,3}?(?:${WITH})\s+`, 'iu');
const FILED_ON = /[\s,]+\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})$/u;

/** How far from a block's end a sign-off can start: they are looked for there alone. */
const SIGN_OFF_REACH = 64;

/**
 * Whether a block of names alone stands where a story signs off: right after a paragraph that
 * ends a sentence (a teaser card's source label follows its headline, which ends none), long, or
 * a brief's short one ("Er wurde 78 Jahre alt." over "dpa") outside page furniture, where it is no
 * caption: not under a picture (`abovePrevious`, the region right before it, where known).
 */
export function isSignOffPlace(previous: Region | undefined, abovePrevious?: Region): boolean {
  if (previous === undefined || !/[.!?。"”»)）]$/u.test(previous.text)) return false;
  if (previous.text.length >= (DENSE_SCRIPT.test(previous.text) ? 8 : 40)) return true;
  return previous.kind === 'body' && !previous.isLink && !previous.isAside && SHORT_SENTENCE.test(previous.text) && !isUnderPicture(abovePrevious);
}

// A sentence of three words or more, from its capital to its full stop.
const SHORT_SENTENCE = /^\p{Lu}\S*(?:\s+\S+){2,}[.!?]$/u;

/** The agencies named after a block's last sentence or a dash: "... in Munich. — AFP", "». EFE", "- REUTERS". */
export const signOff: Shape = (region, { catalogue, previous, before, above }) => {
  const text = region.text;
  const bracketed = atEnd(SIGN_OFF_IN_BRACKETS, text);
  const match = bracketed ?? atEnd(SIGN_OFF, text);
  if (!match?.[1]) return [];
  const start = match.index + match[0].indexOf(match[1]);
  // An abbreviation's full stop ends no sentence: "e.g. AFP, AP, Reuters" lists examples. Nor
  // does a link's headline: the source after it names the story it links to, as a newsletter's
  // list does ("<a>Wildfire forces evacuations</a> — AP").
  if (ABBREVIATION_BEFORE.test(text.slice(Math.max(0, start - 8), start)) || region.linkEnd === match.index) return [];
  // A block that is the sign-off and nothing else is a line of names alone (see `sourceLine`).
  if (/^[\s\-–—]*$/u.test(text.slice(0, start)) && (!isSignOffPlace(previous, above) || isUnderPicture(before))) return [];
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
export function inBrackets(text: string, start: number, end: number, catalogue: Catalogue): Named[] | undefined {
  const inner = text.slice(start, end);
  const desk = (DESK_WITH.exec(inner) ?? VIA.exec(inner))?.[0].length ?? 0;
  return namesList(text, start + desk, end - (FILED_ON.exec(inner)?.[0].length ?? 0), catalogue, 'lone');
}

/** A match of `pattern` (global, anchored at the end) in the last stretch of `text`, not tried at every place of a long block. */
function atEnd(pattern: RegExp, text: string): RegExpExecArray | null {
  pattern.lastIndex = Math.max(0, text.length - SIGN_OFF_REACH);
  return pattern.exec(text);
}
