import type { Properties } from 'hast';
import { decodeHTMLAttribute } from 'entities';
import { nameAt, nameTable, type TagAttributes, tagName } from '../../html-scan.js';
import type { TreeElement, TreeNode } from '../tree.js';
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
  const name = tagName(html, start);
  // The tokenizer lowers ASCII letters only.
  if (!/^[\x00-\x7f]*$/.test(name)) needsParser();
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
  ['data-photographer', 'dataPhotographer'], ['data-caption', 'dataCaption'],
]);
const TOKEN_LISTS: ReadonlyMap<string, string> = new Map([['class', 'className'], ['itemprop', 'itemProp'], ['rel', 'rel']]);
/** The attributes read at all: those above, `hidden`, and those of `font` that end foreign content. */
const READ_ATTRIBUTES: ReadonlySet<string> = new Set([...PROPERTIES.keys(), ...TOKEN_LISTS.keys(), 'hidden', 'color', 'face', 'size']);
const READ_NAMES = nameTable(READ_ATTRIBUTES);

export function createElement(name: string, tag: Tag | undefined): TreeElement {
  const children: TreeNode[] = [];
  const properties = tag ? propertiesOf(tag.attributes) : {};
  // Every element has the same fields, `position` too (undefined where no tag made it), so code
  // that reads elements sees one shape of object.
  return { type: 'element', tagName: name, properties, children, position: tag ? { start: { offset: tag.start }, end: { offset: tag.end } } : undefined };
}

export function propertiesOf(attributes: ReadonlyMap<string, string>): Properties {
  const properties: Properties = {};
  for (const [key, value] of attributes) {
    const property = PROPERTIES.get(key);
    if (property) properties[property] = value;
    const list = TOKEN_LISTS.get(key);
    if (list) properties[list] = value.split(/[\t\n\f\r ]+/).filter((token) => token !== '');
    if (key === 'hidden') properties.hidden = value === '' || value.toLowerCase() === 'hidden' ? true : value;
  }
  return properties;
}
