import type { Properties } from 'hast';
import { decodeHTMLAttribute } from 'entities';
import { nameAt, nameTable, type TagAttributes } from '../html-scan.js';
import type { TreeElement, TreeNode } from '../../tree.js';
import { needsParser } from './needs-parser.js';

/** A start or end tag as the tokenizer reads it. */
export interface Tag {
  name: string;
  isEnd: boolean;
  attributes: ReadonlyMap<string, string>;
  isSelfClosing: boolean;
  start: number;
  end: number;
}

const NO_ATTRIBUTES: ReadonlyMap<string, string> = new Map();

/**
 * Reads a tag as the tokenizer does, from the attributes the scan found in it: its name, the
 * attributes the region reader looks at (the first of a name wins), and a closing `/>`. End tags
 * have no attributes that count.
 */
export function readTag(html: string, start: number, end: number, isEnd: boolean, scanned: TagAttributes): Tag {
  const nameStart = start + (isEnd ? 2 : 1);
  const name = nameAt(html, nameStart, scanned.tagNameEnd, KNOWN_NAMES) ?? otherName(html.slice(nameStart, scanned.tagNameEnd));
  if (isEnd) return { name, attributes: NO_ATTRIBUTES, isSelfClosing: false, start, end, isEnd };
  let attributes: Map<string, string> | undefined;
  for (let k = 0; k < scanned.count; k++) {
    const key = nameAt(html, scanned.nameStart(k), scanned.nameEnd(k), READ_NAMES);
    if (key === undefined || attributes?.has(key)) continue;
    const value = html.slice(scanned.valueStart(k), scanned.valueEnd(k));
    (attributes ??= new Map()).set(key, decodeHTMLAttribute(value.includes('\r') ? value.replace(/\r\n?/g, '\n') : value));
  }
  return { name, attributes: attributes ?? NO_ATTRIBUTES, isSelfClosing: scanned.isSelfClosing, start, end, isEnd };
}

// The names most pages are made of, most used first: read where they stand, with no string made
// and lowered for each tag, and the same strings each time for the builder's sets and maps.
const KNOWN_NAMES = nameTable([
  'div', 'span', 'a', 'p', 'li', 'ul', 'img', 'meta', 'link', 'script', 'svg', 'path', 'i', 'b', 'br', 'source', 'picture', 'figure',
  'figcaption', 'button', 'section', 'article', 'header', 'footer', 'nav', 'main', 'aside', 'time', 'strong', 'em', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'input', 'label', 'form', 'option', 'select', 'style', 'noscript', 'iframe', 'g', 'use', 'symbol', 'defs', 'rect',
  'circle', 'polygon', 'line', 'title', 'head', 'body', 'html', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'ol', 'dl', 'dt',
  'dd', 'blockquote', 'hr', 'small', 'sup', 'sub', 'u', 's', 'cite', 'code', 'pre', 'abbr', 'address', 'template', 'video', 'audio',
  'canvas', 'caption', 'col', 'colgroup', 'data', 'del', 'ins', 'details', 'summary', 'dialog', 'embed', 'object', 'param', 'fieldset',
  'legend', 'textarea', 'mark', 'q', 'kbd', 'samp', 'var', 'wbr', 'bdi', 'bdo', 'ruby', 'rp', 'rt', 'area', 'map', 'base', 'track',
  'output', 'progress', 'meter', 'optgroup', 'datalist', 'hgroup', 'menu', 'search', 'slot', 'center', 'font', 'big', 'tt', 'nobr',
  'strike', 'math', 'ellipse', 'polyline', 'text', 'tspan', 'stop', 'mask', 'desc', 'clippath', 'lineargradient', 'radialgradient',
  'filter', 'pattern', 'foreignobject',
]);

/** A name the table does not hold, lowered as the tokenizer lowers it: ASCII letters only (a page with others goes to parse5). */
function otherName(raw: string): string {
  if (!/^[\x00-\x7f]*$/.test(raw)) needsParser();
  return raw.toLowerCase();
}

/** A comment's text as the tokenizer reads it: `<!-->` and `<!--->` are empty; a bogus comment runs to `>`. */
export function commentData(html: string, start: number, end: number): string {
  if (!html.startsWith('<!--', start)) return html.slice(start + (html.charAt(start + 1) === '?' ? 1 : 2), end - 1);
  if (end - start === 5 || (end - start === 6 && html.startsWith('<!--->', start))) return '';
  return html.slice(start + 4, end - (html.startsWith('--!>', end - 4) ? 4 : 3));
}

/** The hast properties the region reader looks at, from a tag's attributes. */
const PROPERTIES: ReadonlyMap<string, string> = new Map([
  ['id', 'id'], ['role', 'role'], ['datetime', 'dateTime'], ['type', 'type'], ['name', 'name'],
  ['property', 'property'], ['content', 'content'], ['alt', 'alt'], ['title', 'title'], ['src', 'src'],
  ['data-src', 'dataSrc'], ['data-credit', 'dataCredit'], ['data-copyright', 'dataCopyright'],
  ['data-photographer', 'dataPhotographer'], ['data-caption', 'dataCaption'], ['data-image-credit', 'dataImageCredit'],
  ['data-attachment-credit', 'dataAttachmentCredit'], ['data-photo-credit', 'dataPhotoCredit'], ['data-media-credit', 'dataMediaCredit'],
  ['data-agency', 'dataAgency'], ['data-provider', 'dataProvider'], ['data-source', 'dataSource'], ['attribution', 'attribution'], ['credit', 'credit'], ['photographer', 'photographer'], ['copyright', 'copyright'], ['agency', 'agency'], ['source', 'source'],
  ['caption', 'caption'], ['href', 'href'],
  ['aria-label', 'ariaLabel'], ['data-title', 'dataTitle'], ['data-sub-html', 'dataSubHtml'], ['data-image-caption', 'dataImageCaption'],
  ['data-glightbox', 'dataGlightbox'], ['lang', 'lang'], ['data-lazy-src', 'dataLazySrc'], ['data-original', 'dataOriginal'],
  ['data-orig-file', 'dataOrigFile'], ['srcset', 'srcSet'], ['data-srcset', 'dataSrcset'], ['data-lazy-srcset', 'dataLazySrcset'],
]);
const TOKEN_LISTS: ReadonlyMap<string, string> = new Map([['class', 'className'], ['itemprop', 'itemProp'], ['rel', 'rel'], ['http-equiv', 'httpEquiv']]);
/** The attributes read at all: those above, and those of `font` that end foreign content. */
const READ_ATTRIBUTES: ReadonlySet<string> = new Set([...PROPERTIES.keys(), ...TOKEN_LISTS.keys(), 'color', 'face', 'size']);
const READ_NAMES = nameTable(READ_ATTRIBUTES);

/**
 * A built element's properties: every one the region reader looks at, undefined where the tag has
 * no such attribute. All elements' properties then have one shape: with the key sets of their
 * attributes, they had dozens, and V8 looked each read up in a table (the region reader reads
 * some ten properties of every element, on every walk of a tree).
 */
class ElementProperties implements Properties {
  [key: string]: Properties[string];
  id: string | undefined = undefined;
  className: string[] | undefined = undefined;
  itemProp: string[] | undefined = undefined;
  role: string | undefined = undefined;
  rel: string[] | undefined = undefined;
  dateTime: string | undefined = undefined;
  type: string | undefined = undefined;
  name: string | undefined = undefined;
  property: string | undefined = undefined;
  content: string | undefined = undefined;
  alt: string | undefined = undefined;
  title: string | undefined = undefined;
  src: string | undefined = undefined;
  dataSrc: string | undefined = undefined;
  dataCredit: string | undefined = undefined;
  dataCopyright: string | undefined = undefined;
  dataPhotographer: string | undefined = undefined;
  dataCaption: string | undefined = undefined;
  href: string | undefined = undefined;
  lang: string | undefined = undefined;
  httpEquiv: string[] | undefined = undefined;
}

/** The properties of the elements with none: shared, as no one changes an element's properties (they are replaced). */
const NO_PROPERTIES = new ElementProperties();

export function createElement(name: string, tag: Tag | undefined): TreeElement {
  const children: TreeNode[] = [];
  const properties = tag && tag.attributes.size > 0 ? propertiesOf(tag.attributes) : NO_PROPERTIES;
  // Every element has the same fields, `position` too (undefined where no tag made it), so code
  // that reads elements sees one shape of object.
  return { type: 'element', tagName: name, properties, children, position: tag ? { start: { offset: tag.start }, end: { offset: tag.end } } : undefined };
}

export function propertiesOf(attributes: ReadonlyMap<string, string>): ElementProperties {
  const properties = new ElementProperties();
  for (const [key, value] of attributes) {
    const property = PROPERTIES.get(key);
    if (property) properties[property] = value;
    const list = TOKEN_LISTS.get(key);
    if (list) properties[list] = value.split(/[\t\n\f\r ]+/).filter((token) => token !== '');
  }
  return properties;
}
