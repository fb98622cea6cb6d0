import type { RegionKind } from '../document/region.js';
import { requiredLiterals, type Score } from './literals.js';
import type { ContentKind, ExclusionSpec, HolderSpec, SignalType } from './schema.js';

/** A signal ready to run: its pattern compiled, its holder's exclusions joined to its own. */
export interface CompiledSignal {
  holder: string;
  id: string;
  type: SignalType;
  kind: ContentKind;
  strength: 'strong' | 'weak';
  regions: ReadonlySet<RegionKind>;
  fields: ReadonlySet<string> | undefined;
  pattern: RegExp;
  exclusions: readonly CompiledExclusion[];
  /** Lower-case strings one of which every hit contains; undefined when the pattern names none. */
  literals: readonly string[] | undefined;
}

export interface CompiledExclusion {
  pattern: RegExp;
  reason: ExclusionSpec['reason'];
}

/** The catalogue as detectors use it. */
export interface Catalogue {
  holders: ReadonlyMap<string, HolderSpec>;
  signals: readonly CompiledSignal[];
}

/** Compiles validated holder specs. Patterns were checked by the schema, so compiling cannot fail. */
export function compileCatalogue(specs: readonly HolderSpec[]): Catalogue {
  const signals: CompiledSignal[] = [];
  for (const holder of specs) {
    const shared = holder.exclude.map(compileExclusion);
    const score = namingScore(holder);
    for (const signal of holder.signals) {
      signals.push({
        holder: holder.id,
        id: signal.id,
        type: signal.type,
        kind: signal.kind,
        strength: signal.strength,
        regions: new Set(signal.regions),
        fields: signal.fields ? new Set(signal.fields.map((f) => f.toLowerCase())) : undefined,
        pattern: new RegExp(signal.pattern, signal.ignoreCase ? 'giu' : 'gu'),
        exclusions: [...shared, ...signal.exclude.map(compileExclusion)],
        literals: requiredLiterals(signal.pattern, score),
      });
    }
  }
  return { holders: new Map(specs.map((h) => [h.id, h])), signals };
}

/** The words of a holder's names: what its literals should rather contain. */
export function nameWords(holder: HolderSpec): string[] {
  return [holder.name, ...holder.aliases].flatMap((name) => name.toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) ?? []);
}

/**
 * Prefers literals that name the holder ("afp" over "with files from "): they are rarer in pages
 * that do not carry its content, so the prefilter lets fewer pages through.
 */
function namingScore(holder: HolderSpec): Score {
  const words = nameWords(holder);
  return (literals) => Math.min(...literals.map((l) => (words.some((w) => l.includes(w)) ? 100 : 0) + l.length));
}

function compileExclusion(spec: ExclusionSpec): CompiledExclusion {
  return { pattern: new RegExp(spec.pattern, spec.ignoreCase ? 'giu' : 'gu'), reason: spec.reason };
}
