import type { TreeBuilder } from '../html-tree.js';
import type { TreeElement } from '../../tree.js';
import { BREAKOUT, INTEGRATION_POINTS, RAW } from './elements.js';
import { needsParser } from './needs-parser.js';
import { endTag, startTag } from './modes.js';
import { createElement, type Tag } from './tag.js';

// Foreign content (13.2.6.5): inline SVG and MathML that close as they open.

/** A start tag inside SVG or MathML. */
export function foreignStart(b: TreeBuilder, tag: Tag): void {
  const current = b.current as TreeElement;
  if (INTEGRATION_POINTS.has(current.tagName.toLowerCase())) needsParser();
  if (BREAKOUT.has(tag.name) || (tag.name === 'font' && ['color', 'face', 'size'].some((name) => tag.attributes.has(name)))) return breakOut(b, () => startTag(b, tag));
  // The scan reads the content of a `<style/>` as raw text, the parser reads it as markup.
  if (RAW.has(tag.name) && tag.isSelfClosing) needsParser();
  const element = b.insert(createElement(tag.name, tag), !tag.isSelfClosing);
  if (!tag.isSelfClosing) b.foreign.add(element);
  if (RAW.has(tag.name)) b.raw = element;
}

/**
 * An end tag inside SVG or MathML ("any other end tag", 13.2.6.5): it closes the nearest foreign
 * element of its name, what stands above it too (`</svg>` with a `g` left open); where an HTML
 * element comes first, the insertion mode reads it (`</div>` closing the div around the SVG),
 * and false is returned. `</p>` and `</br>` break out of foreign content. An end tag that meets
 * special foreign elements is left to parse5.
 */
export function foreignEnd(b: TreeBuilder, tag: Tag): boolean {
  if (tag.name === 'p' || tag.name === 'br') {
    breakOut(b, () => endTag(b, tag));
    return true;
  }
  for (let i = b.stack.length - 1; i > 0; i--) {
    const node = b.stack[i] as TreeElement;
    if (!b.foreign.has(node)) return false;
    if (node.tagName.toLowerCase() === tag.name) {
      b.stack.length = i;
      return true;
    }
    // MathML's text elements and SVG's foreignObject, desc and title are "special": an HTML end
    // tag stops at them, by rules this builder does not keep for foreign elements.
    if (INTEGRATION_POINTS.has(node.tagName.toLowerCase())) needsParser();
  }
  return true;
}

/**
 * An HTML tag that has no place in SVG or MathML (a `<p>`, a `<br>`, a `<font color>` ...) closes
 * them, and is read as HTML (13.2.6.5): a feed's icon left open no longer holds the story after
 * it. Where an element that takes HTML stands in the way (a `foreignObject`), parse5 reads the page.
 */
function breakOut(b: TreeBuilder, read: () => void): void {
  while (b.isForeign()) {
    if (INTEGRATION_POINTS.has((b.current as TreeElement).tagName)) needsParser();
    b.stack.pop();
  }
  read();
}
