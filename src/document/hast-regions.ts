import type { TreeElement as Element, TreeNode, TreeRoot as Root } from './tree.js';
import { locateAttribute } from './attributes.js';
import { BLOCK_TAGS, classWords, furnitureOf, isSkipped, regionKindOf } from './classify.js';
import type { PageFacts } from './facts.js';
import { readJsonLd } from './jsonld.js';
import { readMeta } from './meta.js';
import type { Region } from './region.js';
import { readStoryLayout, type StoryLayout } from './story.js';
import { TextBuilder } from './text-builder.js';

// Attributes that carry a credit on the element itself (lazy-loading galleries, CMS exports).
export const CREDIT_ATTRIBUTES = ['data-credit', 'data-copyright', 'data-photographer', 'data-caption'];

type BlockKind = Region['kind'];

/**
 * Splits an HTML syntax tree into regions, each block of text with its kind and source offsets,
 * and reads the page's metadata on the way. `source` is the text the tree was parsed from.
 */
export function extractRegions(tree: Root, source: string, facts: PageFacts): void {
  new RegionWalker(source, facts, readStoryLayout(tree)).walkChildren(tree.children, 'body');
}

class RegionWalker {
  #block = new TextBuilder();
  #blockKind: BlockKind = 'body';
  #inStory: boolean;
  // Inside the element the page marks as its story, or the densest block of text.
  #inStoryElement = false;
  #inAside = false;
  // How deep in links the walk stands, and whether the current block has text in and out of them.
  #linkDepth = 0;
  #hasLinked = false;
  #hasUnlinked = false;

  constructor(
    private readonly source: string,
    private readonly facts: PageFacts,
    private readonly layout: StoryLayout,
  ) {
    this.#inStory = layout.root === 'start';
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
    const wasInStoryElement = this.#inStoryElement;
    const wasInAside = this.#inAside;
    const isAside = !wasInAside && this.#isFurniture(element, words);
    const isBlock = BLOCK_TAGS.has(tag) || kind !== inherited || isAside;
    if (isBlock) this.#flush(kind);
    if (startsStory(element, this.layout)) this.#inStory = true;
    if (element === this.layout.root || element === this.layout.block) this.#inStoryElement = true;
    if (isAside) this.#inAside = true;
    if (tag === 'a') this.#linkDepth++;
    this.walkChildren(element.children, kind, element.position?.start?.offset);
    if (tag === 'a') this.#linkDepth--;
    if (isBlock) this.#flush(inherited);
    if (element === this.layout.root || element === this.layout.block) [this.#inStory, this.#inStoryElement] = [wasInStory, wasInStoryElement];
    this.#inAside = wasInAside;
  }

  /**
   * Whether the element is page furniture: by its class or tag, or as a block of mostly links.
   * What holds the story is not, nor is a gallery inside the story: its pictures are the story's.
   */
  #isFurniture(element: Element, words: string | undefined): boolean {
    if (this.layout.wrappers.has(element)) return false;
    const furniture = furnitureOf(element, words);
    if (furniture === 'gallery') return !this.#inStoryElement;
    return furniture !== undefined || this.layout.linkDense.has(element);
  }

  #appendText(value: string, start: number | undefined, end: number | undefined, at: number): void {
    if (this.#linkDepth > 0) this.#hasLinked = true;
    else if (!this.#hasUnlinked && /\S/.test(value)) this.#hasUnlinked = true;
    if (start === undefined || end === undefined) this.#block.appendAt(value, start ?? at);
    else this.#block.appendDecoded(value, this.source, start, end);
  }

  /** Ends the current block and starts one of `next` kind. */
  #flush(next: BlockKind): void {
    const isLink = this.#hasLinked && !this.#hasUnlinked;
    const region = this.#block.toRegion({ kind: this.#blockKind, ...this.#place(), ...(isLink ? { isLink } : {}) });
    if (region) this.facts.regions.push(region);
    [this.#hasLinked, this.#hasUnlinked] = [false, false];
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

/**
 * Whether the story starts at this element: the element the page marks as its story, or the first
 * h1 where none is marked, or the densest block of text whatever the markup (inside it, text is in
 * the story either way).
 */
export function startsStory(element: Element, layout: StoryLayout): boolean {
  return element === layout.root || element === layout.block || (layout.root === 'first-h1' && element.tagName === 'h1');
}
