/** Where an attribute's value stands in the source of a start tag. */
export interface AttributeSpan {
  start: number;
  end: number;
}

// Runs of characters the tag's tokens are made of, skipped by one search each (not a test a character).
const NAME = /[^\s/>=]*/y;
const SPACE_OR_SLASH = /[\s/]*/y;
const SPACE = /\s*/y;
const UNQUOTED_VALUE = /[^\s>]*/y;

/**
 * Finds the value of attribute `name` in the start tag beginning at `tagStart`, by tokenising the
 * tag as the HTML tokenizer does (quoted, unquoted and valueless attributes). The syntax tree
 * keeps element positions only, and an alt text or meta content must point at its own column.
 */
export function locateAttribute(source: string, tagStart: number, name: string): AttributeSpan | undefined {
  let i = skip(NAME, source, tagStart + 1);
  const wanted = name.toLowerCase();
  while (i < source.length) {
    i = skip(SPACE_OR_SLASH, source, i);
    if (i >= source.length || source[i] === '>') return undefined;
    const nameStart = i;
    i = skip(NAME, source, i);
    const attribute = source.slice(nameStart, i).toLowerCase();
    i = skip(SPACE, source, i);
    if (source[i] !== '=') {
      if (attribute === '') i++;
      continue;
    }
    i = skip(SPACE, source, i + 1);
    const quote = source[i];
    let span: AttributeSpan;
    if (quote === '"' || quote === "'") {
      const close = source.indexOf(quote, i + 1);
      const end = close === -1 ? source.length : close;
      span = { start: i + 1, end };
      i = end + 1;
    } else {
      const start = i;
      i = skip(UNQUOTED_VALUE, source, i);
      span = { start, end: i };
    }
    if (attribute === wanted) return span;
  }
  return undefined;
}

/** Where the run of `pattern` (sticky, matching the empty string too) that starts at `at` ends. */
function skip(pattern: RegExp, source: string, at: number): number {
  if (at >= source.length) return at;
  pattern.lastIndex = at;
  pattern.test(source);
  return pattern.lastIndex;
}
