import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import { patternsOf } from '../src/catalogue/compile.js';
import { BUILTIN_HOLDERS, loadHolders } from '../src/config/load-holders.js';
import { branchesOf, compilePattern, type PatternSpec, programOf } from '../src/catalogue/pattern.js';
import { charactersRead } from './support/characters-read.js';

// Searching a text for every match reads it about once, however many and close the matches (#18),
// and finds exactly what the engine's own search, which read the rest of the text at every match,
// found. Work is counted in characters the engine reads, never in time.

type Found = string[];
const found = (matches: Iterable<{ index: number; 0: string }>): Found => [...matches].map((m) => `${m.index}:${m[0]}`);

/** The engine's own search for a pattern's program, with its markers, and its literal check untouched. */
function engineProgram(spec: PatternSpec, text: string): Found {
  const { source, markers } = programOf(branchesOf(spec));
  const matcher = RE2JS.compile(source, RE2JS.LOOKBEHINDS | (spec.ignoreCase ? RE2JS.CASE_INSENSITIVE : 0)).matcher(text);
  const matches: Found = [];
  for (let at = 0; at <= text.length && matcher.find(at); ) {
    const start = matcher.start(0);
    let end = matcher.end(0);
    for (let marker = 1; marker <= markers; marker++) {
      if (matcher.start(marker) >= 0) {
        end = matcher.start(marker);
        break;
      }
    }
    matches.push(`${start}:${text.slice(start, end)}`);
    at = end > start ? end : start + ((text.codePointAt(start) ?? 0) > 0xffff ? 2 : 1);
  }
  return matches;
}

/** The engine's own `matchAll`, for a pattern of a user's holder file. */
const engineRe2 = (pattern: string, ignoreCase: boolean, text: string): Found =>
  found(RE2JS.compile(pattern, RE2JS.LOOKBEHINDS | (ignoreCase ? RE2JS.CASE_INSENSITIVE : 0)).matchAll(text) as Iterable<{ index: number; 0: string }>);


/** Random text of these pieces, ending with `last` so that a literal stands at the very end. */
function generated(pieces: readonly string[], length: number, seed: number, last: string): string {
  let state = seed;
  const random = () => (state = (state * 1_103_515_245 + 12_345) & 0x7fffffff) / 0x80000000;
  let text = '';
  while (text.length < length) text += pieces[Math.floor(random() * pieces.length)];
  return text + last;
}

const AROUND = ['/', ' / ', ' ', '', '|', '(', ')', '.', ', ', '\n', '©', '𝐀', '😀', 'é', 'x', 'Photo', '2025', 'ra', 'zeb', 'PHOTO', 'a'];

// Patterns whose literal check, run at every match, read to the end of the text: a choice with a
// branch whose literals are missing (or far), literals needed only by some branches, empty
// matches, astral characters, anchors, case folding.
const USER_PATTERNS: Array<[string, boolean]> = [
  ['(?:zeb.*ra|PTI)/', false],
  ['PTI(?:/|.*?Photo)', false],
  ['(?:Photo.*2025|AFP|PTI)(?:\\s?/)?', false],
  ['(?<=/)PTI|zeb\\w+ra', false],
  ['x*', false],
  ['\\b', false],
  ['(?:PTI)?', false],
  ['𝐀+|😀|PTI', false],
  ['PTI$|^PTI', false],
  ['pti/|photo', true],
];
// Patterns with conditions after them, each beside the JavaScript lookahead it stands for.
const CONDITIONS: Array<[PatternSpec, string]> = [
  [{ pattern: '(?<=/)PTI', followedBy: '/', ignoreCase: false }, '(?<=\\/)PTI(?=\\/)'],
  [{ pattern: '(?<![\\p{L}])(?:Photo|PTI)', notFollowedBy: '[\\p{L}]', ignoreCase: false }, '(?<![\\p{L}])(?:Photo|PTI)(?![\\p{L}])'],
  [{ pattern: '(?:zeb.*ra|PTI)', followedBy: '\\s*/|$', ignoreCase: false }, '(?:zeb.*ra|PTI)(?=\\s*\\/|$)'],
  [{ pattern: 'PTI(?:/|.*?Photo)', notFollowedBy: '[\\d]', ignoreCase: false }, 'PTI(?:\\/|.*?Photo)(?!\\d)'],
  [{ pattern: '(?:PTI)?', followedBy: '/', ignoreCase: false }, '(?:PTI)?(?=\\/)'],
  [{ pattern: '[𝐀😀]+', followedBy: 'PTI|$', ignoreCase: false }, '[𝐀😀]+(?=PTI|$)'],
  [{ pattern: [{ pattern: 'pti', notFollowedBy: '[/]' }, { pattern: 'photo' }], ignoreCase: true }, 'pti(?!\\/)|photo'],
  [{ pattern: [{ pattern: 'PTI', followedBy: '/' }, { pattern: 'PT', notFollowedBy: '[I]' }, { pattern: 'x*' }], ignoreCase: false }, 'PTI(?=\\/)|PT(?!I)|x*'],
];

describe('searching for every match', () => {
  it('finds what the engine\'s own search finds, for patterns of users\' holder files', () => {
    for (const [pattern, ignoreCase] of USER_PATTERNS) {
      const compiled = compilePattern({ pattern, ignoreCase });
      for (let seed = 1; seed <= 40; seed++) {
        const text = generated(['PTI', 'PTI/', 'AFP', ...AROUND], seed * 7, seed, seed % 2 ? 'PTI' : 'Photo');
        expect(found(compiled.matchAll(text)), `${pattern} on ${JSON.stringify(text)}`).toEqual(engineRe2(pattern, ignoreCase, text));
      }
      expect(found(compiled.matchAll('')), pattern).toEqual(engineRe2(pattern, ignoreCase, ''));
    }
  });

  it('finds what the engine\'s own search finds, and V8 with the lookaheads, for patterns with conditions after them', () => {
    for (const [spec, lookahead] of CONDITIONS) {
      const compiled = compilePattern(spec);
      const v8 = new RegExp(lookahead, spec.ignoreCase ? 'giu' : 'gu');
      for (let seed = 1; seed <= 40; seed++) {
        const text = generated(['PTI', 'PTI/', 'AFP', ...AROUND], seed * 7, seed, seed % 2 ? '/PTI' : 'PTI/');
        const ours = found(compiled.matchAll(text));
        expect(ours, `${lookahead} on ${JSON.stringify(text)}`).toEqual(engineProgram(spec, text));
        expect(ours, `${lookahead} on ${JSON.stringify(text)} (V8)`).toEqual(found(text.matchAll(v8)));
      }
    }
  });

  it('finds what the engine\'s own search finds with the catalogue\'s patterns, on text dense with their marks', async () => {
    const entries = await loadHolders([BUILTIN_HOLDERS], process.cwd());
    for (const { spec } of entries.filter(({ spec }) => ['aap', 'ntb', 'pa', 'pti', 'tt'].includes(spec.id))) {
      const marks = [spec.name, ...spec.aliases];
      const pieces = [...marks, ...marks.map((mark) => `${mark}/`), ...marks.map((mark) => `© ${mark}`), ...marks.map((mark) => `(${mark})`), ...AROUND];
      for (const pattern of patternsOf(spec)) {
        const compiled = compilePattern(pattern);
        for (let seed = 1; seed <= 3; seed++) {
          const text = generated(pieces, 300 * seed, seed, marks[seed % marks.length] as string);
          expect(found(compiled.matchAll(text)), `${spec.id}: ${JSON.stringify(pattern.pattern)}`).toEqual(engineProgram(pattern, text));
        }
      }
    }
  });

  it('reads text eight times as long about eight times as much, with matches many and close', async () => {
    const entries = await loadHolders([BUILTIN_HOLDERS], process.cwd());
    const pti = entries.find(({ spec }) => spec.id === 'pti')?.spec.signals.find((signal) => signal.id === 'photo-credit');
    // Sizes above what re2js leaves to its backtracker (262,144 bits of state over the program's
    // instructions, 18,000 characters for a small program), which reads text otherwise.
    const cases: Array<{ name: string; pattern: ReturnType<typeof compilePattern>; unit: string; size: number }> = [
      { name: 'PTI photo credit', pattern: compilePattern(pti ?? { pattern: 'PTI', ignoreCase: false }), unit: 'PTI/', size: 4_000 },
      { name: 'a user\'s choice with a missing literal', pattern: compilePattern({ pattern: '(?:zeb.*ra|PTI)/', ignoreCase: false }), unit: 'PTI/', size: 24_000 },
      { name: 'a user\'s pattern with a far literal', pattern: compilePattern({ pattern: 'PTI(?:/|.*?Photo)', ignoreCase: false }), unit: 'PTI/', size: 24_000 },
      { name: 'a choice with a missing literal, followed by a condition', pattern: compilePattern({ pattern: '(?:zeb.*ra|PTI)', followedBy: '/', ignoreCase: false }), unit: 'PTI/', size: 24_000 },
    ];
    for (const { name, pattern, unit, size } of cases) {
      const read = (length: number) => {
        const text = `${unit.repeat(length / unit.length)}Photo`;
        let count = 0;
        const work = charactersRead(() => (count = found(pattern.matchAll(text)).length));
        expect(count, name).toBeGreaterThan(length / unit.length / 2);
        expect(work, `${name}: the engine reads the text`).toBeGreaterThanOrEqual(length);
        return work;
      };
      const ratio = read(8 * size) / read(size);
      // Linear: about 8; a search that reads the rest of the text at every match: about 64.
      expect(ratio, name).toBeLessThan(12);
    }
  });
});
