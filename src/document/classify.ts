import type { TreeElement as Element } from './tree.js';
import type { Region } from './region.js';

/**
 * Elements whose content is never page text a reader sees as part of the page. (A button's
 * pictures are: see `readPicturesIn` in region-attributes.ts.)
 */
const SKIPPED_TAGS = new Set([
  'script', 'style', 'template', 'nav', 'svg', 'math', 'iframe', 'select', 'button',
]);

/** Elements that start a block of their own: text on either side of them is not one sentence. */
export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hr', 'html', 'li', 'main', 'ol', 'p', 'pre', 'section', 'small', 'summary', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'br', 'marquee',
  // NewsML and NITF markup pasted into a page as it came off the wire: each field is a line.
  'dateline', 'byline', 'creditline', 'copyrightline', 'copyrite', 'distributor', 'headline', 'hedline', 'slugline',
]);

/** What the NewsML and NITF fields of wire copy are as regions (`dateline` is a body line). */
const WIRE_FIELDS: ReadonlyMap<string, BlockKind> = new Map([
  ['byline', 'byline'],
  ['distributor', 'byline'],
  ['creditline', 'credit'],
  ['copyrightline', 'footer'],
  ['copyrite', 'footer'],
]);

type BlockKind = Region['kind'];

// Class and id words that sites use for these parts of a page (WordPress, Arc, Drupal themes ...).
const FOOTER_WORDS = /(?:^|[-_\s])(?:copyright|footer|legal|disclaimer|rights)(?:$|[-_\s])/i;
const CAPTION_WORDS = /caption/i;
// Spanish and Portuguese sites sign a picture ("firma-foto"), German ones give its source ("bildquelle").
const CREDIT_WORDS = /credit|photographer|copyright-?holder|image-?source|photo-?source|firma-?foto|foto-?firma|bildquelle|bildnachweis/i;
// A portal's "provider" line names the agency that provided a syndicated story.
// Spanish, Portuguese and Italian sites sign a story in a "firma", French ones give its "auteur".
const BYLINE_WORDS = /byline|(?:^|[-_\s])(?:authors?|provider|autor(?:es)?|autore|auteurs?|firma)(?:$|[-_\s])/i;
// The page of an author or agency, in a site's own words, that a byline links its name to:
// "/author/afp/", "/agency/pti.html", "/autor/dpa", "/auteur/afp", "/contributors/reuters".
const AUTHOR_PAGE = /\/(?:authors?|agency|agencies|autor(?:es|en)?|auteurs?|autore|autori|byline|reporters?|journalists?|contributors?|staff)\/[^/?#\s]/i;

const HEADINGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);
const TITLE_HEADINGS = new Set(['h2', 'h3']);

// Region kinds that say whose content a block is: a heading set inside one of them keeps its kind.
const CREDIT_KINDS = new Set<BlockKind>(['caption', 'credit', 'byline']);

/**
 * The region kind an element gives the text inside it, or `undefined` to inherit its parent's
 * (`inherited`). Class words that name a credit, caption or byline outrank a subheading's tag:
 * templates set credits and bylines in `<h3>`-`<h6>` for their type size, not as titles.
 */
export function regionKindOf(element: Element, inherited: BlockKind, words = classWords(element), isInParagraph = false): BlockKind | undefined {
  const tag = element.tagName;
  if (tag === 'title') return 'title';
  if (tag === 'h1') return 'heading';
  if (tag === 'figcaption' || tag === 'caption') return 'caption';
  // A caption's <cite> holds its credit, set apart from the caption's text (Facebook's Instant
  // Articles: "<figcaption>Text.<cite>AP Photo/Name</cite></figcaption>").
  if (tag === 'cite' && inherited === 'caption') return 'credit';
  const field = WIRE_FIELDS.get(tag);
  if (field) return field;
  // Nearly half the elements of a page have no class, id or itemprop: no words to test.
  if (words !== undefined) {
    if (CREDIT_WORDS.test(words)) return 'credit';
    if (CAPTION_WORDS.test(words)) return 'caption';
    if (BYLINE_WORDS.test(words)) return 'byline';
  }
  if (hasToken(element.properties.rel, 'author')) return 'byline';
  // A link in running text ("As <a>Reuters</a> reported", a trailer's linked names) is no byline.
  if (!isInParagraph && isAuthorLink(element)) return 'byline';
  // A figure's title (a teaser's <h2>) is a heading still; a small heading in it is a credit.
  if (HEADINGS.has(tag)) return CREDIT_KINDS.has(inherited) && !(inherited === 'caption' && TITLE_HEADINGS.has(tag)) ? undefined : 'heading';
  // A paragraph is never a heading: the parser keeps a heading left open over the paragraphs
  // after it (browsers show them in its type), and they are running text.
  if (tag === 'p' && inherited === 'heading') return 'body';
  if (tag === 'small' && CREDIT_KINDS.has(inherited)) return undefined;
  if (tag === 'footer' || tag === 'small' || (words !== undefined && FOOTER_WORDS.test(words))) return 'footer';
  return undefined;
}

/** Whether an element is a link to the page of an author or an agency (see `AUTHOR_PAGE`). */
export function isAuthorLink(element: Element): boolean {
  return element.tagName === 'a' && typeof element.properties.href === 'string' && AUTHOR_PAGE.test(element.properties.href);
}

/**
 * Whether the element is never page text or is navigation. Content hidden until a reader asks for
 * it (a lightbox, a carousel's other slides, a tab panel: `hidden`) is published all the same.
 */
export function isSkipped(element: Element): boolean {
  if (SKIPPED_TAGS.has(element.tagName)) return true;
  const role = element.properties.role;
  return role === 'navigation' || role === 'menu';
}

/** An element's class, id and itemprop words, or undefined where it has none. */
export function classWords(element: Element): string | undefined {
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

// Class and id words of page furniture: links to other stories (related, teasers, promos, most
// read, a link's preview card, Ghost's "kg-bookmark-card"), a page's side columns, sponsored
// blocks and readers' comments, and picture galleries. A story's own gallery is no furniture, and a
// layout wrapper named for its side column ("layout--sidebar", "content-and-right-rail") often
// holds the story too: see story.ts. A "widget" is a sidebar's, but not a page builder's, which
// calls every block of a page one: Elementor's "elementor-widget-text-editor" (and its image
// widget's "widget-image-caption"), SiteOrigin's "so-panel widget".
const FURNITURE_WORDS = new RegExp(
  '(?:^|[-_\\s])(?:' +
    '(?<links>related|teasers?|promos?|recommend(?:ed|ations?)?|more-?(?:stories|news)|trending|most-?(?:read|popular|viewed)|popular|also-?read|read-?more|bookmark|outbrain|taboola)' +
    '|(?<column>sidebar|rail|(?<!elementor-)widgets?(?!-image-caption)|sponsored|comments?)' +
    '|(?<gallery>carousel|gallery|galleries)' +
    ')(?:$|[-_\\s])',
  'i',
);

// An advertisement's slot, by a whole class or id word ("ad", "ads", "advert", "ad-slot",
// "ad-728x90", "adslot-top"), so that a story's "ad-free" wrapper is none.
const ADVERT_WORDS = /(?:^|\s)(?:ads?|adverts?|advertisements?|advertising|ad-(?:slot|unit|container|wrapper|box|banner|placeholder|leaderboard|\d+x\d+)[\w-]*|adslot[\w-]*|gpt-ad[\w-]*)(?=\s|$)/i;

// The page builders that call every block of a page a widget, beside words of their own:
// SiteOrigin's "so-panel widget".
const PAGE_BUILDER_BLOCK = /(?:^|\s)so-panel(?:\s|$)/;

/** What page furniture an element is by its tag or class words, if any. */
export type Furniture = 'links' | 'column' | 'gallery';

/**
 * What page furniture the element is: an `<aside>`, a column or an advertisement by its class or id (`column`), a
 * related-story rail, teaser or promo (`links`), a picture gallery (`gallery`).
 */
export function furnitureOf(element: Element, words = classWords(element)): Furniture | undefined {
  if (element.tagName === 'aside' || (words !== undefined && ADVERT_WORDS.test(words))) return 'column';
  const groups = words === undefined ? undefined : FURNITURE_WORDS.exec(words)?.groups;
  if (groups === undefined || (groups.column && PAGE_BUILDER_BLOCK.test(words as string))) return undefined;
  return groups.links ? 'links' : groups.column ? 'column' : 'gallery';
}

/** Whether the element holds the story itself: the first one found marks where the story starts. */
export function storyRank(element: Element): number {
  if (hasToken(element.properties.itemProp, 'articleBody')) return 3;
  if (element.tagName === 'article') return 2;
  if (element.tagName === 'main') return 1;
  return 0;
}
