/**
 * Inline expectations in fixture pages, written in HTML comments on the line before the line
 * they speak of (comments stack, so several may precede one line):
 *
 *   <!-- expect: unlicensed-content afp -->   a finding of this rule for this holder starts on the next line
 *   <!-- expect: unknown-notice -->           a finding of a rule that names no holder
 *   <!-- detect: afp/text -->                 the next line carries evidence of this holder and kind
 *   <!-- ok: afp -->                          the next line carries no evidence and no finding for afp
 *   <!-- suppressed: unlicensed-content afp --> like expect, for a finding a suppression accepts
 *
 * An annotation at the end of a line of content speaks of that line (for a line right under a
 * `rightslint-disable-next-line` comment, which must not be pushed down by an annotation).
 * `@N` after the holder (or after the rule, for rules without one) pins the 1-based column.
 */
export interface Annotation {
  verb: 'expect' | 'suppressed' | 'detect' | 'ok';
  rule?: string;
  holder?: string;
  kind?: string;
  line: number;
  column?: number;
  /** Where the annotation itself stands, for failure messages. */
  annotationLine: number;
}

const COMMENT = /<!--\s*(expect|suppressed|detect|ok):\s*(.*?)\s*-->/g;

export function parseAnnotations(source: string): Annotation[] {
  const lines = source.split(/\r?\n/);
  const annotations: Annotation[] = [];
  const pending: Array<Omit<Annotation, 'line'>> = [];
  lines.forEach((text, index) => {
    const found = [...text.matchAll(COMMENT)];
    const isOnlyAnnotations = found.length > 0 && text.replace(COMMENT, '').trim() === '';
    for (const match of found) pending.push(parseOne(match[1] as Annotation['verb'], match[2] as string, index + 1));
    if (isOnlyAnnotations) return;
    for (const annotation of pending.splice(0)) annotations.push({ ...annotation, line: index + 1 });
  });
  if (pending.length > 0) throw new Error(`Annotation on line ${pending[0]?.annotationLine} has no line after it`);
  return annotations;
}

function parseOne(verb: Annotation['verb'], body: string, annotationLine: number): Omit<Annotation, 'line'> {
  const words = body.split(/\s+/).filter(Boolean);
  const last = words.at(-1) ?? '';
  const at = /@(\d+)$/.exec(last);
  if (at) words[words.length - 1] = last.slice(0, at.index);
  const column = at ? Number(at[1]) : undefined;
  const base = { verb, annotationLine, ...(column ? { column } : {}) };
  if (verb === 'expect' || verb === 'suppressed') {
    const [rule, holder] = words;
    if (!rule) throw new Error(`Line ${annotationLine}: \`${verb}:\` needs a rule id`);
    return { ...base, rule, ...(holder ? { holder } : {}) };
  }
  const [target] = words;
  if (!target) throw new Error(`Line ${annotationLine}: \`${verb}:\` needs a holder`);
  const [holder, kind] = target.split('/');
  return { ...base, holder: holder as string, ...(kind ? { kind } : {}) };
}
