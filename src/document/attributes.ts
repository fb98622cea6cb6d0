/** Where an attribute's value stands in the source of a start tag. */
export interface AttributeSpan {
  start: number;
  end: number;
}

const NAME_END = /[\s/>=]/;

/**
 * Finds the value of attribute `name` in the start tag beginning at `tagStart`, by tokenising the
 * tag as the HTML tokenizer does (quoted, unquoted and valueless attributes). The syntax tree
 * keeps element positions only, and an alt text or meta content must point at its own column.
 */
export function locateAttribute(source: string, tagStart: number, name: string): AttributeSpan | undefined {
  let i = tagStart + 1;
  while (i < source.length && !NAME_END.test(source[i] as string)) i++;
  const wanted = name.toLowerCase();
  while (i < source.length) {
    while (i < source.length && /[\s/]/.test(source[i] as string)) i++;
    if (i >= source.length || source[i] === '>') return undefined;
    const nameStart = i;
    while (i < source.length && !NAME_END.test(source[i] as string)) i++;
    const attribute = source.slice(nameStart, i).toLowerCase();
    while (i < source.length && /\s/.test(source[i] as string)) i++;
    if (source[i] !== '=') {
      if (attribute === '') i++;
      continue;
    }
    i++;
    while (i < source.length && /\s/.test(source[i] as string)) i++;
    const quote = source[i];
    let span: AttributeSpan;
    if (quote === '"' || quote === "'") {
      const close = source.indexOf(quote, i + 1);
      const end = close === -1 ? source.length : close;
      span = { start: i + 1, end };
      i = end + 1;
    } else {
      const start = i;
      while (i < source.length && !/[\s>]/.test(source[i] as string)) i++;
      span = { start, end: i };
    }
    if (attribute === wanted) return span;
  }
  return undefined;
}
