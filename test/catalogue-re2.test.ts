import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import { charactersRead } from './support/characters-read.js';
import { scratchSite } from './support/scratch.js';
import { compileCatalogue, patternsOf } from '../src/catalogue/compile.js';
import { BUILTIN_HOLDERS, loadHolders } from '../src/config/load-holders.js';
import { branchesOf, compilePattern, linearProblem, type PatternSpec } from '../src/catalogue/pattern.js';
import { parseRe2, screenOf } from '../src/catalogue/screen.js';
import { readPage } from '../src/document/page.js';
import { PolicyError } from '../src/errors.js';

// The shipped catalogue is written in RE2's syntax, as users' holder files are, with what
// lookaheads asked as data (`followedBy`, `notFollowedBy`, lists of branches). Its patterns were
// written from JavaScript ones once, and checked to find the same matches with V8 on every
// holder fixture and corpus page; these tests hold the dialect to its promises.
const entries = await loadHolders([BUILTIN_HOLDERS], process.cwd());
const catalogue = compileCatalogue(entries);
const patterns = entries.flatMap(({ spec }) => patternsOf(spec).map((pattern) => ({ holder: spec.id, pattern })));
const found = (matches: Iterable<{ index: number; 0: string }>) => [...matches].map((m) => `${m.index}:${m[0]}`);
const matches = (spec: Omit<PatternSpec, 'ignoreCase'> & { ignoreCase?: boolean }, text: string) => found(compilePattern({ ignoreCase: false, ...spec }).matchAll(text));

describe('the shipped catalogue', () => {
  it('compiles for RE2, and every pattern reads for the screen and the literals', () => {
    const refused = patterns.flatMap(({ holder, pattern }) => branchesOf(pattern).flatMap((branch) => {
      const sources = [branch.pattern, ...(branch.followedBy === undefined ? [] : [branch.followedBy])];
      return sources.flatMap((source) => {
        const problem = linearProblem(source) ?? (parseRe2(source) ? undefined : 'regexpp cannot read it');
        return problem ? [`${holder}: ${source}: ${problem}`] : [];
      });
    }));
    expect(refused).toEqual([]);
    expect(patterns.filter(({ pattern }) => screenOf(branchesOf(pattern)) === undefined)).toEqual([]);
  });

  it('names with RE2\'s classes exactly the code points V8 gave the JavaScript classes they were written for', () => {
    const classes: Array<[string, string]> = [['\\p{L}', '\\p{L}'], ['\\p{Lu}', '\\p{Lu}'], ['\\p{Ll}', '\\p{Ll}'], ['\\p{M}', '\\p{M}'], ['\\p{N}', '\\p{N}'],
      ['\\p{Han}', '\\p{Script=Han}'], ['\\p{Devanagari}', '\\p{Script=Devanagari}'], ['\\p{Hangul}', '\\p{Script=Hangul}'], ['\\p{Arabic}', '\\p{Script=Arabic}']];
    for (const [re2, javascript] of classes) {
      const [ours, v8] = [RE2JS.compile(`^${re2}$`), new RegExp(`^${javascript}$`, 'u')];
      const differ: number[] = [];
      for (let code = 0; code <= 0x10ffff; code += code === 0xd7ff ? 0x801 : 1) {
        const char = String.fromCodePoint(code);
        if (ours.test(char) !== v8.test(char)) differ.push(code);
      }
      expect(differ, re2).toEqual([]);
    }
  });

  it('runs on text whose only white space is a plain space, where RE2\'s `\\s` and `.` mean what JavaScript\'s did', async () => {
    // RE2's `\s` is ASCII white space and its `.` stops at a line feed only; JavaScript's `\s` also
    // takes U+00A0, U+FEFF and other spaces, its `.` stops at U+2028 too. The catalogue was written
    // for JavaScript, and keeps its `\s` and `.` because the text a pattern sees has none of these:
    // the text builder makes every run of white space one space (src/document/text-builder.ts).
    const folder = join(import.meta.dirname, 'holders');
    const page = '<p>PARIS\u00a0(AFP)\u2028-\u3000Talks</p><figure><figcaption>Jane\ufeffDoe\t/\r\nAFP</figcaption></figure><meta name="author" content="A\u2003FP">';
    const texts = [
      ...(await Promise.all(readdirSync(folder).map(async (name) => (await readPage(name, readFileSync(join(folder, name), 'utf8'))).regions))).flat(),
      ...(await readPage('spaces.html', page)).regions,
    ].map((region) => region.text);
    expect(texts.filter((text) => /[^\S ]| {2}/u.test(text))).toEqual([]);
    expect(texts).toEqual(expect.arrayContaining(['PARIS (AFP) - Talks', 'Jane Doe / AFP']));
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

describe('what follows a match', () => {
  it('asks the text after a match to match `followedBy`, which is no part of the match', () => {
    // "AFP/Getty" credits; "AFP officers" does not.
    expect(matches({ pattern: 'AFP', followedBy: '/' }, 'AFP officers, Name/AFP/Getty')).toEqual(['19:AFP']);
    // The next search starts where the match ends, before what followed it.
    expect(matches({ pattern: 'a', followedBy: 'a' }, 'aaa')).toEqual(['0:a', '1:a']);
  });

  it('refuses a match followed by a character of `notFollowedBy`, and takes one at the end of the text', () => {
    expect(matches({ pattern: 'AFP', notFollowedBy: '[\\p{L}\\p{N}]' }, 'AFPTV AFP2 (AFP) AFP')).toEqual(['12:AFP', '17:AFP']);
    expect(matches({ pattern: 'afp', notFollowedBy: '[x]', ignoreCase: true }, 'AFPX AFP')).toEqual(['5:AFP']);
  });

  it('takes the longest way the pattern prefers that the condition lets through, as a lookahead does', () => {
    // Where "AP Photo" is not followed by a slash or the end, the shorter "AP" is tried too, and refused.
    expect(matches({ pattern: 'AP(?: Photo)?', followedBy: '[\\s]*(?:/|$)' }, 'AP Photo/ AP Photo x')).toEqual(['0:AP Photo']);
  });

  it('tries a list of branches in order at each place, each with its own condition', () => {
    const branches = [{ pattern: 'Getty Images', followedBy: '/' }, { pattern: 'Getty', notFollowedBy: '[\\p{L}]' }];
    // The first branch is refused where no slash follows, and the second takes "Getty".
    expect(matches({ pattern: branches }, 'Getty Images/AFP, Getty Images, Gettysburg')).toEqual(['0:Getty Images', '18:Getty']);
  });
});

describe('a user\'s holder file', () => {
  const holder = (signal: string) => `id: wire\nname: Harbour Wire\nkinds: [photo]\nsignals:\n  - id: credit\n    type: credit\n    kind: photo\n    regions: [caption]\n${signal}`;
  const problemsOf = async (signal: string): Promise<string[]> => {
    const folder = scratchSite('dialect', { 'wire.yaml': holder(signal) });
    try {
      await loadHolders([`${folder}/wire.yaml`], folder);
      return [];
    } catch (error) {
      if (!(error instanceof PolicyError)) throw error;
      return error.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.field} ${p.message}`);
    }
  };

  it('uses `followedBy`, `notFollowedBy` and branches as the shipped catalogue does', async () => {
    const signal = "    pattern:\n      - pattern: 'Harbour Wire'\n        followedBy: '\\s*(?:/|$)'\n      - pattern: 'HW'\n        notFollowedBy: '[\\p{L}]'\n";
    const folder = scratchSite('dialect', { 'wire.yaml': holder(signal) });
    const [credit] = compileCatalogue(await loadHolders([`${folder}/wire.yaml`], folder)).signals;
    expect(found(credit?.pattern.matchAll('Harbour Wire / Harbour Wires, HW, HWX') ?? [])).toEqual(['0:Harbour Wire', '30:HW']);
  });

  it('gets an error at the pattern\'s place for a lookahead, which points to `followedBy` and `notFollowedBy`', async () => {
    expect(await problemsOf("    pattern: 'HW(?![\\p{L}])'\n")).toEqual([
      'wire.yaml:9:14 signals[0].pattern Cannot compile pattern for RE2, the linear-time engine: invalid or unsupported Perl syntax: `(?!`. RE2 has no lookahead: give the text that must follow a match as `followedBy`, or the characters that must not as `notFollowedBy`.',
    ]);
  });

  it('gets an error for a `notFollowedBy` that is not one character class, and for two conditions at once', async () => {
    expect(await problemsOf("    pattern: 'HW'\n    notFollowedBy: 'ab'\n")).toEqual([
      'wire.yaml:10:20 signals[0].notFollowedBy Cannot use `ab` as notFollowedBy: it must be one character class such as `[\\p{L}\\p{N}]`, not negated; write any other condition as `followedBy`',
    ]);
    expect((await problemsOf("    pattern: 'HW'\n    followedBy: '/'\n    notFollowedBy: '[a]'\n"))[0]).toMatch(/^wire\.yaml:10:17 signals\[0\]\.followedBy Cannot use `followedBy` and `notFollowedBy` together/);
  });
});
