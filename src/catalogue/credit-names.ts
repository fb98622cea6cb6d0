import { KeywordSearch } from '../detect/prefilter/keywords.js';
import type { HolderSpec } from './schema.js';

/**
 * A holder's name as a credit or source line may write it. A name of five letters or more is
 * taken in any case and spacing ("GETTY IMAGES", "GettyImages", "picture-alliance"); a shorter
 * one is an abbreviation or a word that other things share ("PA", "AA", the Italian "ansa"),
 * taken only as the catalogue spells it, or for three and four letters in capitals as well
 * ("DPA"), but not in lower case, where reporters' and editors' initials close stories ("(vyp/kna)").
 */
export interface CreditName {
  holder: string;
  /** The spellings a short name must have (spaces removed); undefined where any case will do. */
  spellings: readonly string[] | undefined;
  /**
   * A name the holder goes by that its `credits` leave out, as other things share it ("AAP", a
   * party; "UPI", a way to pay): taken only in a dateline's brackets, where only agencies stand.
   */
  isDatelineOnly?: true;
}

/** Every holder's names as credit and source lines write them, by their folded form. */
export interface CreditNames {
  /** The names a folded part of a line may be (`foldName`). */
  byFolded: ReadonlyMap<string, readonly CreditName[]>;
  /** The rarest word of every name, lower case: a text holding none names no holder (see `mayName`). */
  search: KeywordSearch;
  /** The key words of `search`, by index. */
  keys: readonly string[];
  /** Every name a credit may give, with the spellings it may have, for the prefilter. */
  names: ReadonlyArray<{ holder: string; name: string; spellings: readonly string[] | undefined }>;
}

/** A name or a part of a line reduced for comparison: lower case, without spaces, dots, hyphens or apostrophes. */
export function foldName(text: string): string {
  return text.toLowerCase().replace(/[\s.\-'’]+/g, '');
}

/**
 * Builds the table of credit names from the holders' `credits`, else their names and aliases; a
 * holder's names and aliases that its `credits` leave out are names in datelines only.
 */
export function creditNamesOf(specs: readonly HolderSpec[]): CreditNames {
  const byFolded = new Map<string, CreditName[]>();
  const names: Array<CreditNames['names'][number]> = [];
  const all = specs.flatMap((spec) => {
    const credits = new Set(spec.credits ?? [spec.name, ...spec.aliases]);
    const datelineOnly = [spec.name, ...spec.aliases].filter((name) => !credits.has(name));
    return [...[...credits].map((name) => ({ spec, name, isDatelineOnly: false })), ...[...new Set(datelineOnly)].map((name) => ({ spec, name, isDatelineOnly: true }))];
  });
  const wordsOf = (name: string) => name.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  // How many names a word stands in: "press" and "images" in many, "getty" in one.
  const frequency = new Map<string, number>();
  for (const { name } of all) for (const word of new Set(wordsOf(name))) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  const keyWords = new Set<string>();
  for (const { spec, name, isDatelineOnly } of all) {
    const folded = foldName(name);
    if (folded.length < 2) continue;
    const spellings = shortSpellings(name, folded);
    const entries = byFolded.get(folded) ?? [];
    const known = entries.find((entry) => entry.holder === spec.id);
    // Names that differ in case alone are one name spelled two ways ("AFP" and Italian "Afp").
    if (known?.spellings && spellings) known.spellings = [...new Set([...known.spellings, ...spellings])];
    else if (!known) entries.push({ holder: spec.id, spellings, ...(isDatelineOnly ? { isDatelineOnly } : {}) });
    byFolded.set(folded, entries);
    if (!isDatelineOnly) names.push({ holder: spec.id, name, spellings });
    // The rarest word of the name, the longest of those: any form of the name holds it. An article
    // or an initial ("The", "La", "L.P.") is rare among names but in every line of prose: a word of
    // four letters or more is taken where the name has one.
    const words = wordsOf(name);
    const isShort = (word: string) => word.length < 4 && words.some((other) => other.length >= 4);
    const rarest = words.sort((a, b) => Number(isShort(a)) - Number(isShort(b)) || (frequency.get(a) ?? 0) - (frequency.get(b) ?? 0) || b.length - a.length)[0];
    if (rarest) keyWords.add(rarest);
  }
  const keys = [...keyWords];
  return { byFolded, search: new KeywordSearch(keys, { caseless: true }), keys, names };
}

/**
 * Whether a text may name a holder: it holds the key word of some name, a short one ("ap", "tt")
 * standing apart from letters, as a name of two to four letters only counts as a word.
 */
export function mayName(text: string, names: CreditNames): boolean {
  return names.search.search(text, (word, start) => {
    const end = start + (names.keys[word] as string).length;
    return end - start > 4 || (!isLetter(text.charCodeAt(start - 1)) && !isLetter(text.charCodeAt(end)));
  });
}

/** Whether a UTF-16 code unit is an ASCII letter (NaN, past either end, is not). */
function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function shortSpellings(name: string, folded: string): string[] | undefined {
  if (folded.length > 4) return undefined;
  const compact = name.replace(/\s+/g, '');
  return folded.length > 2 ? [...new Set([compact, compact.toUpperCase()])] : [compact];
}

/**
 * How strictly a short name must be spelled: as the catalogue spells it (where nothing around the
 * part says it is a credit), or in capitals too (in a credit), or also all in lower case for a
 * name of three or four letters (`lone`: a caption that is the name and nothing else, "(afp)", as
 * sites that write every credit in lower case set it; never in title case, where "Zuma" or "Ani"
 * is someone's name), or in any case (in the brackets of a dateline, "London, Jun 11
 * (efe-epa).-", where nothing else stands).
 */
export type Spelling = 'catalogue' | 'credit' | 'lone' | 'any';

/** Whether a short name in all lower case is taken where a lone name is (see `Spelling`). */
export function isLoneSpelling(compact: string): boolean {
  return compact.length > 2 && compact === compact.toLowerCase();
}

/** The holders a part of a line names, if it is one of their names as written there. */
export function holdersNamed(part: string, names: CreditNames, spelling: Spelling = 'credit'): string[] {
  const entries = names.byFolded.get(foldName(part));
  if (!entries) return [];
  const compact = part.replace(/\s+/g, '');
  const takes = (spellings: readonly string[]) => {
    if (spelling === 'any') return true;
    if (spelling === 'catalogue') return spellings[0] === compact;
    return spellings.includes(compact) || (spelling === 'lone' && isLoneSpelling(compact));
  };
  return entries.filter((entry) => (spelling === 'any' || !entry.isDatelineOnly) && (!entry.spellings || takes(entry.spellings))).map((entry) => entry.holder);
}
