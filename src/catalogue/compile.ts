import type { RegionKind } from '../document/region.js';
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
      });
    }
  }
  return { holders: new Map(specs.map((h) => [h.id, h])), signals };
}

function compileExclusion(spec: ExclusionSpec): CompiledExclusion {
  return { pattern: new RegExp(spec.pattern, spec.ignoreCase ? 'giu' : 'gu'), reason: spec.reason };
}
