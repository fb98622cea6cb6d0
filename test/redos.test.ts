import { RegExpParser } from '@eslint-community/regexpp';
import { analyse } from 'scslre';
import { describe, expect, it } from 'vitest';
import { compileCatalogue } from '../src/catalogue/compile.js';
import { BUILTIN_HOLDERS, loadHolders } from '../src/catalogue/load.js';

// The shipped catalogue runs on V8's backtracking engine; these tests keep its patterns linear in
// practice. Region text has its white space collapsed to single spaces, so attack strings made of
// repeated white space cannot reach a pattern and are not tried.
const entries = await loadHolders([BUILTIN_HOLDERS], process.cwd());
const catalogue = compileCatalogue(entries);
const parser = new RegExpParser({ ecmaVersion: 2024 });
const LENGTH = 20_000;
const UNITS = ['a', 'A', 'A ', 'a/', 'Ab. ', '1', '/', 'Ä', 'Photo: ', 'x, ', '© ', 'AFP/', 'a a', '. ', '-', 'Name/', '(A) ', 'Foto: A/', '(', 'A.'];
const ATTACKS = UNITS.map((unit) => `${unit.repeat(Math.ceil(LENGTH / unit.length)).slice(0, LENGTH)}!`);

describe('the shipped catalogue', () => {
  it('has no pattern with exponential backtracking', () => {
    const exponential = entries.flatMap(({ spec }) =>
      [...spec.signals, ...spec.exclude, ...spec.signals.flatMap((s) => s.exclude)].flatMap((item) => {
        const literal = parser.parseLiteral(`/${item.pattern.replace(/\//g, '\\/')}/u${item.ignoreCase ? 'i' : ''}`);
        return analyse(literal).reports.some((report) => report.exponential) ? [`${spec.id}: ${item.pattern}`] : [];
      }));
    expect(exponential).toEqual([]);
  });

  it('matches 20,000-character attack strings quickly with every signal', () => {
    const slow = catalogue.signals.flatMap((signal) => {
      const started = performance.now();
      for (const text of ATTACKS) for (const _ of signal.pattern.matchAll(text));
      const ms = performance.now() - started;
      return ms > 500 ? [`${signal.holder}/${signal.id}: ${Math.round(ms)} ms`] : [];
    });
    expect(slow).toEqual([]);
  }, 120_000);
});
