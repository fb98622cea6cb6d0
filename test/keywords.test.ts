import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeywordSearch } from '../src/detect/prefilter/keywords.js';

/** Every occurrence the search reports, as [word, start] pairs. */
function found(search: KeywordSearch, text: string): Array<[number, number]> {
  const hits: Array<[number, number]> = [];
  search.search(text, (word, start) => {
    hits.push([word, start]);
    return false;
  });
  return hits.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
}

/** Every occurrence of every word, found one word at a time, where `fold` gives the text to look in. */
function naive(words: readonly string[], text: string, fold = (t: string) => t): Array<[number, number]> {
  const hits: Array<[number, number]> = [];
  const folded = fold(text);
  words.forEach((word, index) => {
    for (let at = folded.indexOf(word); at !== -1; at = folded.indexOf(word, at + 1)) hits.push([index, at]);
  });
  return hits.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
}

// Letters in both cases, ASCII and not, and a few that no word holds.
const LETTERS = ['a', 'b', 'A', 'B', 'p', 'P', 'é', 'É', 'ö', 'Ö', ' ', '/', 'x', '1'];
const text = fc.array(fc.constantFrom(...LETTERS), { maxLength: 60 }).map((chars) => chars.join(''));
const words = fc.uniqueArray(fc.array(fc.constantFrom('a', 'b', 'p', 'é', 'ö', ' '), { minLength: 1, maxLength: 4 }).map((c) => c.join('')), { minLength: 1, maxLength: 8 });

describe('the keyword search', () => {
  it('reports every occurrence of every word, nested and overlapping ones too', () => {
    const search = new KeywordSearch(['ap', 'afp', 'p', 'pa']);
    expect(found(search, 'AFP/afp, pap')).toEqual([[1, 4], [2, 6], [2, 9], [3, 9], [0, 10], [2, 11]]);
  });

  it('finds words as they are spelled unless it is caseless', () => {
    expect(found(new KeywordSearch(['dpa']), 'DPA dpa Dpa')).toEqual([[0, 4]]);
    expect(found(new KeywordSearch(['dpa'], { caseless: true }), 'DPA dpa Dpa')).toEqual([[0, 0], [0, 4], [0, 8]]);
  });

  it('finds letters beyond ASCII in any case, at their offsets in the text itself', () => {
    const search = new KeywordSearch(['österreich', 'apa'], { caseless: true });
    // "İ" is two letters in lower case: a lowered copy of the text would move every offset after it.
    expect(found(search, 'İ ÖSTERREICH / APA')).toEqual([[0, 2], [1, 15]]);
  });

  it('stops at the first occurrence the caller takes', () => {
    const search = new KeywordSearch(['a']);
    let calls = 0;
    expect(search.search('aaaa', () => ++calls === 2)).toBe(true);
    expect(calls).toBe(2);
  });

  it('agrees with a search for each word alone, on random words and texts', () => {
    fc.assert(
      fc.property(words, text, (list, sample) => {
        expect(found(new KeywordSearch(list), sample)).toEqual(naive(list, sample));
        expect(found(new KeywordSearch(list, { caseless: true }), sample)).toEqual(naive(list, sample, (t) => t.toLowerCase()));
      }),
      { numRuns: 2000, seed: 17 },
    );
  });
});
