import type { Element, ElementContent, Root as HastRoot, Text } from 'hast';
import type { Point, Position } from 'unist';

// A template tag standing as a paragraph of its own, as static-site generators put figures in
// Markdown: Hugo's shortcodes (`{{< figure src="x.jpg" caption="..." attr="AP Photo/Name" >}}`, or
// `{{% ... %}}`, and the `img` or `image` shortcodes of themes) and the tags of Liquid (Jekyll) and
// Nunjucks (Eleventy): `{% include figure.html image="x.jpg" caption="..." credit="Name/AFP" %}`.
const TAG = /^(?:\{\{<\s*[\w./-]+\s([^]*?)\s*>\}\}|\{\{%\s*[\w./-]+\s([^]*?)\s*%\}\}|\{%-?\s*(?:include\s+)?[\w./-]+\s([^]*?)\s*-?%\})$/;
// The opening of a template tag: a paragraph of several (a code sample between `{% highlight %}`
// and `{% endhighlight %}`, or Hugo's own `{{< highlight >}}`) is no figure.
const TAG_OPENING = /\{\{[<%]|\{%/g;
// A named parameter, its value quoted with `"`, `'` or backticks.
const PARAMETER = /([A-Za-z_][\w-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|`([^`]*)`)/g;
// The parameters read, by the names themes give them: the caption, the photo's credit (Hugo's
// `attr`), and the image's own `src`, `alt` and `title`.
const CAPTIONS = new Set(['caption', 'description']);
const CREDITS = new Set(['attr', 'credit', 'attribution', 'photographer', 'copyright']);
const IMAGE_PROPERTIES = ['src', 'alt', 'title'];

/**
 * Reads each paragraph that is a template tag with a caption or a credit as the figure it renders:
 * an image with its `src`, `alt` and `title`, and a caption holding the caption and, as a credit,
 * the credit. Each text points at its value in the source; the image at the tag's first word,
 * from where its attributes are found as a tag's are.
 */
export function readFigureShortcodes(tree: HastRoot, source: string): void {
  tree.children.forEach((node, i) => {
    if (node.type !== 'element' || node.tagName !== 'p' || !node.position) return;
    const start = node.position.start.offset ?? 0;
    const text = source.slice(start, node.position.end.offset ?? start);
    const match = TAG.exec(text);
    if (!match || (text.match(TAG_OPENING)?.length ?? 0) > 1) return;
    const values = new Map<string, { value: string; at: number }>();
    const parameters = match[1] ?? match[2] ?? match[3] ?? '';
    const paramsAt = start + text.lastIndexOf(parameters);
    for (const parameter of parameters.matchAll(PARAMETER)) {
      const value = parameter[2] ?? parameter[3] ?? parameter[4] ?? '';
      values.set(parameter[1] as string, { value, at: paramsAt + parameter.index + parameter[0].length - value.length - 1 });
    }
    const named = (names: ReadonlySet<string>) => [...values].filter(([name]) => names.has(name)).map(([, value]) => value);
    const captions = named(CAPTIONS);
    const credits = named(CREDITS);
    if (captions.length === 0 && credits.length === 0 && !values.has('alt')) return;
    const nameAt = start + text.search(/\w/);
    const span = spanIn(source, node.position.start);
    const image: Element = {
      type: 'element',
      tagName: 'img',
      properties: Object.fromEntries(IMAGE_PROPERTIES.flatMap((name) => (values.has(name) ? [[name, values.get(name)?.value]] : []))),
      children: [],
      position: span(nameAt - 1, nameAt),
    };
    const captionChildren: ElementContent[] = [
      ...captions.flatMap((caption) => textOf(caption, span) ?? []),
      ...credits.flatMap((credit) => {
        const text = textOf(credit, span);
        return text ? [{ type: 'element', tagName: 'span', properties: { className: ['credit'] }, children: [text] } satisfies Element] : [];
      }),
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
