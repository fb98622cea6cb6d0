import type { TreeBuilder } from '../html-tree.js';
import type { TreeElement } from '../tree.js';
import { BREAKOUT, INTEGRATION_POINTS, RAW } from './elements.js';
import { needsParser } from './needs-parser.js';
import { createElement, type Tag } from './tag.js';

// Foreign content (13.2.6.5): inline SVG and MathML that close as they open.

/** A start tag inside SVG or MathML. */
export function foreignStart(b: TreeBuilder, tag: Tag): void {
  const current = b.current as TreeElement;
  if (INTEGRATION_POINTS.has(current.tagName.toLowerCase()) || BREAKOUT.has(tag.name)) needsParser();
  if (tag.name === 'font' && ['color', 'face', 'size'].some((name) => tag.attributes.has(name))) needsParser();
  // The scan reads the content of a `<style/>` as raw text, the parser reads it as markup.
  if (RAW.has(tag.name) && tag.isSelfClosing) needsParser();
  const element = b.insert(createElement(tag.name, tag), !tag.isSelfClosing);
  if (!tag.isSelfClosing) b.foreign.add(element);
  if (RAW.has(tag.name)) b.raw = element;
}

/** An end tag inside SVG or MathML: it must close the current node. */
export function foreignEnd(b: TreeBuilder, tag: Tag): void {
  const current = b.current as TreeElement;
  if (current.tagName.toLowerCase() !== tag.name) needsParser();
  b.stack.pop();
}
