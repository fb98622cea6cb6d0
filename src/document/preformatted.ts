import type { TreeElement as Element } from './tree.js';

// Preformatted text and code, which the region reader reads apart: the elements that keep their
// line breaks, and the code that is a sample, not the page's text.

// Elements whose line breaks a reader sees; code set in one is read as one block, as a program's
// lines are no lines of a story ("credit": "REUTERS/Name" in an API's example).
export const PREFORMATTED_TAGS = new Set(['pre', 'listing', 'xmp', 'plaintext', 'textarea']);
export const CODE_TAGS = new Set(['code', 'samp', 'kbd']);
/** How many lines of preformatted text are read each as a block: a wire story's few hundred, not a million short lines. */
export const MAX_PRE_LINES = 2000;
const CODE_WORDS = /(?:^|[-_\s])(?:code|highlight|language|lang|source|syntax|hljs|prism)(?:$|[-_\s])/i;

// The class a code block's language gives it: Markdown's and highlighters' ("language-json",
// "lang-text", "hljs", "prism", Pandoc's "sourceCode").
const LANGUAGE_CLASS = /^(?:language-|lang-|hljs|prism|sourceCode|highlight)/i;

/** Whether a code element names its language (see `LANGUAGE_CLASS`). */
export function isLanguageCode(element: Element): boolean {
  const { className } = element.properties;
  return Array.isArray(className) && className.some((name) => LANGUAGE_CLASS.test(String(name)));
}

/** Whether preformatted text is code: it holds a `<code>`, or its class words say so. */
export function isCode(element: Element, words: string | undefined): boolean {
  return (words !== undefined && CODE_WORDS.test(words)) || element.children.some((child) => child.type === 'element' && CODE_TAGS.has(child.tagName));
}

/**
 * The line breaks in the source of preformatted text from `start` to `end`, which has `lines`
 * lines, and where its first line starts.
 */
export function lineBreaks(source: string, start: number, end: number, lines: number): { first: number; breaks: number[] } {
  const breaks: number[] = [];
  for (let i = source.indexOf('\n', start); i !== -1 && i < end; i = source.indexOf('\n', i + 1)) breaks.push(i);
  // The line break right after `<pre>`, which the parser drops, is no text.
  const first = breaks.length === lines && /^\r?\n/.test(source.slice(start, start + 2)) ? (breaks.shift() as number) + 1 : start;
  return { first, breaks };
}
