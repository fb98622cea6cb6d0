import { emptyFacts } from '../document/facts.js';
import { parseHtml } from '../document/html/parse-html.js';
import type { PageFormat } from '../document/format.js';
import type { TreeElement, TreeNode, TreeRoot } from '../document/tree.js';

// How many elements of a container's path are shown, innermost last: enough to see the cell, the
// rail or the caption a block stands in without the page's whole nesting.
const SHOWN = 5;

/**
 * The element each offset stands in, as a path of CSS-like steps (`td#story > p`,
 * `aside.related > ul > li > a`): what a user looks for in the page's source when a mark is or is
 * not taken as the story's. The page is parsed again with the full parser, as only a trace asks.
 */
export async function containersAt(source: string, format: PageFormat, offsets: readonly number[]): Promise<Map<number, string>> {
  const tree: TreeRoot = format === 'markdown'
    ? await (await import('../document/markdown/markdown.js')).markdownToHast(source, emptyFacts())
    : (await parseHtml(source, { full: true })).tree;
  const paths = new Map<number, string>();
  for (const offset of new Set(offsets)) {
    const path = pathTo(tree.children, offset, []);
    const shown = path.slice(-SHOWN).map(describe).join(' > ');
    if (shown) paths.set(offset, path.length > SHOWN ? `… > ${shown}` : shown);
  }
  return paths;
}

/** The elements from the root down to the innermost one whose source holds `offset`. */
function pathTo(children: readonly TreeNode[], offset: number, path: TreeElement[]): TreeElement[] {
  for (const child of children) {
    if (child.type !== 'element') continue;
    const start = child.position?.start?.offset;
    const end = child.position?.end?.offset;
    // Implied elements (`html`, `tbody`) have no position of their own: look inside them.
    if (start === undefined || end === undefined) {
      const inner = pathTo(child.children, offset, [...path, child]);
      if (inner.length > path.length + 1) return inner;
      continue;
    }
    if (offset >= start && offset < end) return pathTo(child.children, offset, [...path, child]);
  }
  return path;
}

/** An element as a selector step: its tag, its id, and its first two classes. */
function describe(element: TreeElement): string {
  const { id, className } = element.properties;
  const classes = Array.isArray(className) ? className.slice(0, 2).map((name) => `.${String(name)}`).join('') : '';
  return `${element.tagName}${typeof id === 'string' && id !== '' ? `#${id}` : ''}${classes}`;
}
