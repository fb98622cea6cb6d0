import { distance } from 'fastest-levenshtein';

/**
 * The candidate a misspelt word most likely meant, or undefined: the nearest by edit distance
 * within about a third of the word's length, else one the word begins (`warn` for `warning`).
 */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  const typed = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const gap = Math.min(distance(typed, candidate.toLowerCase()), distance(spoken(typed), spoken(candidate.toLowerCase())));
    if (gap < bestDistance) [best, bestDistance] = [candidate, gap];
  }
  // A shortened name is far from its full form by edit distance, yet plainly meant it.
  return best ?? (typed.length >= 3 ? candidates.find((candidate) => candidate.toLowerCase().startsWith(typed)) : undefined);
}

/**
 * A word as it would be misspelt: `ph` written `f` as German, Spanish or Dutch write it (`fotos`
 * for `photo`), a plural `s` dropped (`licences`), `_` for `-`.
 */
function spoken(word: string): string {
  return word.replaceAll('ph', 'f').replaceAll('_', '-').replace(/s$/, '');
}

/** "; did you mean `x`?" for the nearest candidate, or nothing. */
export function suggest(word: string, candidates: readonly string[]): string {
  const best = nearest(word, candidates);
  return best === undefined ? '' : `; did you mean \`${best}\`?`;
}

/** `a`, `a or b`, `a, b or c`: a short list of choices as a sentence says them. */
export function listOr(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}
