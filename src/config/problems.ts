import { PolicyError, type Problem } from '../errors.js';

/** A problem with the line of YAML it is about, quoted as Vale quotes a config error. */
export interface QuotedProblem extends Problem {
  /** The offending line, numbered, with a caret line under the node. */
  excerpt?: string;
}

// A quote longer than this is cut: a minified flow mapping on one line says nothing more at 300 columns.
const MAX_QUOTE = 120;

/**
 * The line holding `start`, numbered, over a caret line marking `start` to `end` (at least one
 * caret, never past the line's end). Undefined for a position past the text (an empty file).
 */
export function excerpt(text: string, lineStart: number, start: number, end: number, line: number): string | undefined {
  const lineEnd = text.slice(lineStart).search(/\r?\n|$/) + lineStart;
  const source = text.slice(lineStart, lineEnd);
  if (source.trim() === '') return undefined;
  const column = start - lineStart;
  if (column >= MAX_QUOTE) return undefined;
  const shown = source.length > MAX_QUOTE ? `${source.slice(0, MAX_QUOTE)}…` : source;
  const width = Math.max(1, Math.min(end, lineEnd, lineStart + MAX_QUOTE) - start);
  // Tabs stay tabs under the quote, so the carets line up whatever the terminal's tab width.
  const pad = source.slice(0, column).replace(/[^\t]/g, ' ');
  const gutter = ' '.repeat(String(line).length);
  return `  ${line} | ${shown}\n  ${gutter} | ${pad}${'^'.repeat(width)}`;
}

/** Problems in reading order: by file, then line, then column; the same problem twice once. */
export function sortProblems<T extends Problem>(problems: readonly T[]): T[] {
  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    const key = `${p.file}\0${p.line}\0${p.column}\0${p.field}\0${p.message}`;
    return !seen.has(key) && seen.add(key) !== undefined;
  });
  // Plain code-unit order, not localeCompare: the same order on every machine.
  const byFile = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return unique.sort((a, b) => byFile(a.file, b.file) || a.line - b.line || a.column - b.column);
}

/**
 * One PolicyError for every problem found, sorted, its message quoting the YAML line under each
 * `file:line:column: field message` line (the line format callers and CI annotations parse).
 */
export function policyError(problems: readonly QuotedProblem[]): PolicyError {
  const sorted = sortProblems(problems);
  const error = new PolicyError(sorted);
  // PolicyError writes one line per problem; the quotes go under them, so those lines stay as they were.
  const lines = error.message.split('\n');
  if (lines.length === sorted.length) {
    error.message = lines.map((line, i) => (sorted[i]?.excerpt ? `${line}\n${sorted[i].excerpt}` : line)).join('\n');
  }
  return error;
}
