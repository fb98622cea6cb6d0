import type { Annotation } from './annotations.js';

/** A fact the checker produced, reduced to what annotations can say about it. */
export interface Observed {
  rule?: string;
  holder?: string;
  kind?: string;
  line: number;
  column: number;
  text: string;
}

/**
 * Holds what was observed against the annotations of one verb, strictly: every annotation must
 * be met, and every observation must be annotated. Returns readable mismatches, empty if none.
 */
export function compare(verb: 'expect' | 'suppressed' | 'detect', annotations: readonly Annotation[], observed: readonly Observed[]): string[] {
  const problems: string[] = [];
  const unmatched = [...observed];
  for (const annotation of annotations.filter((a) => a.verb === verb)) {
    const index = unmatched.findIndex((o) => matches(annotation, o));
    if (index === -1) problems.push(`line ${annotation.line}: expected ${describe(annotation)}, got nothing there`);
    else unmatched.splice(index, 1);
  }
  for (const annotation of annotations.filter((a) => a.verb === 'ok')) {
    for (const o of observed.filter((o) => o.line === annotation.line && o.holder === annotation.holder)) {
      problems.push(`line ${annotation.line}: expected nothing for ${annotation.holder}, got ${o.rule ?? o.holder} "${o.text}" at ${o.line}:${o.column}`);
    }
  }
  for (const o of unmatched) {
    const isOk = annotations.some((a) => a.verb === 'ok' && a.line === o.line && a.holder === o.holder);
    if (!isOk) problems.push(`line ${o.line}: unannotated ${verb === 'detect' ? 'evidence' : `${verb} ${o.rule}`} ${o.holder ?? ''}${o.kind ? `/${o.kind}` : ''} "${o.text}" at ${o.line}:${o.column}`);
  }
  return problems;
}

function matches(annotation: Annotation, o: Observed): boolean {
  if (annotation.line !== o.line) return false;
  if (annotation.column !== undefined && annotation.column !== o.column) return false;
  if (annotation.rule !== undefined && annotation.rule !== o.rule) return false;
  if (annotation.holder !== undefined && annotation.holder !== o.holder) return false;
  return annotation.kind === undefined || annotation.kind === o.kind;
}

function describe(annotation: Annotation): string {
  return [annotation.rule, annotation.holder && `${annotation.holder}${annotation.kind ? `/${annotation.kind}` : ''}`]
    .filter(Boolean)
    .join(' ') + (annotation.column ? ` at column ${annotation.column}` : '');
}
