import type { CompiledExclusion } from '../catalogue/compile.js';
import type { Region } from '../document/region.js';

/** Where a pattern matched, from `start` to `end`. */
interface Span {
  start: number;
  end: number;
}

/** The matches of exclusions in one text, found when first asked for. */
export type ExclusionMatches = Map<CompiledExclusion, Span[]>;

/** The exclusion matches of one region in a page's memo of them, made when first asked for. */
export function matchesIn<Key>(memo: Map<Key, ExclusionMatches>, key: Key): ExclusionMatches {
  let matches = memo.get(key);
  if (!matches) memo.set(key, (matches = new Map()));
  return matches;
}

/** The exclusion a hit overlaps, and where in the text it matched. */
export interface ExclusionHit extends Span {
  exclusion: CompiledExclusion;
}

/**
 * The first of the exclusions that hold in the region and whose match overlaps the hit from
 * `from` to `to` in its text, or undefined: the hit is evidence then. Their matches are found once a region (in `matched`) and, as they
 * follow one another, the one that could overlap is found by halving: many hits against many
 * matches cost about their sum, not their product.
 */
export function excludedBy(region: Region, from: number, to: number, exclusions: readonly CompiledExclusion[], matched: ExclusionMatches): ExclusionHit | undefined {
  const { text } = region;
  for (const exclusion of exclusions) {
    if (exclusion.regions && !exclusion.regions.has(region.kind)) continue;
    let spans = matched.get(exclusion);
    if (!spans) matched.set(exclusion, (spans = Array.from(exclusion.pattern.matchAll(text), (m) => ({ start: m.index, end: m.index + m[0].length }))));
    // The first match that ends after the hit starts: the only one that can overlap it.
    let [low, high] = [0, spans.length];
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((spans[middle] as Span).end > from) high = middle;
      else low = middle + 1;
    }
    const span = spans[low];
    if (span !== undefined && span.start < to) return { exclusion, start: span.start, end: span.end };
  }
  return undefined;
}
