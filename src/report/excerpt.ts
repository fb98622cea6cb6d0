import { location } from 'vfile-location';

/** Where a piece of evidence stands: 1-based lines and columns, the end column exclusive. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Evidence in its context: the page's text before it, the evidence itself and what follows, cut to a readable width. */
export interface Excerpt {
  /** The line the excerpt starts on. */
  line: number;
  before: string;
  match: string;
  after: string;
}

/** Characters shown either side of the evidence: a minified page is one line of megabytes. */
const CONTEXT = 120;
/** The longest evidence shown whole; a longer one keeps its two ends. */
const LONGEST_MATCH = 400;

/**
 * Excerpts of one page: for each span, the lines of `text` around it, the span's text apart so a
 * report can highlight it; undefined when the span does not lie in the text (the page changed
 * since it was checked). Lines and columns are read by vfile-location, which made them.
 */
export function pageExcerpts(text: string): (span: Span) => Excerpt | undefined {
  const place = location(text);
  // Where a line ends: at its line feed, or at the end of the text.
  const lineEnd = (line: number) => (place.toOffset({ line: line + 1, column: 1 }) ?? text.length + 1) - 1;
  return (span) => {
    const start = place.toOffset({ line: span.line, column: span.column });
    const end = place.toOffset({ line: span.endLine, column: span.endColumn });
    if (start === undefined || end === undefined || end < start) return undefined;
    // The line before the evidence and the rest of its last line, each cut to CONTEXT characters.
    const firstLine = Math.max(1, span.line - 1);
    const contextStart = place.toOffset({ line: firstLine, column: 1 }) as number;
    const beforeStart = Math.max(contextStart, start - CONTEXT);
    const stop = lineEnd(span.endLine);
    const afterEnd = Math.min(stop, end + CONTEXT);
    const match = text.slice(start, end);
    const before = text.slice(beforeStart, start);
    return {
      line: span.line - (before.split('\n').length - 1),
      before: (beforeStart > contextStart ? '…' : '') + before,
      match: match.length > LONGEST_MATCH ? `${match.slice(0, LONGEST_MATCH / 2)} … ${match.slice(-LONGEST_MATCH / 2)}` : match,
      after: text.slice(end, afterEnd).replace(/\r$/, '') + (afterEnd < stop ? '…' : ''),
    };
  };
}
