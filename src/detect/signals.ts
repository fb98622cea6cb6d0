import type { Catalogue, CompiledSignal, SignalGate } from '../catalogue/compile.js';
import { holdersNamed } from '../catalogue/credit-names.js';
import type { ContentKind } from '../catalogue/schema.js';
import type { Region } from '../document/region.js';
import { ATTRIBUTE_KINDS, findCreditLines } from './credit-lines.js';
import { definesTerm } from './defined-terms.js';
import type { Evidence } from './evidence.js';
import { type ExclusionMatches, excludedBy, matchesIn } from './exclusions.js';
import { LEAD_IN } from './lines/datelines.js';
import { mediumOf } from './lines/parts.js';
import { MAX_CAPTION_UNDER_PICTURE } from './lines/picture-lines.js';
import { creditsStory } from './lines/reporting.js';
import { isSignOffPlace } from './lines/sign-offs.js';
import { findOrigins } from './origin.js';
import { findRestrictions } from './restrictions.js';
import type { Recorder } from './verdict.js';

/**
 * A page's evidence: every catalogue signal over the regions it may appear in (one for some
 * languages only on a page in one of them), and the holders that credit and source lines name
 * by their shape (credit-lines.ts) where no signal already
 * found that holder there, and the holders whose news sites the page names as its story's origin
 * (origin.ts). A hit that overlaps a match of one of its exclusions (a citation such
 * as "told AFP", a collision such as "AP Biology") is not evidence. Hits are in source order.
 * `trace`, when given, hears of every candidate and what became of it (see verdict.ts).
 */
export function findEvidence({ regions, lang }: PageText, catalogue: Catalogue, trace?: Recorder): Evidence[] {
  // Each exclusion is run over a region once, whichever detector asks, however many hits it is asked about.
  const exclusions = new Map<Region, ExclusionMatches>();
  const evidence = findSignals(regions, lang, catalogue, exclusions, trace).sort(inSourceOrder);
  const found = new Spans(evidence);
  const lines = findCreditLines(regions, catalogue, { exclusions, known: (item) => found.overlapping(item), ...(trace ? { trace } : {}) });
  return [...evidence, ...lines, ...findOrigins(regions, catalogue, trace)].sort(inSourceOrder);
}

function inSourceOrder(a: Evidence, b: Evidence): number {
  return a.start - b.start || a.holder.localeCompare(b.holder);
}

/**
 * Where each holder's evidence stands, to tell in a few steps whether a span overlaps some of it
 * (a hostile page has a hundred thousand hits): by start, with the furthest end reached so far.
 */
class Spans {
  readonly #byHolder = new Map<string, { items: Evidence[]; starts: number[]; reach: number[] }>();

  /** `evidence` in source order. */
  constructor(evidence: readonly Evidence[]) {
    for (const item of evidence) {
      let spans = this.#byHolder.get(item.holder);
      if (!spans) this.#byHolder.set(item.holder, (spans = { items: [], starts: [], reach: [] }));
      spans.reach.push(Math.max(item.end, spans.reach.at(-1) ?? item.end));
      spans.starts.push(item.start);
      spans.items.push(item);
    }
  }

  /** The last of the holder's evidence that overlaps `item`, if any. */
  overlapping(item: Evidence): Evidence | undefined {
    const spans = this.#byHolder.get(item.holder);
    if (!spans) return undefined;
    // The spans that start before `item` ends, back to the first that cannot reach it.
    for (let i = startingBefore(spans.starts, item.end) - 1; i >= 0 && (spans.reach[i] as number) > item.start; i--) {
      if ((spans.items[i] as Evidence).end > item.start) return spans.items[i];
    }
    return undefined;
  }
}

/** How many of the sorted `starts` are before `end`. */
function startingBefore(starts: readonly number[], end: number): number {
  let [low, high] = [0, starts.length];
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((starts[middle] as number) < end) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** What evidence is looked for in: a page's regions, and its language (see `lang` of a signal). */
export interface PageText {
  regions: readonly Region[];
  lang?: string | undefined;
}

/** Every catalogue signal's hits in the regions it may appear in, on a page in language `lang`. */
function findSignals(regions: readonly Region[], lang: string | undefined, catalogue: Catalogue, exclusions: Map<Region, ExclusionMatches>, trace: Recorder | undefined): Evidence[] {
  const evidence: Evidence[] = [];
  // The block of text before the one read, in the page's flow (attributes and metadata stand beside
  // it), and the region right before that block.
  let previous: Region | undefined;
  let abovePrevious: Region | undefined;
  for (const [i, region] of regions.entries()) {
    const [before, aboveBefore] = [previous, abovePrevious];
    if (!ATTRIBUTE_KINDS.has(region.kind)) [previous, abovePrevious] = [region, regions[i - 1]];
    let restrictions: string[] | undefined;
    let picture: boolean | undefined;
    let storyCredit: boolean | undefined;
    let excluded: ExclusionMatches | undefined;
    const leadIn = region.kind === 'body' ? LEAD_INTO.exec(region.text)?.[0].length ?? 0 : 0;
    for (const index of admittedSignals(region.text, catalogue.gate)) {
      const signal = catalogue.signals[index] as CompiledSignal;
      if (!appliesTo(signal, region) || (signal.lang && !(lang && signal.lang.has(lang)))) continue;
      // A lead opens its block after what is set before it: a quote's marks, a kicker (see LEAD_IN).
      const shift = leadIn > 0 && !signal.regions.has('body') ? leadIn : 0;
      for (const match of signal.pattern.matchAll(shift > 0 ? region.text.slice(shift) : region.text)) {
        const from = shift + match.index;
        const to = from + match[0].length;
        if (to === from) continue;
        // A name that is its block's whole text, unbracketed ("dpa", "KNA"), signs a story off only
        // after a paragraph that ends a sentence: in a table's cell or a list it abbreviates.
        // Nor is an abbreviation in brackets right after the words it abbreviates (see defined-terms.ts).
        if ((signal.type === 'trailer' && region.kind === 'body' && isBareName(region.text, from, to, signal.holder, catalogue) && !isSignOffPlace(before, aboveBefore)) || definesTerm(region.text, from, to, signal.holder, catalogue)) {
          trace?.(signalHit(signal, region, match[0], from, to, undefined), { kept: false, why: 'excluded', reason: 'collision', text: match[0].trim() }, region);
          continue;
        }
        const exclusion = excludedBy(region, from, to, signal.exclusions, (excluded ??= matchesIn(exclusions, region)));
        if (exclusion) {
          if (trace) {
            const text = region.text.slice(exclusion.start, exclusion.end).trim();
            trace(signalHit(signal, region, match[0], from, to, undefined), { kept: false, why: 'excluded', reason: exclusion.exclusion.reason, text }, region);
          }
          continue;
        }
        if (signal.type === 'credit') restrictions ??= findRestrictions(region.text);
        const item = signalHit(signal, region, match[0], from, to, signal.type === 'credit' ? restrictions : undefined);
        const kinds = catalogue.holders.get(signal.holder)?.kinds ?? [];
        // Text that credits a picture ("© AFP" or "(dpa)" as its caption) proves the picture, as
        // does what a picture's own metadata names (a JSON-LD ImageObject's copyrightNotice); a
        // dateline that opens a line of story text under an image starts the story.
        const isPictureCredit = region.isPicture === true
          || (signal.type !== 'metadata' && !(signal.type === 'dateline' && opensStory(region.text, to)) && (picture ??= creditsPicture(region, regions[i - 1])));
        if (item.kind === 'text' && isPictureCredit && kinds.includes('photo')) item.kind = 'photo';
        // What a video's caption, credit or metadata names, it names as the video's source, as
        // does a picture credit after a label that names another medium ("Video: Europa Press"),
        // and a notice after a label that names one ("Fotos: © dpa (2), © privat (1)").
        const isLabelled = (item.kind === 'photo' && signal.type === 'credit') || (item.kind === 'text' && signal.type === 'notice');
        const medium = region.isVideo ? 'video' : isLabelled ? labelledMedium(region.text, from) : undefined;
        if (medium && item.kind !== medium && kinds.includes(medium)) item.kind = medium;
        // A picture credit's name in a block of credits worded as the story's ("With files from The
        // Canadian Press") credits the text.
        if (item.kind === 'photo' && signal.type === 'credit' && region.kind === 'credit' && kinds.includes('text') && (storyCredit ??= creditsStory(region.text))) item.kind = 'text';
        evidence.push(item);
        trace?.(item, { kept: true, why: 'matched' }, region);
      }
    }
  }
  return evidence;
}

const PICTURE_REGIONS = new Set<Region['kind']>(['caption', 'credit', 'alt']);

/** Whether the match from `from` to `to` is all of a block's text, and that is one of the holder's names, bare. */
function isBareName(text: string, from: number, to: number, holder: string, catalogue: Catalogue): boolean {
  return text.slice(0, from).trim() === '' && text.slice(to).trim() === '' && holdersNamed(text.trim(), catalogue.creditNames, 'any').includes(holder);
}
const LEAD_INTO = new RegExp(`^${LEAD_IN}`, 'u');
// A credit's label and what stands between it and the name: "Video: ", "Grafik: Name/".
const LABEL_BEFORE = /(?:^|[\s(|[])(\p{L}+)\s?:\s*(?:[^:|()]{0,60}?[/,]\s*)?$/u;
const LABEL_REACH = 80;

/** The medium that the label of a credit or notice naming a holder at `from` names, if any. */
function labelledMedium(text: string, from: number): ContentKind | undefined {
  // Only the stretch before the name is read: a page of a hundred thousand credits has as many hits.
  const before = text.slice(Math.max(0, from - LABEL_REACH), from);
  if (!before.includes(':')) return undefined;
  const label = LABEL_BEFORE.exec(before)?.[1];
  return label === undefined ? undefined : mediumOf(label);
}
// What must follow a dateline for the line to be story text: a few words, not a credit's name
// ("NEW YORK (AP) — A ferry sank ...", not "(dpa)"); fewer characters in a script that writes a
// word in one or two ("（法新社巴黎3日電）法國國會通過預算案").
const STORY_TEXT = /[\p{L}\p{N}][^]{19}|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}][^]{7}/u;

/** Whether the dateline ending at `end` opens a line of story text. */
function opensStory(text: string, end: number): boolean {
  return STORY_TEXT.test(text.slice(end, end + 100));
}

/** Whether a region credits a picture: a caption, a credit, an alt text, or a short line right under an image. */
function creditsPicture(region: Region, before: Region | undefined): boolean {
  if (PICTURE_REGIONS.has(region.kind)) return true;
  return region.kind === 'body' && region.text.length <= MAX_CAPTION_UNDER_PICTURE && (before?.kind === 'alt' || before?.kind === 'src');
}

/** The evidence a signal's match from `from` to `to` in a region's text makes. */
function signalHit(signal: CompiledSignal, region: Region, matched: string, from: number, to: number, restrictions: string[] | undefined): Evidence {
  return {
    holder: signal.holder,
    signal: `${signal.holder}/${signal.id}`,
    type: signal.type,
    kind: signal.kind,
    strength: signal.strength,
    region: region.kind,
    ...(region.field ? { field: region.field } : {}),
    ...(region.isAside ? { aside: true as const } : {}),
    text: matched.trim(),
    start: region.offsets[from + leadingSpace(matched)] ?? 0,
    end: (region.offsets[to - 1] ?? 0) + 1,
    ...(restrictions?.length ? { restrictions } : {}),
  };
}

/**
 * The signals a text may match, in catalogue order: a region holding none of the literals a
 * signal requires, spelled as it requires them, cannot match it. Most regions hold none, and get
 * the ungated signals as they are.
 */
function admittedSignals(text: string, gate: SignalGate): readonly number[] {
  let admitted: Set<number> | undefined;
  gate.search.search(text, (literal, start) => {
    for (const { signal, spelling } of gate.admits[literal] ?? []) {
      if (spelling === undefined || text.startsWith(spelling, start)) (admitted ??= new Set(gate.ungated)).add(signal);
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
