import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { TreeRoot } from '../tree.js';
import type { ParsedHtml } from './parse-html.js';
import { withoutScripts } from './parse-input.js';

const htmlParser = unified().use(rehypeParse);

/**
 * parse5's tree of an HTML page (through rehype-parse), for the pages the tree builder leaves to
 * it: parsed without the content of its scripts and style sheets, whose offsets map back.
 */
export function parseWithoutScripts(source: string): ParsedHtml {
  const input = withoutScripts(source);
  if (!input) return { tree: parseWhole(source), text: source };
  return { tree: parseWhole(input.text), text: input.text, toSource: input.toSource };
}

/** parse5's tree of the whole page, with a position for every element. */
export function parseWhole(source: string): TreeRoot {
  return htmlParser.parse(source) as TreeRoot;
}
