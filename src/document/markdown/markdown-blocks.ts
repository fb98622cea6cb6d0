import type { Nodes, Root, RootContent } from 'mdast';
import type { Point } from 'unist';
import { FRONT_MATTER } from '../front-matter.js';

/** Parses Markdown that starts a line; `isDocumentStart` where front matter may open it. */
export type ParseMarkdown = (text: string, isDocumentStart: boolean) => Root;

/**
 * A run of lines between empty ones: its offsets (the end before its last line ending) and first
 * line. A line of spaces or tabs is blank to the parser, but some blocks keep it (indented code
 * does): it stays in its block, which is then no plain text.
 */
interface Block {
  start: number;
  end: number;
  line: number;
}

// Constructs that reach across a blank line into a block with no syntax of its own, or join
// blocks apart: fenced code, the HTML blocks that end only at their closing text (CommonMark 4.6,
// kinds 1 to 5, in a list item too), and definitions, which references anywhere use. A page with
// any is parsed whole.
const REACHES_ACROSS = /```|~~~|\]:|<(?:script|pre|style|textarea|[!?])/i;
// What makes a block more than a paragraph of text: inline syntax, escapes and references, white
// space the parser strips or reads as a break, a line that may start a block of another kind
// (heading, setext underline, list, quote, table), and GitHub's extensions (GFM_SYNTAX below).
const NOT_PLAIN = /[\\`*_[\]<&~|\0\t\v\f]| \n| $|(?:^|\n)(?:[ #=+\->:]|\d{1,9}[.)])/;
const PLAIN_HEADING = /^(#{1,6} +)([^#\n]+)$/;
/** What GitHub's extensions start from (see markdown.ts); a block without it is the same without them. */
export const GFM_SYNTAX = /[|~@]|:-|-:|\[\^|\[[ xX]\]|www|http|:\\?\/|mailto|xmpp/i;

/**
 * Parses a Markdown page into the tree `parse` would give for all of it, with less parsing. Where
 * no construct reaches across a blank line (see `REACHES_ACROSS`), the page is a sequence of
 * blocks that each read the same alone: a paragraph or heading that is plain text (most of an
 * article's prose) is built here, and each run of the other blocks is parsed on its own, its
 * positions moved to where it stands. A page that is not such a sequence is parsed whole.
 */
export function parseByBlocks(source: string, parse: ParseMarkdown): Root {
  const blocks = splitBlocks(source);
  if (!blocks) return parse(source, true);
  const children: RootContent[] = [];
  let run: Block | undefined; // blocks waiting to be parsed together
  const parseRun = (): void => {
    if (!run) return;
    // A block open at the end of the page (indented code) takes the blank lines after it.
    if (run.end === blocks.at(-1)?.end) run.end = source.length;
    const parsed = parse(source.slice(run.start, run.end), run.start === 0);
    for (const child of parsed.children) children.push(moved(child, run.start, run.line - 1));
    run = undefined;
  };
  for (const block of blocks) {
    const node = plainNode(source, block);
    if (node) {
      parseRun();
      children.push(node);
    } else if (run) run.end = block.end;
    else run = { ...block };
  }
  parseRun();
  // Front matter was told apart here by its fences; the parser has the last word on it.
  const [first] = blocks;
  if (first && source.startsWith('---') && (children[0]?.type !== 'yaml' || children[0].position?.end.offset !== first.end)) {
    return parse(source, true);
  }
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: pointAt(source, source.length, 1, 0) } };
}

/** The page's blocks, front matter first as one; undefined where a construct reaches across blocks. */
function splitBlocks(source: string): Block[] | undefined {
  if (source.includes('\r') || source.charCodeAt(0) === 0xfeff) return undefined;
  const blocks: Block[] = [];
  let at = 0;
  let line = 1;
  if (source.startsWith('---') || source.startsWith('+++')) {
    const frontMatter = FRONT_MATTER.exec(source)?.[0];
    if (frontMatter === undefined) return undefined;
    blocks.push({ start: 0, end: frontMatter.length, line: 1 });
    at = frontMatter.length + 1;
    line += countLines(frontMatter) + 1;
  }
  if (REACHES_ACROSS.test(at === 0 ? source : source.slice(at))) return undefined;
  let block: Block | undefined;
  for (; at <= source.length; line++) {
    const newline = source.indexOf('\n', at);
    const end = newline === -1 ? source.length : newline;
    if (end === at) block = undefined;
    else if (block) block.end = end;
    else blocks.push((block = { start: at, end, line }));
    at = end + 1;
  }
  return blocks;
}

/** A block as the parser would read it, if it is a paragraph or a one-line heading of plain text. */
function plainNode(source: string, { start, end, line }: Block): RootContent | undefined {
  const text = source.slice(start, end);
  const heading = PLAIN_HEADING.exec(text);
  const words = heading?.[2] ?? text;
  if (NOT_PLAIN.test(words) || GFM_SYNTAX.test(words)) return undefined;
  const marker = heading?.[1] ?? '';
  const last = pointAt(text, text.length, line, start);
  // Each node has points of its own, as the parser gives them.
  const position = () => ({ start: { line, column: 1, offset: start }, end: { ...last } });
  const wordsStart = { line, column: marker.length + 1, offset: start + marker.length };
  const children = [{ type: 'text' as const, value: words, position: { start: wordsStart, end: { ...last } } }];
  if (!heading) return { type: 'paragraph', children, position: position() };
  return { type: 'heading', depth: marker.trimEnd().length as 1 | 2 | 3 | 4 | 5 | 6, children, position: position() };
}

/** The point at `offset` of `text`, whose first character is at `line`, column 1, `base` in the page. */
function pointAt(text: string, offset: number, line: number, base: number): Point {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return { line: line + countLines(text.slice(0, lineStart)), column: offset - lineStart + 1, offset: base + offset };
}

/** A node parsed from a slice, with its positions (and its descendants') moved to where the slice stands. */
function moved<T extends Nodes>(node: T, offset: number, lines: number): T {
  const place = node.position;
  const move = (point: Point): Point => ({ line: point.line + lines, column: point.column, offset: (point.offset ?? 0) + offset });
  if (place) node.position = { start: move(place.start), end: move(place.end) };
  if ('children' in node) for (const child of node.children) moved(child, offset, lines);
  return node;
}

function countLines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
