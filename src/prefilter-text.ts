// The part of an HTML page that regions can be read from, for the prefilter to search: text,
// the attributes regions are read from, and JSON-LD. Scripts, style sheets, comments and every
// other attribute (URLs, class names, tracking data) are dropped, so a holder's short name in
// `?from=tt.mm` or a script's `'ap'` does not send the page to the parser. Tags become `<>`,
// which the prefilter's phrases allow between words, so text on either side stays apart.
//
// The scan follows the HTML tokenizer where it drops text; where it is unsure (an unclosed
// script, a malformed comment) it keeps the text, so it can only keep more than a region holds.

/** Attributes some region is read from (document/hast-regions.ts, meta.ts). */
const REGION_ATTRIBUTE = /[\s/"'](alt|title|src|data-src|data-credit|data-copyright|data-photographer|data-caption|content)\s*=\s*(?:"([^"]*)|'([^']*)|([^\s>]*))/gi;
/** Elements whose content is raw text up to their end tag, dropped (script, style) or kept whole. */
const RAW_TEXT = /^(script|style|title|textarea|xmp|noembed|noframes|noscript|iframe)$/;
const TAG_NAME = /[a-zA-Z][^\s/>]*/y;
const JSON_LD = /\btype\s*=\s*["']?application\/ld\+json/i;

/** The region-bearing text of an HTML page, with every tag as `<>`. */
export function regionSource(html: string): string {
  const parts: string[] = [];
  const unclosed = new Set<string>();
  let at = 0;
  for (let i = html.indexOf('<'); i !== -1; i = html.indexOf('<', Math.max(i + 1, at))) {
    const markup = readMarkup(html, i, unclosed);
    // Nothing after an unclosed tag or comment can close: the rest is kept as text.
    if (markup === 'unclosed') break;
    if (!markup) continue;
    parts.push(html.slice(at, i), ...markup.keep);
    at = markup.end;
  }
  parts.push(html.slice(at));
  return parts.join('');
}

/** The markup starting at `i`: where it ends and what of it to keep; undefined when the `<` is text. */
function readMarkup(html: string, i: number, unclosed: Set<string>): { end: number; keep: string[] } | 'unclosed' | undefined {
  if (html.startsWith('<!--', i)) {
    const end = commentEnd(html, i);
    return end === -1 ? 'unclosed' : { end, keep: [] };
  }
  const next = html.charAt(i + 1);
  const isEndTag = next === '/';
  if (!isLetter(html.charCodeAt(isEndTag ? i + 2 : i + 1))) {
    if (next !== '!' && next !== '?' && !isEndTag) return undefined;
    // A bogus comment (`<!DOCTYPE>`, `<?xml?>`, `</ >`) runs to the next `>`; kept, which is safe.
    const end = html.indexOf('>', i);
    return end === -1 ? 'unclosed' : { end: end + 1, keep: [html.slice(i, end + 1)] };
  }
  const end = tagEnd(html, i);
  if (end === -1) return 'unclosed';
  if (isEndTag) return { end, keep: ['<>'] };
  const tag = html.slice(i, end);
  const keep = ['<>'];
  for (const m of tag.matchAll(REGION_ATTRIBUTE)) keep.push(m[2] ?? m[3] ?? m[4] ?? '', '<>');
  TAG_NAME.lastIndex = 1;
  const name = (TAG_NAME.exec(tag)?.[0] ?? '').toLowerCase();
  if (name === 'plaintext') return { end: html.length, keep: [...keep, html.slice(end)] };
  if (!RAW_TEXT.test(name) || unclosed.has(name)) return { end, keep };
  const close = closingTag(name);
  close.lastIndex = end;
  const found = close.exec(html);
  if (!found) {
    unclosed.add(name); // and its content is kept as text
    return { end, keep };
  }
  const isDropped = name === 'style' || (name === 'script' && !JSON_LD.test(tag));
  if (!isDropped) keep.push(html.slice(end, found.index));
  return { end: found.index, keep };
}

const closingTags = new Map<string, RegExp>();
function closingTag(name: string): RegExp {
  let close = closingTags.get(name);
  if (!close) closingTags.set(name, (close = new RegExp(`</${name}[\\s/>]`, 'gi')));
  return close;
}

/** Where a comment starting at `i` ends, as the tokenizer reads `<!-->`, `<!--->`, `-->` and `--!>`. */
function commentEnd(html: string, i: number): number {
  if (html.startsWith('>', i + 4)) return i + 5;
  if (html.startsWith('->', i + 4)) return i + 6;
  const close = /--!?>/g;
  close.lastIndex = i + 4;
  const found = close.exec(html);
  return found ? found.index + found[0].length : -1;
}

/** Where a tag starting at `i` ends (after its `>`), honouring quoted attribute values; -1 if never. */
function tagEnd(html: string, i: number): number {
  for (let j = i + 1; j < html.length; j++) {
    const c = html.charCodeAt(j);
    if (c === 62 /* > */) return j + 1;
    if (c !== 61 /* = */) continue;
    let k = j + 1;
    while (k < html.length && /\s/.test(html.charAt(k))) k++;
    const quote = html.charAt(k);
    if (quote !== '"' && quote !== "'") continue;
    const close = html.indexOf(quote, k + 1);
    if (close === -1) return -1;
    j = close;
  }
  return -1;
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
