import { decodeHTML } from 'entities';
import type { Catalogue } from './catalogue/compile.js';
import { findNotices } from './detect/notices.js';
import { normaliseOwner } from './detect/owners.js';
import type { PageFormat } from './document/page.js';
import { regionSource } from './prefilter-text.js';
import { KeywordSearch } from './keywords.js';
import { escapeRegExp } from './escape-regexp.js';

/**
 * What a page's raw text, read without parsing it, says it may hold: nothing to report, at most a
 * copyright notice from an owner that is neither a holder nor the page's publisher (it names no
 * holder and has no suppression comment), or anything.
 */
export type Scope = 'nothing' | 'notices' | 'everything';

/** Decides from a page's raw text, without parsing it, what it may hold. */
export interface Prefilter {
  scope(text: string, format: PageFormat): Scope;
}

// Suppression comments must be read even on pages with nothing else: an unused one is a finding.
const DIRECTIVE_TOKEN = 'rightslint-';
const NOTICE_TOKEN = /©|&copy;|&#169;|&#xa9;|\\u00a9|\(c\)|copyright/i;
const TAGS = /<[^>]*>/g;
const NOTICE_WORDS = /©|\(c\)|copyright/gi;
const CLAUSE = /all rights reserved|may not be (?:re)?published/i;
const WINDOW_BEFORE = 40;
const WINDOW_AFTER = 400;
// Between two words of a phrase, anything but a Latin letter or digit, or tags. The phrases'
// classes are ASCII (on lower-cased text): with Unicode's property classes V8 compiled them to
// some 10 MB of machine code in every thread, and a looser phrase only sends more pages to the parser.
const BETWEEN_WORDS = '(?:[^a-z\\d<]|<[^>]*>)+';
const JSON_ESCAPE = /\\u([\da-fA-F]{4})/g;
// The page's own publisher, as the document layer reads it (meta/meta.ts, jsonld.ts), roughly.
const PUBLISHER_META = /<meta\b[^>]*?(?:og:site_name|application-name|publisher|dc\.publisher)[^>]*>/gi;
const CONTENT = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
const PUBLISHER_JSON = /"publisher"\s*:\s*(?:\{[^{}]*?"name"\s*:\s*)?"([^"]+)"/gi;

/**
 * Builds the prefilter of a catalogue: one combined search for a token of every signal's
 * required literals (a signal whose pattern names none is gated by its holder's names), so a page
 * naming no holder skips the parser. Notices that name no holder ("© 2025 Owner") are found by a
 * cheaper pass over the text with tags stripped: only an owner that is not the page's own
 * publisher nor a holder sends the page to the parser.
 */
export function buildPrefilter(catalogue: Catalogue, options: { notices: boolean }): Prefilter {
  const phrases = new Map<string, Set<string>>();
  const notWordStart = new Set<string>();
  const notWordEnd = new Set<string>();
  // How a key word must be spelled, from its phrases' literals; null once one takes it in any case.
  const spellings = new Map<string, Set<string> | null>();
  const add = ({ key, tail, isWordStart, isWordEnd }: Phrase, spelling: string | undefined): void => {
    phrases.set(key, (phrases.get(key) ?? new Set()).add(tail));
    if (!isWordStart) notWordStart.add(key);
    if (!isWordEnd) notWordEnd.add(key);
    const known = spellings.get(key);
    spellings.set(key, spelling === undefined || known === null ? null : (known ?? new Set()).add(spelling));
  };
  for (const signal of catalogue.signals) {
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
  // Phrases are lower case and the text is lowered once. Their key words are found in one pass;
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
    if (tails.includes('')) return { spelling, isWordStart: false, isWordEnd: false };
    // Where every phrase wants no letter before (or after) its key word, one is cheaper to test
    // than a regex: most keys found are inside longer words ("tt" in "little").
    return { pattern: new RegExp(`(?:${tails.join('|')})`, 'uy'), spelling, isWordStart: !notWordStart.has(key), isWordEnd: !notWordEnd.has(key) };
  };
  // `lower` is `text` lower-cased; where that moved offsets (İ is two letters then), spellings go unchecked.
  const hasPhrase = (text: string, lower: string): boolean => search.search(lower, (word, start) => {
    const rest = (rests[word] ??= restOf(word));
    if (rest.spelling && lower.length === text.length && !rest.spelling.some((spelling) => text.startsWith(spelling, start))) return false;
    if (!rest.pattern) return true;
    const end = start + (keys[word] as string).length;
    if (rest.isWordStart && start > 0 && isLetterAt(lower, start - 1)) return false;
    if (rest.isWordEnd && end < lower.length && isLetterAt(lower, end)) return false;
    rest.pattern.lastIndex = end;
    return rest.pattern.test(lower);
  });

  return {
    scope(text, format) {
      if (text.includes(DIRECTIVE_TOKEN)) return 'everything';
      const regions = format === 'html' ? regionSource(text) : text;
      const plain = regions.includes('&') || regions.includes('\\u') ? decodeEscapes(regions) : regions;
      if (hasPhrase(plain, plain.toLowerCase())) return 'everything';
      return options.notices && NOTICE_TOKEN.test(regions) && hasForeignNotice(plain, text, catalogue.ownerNames) ? 'notices' : 'nothing';
    },
  };
}

/**
 * Whether a notice in the tag-stripped text may name an owner that is neither a holder nor the
 * page's publisher. Stripping tags joins blocks, so an owner read here is the true owner followed
 * by more words: it is known only when a known name is its leading words, which then holds for the
 * true owner too (see `isSameOwner`). Anything less certain sends the page to the parser.
 */
function hasForeignNotice(text: string, page: string, ownerNames: readonly string[]): boolean {
  // Only the text just around each notice word is read, windows that overlap read as one (a
  // page of signs would otherwise read each many times). A clause anywhere on the page stands
  // after each window, so a notice the page's clause makes one is never missed.
  const clause = CLAUSE.test(text) ? ' All rights reserved.' : '';
  const windows: Array<{ start: number; end: number }> = [];
  for (const { index } of text.matchAll(NOTICE_WORDS)) {
    const [start, end] = [Math.max(0, index - WINDOW_BEFORE), Math.min(text.length, index + WINDOW_AFTER)];
    const last = windows.at(-1);
    if (last && start <= last.end) last.end = end;
    else windows.push({ start, end });
  }
  const regions = windows.map(({ start, end }) => {
    const window = `${text.slice(start, end).replace(TAGS, ' ')}${clause}`;
    return { kind: 'footer' as const, text: window, offsets: new Int32Array(window.length + 1), isInStory: true };
  });
  const owners = findNotices(regions).flatMap((notice) => (notice.owner ? [normaliseOwner(notice.owner)] : []));
  if (owners.length === 0) return false;
  const known = [...ownerNames, ...publisherNames(page).map(normaliseOwner).filter((name) => name !== '')];
  return owners.some((owner) => !known.some((name) => owner === name || owner.startsWith(`${name} `)));
}

function publisherNames(text: string): string[] {
  const fromMeta = [...text.matchAll(PUBLISHER_META)].map((tag) => CONTENT.exec(tag[0])?.slice(1).find((v) => v !== undefined) ?? '');
  const fromJson = [...text.matchAll(PUBLISHER_JSON)].map((match) => match[1] ?? '');
  return [...fromMeta, ...fromJson];
}

function decodeEscapes(text: string): string {
  return decodeHTML(text).replace(JSON_ESCAPE, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/**
 * Whether a token is a holder's name written in plain Latin letters, which text sets apart as a
 * word ("AP", "TT"); in Japanese or Korean a name runs on into the words around it.
 */
function isWordName(token: string, names: readonly string[]): boolean {
  return /^[a-z\d]+$/.test(token) && names.includes(token);
}

/** A literal as searched for in raw text: its key word, then a pattern for the rest around it. */
interface Phrase {
  key: string;
  tail: string;
  /** No letter or digit may stand just before the key word. */
  isWordStart: boolean;
  /** No letter or digit may stand just after it. */
  isWordEnd: boolean;
}

/**
 * What is tried where a key word is found: how it must be spelled (in any case if undefined), its
 * phrases' rests (none where the word alone is a phrase), and what they ask of its neighbours.
 */
interface Rest {
  spelling: readonly string[] | undefined;
  pattern?: RegExp;
  isWordStart: boolean;
  isWordEnd: boolean;
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
 * Latin letters and digits, or every page with "map" or "(paris" would pass.
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
  if (!key) return { key: literal, tail: '', isWordStart: false, isWordEnd: false };
  const joined = (list: typeof tokens) => list.map(({ space, token }, i) => `${i === 0 ? '' : space ? BETWEEN_WORDS : JOINED}${escapeRegExp(token)}`).join('');
  const startsWord = isWordName(tokens[0]?.token ?? '', names) ? '(?<![a-z\\d])' : '';
  const before = at > 0 || startsWord ? `(?<=${startsWord}${joined(tokens.slice(0, at + 1))})` : '';
  const after = isWordName(tokens.at(-1)?.token ?? '', names) ? '(?![a-z\\d])' : '';
  const tail = joined(tokens.slice(at)).slice(escapeRegExp(key.token).length);
  // Before the key stands a separator or punctuation, or the phrase starts a word there; after it
  // the same, unless it ends the phrase without having to end a word. (Two words of a literal
  // are always apart: separators between them, or punctuation and markup, none a letter.)
  return { key: key.token, tail: `${before}${tail}${after}`, isWordStart: before !== '', isWordEnd: at < tokens.length - 1 || after !== '' };
}
