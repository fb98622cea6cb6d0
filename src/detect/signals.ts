import type { Catalogue, CompiledSignal, SignalGate } from '../catalogue/compile.js';
import type { Region } from '../document/region.js';
import { findCreditLines } from './credit-lines.js';
import type { Evidence } from './evidence.js';
import { type ExclusionMatches, isExcluded } from './exclusions.js';
import { findRestrictions } from './restrictions.js';

/**
 * A page's evidence: every catalogue signal over the regions it may appear in, and the holders
 * that credit and source lines name by their shape (credit-lines.ts) where no signal already
 * found that holder there. A hit that overlaps a match of one of its exclusions (a citation such
 * as "told AFP", a collision such as "AP Biology") is not evidence. Hits are in source order.
 */
export function findEvidence(regions: readonly Region[], catalogue: Catalogue): Evidence[] {
  const evidence = findSignals(regions, catalogue).sort(inSourceOrder);
  const found = new Spans(evidence);
  const seen = new Set<string>();
  for (const item of findCreditLines(regions, catalogue)) {
    const key = `${item.holder}:${item.kind}:${item.start}:${item.end}`;
    if (seen.has(key) || found.overlaps(item)) continue;
    seen.add(key);
    evidence.push(item);
  }
  return evidence.sort(inSourceOrder);
}

function inSourceOrder(a: Evidence, b: Evidence): number {
  return a.start - b.start || a.holder.localeCompare(b.holder);
}

/**
 * Where each holder's evidence stands, to tell in a few steps whether a span overlaps some of it
 * (a hostile page has a hundred thousand hits): by start, with the furthest end reached so far.
 */
class Spans {
  readonly #byHolder = new Map<string, { starts: number[]; reach: number[] }>();

  /** `evidence` in source order. */
  constructor(evidence: readonly Evidence[]) {
    for (const { holder, start, end } of evidence) {
      let spans = this.#byHolder.get(holder);
      if (!spans) this.#byHolder.set(holder, (spans = { starts: [], reach: [] }));
      spans.reach.push(Math.max(end, spans.reach.at(-1) ?? end));
      spans.starts.push(start);
    }
  }

  overlaps({ holder, start, end }: Evidence): boolean {
    const spans = this.#byHolder.get(holder);
    if (!spans) return false;
    // The last span that starts before `end`: it, or one before it, reaches past `start` if any does.
    let [low, high] = [0, spans.starts.length];
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((spans.starts[middle] as number) < end) low = middle + 1;
      else high = middle;
    }
    return low > 0 && (spans.reach[low - 1] as number) > start;
  }
}

/** Every catalogue signal's hits in the regions it may appear in. */
function findSignals(regions: readonly Region[], catalogue: Catalogue): Evidence[] {
  const evidence: Evidence[] = [];
  for (const region of regions) {
    let restrictions: string[] | undefined;
    // Each exclusion is run over a region once, however many hits it is asked about.
    let excluded: ExclusionMatches | undefined;
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
          ...(region.isAside ? { aside: true as const } : {}),
          text: match[0].trim(),
          start: region.offsets[from + leadingSpace(match[0])] ?? 0,
          end: (region.offsets[to - 1] ?? 0) + 1,
          ...(signal.type === 'credit' && restrictions?.length ? { restrictions } : {}),
        });
      }
    }
  }
  return evidence;
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

function leadingSpace(text: string): number {
  return text.length - text.trimStart().length;
}
