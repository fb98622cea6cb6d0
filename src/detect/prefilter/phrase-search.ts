import type { Catalogue, CompiledSignal } from '../../catalogue/compile.js';
import { foldName, isLoneSpelling } from '../../catalogue/credit-names.js';
import { escapeRegExp } from '../../escape-regexp.js';
import { KeywordSearch } from './keywords.js';

// Between two words of a phrase, anything but a Latin letter or digit, or tags. The phrases'
// classes are ASCII (on lower-cased text): with Unicode's property classes V8 compiled them to
// some 10 MB of machine code in every thread, and a looser phrase only sends more pages to the parser.
const BETWEEN_WORDS = '(?:[^a-z\\d<]|<[^>]*>)+';

/** Whether a text holds a literal of some signal, as raw text may hold it. */
export type PhraseSearch = (text: string) => boolean;

/**
 * One combined search for a token of every given signal's required literals (a signal whose
 * pattern names none is looked for by its holder's names, in any case), and of the holders'
 * credit names as credit lines may spell them and their news sites' host names, where `withCreditNames`.
 */
export function phraseSearch(catalogue: Catalogue, signals: readonly CompiledSignal[], withCreditNames = false): PhraseSearch {
  const phrases = new Map<string, Set<string>>();
  // What must not stand next to a key word: the least any of its phrases asks.
  const starts = new Map<string, Bound>();
  const ends = new Map<string, Bound>();
  // How a key word must be spelled, from its phrases' literals; null once one takes it in any case.
  const spellings = new Map<string, Set<string> | null>();
  const add = ({ key, tail, start, end }: Phrase, spelling: string | undefined): void => {
    phrases.set(key, (phrases.get(key) ?? new Set()).add(tail));
    starts.set(key, least(starts.get(key) ?? start, start));
    ends.set(key, least(ends.get(key) ?? end, end));
    const known = spellings.get(key);
    spellings.set(key, spelling === undefined || known === null ? null : (known ?? new Set()).add(spelling));
  };
  for (const signal of signals) {
    const holder = catalogue.holders.get(signal.holder);
    const words = catalogue.nameWords.get(signal.holder);
    const names = [...(words?.distinctive ?? []), ...(words?.shared ?? [])];
    // A signal whose pattern names no literal is looked for on pages that name its holder, in any case.
    const isSpelled = signal.literals !== undefined && !signal.ignoreCase;
    const literals = signal.literals ?? (holder ? [holder.name, ...holder.aliases] : []);
    for (const literal of literals) {
      const phrase = phraseOf(literal.toLowerCase(), names);
      add(phrase, isSpelled ? spellingOf(literal, phrase.key) : undefined);
    }
  }
  for (const { holder, name, spellings } of withCreditNames ? catalogue.creditNames.names : []) {
    const words = catalogue.nameWords.get(holder);
    const names = [...(words?.distinctive ?? []), ...(words?.shared ?? [])];
    // A short name is spelled as a credit spells it, or all in lower case as a lone caption may.
    const spelled = spellings && [...spellings, ...spellings.map((spelling) => spelling.toLowerCase()).filter(isLoneSpelling)];
    // Credit lines run a name's words together too ("GettyImages", "picturealliance").
    for (const form of new Set([name, foldName(name)])) {
      const phrase = phraseOf(form.toLowerCase(), names);
      for (const spelling of spelled ?? [undefined]) add(phrase, spelling === undefined ? undefined : spellingOf(spelling, phrase.key));
    }
  }
  // A holder's news sites, which a page may name as its story's origin (see origin.ts).
  for (const holder of withCreditNames ? catalogue.holders.values() : []) {
    for (const domain of holder.domains) add(phraseOf(domain, []), undefined);
  }
  // Phrases are lower case and a text is lowered once. Their key words are found in one pass;
  // only where one stands is the rest of its phrases tried, anchored there.
  const keys = [...phrases.keys()];
  const search = new KeywordSearch(keys);
  // A key's phrases become one expression when the key is first found: most never are.
  const rests: Array<Rest | undefined> = [];
  const restOf = (word: number): Rest => {
    const key = keys[word] as string;
    const tails = [...(phrases.get(key) as Set<string>)];
    const spelled = spellings.get(key);
    const spelling = spelled ? [...spelled] : undefined;
    if (tails.includes('')) return { spelling, start: 'none', end: 'none' };
    // What every phrase keeps away from its key word is cheaper to test than a regex: most keys
    // found are inside longer words ("tt" in "little").
    return { pattern: new RegExp(`(?:${tails.join('|')})`, 'uy'), spelling, start: starts.get(key) ?? 'none', end: ends.get(key) ?? 'none' };
  };
  return (text) => {
    const lower = text.toLowerCase();
    // Where lower case moved offsets (İ is two letters then), spellings go unchecked.
    const isAligned = lower.length === text.length;
    return search.search(lower, (word, start) => {
      const rest = (rests[word] ??= restOf(word));
      if (rest.spelling && isAligned && !rest.spelling.some((spelling) => text.startsWith(spelling, start))) return false;
      if (!rest.pattern) return true;
      const end = start + (keys[word] as string).length;
      if (start > 0 && isBoundBroken(rest.start, lower, start - 1)) return false;
      if (end < lower.length && isBoundBroken(rest.end, lower, end)) return false;
      rest.pattern.lastIndex = end;
      return rest.pattern.test(lower);
    });
  };
}

/**
 * Whether a token is a holder's name written in plain Latin letters, which text sets apart as a
 * word ("AP", "TT"); in Japanese or Korean a name runs on into the words around it.
 */
function isWordName(token: string, names: readonly string[]): boolean {
  return /^[a-z\d]+$/.test(token) && names.includes(token);
}

/**
 * What may not stand next to a key word: a letter or digit (`word`: the phrase goes on with
 * punctuation, space or markup there), a Latin letter (`letter`: a holder's name, which stands
 * apart from words, though a picture id may run on into digits, "PTI06_03_2025_000123B"), or
 * anything (`none`).
 */
type Bound = 'none' | 'letter' | 'word';
const BOUNDS: readonly Bound[] = ['none', 'letter', 'word'];

function least(a: Bound, b: Bound): Bound {
  return BOUNDS.indexOf(a) < BOUNDS.indexOf(b) ? a : b;
}

/** Whether the character at `i` of lower-cased text is one that `bound` keeps away. */
function isBoundBroken(bound: Bound, lower: string, i: number): boolean {
  if (bound === 'none') return false;
  if (bound === 'word') return isLetterAt(lower, i);
  const code = lower.charCodeAt(i);
  return code >= 97 && code <= 122;
}

/** A literal as searched for in raw text: its key word, then a pattern for the rest around it. */
interface Phrase {
  key: string;
  tail: string;
  start: Bound;
  end: Bound;
}

/**
 * What is tried where a key word is found: how it must be spelled (in any case if undefined), its
 * phrases' rests (none where the word alone is a phrase), and what they ask of its neighbours.
 */
interface Rest {
  spelling: readonly string[] | undefined;
  pattern?: RegExp;
  start: Bound;
  end: Bound;
}

/** How a literal spells its key word (`key` lower case), if lower case kept its length. */
function spellingOf(literal: string, key: string): string | undefined {
  return [...literal.matchAll(TOKENS)].map(([, , token]) => token as string).find((token) => token.toLowerCase() === key);
}

const TOKENS = /(\s*)([\p{L}\p{N}]+|[^\p{L}\p{N}\s])/gu;
const WORD = /^[\p{L}\p{N}]/u;
const LETTER = /[\p{L}\p{N}]/u;

/** Whether a letter or digit stands at `i`, ASCII told by its code (a lone surrogate is neither). */
function isLetterAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  return LETTER.test(text.charAt(i));
}

// What may stand in raw text between two characters a region's text holds side by side: tags,
// and Markdown's escapes, emphasis marks and link destinations.
const JOINED = '(?:<[^>]*>|\\]\\([^)]*\\)|[*_~`\\\\[\\]])*';

/**
 * A literal as a pattern over raw text: its words and punctuation in order. Where the literal has
 * white space, any punctuation, space or tags may stand (markup may split a literal, not a word);
 * elsewhere only markup. A holder's Latin name at either end ("ap", "(pa") stands only apart from
 * Latin letters, or every page with "map" or "(paris" would pass (digits may follow it, as in a
 * picture id).
 */
function phraseOf(literal: string, names: readonly string[]): Phrase {
  const tokens = [...literal.trim().matchAll(TOKENS)].map(([, space, token]) => ({ space: space !== '', token: token as string }));
  // The search looks for the longest word ("associated" of "the associated press"), which is
  // rarer than short ones, and than punctuation such as "(" that is on every page. What stands
  // before it is a look-behind and what follows a continuation, tried only where it is found.
  let at = -1;
  tokens.forEach(({ token }, i) => {
    if (WORD.test(token) && token.length > (tokens[at]?.token.length ?? 0)) at = i;
  });
  const key = tokens[at];
  if (!key) return { key: literal, tail: '', start: 'none', end: 'none' };
  const joined = (list: typeof tokens) => list.map(({ space, token }, i) => `${i === 0 ? '' : space ? BETWEEN_WORDS : JOINED}${escapeRegExp(token)}`).join('');
  const startsWord = isWordName(tokens[0]?.token ?? '', names) ? '(?<![a-z])' : '';
  const before = at > 0 || startsWord ? `(?<=${startsWord}${joined(tokens.slice(0, at + 1))})` : '';
  const after = isWordName(tokens.at(-1)?.token ?? '', names) ? '(?![a-z])' : '';
  const tail = joined(tokens.slice(at)).slice(escapeRegExp(key.token).length);
  // Before the key stands a separator or punctuation, or the phrase starts a word there; after it
  // the same, unless it ends the phrase without having to end a word. (Two words of a literal
  // are always apart: separators between them, or punctuation and markup, none a letter.)
  const start = at > 0 ? 'word' : startsWord ? 'letter' : 'none';
  const end = at < tokens.length - 1 ? 'word' : after ? 'letter' : 'none';
  return { key: key.token, tail: `${before}${tail}${after}`, start, end };
}
