/**
 * A regular expression source for many words, merged into a trie of characters, so that the
 * engine tries a few branches at each position of a text instead of every word. Each word maps to
 * the tails (pattern sources) that may follow it; an empty tail ends a match at the word. Longer
 * words come before a word's end, so the longest word at a position is the one matched.
 */
export function trieSource(words: ReadonlyMap<string, ReadonlySet<string>>): string {
  const branches = new Map<string, Map<string, ReadonlySet<string>>>();
  let ending: ReadonlySet<string> | undefined;
  for (const [word, tails] of words) {
    const [head, ...rest] = Array.from(word);
    if (head === undefined) {
      ending = tails;
      continue;
    }
    const branch = branches.get(head) ?? new Map<string, ReadonlySet<string>>();
    branch.set(rest.join(''), tails);
    branches.set(head, branch);
  }
  const alternatives = [...branches].map(([head, rest]) => `${escapeRegExp(head)}${trieSource(rest)}`);
  if (ending) alternatives.push(ending.has('') ? '' : `(?:${[...ending].join('|')})`);
  if (alternatives.length === 0) return '(?!)';
  return alternatives.length === 1 ? (alternatives[0] as string) : `(?:${alternatives.join('|')})`;
}

/** Text as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
