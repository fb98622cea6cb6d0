import type { TreeBuilder } from '../html-tree.js';
import type { TreeElement } from '../../tree.js';
import { BLOCK_END, BODY_VOID, BUTTON_SCOPE, CLOSES_P, FORMATTING, HEAD_VOID, HEADINGS, INTEGRATION_POINTS, LEFT_TO_PARSER, LIST_SCOPE, MARKED, MARKER, SCOPE, SECTIONS, SPECIAL, TABLE_PARTS } from './elements.js';
import { endTag, startTag } from './modes.js';
import { needsParser } from './needs-parser.js';
import { createElement, type Tag } from './tag.js';
import { closeCaption, closeCell } from './tables.js';

// In body (13.2.6.4.7), and in a table cell, which reads as in body.

/** A start tag in the body (13.2.6.4.7). */
export function bodyStart(b: TreeBuilder, tag: Tag): void {
  const name = tag.name;
  if (name === 'template') return b.openTemplate(tag);
  // "Change the token's tag name to img and reprocess it. (Don't ask.)"
  if (name === 'image') return bodyStart(b, { ...tag, name: 'img' });
  if (name === 'rb' || name === 'rtc' || name === 'rp' || name === 'rt') {
    // Ruby annotations close the annotations left open before them, in the ruby.
    if (b.inScope('ruby', SCOPE)) b.generateImpliedEndTags(name === 'rp' || name === 'rt' ? 'rtc' : undefined);
    return void b.insert(createElement(name, tag));
  }
  if (LEFT_TO_PARSER.has(name)) needsParser();
  if (HEAD_VOID.has(name) || name === 'param' || name === 'source' || name === 'track') return void b.insert(createElement(name, tag), false);
  if (name === 'title' || name === 'style' || name === 'script' || name === 'noframes' || name === 'iframe' || name === 'noembed' || name === 'textarea') return b.insertRaw(tag);
  if (name === 'body') return b.mergeAttributes(b.stack[1]?.tagName === 'body' ? b.stack[1] : undefined, tag);
  if (CLOSES_P.has(name)) {
    b.closePInButtonScope();
    return void b.insert(createElement(name, tag));
  }
  if (HEADINGS.has(name)) {
    b.closePInButtonScope();
    if (HEADINGS.has(b.current?.tagName ?? '')) b.stack.pop();
    return void b.insert(createElement(name, tag));
  }
  if (name === 'pre' || name === 'listing') {
    b.closePInButtonScope();
    b.insert(createElement(name, tag));
    b.dropsLineFeed = true;
    return;
  }
  if (name === 'form') {
    if (b.form) return;
    b.closePInButtonScope();
    b.form = b.insert(createElement(name, tag));
    return;
  }
  if (name === 'li' || name === 'dd' || name === 'dt') {
    const closes = name === 'li' ? ['li'] : ['dd', 'dt'];
    for (let i = b.stack.length - 1; i >= 0; i--) {
      const node = b.stack[i] as TreeElement;
      if (closes.includes(node.tagName)) {
        b.generateImpliedEndTags(node.tagName);
        b.popUntil(node.tagName);
        break;
      }
      if (SPECIAL.has(node.tagName) && node.tagName !== 'address' && node.tagName !== 'div' && node.tagName !== 'p') break;
    }
    b.closePInButtonScope();
    return void b.insert(createElement(name, tag));
  }
  if (name === 'button' && b.inScope('button', SCOPE)) {
    // A button in a button closes the first.
    b.generateImpliedEndTags();
    b.popUntil('button');
  }
  const openLink = name === 'a' ? b.formattingAfterMarker('a') : undefined;
  if (openLink) {
    // A link inside a link closes the first one.
    endFormatting(b, 'a');
    const listed = b.formatting.indexOf(openLink);
    if (listed !== -1) b.formatting.splice(listed, 1);
    const open = b.stack.lastIndexOf(openLink);
    if (open !== -1) b.stack.splice(open, 1);
  }
  // A nobr in a nobr closes the first, as its end tag would.
  if (name === 'nobr' && b.inScope('nobr', SCOPE) && !endFormatting(b, 'nobr')) needsParser();
  if (name === 'table') {
    if (b.isQuirks === undefined && b.inScope('p', BUTTON_SCOPE)) needsParser();
    if (!b.isQuirks) b.closePInButtonScope();
    return void b.insert(createElement(name, tag));
  }
  if (name === 'hr') {
    b.closePInButtonScope();
    return void b.insert(createElement(name, tag), false);
  }
  if (name === 'xmp') {
    b.closePInButtonScope();
    b.reconstructFormatting();
    return b.insertRaw(tag);
  }
  if (TABLE_PARTS.has(name)) {
    if (name !== 'head' && (b.inTableScope('td') || b.inTableScope('th'))) {
      closeCell(b);
      return startTag(b, tag);
    }
    if (name !== 'head' && b.inTableScope('caption')) {
      closeCaption(b);
      return startTag(b, tag);
    }
    return;
  }
  b.reconstructFormatting();
  if (name === 'option' || name === 'optgroup') {
    if (b.current?.tagName === 'option') b.stack.pop();
  }
  if (BODY_VOID.has(name)) return void b.insert(createElement(name, tag), false);
  if (name === 'select') {
    b.select = b.insert(createElement(name, tag));
    return;
  }
  if (name === 'svg' || name === 'math') {
    const element = b.insert(createElement(name, tag), !tag.isSelfClosing);
    if (!tag.isSelfClosing) b.foreign.add(element);
    return;
  }
  const element = b.insert(createElement(name, tag));
  if (FORMATTING.has(name)) b.formatting.push(element);
  if (MARKED.has(name)) b.formatting.push(MARKER);
}

/** An end tag in the body. */
export function bodyEnd(b: TreeBuilder, tag: Tag): void {
  const name = tag.name;
  if (name === 'template') needsParser();
  if (MARKED.has(name)) {
    if (!b.inScope(name, SCOPE)) return;
    b.generateImpliedEndTags();
    b.popUntil(name);
    b.clearFormattingToMarker();
    return;
  }
  if (name === 'body' || name === 'html') {
    if (!b.inScope('body', SCOPE)) return;
    b.mode = 'after-body';
    if (name === 'html') endTag(b, tag);
    return;
  }
  if (BLOCK_END.has(name)) {
    if (!b.inScope(name, SCOPE)) return;
    b.generateImpliedEndTags();
    return b.popUntil(name);
  }
  if (name === 'form') {
    const form = b.form;
    b.form = undefined;
    if (!form || !b.inScope(form, SCOPE)) return;
    b.generateImpliedEndTags();
    // The form alone is closed: what was opened in it and left open stays open (a layout's table
    // begun in a form), and takes what follows.
    b.stack.splice(b.stack.lastIndexOf(form), 1);
    return;
  }
  if (name === 'p') {
    if (!b.inScope('p', BUTTON_SCOPE)) b.insert(createElement('p', undefined));
    return b.closeP();
  }
  if (name === 'li' || name === 'dd' || name === 'dt') {
    if (!b.inScope(name, name === 'li' ? LIST_SCOPE : SCOPE)) return;
    b.generateImpliedEndTags(name);
    return b.popUntil(name);
  }
  if (HEADINGS.has(name)) {
    if (![...HEADINGS].some((heading) => b.inScope(heading, SCOPE))) return;
    b.generateImpliedEndTags();
    while (!HEADINGS.has((b.stack.pop() as TreeElement).tagName));
    return;
  }
  if (name === 'br') {
    b.reconstructFormatting();
    return void b.insert(createElement('br', { ...tag, attributes: new Map() }), false);
  }
  if (name === 'td' || name === 'th') {
    if (b.inTableScope(name)) closeCell(b);
    return;
  }
  if (name === 'caption' || (name === 'table' && b.inTableScope('caption'))) {
    if (!b.inTableScope('caption')) return;
    closeCaption(b);
    if (name === 'table') endTag(b, tag);
    return;
  }
  if (name === 'table' || name === 'tr' || SECTIONS.has(name)) {
    if (!(b.inTableScope('td') || b.inTableScope('th'))) return;
    if (!b.inTableScope(name)) return;
    closeCell(b);
    return endTag(b, tag);
  }
  if (name === 'col' || name === 'colgroup') return;
  if (FORMATTING.has(name) && endFormatting(b, name)) return;
  anyOtherEnd(b, name);
}

/**
 * The adoption agency algorithm (13.2.6.4.7), for a formatting end tag and for a link opened in a
 * link: true when the tag is dealt with, false when it is read as any other end tag. A formatting
 * element with a block inside it is closed by rebuilding its content inside that block.
 */
function endFormatting(b: TreeBuilder, name: string): boolean {
  const current = b.current;
  if (current?.tagName === name && !b.formatting.includes(current)) {
    b.stack.pop();
    return true;
  }
  for (let round = 0; round < 8; round++) {
    let at = -1;
    for (let i = b.formatting.length - 1; i >= 0 && b.formatting[i] !== MARKER; i--) {
      if ((b.formatting[i] as TreeElement).tagName === name) {
        at = i;
        break;
      }
    }
    if (at === -1) return false;
    const element = b.formatting[at] as TreeElement;
    const depth = b.stack.lastIndexOf(element);
    if (depth === -1) {
      b.formatting.splice(at, 1);
      return true;
    }
    if (!b.inScope(element, SCOPE)) return true;
    const furthest = b.stack.findIndex((node, i) => i > depth && SPECIAL.has(node.tagName));
    if (furthest === -1) {
      b.stack.length = depth;
      b.formatting.splice(at, 1);
      return true;
    }
    adopt(b, depth, furthest);
  }
  return true;
}

/**
 * Closes the formatting element at `depth` of the stack around the block at `furthest` (steps 4.7
 * to 4.20): the block and what stands between goes to the element's parent, formatting elements
 * between are made anew around it, and a copy of the element takes the block's content. Copies
 * have no position, as parse5 gives them none. Where the parent would move the block out of a
 * table, or foreign elements stand between, the page is left to parse5.
 */
function adopt(b: TreeBuilder, depth: number, furthest: number): void {
  const formatting = b.stack[depth] as TreeElement;
  const block = b.stack[furthest] as TreeElement;
  const parent = b.stack[depth - 1];
  if (!parent || FOSTERING.has(parent.tagName) || b.stack.slice(depth).some((node) => b.foreign.has(node))) needsParser();
  detach(b, block);
  let bookmark = formatting;
  let last = block;
  let index = furthest;
  for (let counter = 1; ; counter++) {
    const node = b.stack[--index] as TreeElement;
    if (node === formatting) break;
    const listed = b.formatting.indexOf(node);
    if (listed === -1 || counter > 3) {
      if (listed !== -1) b.formatting.splice(listed, 1);
      b.stack.splice(index, 1);
      continue;
    }
    const copy = copyOf(node);
    b.stack[index] = copy;
    b.formatting[listed] = copy;
    if (last === block) bookmark = copy;
    copy.children.push(last);
    last = copy;
  }
  parent.children.push(last);
  const copy = copyOf(formatting);
  // One at a time, not spread as arguments: a block of 200,000 children overflowed the stack.
  for (const child of block.children) copy.children.push(child);
  block.children.length = 0;
  block.children.push(copy);
  b.formatting.splice(b.formatting.indexOf(bookmark) + 1, 0, copy);
  b.formatting.splice(b.formatting.indexOf(formatting), 1);
  b.stack.splice(b.stack.indexOf(formatting), 1);
  b.stack.splice(b.stack.indexOf(block) + 1, 0, copy);
}

/** Where a misplaced node would be moved before the table rather than put inside. */
const FOSTERING = new Set(['table', 'tbody', 'tfoot', 'thead', 'tr']);

/** A formatting element made anew from the same tag: its name and properties (never changed, so shared), no content, no position. */
function copyOf(element: TreeElement): TreeElement {
  const copy = createElement(element.tagName, undefined);
  copy.properties = element.properties;
  return copy;
}

/** Takes an open element out of its parent, which is open too. */
function detach(b: TreeBuilder, element: TreeElement): void {
  for (const parent of [...b.stack].reverse()) {
    const at = parent.children.lastIndexOf(element);
    if (at === -1) continue;
    parent.children.splice(at, 1);
    return;
  }
  needsParser();
}

/**
 * "Any other end tag": closes the nearest element of its name, unless a special one stands above
 * it. SVG and MathML elements are special only where they take HTML (`mi`, `foreignObject` ...):
 * an SVG `colgroup` is no boundary.
 */
function anyOtherEnd(b: TreeBuilder, name: string): void {
  for (let i = b.stack.length - 1; i >= 0; i--) {
    const node = b.stack[i] as TreeElement;
    if (node.tagName === name) {
      b.generateImpliedEndTags(name);
      b.stack.length = Math.min(b.stack.length, i);
      return;
    }
    if (!b.foreign.has(node)) {
      if (SPECIAL.has(node.tagName)) return;
    } else if (INTEGRATION_POINTS.has(node.tagName)) needsParser(); // special in one namespace, not the other: a MathML `title` is not
  }
}
