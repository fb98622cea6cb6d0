import { createHash } from 'node:crypto';
import { normaliseOwner } from '../detect/owners.js';
import { KeywordSearch } from '../detect/prefilter/keywords.js';
import type { RegionKind } from '../document/region.js';
import { type CreditNames, creditNamesOf } from './credit-names.js';
import { branchLiterals, type Score } from './literals.js';
import { branchesOf, compilePattern, type Pattern } from './pattern.js';
import type { ContentKind, ExclusionSpec, HolderSpec, SignalType } from './schema.js';
import { snapshotLiterals } from './snapshot.js';

/** A signal ready to run: its pattern compiled, its holder's exclusions joined to its own. */
export interface CompiledSignal {
  holder: string;
  id: string;
  type: SignalType;
  kind: ContentKind;
  strength: 'strong' | 'weak';
  regions: ReadonlySet<RegionKind>;
  fields: ReadonlySet<string> | undefined;
  /** The languages of the pages the signal is looked for on; every page's when undefined. */
  lang: ReadonlySet<string> | undefined;
  pattern: Pattern;
  exclusions: readonly CompiledExclusion[];
  /**
   * Strings one of which every hit contains, spelled as the pattern spells them (lower case where
   * it ignores case); undefined when the pattern names none.
   */
  literals: readonly string[] | undefined;
  ignoreCase: boolean;
}

export interface CompiledExclusion {
  pattern: Pattern;
  reason: ExclusionSpec['reason'];
  /** The region kinds it holds in; every kind when undefined. */
  regions: ReadonlySet<RegionKind> | undefined;
}

/** The catalogue as detectors use it. */
export interface Catalogue {
  holders: ReadonlyMap<string, HolderSpec>;
  signals: readonly CompiledSignal[];
  /** Which signals a region's text can match, from the literals it holds. */
  gate: SignalGate;
  /** Every holder's name and aliases, normalised as notice owners are (for telling a notice's owner). */
  ownerNames: readonly string[];
  /** Each holder's name words, the distinctive ones first ("zuma", then "press", which many names share). */
  nameWords: ReadonlyMap<string, NameWords>;
  /** Every holder's names as credit and source lines write them. */
  creditNames: CreditNames;
  /** Each holder's own exclusions (citations, collisions), which every finding of it must pass. */
  exclusions: ReadonlyMap<string, readonly CompiledExclusion[]>;
}

/** A holder's name words: those no other holder's names share, and the rest. */
export interface NameWords {
  distinctive: readonly string[];
  shared: readonly string[];
}

/**
 * One search for every signal's literals: a region is matched only against the signals whose
 * literals it holds (and those that name none), instead of against the whole catalogue.
 */
export interface SignalGate {
  /** All literals, lower case, found in any case: it reports each occurrence, nested ones too. */
  search: KeywordSearch;
  /**
   * For each literal (by its index in the search), the signals that require it, each with the
   * spelling the text must have there (none where the signal ignores case).
   */
  admits: ReadonlyArray<ReadonlyArray<{ signal: number; spelling: string | undefined }>>;
  /** Signals with no literal: always tried. */
  ungated: readonly number[];
}

/** A holder and the file it was read from. */
export interface HolderEntry {
  spec: HolderSpec;
  file: string;
}

/** Compiles validated holders. Their patterns were checked when loaded, so compiling cannot fail. */
export function compileCatalogue(entries: readonly HolderEntry[]): Catalogue {
  const specs = entries.map((entry) => entry.spec);
  const signals: CompiledSignal[] = [];
  const nameWords = distinctiveNameWords(specs);
  const exclusions = new Map<string, readonly CompiledExclusion[]>();
  for (const { spec: holder } of entries) {
    const compileExclusion = (spec: ExclusionSpec): CompiledExclusion => ({
      pattern: compilePattern(spec),
      reason: spec.reason,
      regions: spec.regions ? new Set(spec.regions) : undefined,
    });
    const shared = holder.exclude.map(compileExclusion);
    exclusions.set(holder.id, shared);
    const words = nameWords.get(holder.id);
    for (const signal of holder.signals) {
      signals.push({
        holder: holder.id,
        id: signal.id,
        type: signal.type,
        kind: signal.kind,
        strength: signal.strength,
        regions: new Set(signal.regions),
        fields: signal.fields ? new Set(signal.fields.map((f) => f.toLowerCase())) : undefined,
        lang: signal.lang ? new Set(signal.lang) : undefined,
        pattern: compilePattern(signal),
        exclusions: [...shared, ...signal.exclude.map(compileExclusion)],
        literals: literalsOf(signal, words),
        ignoreCase: signal.ignoreCase,
      });
    }
  }
  const ownerNames = specs.flatMap((h) => [h.name, ...h.aliases]).map(normaliseOwner).filter((name) => name !== '');
  return { holders: new Map(specs.map((h) => [h.id, h])), signals, gate: buildGate(signals), ownerNames, nameWords, creditNames: creditNamesOf(specs), exclusions };
}

function buildGate(signals: readonly CompiledSignal[]): SignalGate {
  const owners = new Map<string, Array<{ signal: number; spelling: string | undefined }>>();
  const ungated: number[] = [];
  signals.forEach((signal, index) => {
    if (!signal.literals) ungated.push(index);
    for (const literal of signal.literals ?? []) {
      const key = literal.toLowerCase();
      owners.set(key, [...(owners.get(key) ?? []), { signal: index, spelling: signal.ignoreCase ? undefined : literal }]);
    }
  });
  return { search: new KeywordSearch([...owners.keys()], { caseless: true }), admits: [...owners.values()], ungated };
}

/** What a signal's literals are worked out from: its pattern (what follows a match is no part of it). */
type LiteralSource = Pick<HolderSpec['signals'][number], 'pattern' | 'ignoreCase'>;

function patternLiterals(signal: LiteralSource, words: NameWords | undefined): string[] | undefined {
  const sources = branchesOf({ pattern: signal.pattern, ignoreCase: signal.ignoreCase }).map((branch) => branch.pattern);
  return branchLiterals(sources, { score: namingScore(words), ignoreCase: signal.ignoreCase });
}

/**
 * A signal's literals. The analysis takes a tenth of a second for the shipped catalogue as a run
 * starts, so the build works them out beforehand (`literalsTable`); they are taken from there
 * where the pattern, its flag and its holder's name words are the same, as they then must be.
 */
function literalsOf(signal: LiteralSource, words: NameWords | undefined): string[] | undefined {
  const known = snapshotLiterals(literalsKey(signal, words));
  return known === undefined ? patternLiterals(signal, words) : (known ?? undefined);
}

/** The literals of every signal of these holders, by `literalsKey` (null where a pattern names none). */
export function literalsTable(entries: readonly HolderEntry[]): Record<string, string[] | null> {
  const nameWords = distinctiveNameWords(entries.map((entry) => entry.spec));
  const table: Record<string, string[] | null> = {};
  for (const { spec } of entries) {
    const words = nameWords.get(spec.id);
    for (const signal of spec.signals) {
      table[literalsKey(signal, words)] = patternLiterals(signal, words) ?? null;
    }
  }
  return table;
}

/** Every pattern of a holder: its exclusions, its signals, and their exclusions. */
export function patternsOf(spec: HolderSpec): Array<ExclusionSpec | HolderSpec['signals'][number]> {
  return [...spec.exclude, ...spec.signals, ...spec.signals.flatMap((signal) => signal.exclude)];
}

/** What a signal's literals depend on: its pattern and flag, and its holder's name words (by which they are chosen). */
function literalsKey({ pattern, ignoreCase }: LiteralSource, words: NameWords | undefined): string {
  return createHash('sha256').update(JSON.stringify([pattern, ignoreCase, words ?? null])).digest('hex');
}

/** The words of each holder's names, split into those no other holder's names share and the rest. */
function distinctiveNameWords(specs: readonly HolderSpec[]): Catalogue['nameWords'] {
  const wordsOf = (holder: HolderSpec): string[] => [
    ...new Set([holder.name, ...holder.aliases].flatMap((name) => name.toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) ?? [])),
  ];
  const holdersOf = new Map<string, number>();
  for (const holder of specs) for (const word of wordsOf(holder)) holdersOf.set(word, (holdersOf.get(word) ?? 0) + 1);
  return new Map(specs.map((holder) => {
    const words = wordsOf(holder);
    return [holder.id, { distinctive: words.filter((w) => holdersOf.get(w) === 1), shared: words.filter((w) => holdersOf.get(w) !== 1) }];
  }));
}

/**
 * Prefers literals that name the holder, distinctively best ("zuma" over "press" over "video"):
 * they are rarer in pages that do not carry its content, so the prefilter lets fewer pages through.
 */
function namingScore(words: NameWords | undefined): Score {
  const bonus = (literal: string): number => {
    const inLiteral = new Set(literal.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
    return words?.distinctive.some((w) => inLiteral.has(w)) ? 200 : words?.shared.some((w) => inLiteral.has(w)) ? 100 : 0;
  };
  return (literals) => Math.min(...literals.map((l) => bonus(l) + l.length));
}

