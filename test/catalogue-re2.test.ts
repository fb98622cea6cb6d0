import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RegExpParser, visitRegExpAST } from '@eslint-community/regexpp';
import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import { charactersRead } from './support/characters-read.js';
import { compileCatalogue, patternsOf } from '../src/catalogue/compile.js';
import { includes, re2Properties } from '../src/catalogue/code-points.js';
import { BUILTIN_HOLDERS, loadHolders } from '../src/config/load-holders.js';
import { compilePattern } from '../src/catalogue/pattern.js';
import { readPage } from '../src/document/page.js';

// The shipped catalogue is written in JavaScript's syntax and runs on RE2, translated. These
// tests hold the translation to what V8 finds with the patterns as written, and RE2 to its promise.
const entries = await loadHolders([BUILTIN_HOLDERS], process.cwd());
const catalogue = compileCatalogue(entries);
const patterns = entries.flatMap(({ spec }) => patternsOf(spec).map((p) => ({ holder: spec.id, ...p })));
const FIXTURES = join(import.meta.dirname, 'holders');
const regions = (await Promise.all(readdirSync(FIXTURES).map(async (name) => (await readPage(name, readFileSync(join(FIXTURES, name), 'utf8'))).regions)))
  .flat().map((region) => region.text);

// Text made of a pattern's own words and the characters around which patterns decide, in random
// order. RE2's `\b` and `\w` know no letters beyond ASCII, where V8's under the `iu` flags also
// take `ſ` and the Kelvin sign (as `s` and `k` fold to them): the one difference, left out here.
const AROUND = [' ', '  ', '\u00a0', '\n', '/', ' / ', '|', '(', ')', '[', ']', ' — ', '-', '–', '.', '. ', ',', ': ', '©', '© ', '\u200b', 'é', '’', "'", '·',
  ';', '2024', '12', 'Photo', 'Images', 'via', 'the', 'Smith', 'JANE DOE', 'x', 'A', 'a', 'Ü', 'ß', '_', '@', '"', '»', '\u2028', 'By ', 'File', 'Pool', ''];
const parser = new RegExpParser({ ecmaVersion: 2024 });

/** The runs of plain characters in a pattern's alternatives, at every depth. */
function wordsOf(pattern: string): string[] {
  const words = new Set<string>();
  visitRegExpAST(parser.parsePattern(pattern, 0, pattern.length, { unicode: true }), {
    onAlternativeEnter(alternative) {
      const run = alternative.elements.map((e) => (e.type === 'Character' ? String.fromCodePoint(e.value) : '\0')).join('');
      for (const word of run.split('\0')) if (word) words.add(word);
    },
  });
  return [...words];
}

function generated(pattern: string, count: number, seed: number): string[] {
  let state = seed;
  const random = () => ((state = (state * 1_103_515_245 + 12_345) & 0x7fffffff) / 0x80000000);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const words = wordsOf(pattern);
  return Array.from({ length: count }, () => Array.from({ length: 1 + Math.floor(random() * 10) }, () => {
    const piece = words.length > 0 && random() < 0.55 ? pick(words) : pick(AROUND);
    return random() < 0.1 ? (random() < 0.5 ? piece.toUpperCase() : piece.toLowerCase()) : piece;
  }).join(''));
}

const found = (matches: Iterable<{ index: number; 0: string }>) => [...matches].map((m) => `${m.index}:${m[0]}`);

describe('the shipped catalogue', () => {
  it('finds on RE2 what V8 finds with every pattern as written', () => {
    const differ = patterns.flatMap(({ holder, pattern, ignoreCase }, i) => {
      const v8 = new RegExp(pattern, ignoreCase ? 'giu' : 'gu');
      const re2 = compilePattern(pattern, ignoreCase, 'javascript');
      const texts = [...regions, ...generated(pattern, 150, i + 1)];
      const text = texts.find((t) => found(t.matchAll(v8)).join('\n') !== found(re2.matchAll(t)).join('\n'));
      return text === undefined ? [] : [`${holder}: ${pattern}\n  on ${JSON.stringify(text.slice(0, 200))}`];
    });
    expect(differ).toEqual([]);
  });

  it('keeps what classes mean in JavaScript, where RE2 reads them otherwise or case folds them', () => {
    // Letters that fold to others (ſ to s, the Kelvin sign to k, ẞ to ß, final sigma), white space
    // RE2's `\s` does not know, line separators `.` stops at, and a letter beyond the BMP.
    const text = 'aſsSKkK ßẞ ΣσςΩω\u00a0\u2003\u2028\r\n\tx_9é𝐀!';
    const cases: Array<[string, boolean]> = [['[^a-z]+', true], ['[a-z]+', true], ['\\w+', true], ['\\W+', true], ['[^\\W]+', true], ['k', true], ['s+', true], ['\\p{Lu}+', true],
      ['[^\\P{Ll}]+', true], ['σ', true], ['ß', true], ['\\s+', false], ['\\S+', false], ['.+', false], ['[^\\s\\w]+', false], ['\\p{L}+', false]];
    for (const [pattern, ignoreCase] of cases) {
      const v8 = new RegExp(pattern, ignoreCase ? 'giu' : 'gu');
      expect(found(compilePattern(pattern, ignoreCase, 'javascript').matchAll(text)), `/${pattern}/${ignoreCase ? 'i' : ''}`).toEqual(found(text.matchAll(v8)));
    }
  });

  it('names with RE2\'s property classes exactly the code points V8 gives them', () => {
    for (const { name, set } of re2Properties()) {
      const re2 = RE2JS.compile(`^${name}$`);
      const edges = set.flatMap(([from, to]) => [from - 1, from, to, to + 1]).filter((code) => code >= 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff));
      expect(edges.filter((code) => re2.test(String.fromCodePoint(code)) !== includes(set, code)), name).toEqual([]);
    }
  });

  it('reads attack strings eight times as long no more than about eight times as much, with every signal', () => {
    const units = ['a', 'A', 'A ', 'a/', 'Ab. ', '1', '/', 'Ä', 'Photo: ', 'x, ', '© ', 'AFP/', 'a a', '. ', '-', 'Name/', '(A) ', 'Foto: A/', '(', 'A.'];
    const attacks = (length: number) => units.map((unit) => `${unit.repeat(Math.ceil(length / unit.length)).slice(0, length)}!`);
    const [short, long] = [attacks(1_000), attacks(8_000)];
    // Work, not time: a quadratic search reads the long strings some 64 times as much.
    const growing = catalogue.signals.flatMap((signal) => {
      const work = (texts: readonly string[]) => charactersRead(() => {
        for (const text of texts) for (const _ of signal.pattern.matchAll(text));
      });
      const ratio = work(long) / Math.max(1, work(short));
      return ratio > 12 ? [`${signal.holder}/${signal.id}: ${ratio.toFixed(1)}x`] : [];
    });
    expect(growing).toEqual([]);
  });
});
