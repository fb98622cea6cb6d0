import { decodeHTML } from 'entities';
import type { Catalogue } from '../../catalogue/compile.js';
import { foldCharacters } from '../../document/characters.js';
import { findNotices } from '../notices.js';
import { normaliseOwner } from '../owners.js';
import type { PageFormat } from '../../document/format.js';
import type { MarkupRecord } from '../../document/html/html-scan.js';
import { publisherNamesInText } from '../../document/publisher-text.js';
import { phraseSearch } from './phrase-search.js';
import { DIRECTIVE_TOKEN, regionSource } from './prefilter-text.js';

/**
 * What a page's raw text, read without parsing it, says it may hold: nothing to report, at most a
 * copyright notice from an owner that is neither a holder nor the page's publisher (it names no
 * holder and has no suppression comment), or anything.
 */
export type Scope = 'nothing' | 'notices' | 'everything';

/** Decides from a page's raw text, without parsing it, what it may hold. */
export interface Prefilter {
  /** `markup` is an HTML page's markup as recorded, if it was (else the page is scanned here). */
  scope(text: string, format: PageFormat, markup?: MarkupRecord): Scope;
}

const NOTICE_TOKEN = /©|&copy;|&#169;|&#xa9;|\\u00a9|\(c\)|copyright/i;
const TAGS = /<[^>]*>/g;
const NOTICE_WORDS = /©|\(c\)|copyright/gi;
const CLAUSE = /all rights reserved|may not be (?:re)?published/i;
const WINDOW_BEFORE = 40;
const WINDOW_AFTER = 400;
const JSON_ESCAPE = /\\u([\da-fA-F]{4})/g;

/**
 * Builds the prefilter of a catalogue: one combined search for a token of every signal's
 * required literals (a signal whose pattern names none is gated by its holder's names), so a page
 * naming no holder skips the parser. Notices that name no holder ("© 2025 Owner") are found by a
 * cheaper pass over the text with tags stripped: only an owner that is not the page's own
 * publisher nor a holder sends the page to the parser.
 */
export function buildPrefilter(catalogue: Catalogue, options: { notices: boolean }): Prefilter {
  const hasPhrase = phraseSearch(catalogue, catalogue.signals, true);
  // Image file names are read only as `src` regions, where few signals look (asset ids), so the
  // "AP_1901.jpg" of a photo from elsewhere does not send a page to the parser.
  const hasPhraseInFileNames = phraseSearch(catalogue, catalogue.signals.filter((signal) => signal.regions.has('src')));

  return {
    scope(text, format, markup) {
      // Suppression comments must be read even on pages with nothing else: an unused one is a finding.
      const { text: regions, fileNames, hasDirective } = format === 'html' ? regionSource(text, markup) : { text, fileNames: '', hasDirective: text.includes(DIRECTIVE_TOKEN) };
      if (hasDirective) return 'everything';
      const plain = foldCharacters(decodeEscapes(regions));
      if (hasPhrase(plain) || hasPhraseInFileNames(decodeEscapes(fileNames))) return 'everything';
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
  const known = [...ownerNames, ...publisherNamesInText(page).map(normaliseOwner).filter((name) => name !== '')];
  return owners.some((owner) => !known.some((name) => owner === name || owner.startsWith(`${name} `)));
}

/** Text with its character references and JSON escapes decoded. */
function decodeEscapes(text: string): string {
  const decoded = text.includes('&') ? decodeHTML(text) : text;
  // Most pages hold references; few hold JSON escapes, and those are not looked for in the others.
  return decoded.includes('\\u') ? decoded.replace(JSON_ESCAPE, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) : decoded;
}
