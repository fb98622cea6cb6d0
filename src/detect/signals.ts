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
    for (const index of admittedSignals(region.text, catalogue.gate)) {
      const signal = catalogue.signals[index] as CompiledSignal;
      if (!appliesTo(signal, region)) continue;
      for (const match of signal.pattern.matchAll(region.text)) {
        const from = match.index;
        const to = from + match[0].length;
        if (to === from || isExcluded(region.text, from, to, signal.exclusions)) continue;
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
 * signal requires cannot match it.
 */
function admittedSignals(text: string, gate: SignalGate): number[] {
  const admitted = new Set(gate.ungated);
  gate.search.search(text.toLowerCase(), (literal) => {
    for (const index of gate.admits[literal] ?? []) admitted.add(index);
    return false;
  });
  return [...admitted].sort((a, b) => a - b);
}

function appliesTo(signal: CompiledSignal, region: Region): boolean {
  const inRegion = signal.regions.has(region.kind) || (region.isLead === true && signal.regions.has('lead'));
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

function isExcluded(text: string, from: number, to: number, exclusions: readonly CompiledExclusion[]): boolean {
  return exclusions.some(({ pattern }) => {
    for (const match of pattern.matchAll(text)) {
      if (match.index < to && match.index + match[0].length > from) return true;
    }
    return false;
  });
}

function leadingSpace(text: string): number {
  return text.length - text.trimStart().length;
}
