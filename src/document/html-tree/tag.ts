import type { Properties } from 'hast';
import { decodeHTMLAttribute } from 'entities';
import { isSpace, tagName } from '../../html-scan.js';
import type { TreeElement, TreeNode } from '../tree.js';
import { needsParser } from './needs-parser.js';

/** A start or end tag as the tokenizer reads it. */
export interface Tag {
  name: string;
  isEnd: boolean;
  attributes: Map<string, string>;
  isSelfClosing: boolean;
  start: number;
  end: number;
}

const ATTRIBUTE = /([^\t\n\f\r />][^\t\n\f\r />=]*)[\t\n\f\r ]*(?:=[\t\n\f\r ]*(?:"([^"]*)"|'([^']*)'|([^\t\n\f\r >]*)))?|\/+/gy;

/**
 * Reads a tag as the tokenizer does: its name, the attributes the region reader looks at (the
 * first of a name wins), and a closing `/>`. End tags have no attributes that count.
 */
export function readTag(html: string, start: number, end: number, isEnd: boolean): Tag {
  const name = tagName(html, start);
  // The tokenizer lowers ASCII letters only.
  if (!/^[\x00-\x7f]*$/.test(name)) needsParser();
  const attributes = new Map<string, string>();
  if (isEnd) return { name, attributes, isSelfClosing: false, start, end, isEnd };
  let at = start + 1 + name.length;
  let isSelfClosing = false;
  for (;;) {
    while (at < end && isSpace(html.charCodeAt(at))) at++;
    if (at >= end - 1) break;
    ATTRIBUTE.lastIndex = at;
    const match = ATTRIBUTE.exec(html) as RegExpExecArray;
    at = ATTRIBUTE.lastIndex;
    isSelfClosing = match[1] === undefined && at === end - 1;
    if (match[1] === undefined) continue;
    const key = match[1].toLowerCase();
    if (!READ_ATTRIBUTES.has(key) || attributes.has(key)) continue;
    const value = match[2] ?? match[3] ?? match[4];
    attributes.set(key, value === undefined ? '' : decodeHTMLAttribute(value.includes('\r') ? value.replace(/\r\n?/g, '\n') : value));
  }
  return { name, attributes, isSelfClosing, start, end, isEnd };
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
/** The attributes read at all: those above, and `hidden`. */
const READ_ATTRIBUTES: ReadonlySet<string> = new Set([...PROPERTIES.keys(), ...TOKEN_LISTS.keys(), 'hidden']);

export function createElement(name: string, tag: Tag | undefined): TreeElement {
  const children: TreeNode[] = [];
  const properties = tag ? propertiesOf(tag.attributes) : {};
  return { type: 'element', tagName: name, properties, children, ...(tag ? { position: { start: { offset: tag.start }, end: { offset: tag.end } } } : {}) };
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
