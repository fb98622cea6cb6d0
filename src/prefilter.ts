import { decodeHTML } from 'entities';
import type { Catalogue } from './catalogue/compile.js';
import { findNotices } from './detect/notices.js';
import { normaliseOwner } from './detect/owners.js';
import { escapeRegExp, trieSource } from './trie.js';

/** Decides from a page's raw text, without parsing it, whether it can have any evidence or finding. */
export interface Prefilter {
  needsParse(text: string): boolean;
}

// Suppression comments must be read even on pages with nothing else: an unused one is a finding.
const DIRECTIVE_TOKEN = 'rightslint-';
const NOTICE_TOKEN = /©|&copy;|&#169;|&#xa9;|\\u00a9|\(c\)|copyright/i;
const TAGS = /<[^>]*>/g;
const NOTICE_WORDS = /©|\(c\)|copyright/gi;
const CLAUSE = /all rights reserved|may not be (?:re)?published/i;
const WINDOW_BEFORE = 40;
const WINDOW_AFTER = 400;
const BETWEEN_WORDS = '(?:[^\\p{L}\\p{N}<]|<[^>]*>)+';
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
  const phrases = new Map<string, Set<string>>([[DIRECTIVE_TOKEN, new Set([''])]]);
  const add = ({ first, tail }: Phrase): void => {
    phrases.set(first, (phrases.get(first) ?? new Set()).add(tail));
  };
  for (const signal of catalogue.signals) {
    const holder = catalogue.holders.get(signal.holder);
    const words = catalogue.nameWords.get(signal.holder);
    const names = [...(words?.distinctive ?? []), ...(words?.shared ?? [])];
    // A signal whose pattern names no literal is looked for on pages that name its holder.
    const literals = signal.literals ?? (holder ? [holder.name, ...holder.aliases].map((n) => n.toLowerCase()) : []);
    for (const literal of literals) add(phraseOf(literal, names));
  }
  // Phrases are lower case; the text is lowered once, which is faster than a case-insensitive
  // search, and their first words form a trie, so each position tries a few branches, not all.
  const keywords = new RegExp(trieSource(phrases), 'u');

  return {
    needsParse(text) {
      const plain = text.includes('&') || text.includes('\\u') ? decodeEscapes(text) : text;
      if (keywords.test(plain.toLowerCase())) return true;
      return options.notices && NOTICE_TOKEN.test(text) && hasForeignNotice(plain, catalogue.ownerNames);
    },
  };
}

/**
 * Whether a notice in the tag-stripped text may name an owner that is neither a holder nor the
 * page's publisher. Stripping tags joins blocks, so an owner read here is the true owner followed
 * by more words: it is known only when a known name is its leading words, which then holds for the
 * true owner too (see `isSameOwner`). Anything less certain sends the page to the parser.
 */
function hasForeignNotice(text: string, ownerNames: readonly string[]): boolean {
  // Only the text just around each notice word is read. A clause anywhere on the page stands
  // after each window, so a notice the page's clause makes one is never missed.
  const clause = CLAUSE.test(text) ? ' All rights reserved.' : '';
  const windows = [...text.matchAll(NOTICE_WORDS)].map((m) => `${text.slice(Math.max(0, m.index - WINDOW_BEFORE), m.index + WINDOW_AFTER).replace(TAGS, ' ')}${clause}`);
  const regions = windows.map((window) => ({ kind: 'footer' as const, text: window, offsets: new Int32Array(window.length + 1), isInStory: true }));
  const owners = findNotices(regions).flatMap((notice) => (notice.owner ? [normaliseOwner(notice.owner)] : []));
  if (owners.length === 0) return false;
  const known = [...ownerNames, ...publisherNames(text).map(normaliseOwner).filter((name) => name !== '')];
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

/** A literal as searched for in raw text: its first word, then a pattern for the rest. */
interface Phrase {
  first: string;
  tail: string;
}

/**
 * A literal as a pattern over raw text: its words in order, with any punctuation, space or tags
 * between them (markup may split a literal, not a word). A holder's name alone ("ap", "ansa") stands
 * only as a word, or every page with "map" would pass.
 */
function phraseOf(literal: string, names: readonly string[]): Phrase {
  const text = literal.trim();
  const words = text.match(/[\p{L}\p{N}]+/gu);
  // The look-behind stands after the word: the character before the word is no letter.
  if (words?.length === 1 && words[0] === text && names.includes(text)) {
    return { first: text, tail: `(?<![\\p{L}\\p{N}]${escapeRegExp(text)})(?![\\p{L}\\p{N}])` };
  }
  if (!words) return { first: text, tail: '' };
  const [first = '', ...rest] = words;
  return { first, tail: rest.map((word) => `${BETWEEN_WORDS}${escapeRegExp(word)}`).join('') };
}

