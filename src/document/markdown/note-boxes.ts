import type { Element, ElementContent, Root as HastRoot, Text } from 'hast';
import type { Position } from 'unist';
import { spansIn } from './spans.js';

// The line that opens a note box, as Markdown's extensions write one at the start of a paragraph,
// and its title where it has one. The marker renders as a box, the title as its heading line: a
// credit set there ("Source: AFP") is a line of its own, which the marker hid in front of it.
const OPENINGS = [
  // MkDocs' admonitions (Python-Markdown), and pymdownx.details' collapsible ones:
  // `!!! note "Source: AFP"`, `???+ info inline`.
  /^(?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+[\w-]+)*(?:[ \t]+"(?<quoted>[^"\n]*)")?[ \t]*(?:\n|$)/d,
  // The containers of Docusaurus, VuePress and markdown-it-container: `:::note Source: AFP`,
  // `:::info[Source: AFP]`, closed by a line of `:::`.
  /^:{3,}[ \t]*[\w-]+(?:\[(?<bracketed>[^\]\n]*)\]|[ \t]+(?<rest>[^\n]*?))?[ \t]*(?:\n|$)/d,
  // GitHub's alerts and Obsidian's callouts, in a quote: `> [!NOTE]`, `> [!info]- Source: Reuters`.
  /^\[![\w-]+\][+-]?(?:[ \t]+(?<rest>[^\n]*?))?[ \t]*(?:\n|$)/d,
];
// A container's closing line, where it ends the same paragraph.
const CLOSING = /\n:{3,}[ \t]*$/;

/**
 * Reads each note box's opening line (see `OPENINGS`) as the box renders it: the marker no text,
 * its title a line of its own above the box's text.
 */
export function readNoteBoxes(tree: HastRoot, source: string): void {
  if (!/^[ \t>]*(?:!!!|\?\?\?|:::|\[!)/m.test(source)) return;
  let spans: ((from: number, to: number) => Position) | undefined;
  const span = (from: number, to: number): Position => (spans ??= spansIn(source))(from, to);
  (function visit(parent: HastRoot | Element): void {
    for (const node of parent.children) {
      if (node.type !== 'element') continue;
      if (node.tagName === 'p') readOpening(node, source, span);
      else visit(node);
    }
  })(tree);
}

/** Reads a paragraph's opening line as its note box renders it, where it opens one. */
function readOpening(paragraph: Element, source: string, span: (from: number, to: number) => Position): void {
  const first = paragraph.children[0];
  const at = first?.type === 'text' ? first.position?.start.offset : undefined;
  if (first?.type !== 'text' || at === undefined) return;
  const opening = OPENINGS.map((pattern) => pattern.exec(first.value)).find((found) => found !== null);
  // The marker is read at its place in the source, as the parser left it (no escape in it).
  if (!opening || !source.startsWith(opening[0], at)) return;
  const [name, place] = Object.entries(opening.indices?.groups ?? {}).find(([, found]) => found !== undefined) ?? [];
  const value = name === undefined ? '' : (opening.groups?.[name] ?? '');
  const title = value.trim();
  const titleAt = at + (place?.[0] ?? 0) + value.indexOf(title);
  const textAt = at + opening[0].length;
  const children: ElementContent[] = [
    ...(title === '' ? [] : [{ type: 'text', value: title, position: span(titleAt, titleAt + title.length) } satisfies Text, { type: 'element', tagName: 'br', properties: {}, children: [] } satisfies Element]),
    { type: 'text', value: first.value.slice(opening[0].length), position: span(textAt, first.position?.end.offset ?? textAt) },
    ...paragraph.children.slice(1),
  ];
  const last = children.at(-1);
  const closing = last?.type === 'text' ? CLOSING.exec(last.value) : null;
  if (last?.type === 'text' && closing) {
    last.value = last.value.slice(0, closing.index);
    if (last.position) last.position = span(last.position.start.offset ?? textAt, (last.position.end.offset ?? textAt) - closing[0].length);
  }
  paragraph.children = children.filter((child) => child.type !== 'text' || child.value.trim() !== '');
}

