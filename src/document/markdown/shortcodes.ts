import type { Element, ElementContent, Root as HastRoot, Text } from 'hast';
import type { Point, Position } from 'unist';

// Hugo's figure shortcode, a paragraph of its own: `{{< figure src="x.jpg" caption="..."
// attr="AP Photo/Name" >}}` (or `{{% ... %}}`). Its parameters are quoted with `"` or backticks.
const FIGURE = /^\{\{(?:<\s*figure\s([^]*?)\s*>|%\s*figure\s([^]*?)\s*%)\}\}$/;
const PARAMETER = /([a-z]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`)/g;

/**
 * Reads each paragraph that is a Hugo `figure` shortcode as the figure Hugo renders from it: an
 * image with its `src`, `alt` and `title`, and a caption holding the `caption` and, as a credit,
 * the `attr` (the photo's attribution). Each text points at its value in the source; the image at
 * the shortcode's name, from where its attributes are found as a tag's are.
 */
export function readFigureShortcodes(tree: HastRoot, source: string): void {
  tree.children.forEach((node, i) => {
    if (node.type !== 'element' || node.tagName !== 'p' || !node.position) return;
    const start = node.position.start.offset ?? 0;
    const match = FIGURE.exec(source.slice(start, node.position.end.offset ?? start));
    if (!match) return;
    const values = new Map<string, { value: string; at: number }>();
    const parameters = match[1] ?? match[2] ?? '';
    const paramsAt = start + match[0].indexOf(parameters);
    for (const parameter of parameters.matchAll(PARAMETER)) {
      const value = parameter[2] ?? parameter[3] ?? '';
      values.set(parameter[1] as string, { value, at: paramsAt + parameter.index + parameter[0].length - value.length - 1 });
    }
    const nameAt = start + match[0].indexOf('figure');
    const span = spanIn(source, node.position.start);
    const image: Element = {
      type: 'element',
      tagName: 'img',
      properties: Object.fromEntries(['src', 'alt', 'title'].flatMap((name) => (values.has(name) ? [[name, values.get(name)?.value]] : []))),
      children: [],
      position: span(nameAt - 1, nameAt),
    };
    const caption = textOf(values.get('caption'), span);
    const credit = textOf(values.get('attr'), span);
    const captionChildren: ElementContent[] = [
      ...(caption ? [caption] : []),
      ...(credit ? [{ type: 'element', tagName: 'span', properties: { className: ['credit'] }, children: [credit] } satisfies Element] : []),
    ];
    const figure: Element = {
      type: 'element',
      tagName: 'figure',
      properties: {},
      children: [image, ...(captionChildren.length > 0 ? [{ type: 'element', tagName: 'figcaption', properties: {}, children: captionChildren } satisfies Element] : [])],
      position: node.position,
    };
    tree.children[i] = figure;
  });
}

/** A text node of a parameter's value, at its place in the source. */
function textOf(parameter: { value: string; at: number } | undefined, span: (from: number, to: number) => Position): Text | undefined {
  if (!parameter || parameter.value.trim() === '') return undefined;
  return { type: 'text', value: parameter.value, position: span(parameter.at, parameter.at + parameter.value.length) };
}

/** The positions of spans of `source` at or after `origin`, with their lines and columns. */
function spanIn(source: string, origin: Point): (from: number, to: number) => Position {
  const pointAt = (offset: number): Point => {
    let { line, column } = origin;
    for (let i = origin.offset ?? 0; i < offset; i++) {
      if (source.charCodeAt(i) === 10) [line, column] = [line + 1, 1];
      else column++;
    }
    return { line, column, offset };
  };
  return (from, to) => ({ start: pointAt(from), end: pointAt(to) });
}
