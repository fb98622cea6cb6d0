import type { TreeElement as Element } from './tree.js';
import type { Region } from './region.js';

/** Elements whose content is never page text a reader sees as part of the page. */
const SKIPPED_TAGS = new Set([
  'script', 'style', 'template', 'nav', 'svg', 'math', 'iframe', 'select', 'button',
]);

/** Elements that start a block of their own: text on either side of them is not one sentence. */
export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hr', 'html', 'li', 'main', 'ol', 'p', 'pre', 'section', 'small', 'summary', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'br',
]);

type BlockKind = Region['kind'];

// Class and id words that sites use for these parts of a page (WordPress, Arc, Drupal themes ...).
const FOOTER_WORDS = /(?:^|[-_\s])(?:copyright|footer|legal|disclaimer|rights)(?:$|[-_\s])/i;
const CAPTION_WORDS = /caption/i;
const CREDIT_WORDS = /credit|photographer|copyright-?holder|image-?source|photo-?source/i;
const BYLINE_WORDS = /byline|(?:^|[-_\s])authors?(?:$|[-_\s])/i;

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** The region kind an element gives the text inside it, or `undefined` to inherit its parent's. */
export function regionKindOf(element: Element): BlockKind | undefined {
  const tag = element.tagName;
  if (tag === 'title') return 'title';
  if (HEADINGS.has(tag)) return 'heading';
  if (tag === 'figcaption' || tag === 'caption') return 'caption';
  // Nearly half the elements of a page have no class, id or itemprop: no words to test.
  const words = describe(element);
  if (words !== undefined) {
    if (CREDIT_WORDS.test(words)) return 'credit';
    if (CAPTION_WORDS.test(words)) return 'caption';
    if (BYLINE_WORDS.test(words)) return 'byline';
  }
  if (hasToken(element.properties.rel, 'author')) return 'byline';
  if (tag === 'footer' || tag === 'small' || (words !== undefined && FOOTER_WORDS.test(words))) return 'footer';
  return undefined;
}

/** Whether the element is hidden from readers or is navigation. */
export function isSkipped(element: Element): boolean {
  if (SKIPPED_TAGS.has(element.tagName)) return true;
  const role = element.properties.role;
  return role === 'navigation' || role === 'menu' || element.properties.hidden === true;
}

/** An element's class, id and itemprop words, or undefined where it has none. */
function describe(element: Element): string | undefined {
  const { className, id, itemProp } = element.properties;
  if (className === undefined && id === undefined && itemProp === undefined) return undefined;
  return `${listOf(className)} ${typeof id === 'string' ? id : ''} ${listOf(itemProp)}`;
}

function listOf(value: unknown): string {
  return Array.isArray(value) ? value.join(' ') : typeof value === 'string' ? value : '';
}

/** Whether a token list (an array, as parsers give `class` and `itemprop`, or a string) holds `token`. */
function hasToken(value: unknown, token: string): boolean {
  if (Array.isArray(value)) return value.includes(token);
  return typeof value === 'string' && value.split(/\s+/).includes(token);
}

/** Whether the element holds the story itself: the first one found marks where the story starts. */
export function storyRank(element: Element): number {
  if (hasToken(element.properties.itemProp, 'articleBody')) return 3;
  if (element.tagName === 'article') return 2;
  if (element.tagName === 'main') return 1;
  return 0;
}
