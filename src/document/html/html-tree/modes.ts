import type { TreeBuilder } from '../html-tree.js';
import { bodyEnd, bodyStart } from './body.js';
import { HEAD_VOID } from './elements.js';
import { needsParser } from './needs-parser.js';
import { selectEnd, selectStart, tableEnd, tableStart } from './tables.js';
import { createElement, type Tag } from './tag.js';

// The insertion modes before the body (13.2.6.4.1 to 13.2.6.4.6), and the dispatch of tags by mode.

/** The `html` and `head` elements a page leaves out, created where content needs them. */
export function implyHtmlAndHead(b: TreeBuilder): void {
  if (b.mode === 'before-html') insertHtml(b, undefined);
  if (b.mode === 'before-head') insertHead(b, undefined);
}

function insertHtml(b: TreeBuilder, tag: Tag | undefined): void {
  const element = createElement('html', tag);
  b.attributes.set(element, new Map(tag?.attributes));
  b.root.children.push(element);
  b.stack.push(element);
  b.mode = 'before-head';
}

function insertHead(b: TreeBuilder, tag: Tag | undefined): void {
  b.head = b.insert(createElement('head', tag));
  b.mode = 'in-head';
}

/** Closes the head (and a `noscript` in it), and opens the body the page leaves implied. */
export function leaveHead(b: TreeBuilder): void {
  if (b.mode === 'in-head-noscript') b.stack.pop();
  if (b.mode === 'in-head' || b.mode === 'in-head-noscript') b.stack.pop();
  if (b.mode !== 'in-body') b.attributes.set(b.insert(createElement('body', undefined)), new Map());
  b.mode = 'in-body';
}

/** A start tag, by the insertion mode (13.2.6.4) and the kind of node it comes to. */
export function startTag(b: TreeBuilder, tag: Tag): void {
  const name = tag.name;
  if (name === 'html') return b.mode === 'before-html' ? insertHtml(b, tag) : b.mergeAttributes(b.stack[0], tag);
  switch (b.mode) {
    case 'before-html':
      insertHtml(b, undefined);
      return startTag(b, tag);
    case 'before-head':
      if (name === 'head') return insertHead(b, tag);
      insertHead(b, undefined);
      return startTag(b, tag);
    case 'in-head':
      if (HEAD_VOID.has(name)) return void b.insert(createElement(name, tag), false);
      if (name === 'title' || name === 'style' || name === 'script' || name === 'noframes') return b.insertRaw(tag);
      if (name === 'noscript') {
        b.insert(createElement(name, tag));
        b.mode = 'in-head-noscript';
        return;
      }
      if (name === 'head') return;
      if (name === 'template') return b.openTemplate(tag);
      break;
    case 'in-head-noscript':
      if (HEAD_VOID.has(name) && name !== 'base') return void b.insert(createElement(name, tag), false);
      if (name === 'style' || name === 'noframes') return b.insertRaw(tag);
      if (name === 'head' || name === 'noscript') return;
      b.stack.pop();
      b.mode = 'in-head';
      return startTag(b, tag);
    case 'after-head':
      if (name === 'body') {
        b.attributes.set(b.insert(createElement(name, tag)), new Map(tag.attributes));
        b.mode = 'in-body';
        return;
      }
      // Head elements after the head go into it.
      if (HEAD_VOID.has(name) && b.head) return void b.head.children.push(createElement(name, tag));
      if ((name === 'title' || name === 'style' || name === 'script' || name === 'noframes') && b.head) {
        b.raw = createElement(name, tag);
        b.head.children.push(b.raw);
        b.stack.push(b.raw);
        return;
      }
      if (name === 'head') return;
      if (name === 'template' || name === 'frameset') needsParser();
      break;
    case 'after-body':
    case 'after-after-body':
      b.mode = 'in-body';
  }
  if (b.mode === 'in-head') {
    b.stack.pop();
    b.mode = 'after-head';
    return startTag(b, tag);
  }
  if (b.mode === 'after-head') leaveHead(b);
  if (b.select) return selectStart(b, tag);
  const table = b.tableModeAt();
  if (table !== -1) return tableStart(b, tag, table);
  bodyStart(b, tag);
}

/** An end tag, by the insertion mode and the kind of node it comes to. */
export function endTag(b: TreeBuilder, tag: Tag): void {
  const name = tag.name;
  switch (b.mode) {
    case 'before-html':
    case 'before-head':
      if (name !== 'head' && name !== 'body' && name !== 'html' && name !== 'br') return;
      implyHtmlAndHead(b);
      if (name === 'head') return endTag(b, tag);
      break;
    case 'in-head':
      if (name === 'head') {
        b.stack.pop();
        b.mode = 'after-head';
        return;
      }
      if (name === 'template') needsParser();
      if (name !== 'body' && name !== 'html' && name !== 'br') return;
      break;
    case 'in-head-noscript':
      if (name === 'noscript') {
        b.stack.pop();
        b.mode = 'in-head';
        return;
      }
      if (name !== 'br') return;
      break;
    case 'after-head':
      if (name === 'template') needsParser();
      if (name !== 'body' && name !== 'html' && name !== 'br') return;
      break;
    case 'after-body':
      if (name === 'html') {
        b.mode = 'after-after-body';
        return;
      }
      b.mode = 'in-body';
      break;
    case 'after-after-body':
      b.mode = 'in-body';
  }
  if (b.mode !== 'in-body') {
    leaveHead(b);
    return endTag(b, tag);
  }
  if (b.select) return selectEnd(b, tag);
  const table = b.tableModeAt();
  if (table !== -1) return tableEnd(b, tag, table);
  bodyEnd(b, tag);
}
