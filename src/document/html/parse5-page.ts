import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { PageFacts } from '../facts.js';
import { extractRegions } from '../hast-regions.js';
import { withoutScripts } from './parse-input.js';

const htmlParser = unified().use(rehypeParse);

/**
 * Reads an HTML page's regions from parse5's tree (through rehype-parse), for the pages the tree
 * builder leaves to it: parsed without the content of its scripts and style sheets, offsets mapped back.
 */
export function readWithParse5(source: string, facts: PageFacts): void {
  const input = withoutScripts(source);
  extractRegions(htmlParser.parse(input?.text ?? source), input?.text ?? source, facts);
  if (!input) return;
  for (const region of facts.regions) region.offsets = region.offsets.map(input.toSource);
  for (const comment of facts.comments) [comment.start, comment.end] = [input.toSource(comment.start), input.toSource(comment.end)];
}
