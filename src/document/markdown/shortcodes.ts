import type { Element, ElementContent, Root as HastRoot, Text } from 'hast';
import type { Position } from 'unist';
import { spansIn } from './spans.js';

// A template tag standing as a paragraph of its own, as static-site generators put figures in
// Markdown: Hugo's shortcodes (`{{< figure src="x.jpg" caption="..." attr="AP Photo/Name" >}}`, or
// `{{% ... %}}`, and the `img` or `image` shortcodes of themes) and the tags of Liquid (Jekyll) and
// Nunjucks (Eleventy): `{% include figure.html image="x.jpg" caption="..." credit="Name/AFP" %}`.
// Each kind of tag by its opening, up to its name, and its closing; the parameters stand between.
// (One pattern for a whole tag tried its lazy parameters against every place of a long one.)
const TAGS = [
  { opening: /^\{\{<\s*([\w./-]+)\s/, closing: '>}}' },
  { opening: /^\{\{%\s*([\w./-]+)\s/, closing: '%}}' },
  { opening: /^\{%-?\s*(?:include\s+)?([\w./-]+)\s/, closing: '%}' },
];
// Liquid's tags that set a variable, whose value is no figure's ("{% assign caption = ... %}").
const VARIABLE_TAGS = new Set(['assign', 'capture']);
// The opening of a template tag: a paragraph of several (a code sample between `{% highlight %}`
// and `{% endhighlight %}`, or Hugo's own `{{< highlight >}}`) is no figure.
const TAG_OPENING = /\{\{[<%]|\{%/g;
// A named parameter, its value quoted with `"`, `'` or backticks.
const PARAMETER = /([A-Za-z_][\w-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|`([^`]*)`)/g;
// Eleventy's shortcodes take their parameters in order, unnamed: `{% image "x.jpg", "alt text",
// "caption" %}`. The first names a picture's file, the next are its alt text and its caption.
const POSITIONAL = /(?:^|,)\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)')/g;
const POSITIONAL_NAMES = ['src', 'alt', 'caption'];
const PICTURE_FILE = /\.(?:jpe?g|png|gif|webp|avif|tiff?)(?:[?#]|$)/i;
// The parameters read, by the names themes give them: the caption, the photo's credit (Hugo's
// `attr`, and the names a theme gives it in its site's language: `quelle`, `fonte`, `credito`),
// and the image's own `src`, `alt` and `title`.
const CAPTIONS = new Set(['caption', 'description']);
const CREDITS = new Set(['attr', 'credit', 'attribution', 'photographer', 'copyright', 'source', 'agency', 'quelle', 'bildnachweis', 'bildquelle', 'fotograf', 'fonte', 'fuente', 'credito', 'credits']);
const IMAGE_PROPERTIES = ['src', 'alt', 'title'];

/**
 * Reads each paragraph that is a template tag with a caption or a credit as the figure it renders
 * (see `figureOf`), and each tag of a paragraph of several, a gallery's, as one figure each.
 */
export function readFigureShortcodes(tree: HastRoot, source: string): void {
  // Lines and columns are counted once a page, where it has a tag to read.
  let spans: ((from: number, to: number) => Position) | undefined;
  const span = (from: number, to: number): Position => (spans ??= spansIn(source))(from, to);
  // The quote a Hugo shortcode's closing line became, read with the shortcode (see `HUGO_CLOSING_LINE`).
  const swallowed = new Set<HastRoot['children'][number]>();
  // The figures of a gallery's paragraph, which holds several tags (see `galleryFigures`).
  const galleries = new Map<HastRoot['children'][number], Element[]>();
  tree.children.forEach((node, i) => {
    if (node.type !== 'element' || node.tagName !== 'p' || !node.position) return;
    const start = node.position.start.offset ?? 0;
    const end = node.position.end.offset ?? start;
    const closingLine = source.startsWith('{{<', start) ? HUGO_CLOSING_LINE.exec(source.slice(end, end + 200)) : null;
    const closedAt = closingLine ? end + closingLine[0].length : -1;
    const next = closingLine ? nextElement(tree, i) : undefined;
    // The quote is the closing line alone, not a lead that runs on from it ("}}" then "WASHINGTON (AP) —").
    const isClosedBelow = next?.tagName === 'blockquote' && next.position?.end?.offset === closedAt;
    const text = source.slice(start, isClosedBelow ? closedAt : end);
    if ((text.match(TAG_OPENING)?.length ?? 0) > 1) {
      const figures = galleryFigures(text, start, span);
      if (figures.length > 0) galleries.set(node, figures);
      return;
    }
    const figure = figureOf(text, start, span, node.position);
    if (!figure) return;
    tree.children[i] = figure;
    if (isClosedBelow) swallowed.add(next);
  });
  if (swallowed.size > 0 || galleries.size > 0) tree.children = tree.children.filter((node) => !swallowed.has(node)).flatMap((node) => galleries.get(node) ?? [node]);
}

/**
 * The figure a template tag renders, from `text` (the tag, at `start` in the source): an image
 * with its `src`, `alt` and `title`, and a caption holding the caption and, as a credit, the
 * credit; undefined where the tag is none of a figure's or gives none of them. Each text points
 * at its value in the source; the image at the tag's first word, from where its attributes are
 * found as a tag's are.
 */
function figureOf(text: string, start: number, span: (from: number, to: number) => Position, position: Position): Element | undefined {
  const tag = tagIn(text);
  if (!tag) return undefined;
  const values = new Map<string, { value: string; at: number }>();
  const { parameters, paramsAt: at } = tag;
  const paramsAt = start + at;
  for (const parameter of parameters.matchAll(PARAMETER)) {
    const value = parameter[2] ?? parameter[3] ?? parameter[4] ?? '';
    values.set(parameter[1] as string, { value, at: paramsAt + parameter.index + parameter[0].length - value.length - 1 });
  }
  if (values.size === 0) readPositional(parameters, paramsAt, values);
  const named = (names: ReadonlySet<string>) => [...values].filter(([name]) => names.has(name)).map(([, value]) => value);
  const captions = named(CAPTIONS);
  const credits = named(CREDITS);
  if (captions.length === 0 && credits.length === 0 && !values.has('alt')) return undefined;
  const nameAt = start + text.search(/\w/);
  const image: Element = {
    type: 'element',
    // A video's tag ("{% include video.html %}", "{{< youtube >}}") renders a player: its caption is the video's.
    tagName: /video|youtube|vimeo/i.test(tag.name) ? 'video' : 'img',
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
  return {
    type: 'element',
    tagName: 'figure',
    properties: {},
    children: [image, ...(captionChildren.length > 0 ? [{ type: 'element', tagName: 'figcaption', properties: {}, children: captionChildren } satisfies Element] : [])],
    position,
  };
}

// A paragraph that holds a code sample between its tags ("{% highlight %}", Hugo's own
// "{{< highlight >}}", Liquid's "{% raw %}"): its tags are an example, no figures.
const CODE_SAMPLE_TAG = /\{%-?\s*(?:highlight|raw|comment)\b|\{\{[<%]\s*(?:highlight|code)\b/;
// The closing of each kind of tag an opening starts (see `TAGS`).
const CLOSINGS: Record<string, string> = { '{{<': '>}}', '{{%': '%}}', '{%': '%}' };

/**
 * The figures of a paragraph of several template tags, each read as a figure's: a gallery's
 * ("{{< gallery >}}" around its "{{< figure ... attr=... >}}"s, indented or not).
 */
function galleryFigures(text: string, start: number, span: (from: number, to: number) => Position): Element[] {
  if (CODE_SAMPLE_TAG.test(text)) return [];
  const figures: Element[] = [];
  for (const opening of text.matchAll(TAG_OPENING)) {
    const closing = CLOSINGS[opening[0]] as string;
    const end = text.indexOf(closing, opening.index + opening[0].length);
    if (end === -1) break;
    const tagEnd = end + closing.length;
    const figure = figureOf(text.slice(opening.index, tagEnd), start + opening.index, span, span(start + opening.index, start + tagEnd));
    if (figure) figures.push(figure);
  }
  return figures;
}

/** The first element after the tree's child `i`: the blocks between are white space. */
function nextElement(tree: HastRoot, i: number): Element | undefined {
  for (let j = i + 1; j < tree.children.length; j++) {
    const child = tree.children[j];
    if (child?.type === 'element') return child;
  }
  return undefined;
}

// A Hugo shortcode written over several lines closes on a line of its own, which Markdown reads as
// a quote ("{{< figure" / "  src=..." / ">}}"): the paragraph and that line are the shortcode.
const HUGO_CLOSING_LINE = /^[ \t]*\r?\n[ \t]*>\}\}/;

/** Names a shortcode's parameters given in order (see `POSITIONAL`), where the first is a picture's file. */
function readPositional(parameters: string, paramsAt: number, values: Map<string, { value: string; at: number }>): void {
  const given = [...parameters.matchAll(POSITIONAL)].slice(0, POSITIONAL_NAMES.length);
  if (given.length < 2 || !PICTURE_FILE.test(given[0]?.[1] ?? given[0]?.[2] ?? '')) return;
  given.forEach((parameter, i) => {
    const value = parameter[1] ?? parameter[2] ?? '';
    values.set(POSITIONAL_NAMES[i] as string, { value, at: paramsAt + parameter.index + parameter[0].length - value.length - 1 });
  });
}

/** The name and parameters of the one template tag a paragraph is, if it is one (see `TAGS`). */
function tagIn(text: string): { name: string; parameters: string; paramsAt: number } | undefined {
  for (const { opening, closing } of TAGS) {
    const open = opening.exec(text);
    if (!open || !text.endsWith(closing)) continue;
    const name = open[1] as string;
    if (VARIABLE_TAGS.has(name)) return undefined;
    return { name, parameters: text.slice(open[0].length, text.length - closing.length), paramsAt: open[0].length };
  }
  return undefined;
}

/** A text node of a parameter's value, at its place in the source. */
function textOf(parameter: { value: string; at: number } | undefined, span: (from: number, to: number) => Position): Text | undefined {
  if (!parameter || parameter.value.trim() === '') return undefined;
  return { type: 'text', value: parameter.value, position: span(parameter.at, parameter.at + parameter.value.length) };
}

