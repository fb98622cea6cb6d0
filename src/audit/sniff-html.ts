/**
 * The tags whose start marks a resource as HTML in WHATWG MIME Sniffing, section 7.1 ("identify
 * an unknown MIME type"), each to be followed by a space or `>`: what a browser renders as a
 * page when a response names no type.
 */
const HTML_STARTS = ['<!doctype html', '<html', '<head', '<script', '<iframe', '<h1', '<div', '<font', '<table', '<a', '<style', '<title', '<b', '<body', '<br', '<p', '<!--'];

/** The whitespace bytes the algorithm passes over first (tab, line feed, form feed, carriage return, space). */
const WHITESPACE = new Set([0x09, 0x0a, 0x0c, 0x0d, 0x20]);

/**
 * Whether a media type (lowered, without parameters; '' for none) leaves a response to be
 * sniffed: none at all, or one of the types WHATWG MIME Sniffing calls unknown (section 4.6:
 * `unknown/unknown`, `application/unknown`, `*\/*`), which a browser sniffs as it does a missing one.
 */
export function isUnknownType(type: string): boolean {
  return type === '' || type === 'unknown/unknown' || type === 'application/unknown' || type === '*/*';
}

/** The bytes sniffing looks at (the resource header, section 5.2). */
export const SNIFF_BYTES = 1445;

/**
 * Whether `head`, the first bytes of a payload sent without a `Content-Type`, starts as HTML does
 * by the sniffing algorithm's HTML patterns. A UTF-8 byte order mark is passed over too, where
 * the algorithm would call the payload plain text: an audit would rather check a page a browser
 * shows as text than leave one unchecked that a server meant as HTML.
 */
export function isHtmlByBytes(head: Uint8Array): boolean {
  let at = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (at < head.length && WHITESPACE.has(head[at] ?? 0)) at++;
  const text = Buffer.from(head.subarray(at, at + 16)).toString('latin1').toLowerCase();
  return HTML_STARTS.some((start) => text.startsWith(start) && (text[start.length] === ' ' || text[start.length] === '>'));
}
