import type { TreeBuilder } from '../html-tree.js';
import type { TreeElement } from '../../tree.js';
import { IGNORED_IN_TABLE, MARKER, RAW, SECTIONS, TABLE_PARTS } from './elements.js';
import { bodyEnd, bodyStart } from './body.js';
import { endTag, startTag } from './modes.js';
import { needsParser } from './needs-parser.js';
import { createElement, type Tag } from './tag.js';

// Tables (13.2.6.4.9 to 13.2.6.4.15) and select (13.2.6.4.16): options, and everything else
// ignored. A table's modes read the tags they name; any other is read as in the body, with what
// it inserts moved before the table (foster parenting, see foster-parent.ts).

/** The start tags a table's modes read themselves. */
const TABLE_START = new Set(['caption', 'col', 'colgroup', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr']);

/** A start tag in a table's mode: `at` is where in the stack the element of that mode stands. */
export function tableStart(b: TreeBuilder, tag: Tag, at: number): void {
  const name = tag.name;
  const mode = (b.stack[at] as TreeElement).tagName;
  if (mode === 'colgroup') {
    if (name === 'col') return void b.insert(createElement(name, tag), false);
    if (name === 'template') needsParser();
    b.stack.pop();
    return startTag(b, tag);
  }
  if (name === 'style' || name === 'script') return b.insertRaw(tag);
  if (name === 'template') needsParser();
  if (name === 'input' && tag.attributes.get('type')?.toLowerCase() === 'hidden') return void b.insert(createElement(name, tag), false);
  // A form in a table is inserted empty (a layout's `<tr><form>`): what follows stays in the table.
  if (name === 'form') {
    if (!b.form) b.form = b.insert(createElement(name, tag), false);
    return;
  }
  if (name === 'table') {
    b.popUntil('table');
    return startTag(b, tag);
  }
  if (!TABLE_START.has(name)) return fostering(b, () => bodyStart(b, tag));
  // "Clear the stack back to" the mode's element: what was moved before the table is closed.
  b.stack.length = at + 1;
  if (mode === 'table') {
    if (name === 'caption') b.formatting.push(MARKER);
    if (name === 'caption' || name === 'colgroup' || SECTIONS.has(name)) return void b.insert(createElement(name, tag));
    b.insert(createElement(name === 'col' ? 'colgroup' : 'tbody', undefined));
    return startTag(b, tag);
  }
  if (SECTIONS.has(mode)) {
    if (name === 'tr') return void b.insert(createElement(name, tag));
    if (name === 'td' || name === 'th') b.insert(createElement('tr', undefined));
    else b.stack.pop();
    return startTag(b, tag);
  }
  // In a row.
  if (name === 'td' || name === 'th') {
    b.insert(createElement(name, tag));
    b.formatting.push(MARKER);
    return;
  }
  b.stack.pop();
  return startTag(b, tag);
}

/** An end tag in a table's mode. */
export function tableEnd(b: TreeBuilder, tag: Tag, at: number): void {
  const name = tag.name;
  const mode = (b.stack[at] as TreeElement).tagName;
  if (mode === 'colgroup') {
    if (name === 'col') return;
    if (name === 'template') needsParser();
    b.stack.pop();
    if (name !== 'colgroup') endTag(b, tag);
    return;
  }
  if (name === 'table') return b.popUntil('table');
  if (name === 'template') needsParser();
  if (name === 'tr' && mode === 'tr') return void (b.stack.length = at);
  if (SECTIONS.has(name) && mode !== 'table') {
    if (!b.inTableScope(name)) return;
    b.stack.length = at;
    if (mode === 'tr') endTag(b, tag);
    return;
  }
  if (IGNORED_IN_TABLE.has(name)) return;
  fostering(b, () => bodyEnd(b, tag));
}

/** Reads a token by the body's rules, with what it inserts moved before the table. */
function fostering(b: TreeBuilder, read: () => void): void {
  b.isFostering = true;
  read();
  b.isFostering = false;
}

/** Closes the open caption, and the formatting elements opened in it. */
export function closeCaption(b: TreeBuilder): void {
  b.generateImpliedEndTags();
  b.popUntil('caption');
  b.clearFormattingToMarker();
}

/** Closes the open cell, and the formatting elements opened in it. */
export function closeCell(b: TreeBuilder): void {
  b.generateImpliedEndTags();
  for (let node = b.stack.pop(); node && !((node.tagName === 'td' || node.tagName === 'th') && !b.foreign.has(node)); node = b.stack.pop());
  b.clearFormattingToMarker();
}

/** A start tag inside a `select`. */
export function selectStart(b: TreeBuilder, tag: Tag): void {
  const name = tag.name;
  if (name === 'option' || name === 'optgroup' || name === 'hr') {
    if (b.current?.tagName === 'option') b.stack.pop();
    if (name !== 'option' && b.current?.tagName === 'optgroup') b.stack.pop();
    return void b.insert(createElement(name, tag), name !== 'hr');
  }
  if (name === 'script') return b.insertRaw(tag);
  if (name === 'select') return closeSelect(b);
  // Ignored here, these would close the select or be read as markup where the scan reads raw text.
  if (RAW.has(name) || name === 'input' || name === 'keygen' || name === 'template' || TABLE_PARTS.has(name) || name === 'table') needsParser();
}

/** An end tag inside a `select`. */
export function selectEnd(b: TreeBuilder, tag: Tag): void {
  const name = tag.name;
  const current = b.current?.tagName;
  if (name === 'optgroup') {
    if (current === 'option' && b.stack.at(-2)?.tagName === 'optgroup') b.stack.pop();
    if (b.current?.tagName === 'optgroup') b.stack.pop();
  } else if (name === 'option') {
    if (current === 'option') b.stack.pop();
  } else if (name === 'select') closeSelect(b);
  else if (name === 'template' || TABLE_PARTS.has(name) || name === 'table') needsParser();
}

function closeSelect(b: TreeBuilder): void {
  b.stack.length = b.stack.lastIndexOf(b.select as TreeElement);
  b.select = undefined;
}
