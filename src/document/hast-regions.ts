import type { TreeElement as Element, TreeNode, TreeRoot as Root } from './tree.js';
import { locateAttribute } from './attributes.js';
import { BLOCK_TAGS, classWords, isFurniture, isSkipped, regionKindOf, storyRank } from './classify.js';
import type { PageFacts } from './facts.js';
import { readJsonLd } from './jsonld.js';
import { readMeta } from './meta.js';
import type { Region } from './region.js';
import { TextBuilder } from './text-builder.js';

// Attributes that carry a credit on the element itself (lazy-loading galleries, CMS exports).
export const CREDIT_ATTRIBUTES = ['data-credit', 'data-copyright', 'data-photographer', 'data-caption'];

type BlockKind = Region['kind'];

/**
 * Splits an HTML syntax tree into regions, each block of text with its kind and source offsets,
 * and reads the page's metadata on the way. `source` is the text the tree was parsed from.
 */
export function extractRegions(tree: Root, source: string, facts: PageFacts): void {
  new RegionWalker(source, facts, findStoryRoot(tree)).walkChildren(tree.children, 'body');
}

class RegionWalker {
  #block = new TextBuilder();
  #blockKind: BlockKind = 'body';
  #inStory: boolean;
  #inAside = false;

  constructor(
    private readonly source: string,
    private readonly facts: PageFacts,
    private readonly storyRoot: Element | 'first-h1' | 'start',
  ) {
    this.#inStory = storyRoot === 'start';
  }

  /** `at` is where the parent starts: the place of text that the tree gives no position (code in Markdown). */
  walkChildren(children: TreeNode[], kind: BlockKind, at = 0): void {
    for (const child of children) {
      if (child.type === 'text') this.#appendText(child.value, child.position?.start?.offset, child.position?.end?.offset, at);
      else if (child.type === 'element') this.#walkElement(child, kind);
      else if (child.type === 'comment' && child.position?.start?.offset !== undefined) {
        this.facts.comments.push({ value: child.value, start: child.position.start.offset, end: child.position.end?.offset ?? child.position.start.offset });
      }
    }
  }

  // `mayHoldNotice` (detect/notices.ts) walks elements by these same rules, building no text: a
  // change to what is skipped, read apart or in the story here is one there too.
  #walkElement(element: Element, inherited: BlockKind): void {
    const tag = element.tagName;
    if (tag === 'meta') return readMeta(element, this.source, this.facts);
    if (tag === 'script') return this.#readScript(element);
    if (isSkipped(element)) return;
    if (tag === 'img') return this.#readImage(element);
    if (tag === 'time' && typeof element.properties.dateTime === 'string') {
      this.facts.dates.push({ source: 'time', value: element.properties.dateTime });
    }
    this.#readCreditAttributes(element);

    // The element's class words are read once, for its region kind and for furniture.
    const words = classWords(element);
    const kind = regionKindOf(element, inherited, words) ?? inherited;
    const wasInStory = this.#inStory;
    const wasInAside = this.#inAside;
    const isAside = !wasInAside && isFurniture(element, words);
    const isBlock = BLOCK_TAGS.has(tag) || kind !== inherited || isAside;
    if (isBlock) this.#flush(kind);
    if (element === this.storyRoot || (this.storyRoot === 'first-h1' && tag === 'h1')) this.#inStory = true;
    if (isAside) this.#inAside = true;
    this.walkChildren(element.children, kind, element.position?.start?.offset);
    if (isBlock) this.#flush(inherited);
    if (element === this.storyRoot) this.#inStory = wasInStory;
    this.#inAside = wasInAside;
  }

  #appendText(value: string, start: number | undefined, end: number | undefined, at: number): void {
    if (start === undefined || end === undefined) this.#block.appendAt(value, start ?? at);
    else this.#block.appendDecoded(value, this.source, start, end);
  }

  /** Ends the current block and starts one of `next` kind. */
  #flush(next: BlockKind): void {
    const region = this.#block.toRegion({ kind: this.#blockKind, ...this.#place() });
    if (region) this.facts.regions.push(region);
    this.#block = new TextBuilder();
    this.#blockKind = next;
  }

  /** Where the walk stands: in the story, in page furniture. */
  #place(): Pick<Region, 'isInStory' | 'isAside'> {
    return { ...(this.#inStory ? { isInStory: true } : {}), ...(this.#inAside ? { isAside: true } : {}) };
  }

  #readScript(element: Element): void {
    const type = String(element.properties.type ?? '').toLowerCase();
    const text = element.children[0];
    if (type !== 'application/ld+json' || text?.type !== 'text' || !text.position) return;
    readJsonLd(text.value, text.position.start?.offset ?? 0, this.source, this.facts);
  }

  #readImage(element: Element): void {
    if (!isLogo(element)) for (const name of ['alt', 'title']) this.#readAttribute(element, name, 'alt');
    // Agencies' asset ids often survive only in the file name (GettyImages-1234567.jpg).
    for (const name of ['src', 'data-src']) this.#readAttribute(element, name, 'src');
    this.#readCreditAttributes(element);
  }

  #readCreditAttributes(element: Element): void {
    for (const name of CREDIT_ATTRIBUTES) this.#readAttribute(element, name, 'credit');
  }

  #readAttribute(element: Element, name: string, kind: BlockKind): void {
    const value = element.properties[propertyName(name)];
    if (typeof value !== 'string' || value.trim() === '') return;
    const builder = new TextBuilder();
    const tagStart = element.position?.start?.offset;
    const span = tagStart === undefined ? undefined : locateAttribute(this.source, tagStart, name);
    if (span) builder.appendDecoded(value, this.source, span.start, span.end);
    else builder.appendAt(value, tagStart ?? 0);
    const region = builder.toRegion({ kind, field: name, ...this.#place() });
    if (region) this.facts.regions.push(region);
  }
}

// A logo: a vector image, or one its file, class or alt text calls a logo ("Reuters logo", a
// market-data box's credit). Its alt text names a brand, not the picture's source. (An inline
// GIF or PNG is as often the placeholder of a lazily loaded photo.)
const LOGO_SOURCE = /\.svg(?:[?#]|$)|^data:image\/svg|logo/i;
const LOGO_ALT = /^(?:[^\s]+\s+){0,4}logo$|^logo\b.{0,40}$/iu;

/** Whether an image is a logo, whose alt text is no credit. */
function isLogo(element: Element): boolean {
  const { src, className, alt } = element.properties;
  return (typeof src === 'string' && LOGO_SOURCE.test(src))
    || (Array.isArray(className) && className.some((name) => /logo/i.test(String(name))))
    || (typeof alt === 'string' && LOGO_ALT.test(alt.trim()));
}

const propertyNames = new Map<string, string>();
/** The hast property of an attribute: `data-credit` is `dataCredit`. */
export function propertyName(attribute: string): string {
  let name = propertyNames.get(attribute);
  if (name === undefined) {
    name = attribute.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    propertyNames.set(attribute, name);
  }
  return name;
}

/** The element that holds the story: articleBody, then article, then main; else the first h1 on. */
export function findStoryRoot(tree: Root): Element | 'first-h1' | 'start' {
  let best: Element | undefined;
  let bestRank = 0;
  let hasH1 = false;
  const stack: Array<Root | Element> = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as Root | Element;
    if (node.type === 'element') {
      const rank = storyRank(node);
      if (rank > bestRank) [best, bestRank] = [node, rank];
      if (node.tagName === 'h1') hasH1 = true;
    }
    for (let i = node.children.length - 1; i >= 0; i--) {
      const child = node.children[i];
      if (child?.type === 'element') stack.push(child);
    }
  }
  return best ?? (hasH1 ? 'first-h1' : 'start');
}
