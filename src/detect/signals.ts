import type { Catalogue, CompiledExclusion, CompiledSignal, SignalGate } from '../catalogue/compile.js';
import type { Region } from '../document/region.js';
import type { Evidence } from './evidence.js';
import { findRestrictions } from './restrictions.js';

/**
 * Runs every catalogue signal over the regions it may appear in. A hit that overlaps a match of
 * one of its exclusions (a citation such as "told AFP", a collision such as "AP Biology") is not
 * evidence. Hits are returned in source order.
 */
export function findEvidence(regions: readonly Region[], catalogue: Catalogue): Evidence[] {
  const evidence: Evidence[] = [];
  for (const region of regions) {
    let restrictions: string[] | undefined;
    // Each exclusion is run over a region once, however many hits it is asked about.
    let excluded: Map<CompiledExclusion, Span[]> | undefined;
    for (const index of admittedSignals(region.text, catalogue.gate)) {
      const signal = catalogue.signals[index] as CompiledSignal;
      if (!appliesTo(signal, region)) continue;
      for (const match of signal.pattern.matchAll(region.text)) {
        const from = match.index;
        const to = from + match[0].length;
        if (to === from || isExcluded(region.text, from, to, signal.exclusions, (excluded ??= new Map()))) continue;
        if (signal.type === 'credit') restrictions ??= findRestrictions(region.text);
        evidence.push({
          holder: signal.holder,
          signal: `${signal.holder}/${signal.id}`,
          type: signal.type,
          kind: signal.kind,
          strength: signal.strength,
          region: region.kind,
          ...(region.field ? { field: region.field } : {}),
          text: match[0].trim(),
          start: region.offsets[from + leadingSpace(match[0])] ?? 0,
          end: (region.offsets[to - 1] ?? 0) + 1,
          ...(signal.type === 'credit' && restrictions?.length ? { restrictions } : {}),
        });
      }
    }
  }
  return evidence.sort((a, b) => a.start - b.start || a.holder.localeCompare(b.holder));
}

/**
 * The signals a text may match, in catalogue order: a region holding none of the literals a
 * signal requires, spelled as it requires them, cannot match it. Most regions hold none, and get
 * the ungated signals as they are.
 */
function admittedSignals(text: string, gate: SignalGate): readonly number[] {
  let admitted: Set<number> | undefined;
  const lower = text.toLowerCase();
  // Lower case keeps every offset but where a letter becomes two (İ): there spellings go unchecked.
  const isAligned = lower.length === text.length;
  gate.search.search(lower, (literal, start) => {
    for (const { signal, spelling } of gate.admits[literal] ?? []) {
      if (spelling === undefined || !isAligned || text.startsWith(spelling, start)) (admitted ??= new Set(gate.ungated)).add(signal);
    }
    return false;
  });
  return admitted ? [...admitted].sort((a, b) => a - b) : gate.ungated;
}

/**
 * Whether a signal is looked for in a region: in the kinds it names; `lead` signals at the start
 * of every body block; and body signals in small print inside the story too (a trailer or
 * sign-off set in `<small>` or a copyright-styled element is still the story's).
 */
function appliesTo(signal: CompiledSignal, region: Region): boolean {
  const { kind } = region;
  const inRegion = signal.regions.has(kind)
    || (kind === 'body' && signal.regions.has('lead'))
    || (kind === 'footer' && region.isInStory === true && signal.regions.has('body'));
  if (!inRegion) return false;
  if (!signal.fields) return true;
  return region.field !== undefined && [...signal.fields].some((field) => isWithin(field, region.field as string));
}

/**
 * Whether a field names the region's field or a part of its path: `author` takes `author.name`,
 * `creditText` takes `image.creditText`, as JSON-LD nests the same properties at many depths.
 */
function isWithin(field: string, path: string): boolean {
  const wanted = field.split('.');
  const segments = path.toLowerCase().split('.');
  for (let i = 0; i + wanted.length <= segments.length; i++) {
    if (wanted.every((segment, j) => segments[i + j] === segment)) return true;
  }
  return false;
}

/** Where a pattern matched, from `start` to `end`. */
interface Span {
  start: number;
  end: number;
}

/**
 * Whether the hit from `from` to `to` overlaps a match of one of the exclusions. Their matches
 * are found once a region (in `matched`) and, as they follow one another, the one that could
 * overlap is found by halving: many hits against many matches cost about their sum, not their product.
 */
function isExcluded(text: string, from: number, to: number, exclusions: readonly CompiledExclusion[], matched: Map<CompiledExclusion, Span[]>): boolean {
  return exclusions.some((exclusion) => {
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
    return span !== undefined && span.start < to;
  });
}

function leadingSpace(text: string): number {
  return text.length - text.trimStart().length;
}
