import type { TreeBuilder } from '../html-tree.js';
import type { TreeElement } from '../../tree.js';
import { IGNORED_IN_TABLE, MARKER, RAW, SECTIONS, TABLE_PARTS } from './elements.js';
import { endTag, startTag } from './modes.js';
import { needsParser } from './needs-parser.js';
import { createElement, type Tag } from './tag.js';

// Tables (13.2.6.4.9 to 13.2.6.4.15), only what well-formed tables need, and select (13.2.6.4.16):
// options, and everything else ignored.

/** A start tag where the current node is a table, a row group, a row or a column group. */
export function tableStart(b: TreeBuilder, tag: Tag): void {
  const name = tag.name;
  const current = (b.current as TreeElement).tagName;
  if (current === 'colgroup') {
    if (name === 'col') return void b.insert(createElement(name, tag), false);
    b.stack.pop();
    return startTag(b, tag);
  }
  if (name === 'style' || name === 'script') return b.insertRaw(tag);
  if (name === 'input' && tag.attributes.get('type')?.toLowerCase() === 'hidden') return void b.insert(createElement(name, tag), false);
  if (current === 'table') {
    if (name === 'colgroup' || SECTIONS.has(name)) return void b.insert(createElement(name, tag));
    if (name === 'caption') {
      b.formatting.push(MARKER);
      return void b.insert(createElement(name, tag));
    }
    if (name === 'col') b.insert(createElement('colgroup', undefined));
    else if (name === 'tr' || name === 'td' || name === 'th') b.insert(createElement('tbody', undefined));
    else needsParser();
    return startTag(b, tag);
  }
  if (SECTIONS.has(current)) {
    if (name === 'tr') return void b.insert(createElement(name, tag));
    if (name === 'td' || name === 'th') b.insert(createElement('tr', undefined));
    else if (name === 'col' || name === 'colgroup' || SECTIONS.has(name)) b.stack.pop();
    else needsParser();
    return startTag(b, tag);
  }
  // In a row.
  if (name === 'td' || name === 'th') {
    b.insert(createElement(name, tag));
    b.formatting.push(MARKER);
    return;
  }
  if (name === 'tr' || name === 'col' || name === 'colgroup' || SECTIONS.has(name)) {
    b.stack.pop();
    return startTag(b, tag);
  }
  needsParser();
}

/** An end tag there. */
export function tableEnd(b: TreeBuilder, tag: Tag): void {
  const name = tag.name;
  const current = (b.current as TreeElement).tagName;
  if (current === 'colgroup') {
    if (name === 'col') return;
    b.stack.pop();
    if (name !== 'colgroup') endTag(b, tag);
    return;
  }
  if (name === 'table') {
    if (!b.inTableScope('table')) return;
    return b.popUntil('table');
  }
  if (name === 'tr' && current === 'tr') return void b.stack.pop();
  if (SECTIONS.has(name) && SECTIONS.has(current)) {
    if (b.inTableScope(name)) b.stack.pop();
    return;
  }
  if (SECTIONS.has(name) && current === 'tr') {
    if (!b.inTableScope(name)) return;
    b.stack.pop();
    return endTag(b, tag);
  }
  if (IGNORED_IN_TABLE.has(name)) return;
  needsParser();
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
  while (!['td', 'th'].includes((b.stack.pop() as TreeElement).tagName));
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
