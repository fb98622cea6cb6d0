import { BLOCK_TAGS, classWords, type Furniture, furnitureOf, isAuthorLink, isSkipped, regionKindOf } from './classify.js';
import { type PageFacts, primaryLanguage } from './facts.js';
import { readJsonLdScript } from './jsonld.js';
import { holdsMedia, holdsVideo, imageName, isLinkCard, standsForName } from './media.js';
import { readLink, readMeta } from './meta.js';
import { CODE_TAGS, isCode, isLanguageCode, lineBreaks, MAX_PRE_LINES, PREFORMATTED_TAGS } from './preformatted.js';
import { attributeRegion, attributeValue, type ReadAttribute, readCreditAttributes, readEmbedTitle, readFileNames, readImage, readPicturesIn } from './region-attributes.js';
import { type Region, SOURCE_COLUMN } from './region.js';
import { type ColumnOf, columnCells } from './source-columns.js';
import { type FurnitureSpan, isLinkDense, leadsDown, markRegions, type Step, type StoryRoot, visibleLength } from './story.js';
import { TextBuilder } from './text-builder.js';
import type { TreeElement as Element, TreeNode } from './tree.js';

// The walk of a page's syntax tree that cuts it into regions: blocks of text with their kind and
// source offsets, the page's metadata on the way, and the measures of each element that find the
// story block (see story.ts). A probe's walk reads nothing, but holds each text to the probe.

type BlockKind = Region['kind'];

/** What a probe asks of a text, before it is read into a region of this kind, in the story or not. */
export type RegionProbe = (kind: BlockKind, isInStory: boolean, text: string) => boolean;

/** Ends a probe's walk at the first text that passes it. */
export const FOUND = Symbol('found');

/** Walks a page's syntax tree once, reading its regions into `facts` or probing its texts. */
export class RegionWalker {
  #block = new TextBuilder();
  #blockKind: BlockKind = 'body';
  #inStory: boolean;
  // How deep in links the walk stands, and whether the current block has text in and out of them.
  #linkDepth = 0;
  /** The address of the link the walk is in, if any. */
  #href: string | undefined;
  #hasLinked = false;
  #hasUnlinked = false;
  // Where the block's last link's text ends, in the block's text (-1: no link closed in it).
  #linkEnd = -1;
  // The page's text so far, the part in links, and its links, in characters: an element's
  // measure is what they grow by while it is walked (see story.ts).
  #text = 0;
  #linked = 0;
  #links = 0;
  // Each element's child with the most unlinked text, where it can lead down to the story block;
  // the furniture found; the regions of the story's root element.
  #below = new Map<Element, Step>();
  #furniture: FurnitureSpan[] = [];
  #rootSpan: { from: number; to: number } | undefined;
  // The element `#walkElement` walked last, where it can lead down to the story block.
  #best: Step | undefined;
  // How many figures that hold a video the walk stands in: their captions are the video's.
  #videoFigures = 0;
  // How many elements of preformatted text (code or not, and those read line by line), and how
  // many paragraphs, the walk stands in; how many lines of the one it is in it has made blocks of.
  #pre = 0;
  #preformatted = 0;
  #preLines = 0;
  #paragraphs = 0;
  #articles = 0; // how many <article> elements the walk is inside
  // The cells of tables' source and credit columns (see `columnCells`); how many source cells the walk is in.
  readonly #columnCells = new Map<Element, ColumnOf>();
  #inSourceCell = 0;

  constructor(
    private readonly source: string,
    private readonly facts: PageFacts,
    private readonly story: StoryRoot,
    /** Where given, the walk reads no text and no metadata, but holds each text to it (`probeRegions`). */
    private readonly probe?: RegionProbe,
  ) {
    this.#inStory = story.root === 'start';
  }

  /**
   * Walks the children of an element; `at` is where the parent starts: the place of text that the
   * tree gives no position (code in Markdown). Returns the child with the most unlinked text of
   * those that can lead the way down to the story block.
   */
  walkChildren(children: TreeNode[], kind: BlockKind, at = 0): Step | undefined {
    let best: Step | undefined;
    for (const child of children) {
      if (child.type === 'text') this.#appendText(child.value, child.position?.start?.offset, child.position?.end?.offset, at);
      else if (child.type === 'element') {
        const unlinked = this.#walkElement(child, kind);
        if (this.#best && (best === undefined || unlinked > best.unlinked)) best = this.#best;
      } else if (child.type === 'comment' && child.position?.start?.offset !== undefined) {
        this.facts.comments.push({ value: child.value, start: child.position.start.offset, end: child.position.end?.offset ?? child.position.start.offset });
      }
    }
    return best;
  }

  /** Marks the regions in the story block and in page furniture, the whole page read. */
  markStory(first: Step | undefined): void {
    this.#flush('body');
    markRegions(this.facts.regions, this.story, first, this.#below, this.#furniture, this.#rootSpan);
  }

  /**
   * Walks an element and returns its unlinked text in characters; `#best` is then the element,
   * with the regions read inside it, if it can lead down to the story block.
   */
  #walkElement(element: Element, inherited: BlockKind): number {
    this.#best = undefined;
    const tag = element.tagName;
    if (tag === 'meta' || tag === 'link') {
      if (!this.probe) (tag === 'meta' ? readMeta : readLink)(element, this.source, this.facts);
      return 0;
    }
    if (tag === 'script') {
      if (!this.probe) readJsonLdScript(element, this.source, this.facts);
      return 0;
    }
    // Code set in a line of text ("AFP writes <code>Name / AFP</code>") is an example of a credit,
    // not the page's; a block of it (`<pre><code>`), in which a page may keep a story whole, is read,
    // but for one that names its language (a Markdown fence's "```text", a highlighter's class):
    // a program's or a document's sample.
    if (CODE_TAGS.has(tag) && (this.#pre === 0 || isLanguageCode(element))) return 0;
    if (isSkipped(element)) {
      // A button's label is no text of the page, but a picture that zooms when pressed is set in one.
      if (tag === 'button') readPicturesIn(element, this.#href, this.#readAttribute);
      // A template may set a story's byline among navigation links (NDTV's "pst-by" <nav>): in the
      // story the page marks, or in an article, its links to an author's or agency's page are read
      // as the byline they are (a page that marks none has its menus in what is read as its story).
      if (tag === 'nav' && ((typeof this.story.root === 'object' && this.#inStory) || this.#articles > 0)) {
        this.#readAuthorLinksIn(element, inherited);
        this.#best = undefined;
      }
      if (tag === 'iframe') readEmbedTitle(element, this.#readAttribute);
      return 0;
    }
    if (tag === 'img') {
      // A logo in a line of text stands for its name there, as a reader reads it, and is no picture:
      // a source line's agency ("Quelle: [dpa's logo]", "Provided by [Reuters' logo]"), a byline's
      // (see `standsForName`).
      if (standsForName(element, this.#href, this.#blockKind, this.#block.isEmpty)) this.#appendImageName(element);
      else readImage(element, this.#href, this.#readAttribute);
      readCreditAttributes(element, this.#readAttribute);
      return 0;
    }
    // AMP's embed of another page, a player's above all, is titled as an iframe is.
    if (tag === 'amp-iframe') readEmbedTitle(element, this.#readAttribute);
    // AMP's image has the same `alt`, `title` and `src`; it is walked on, as it holds its fallback,
    // and the rest of the page where it was written self-closing (which is ignored on a custom element).
    if (tag === 'amp-img') readImage(element, this.#href, this.#readAttribute);
    if (tag === 'picture') for (const child of element.children) if (child.type === 'element' && child.tagName === 'source') readFileNames(child, this.#readAttribute);
    const from = this.facts.regions.length;
    if (tag === 'html') this.facts.lang ??= primaryLanguage(element.properties.lang);
    if (tag === 'time' && typeof element.properties.dateTime === 'string') {
      this.facts.dates.push({ source: 'time', value: element.properties.dateTime });
    }
    readCreditAttributes(element, this.#readAttribute);

    // The element's class words are read once, for its region kind and for furniture.
    const words = classWords(element);
    // A cell of a table's column of credits is a credit (see `columnCells`). A figure's text beside
    // its picture captions it, whatever element holds it ("<h5>Photo: X</h5>"), but for a link's
    // card (a preview of another page: its title, description and publisher).
    const kind = this.#columnCells.get(element) === 'credit' ? 'credit'
      : regionKindOf(element, inherited, words, this.#paragraphs > 0) ?? (tag === 'figure' && inherited === 'body' && holdsMedia(element) && !isLinkCard(element) ? 'caption' : inherited);
    const furniture = furnitureOf(element, words);
    const isBlock = BLOCK_TAGS.has(tag) || kind !== inherited || furniture !== undefined;
    if (isBlock) this.#flush(kind);
    const wasInStory = this.#inStory;
    if (element === this.story.root || (this.story.root === 'first-h1' && tag === 'h1')) this.#inStory = true;
    const text = this.#text;
    const linked = this.#linked;
    const links = this.#links;
    const href = this.#href;
    if (tag === 'a') [this.#linkDepth, this.#href] = [this.#linkDepth + 1, typeof element.properties.href === 'string' ? element.properties.href : undefined];
    const isVideoFigure = tag === 'figure' && holdsVideo(element);
    if (isVideoFigure) this.#videoFigures++;
    if (tag === 'table' && !this.probe) for (const [cell, of] of columnCells(element)) this.#columnCells.set(cell, of);
    const isSourceCell = this.#columnCells.get(element) === 'source';
    if (isSourceCell) this.#inSourceCell++;
    const isPre = PREFORMATTED_TAGS.has(tag);
    const isPreformatted = isPre && !isCode(element, words);
    if (isPre) this.#pre++;
    if (isPreformatted) [this.#preformatted, this.#preLines] = [this.#preformatted + 1, 0];
    if (tag === 'p') this.#paragraphs++;
    if (tag === 'article') this.#articles++;
    const best = this.walkChildren(element.children, kind, element.position?.start?.offset);
    if (tag === 'a') [this.#linkDepth, this.#href, this.#linkEnd] = [this.#linkDepth - 1, href, this.#linked > linked ? this.#block.length : this.#linkEnd];
    if (isBlock) this.#flush(inherited);
    if (isVideoFigure) this.#videoFigures--;
    if (isPreformatted) this.#preformatted--;
    if (isPre) this.#pre--;
    if (isSourceCell) this.#inSourceCell--;
    if (tag === 'p') this.#paragraphs--;
    if (tag === 'article') this.#articles--;
    if (element === this.story.root) this.#inStory = wasInStory;

    const ownText = this.#text - text;
    const ownLinked = this.#linked - linked;
    const isDense = furniture === undefined && isLinkDense(element, ownText, ownLinked, this.#links - links);
    if (tag === 'a') this.#links++;
    const to = this.#spans(element, from, isDense ? 'links' : furniture);
    if (best) this.#below.set(element, best);
    const unlinked = ownText - ownLinked;
    this.#best = leadsDown(element, unlinked, furniture) ? { element, unlinked, from, to } : undefined;
    return unlinked;
  }

  /**
   * Notes the regions read inside an element, from `from` on, where it is furniture or the
   * story's root; returns where they end.
   */
  #spans(element: Element, from: number, furniture: Furniture | undefined): number {
    const to = this.facts.regions.length;
    if (furniture !== undefined && to > from) this.#furniture.push({ element, furniture, from, to });
    if (element === this.story.root) this.#rootSpan = { from, to };
    return to;
  }

  #appendText(value: string, start: number | undefined, end: number | undefined, at: number): void {
    if (this.probe) {
      if (this.probe(this.#blockKind, this.#inStory, value)) throw FOUND;
      return;
    }
    const length = visibleLength(value);
    this.#text += length;
    if (this.#linkDepth > 0) {
      this.#linked += length;
      this.#hasLinked = true;
    } else if (length > 0) this.#hasUnlinked = true;
    if (start === undefined || end === undefined) this.#block.appendAt(value, start ?? at);
    else if (this.#preformatted > 0 && value.includes('\n')) this.#appendLines(value, start, end);
    else this.#block.appendDecoded(value, this.source, start, end);
  }

  /**
   * Appends preformatted text line by line, each a block of its own, as a reader sees the lines of
   * a wire feed kept in a `<pre>` (its dateline opens a line, after header lines). Where the
   * source's lines do not pair with the text's, it goes in whole.
   */
  #appendLines(value: string, start: number, end: number): void {
    const source = this.source;
    const lines = value.split('\n');
    const { first, breaks } = lineBreaks(source, start, end, lines.length);
    // A wire story is a few hundred lines: a longer run goes on as one block, as a page of a
    // million short lines would otherwise be a million regions.
    this.#preLines += lines.length;
    if (breaks.length !== lines.length - 1 || this.#preLines > MAX_PRE_LINES) return this.#block.appendDecoded(value, source, first, end);
    let from = first;
    lines.forEach((line, k) => {
      const to = breaks[k] ?? end;
      // A CRLF is one line break in the text.
      this.#block.appendDecoded(line, source, from, source.charCodeAt(to - 1) === 13 && k < breaks.length ? to - 1 : to);
      if (k < breaks.length) this.#flush(this.#blockKind);
      from = to + 1;
    });
  }

  /**
   * Ends the current block and starts one of `next` kind. Most blocks end empty (each block
   * element ends one as it starts and as it ends): those make nothing.
   */
  #flush(next: BlockKind): void {
    if (!this.#block.isEmpty) {
      const isLink = this.#hasLinked && !this.#hasUnlinked;
      const linkEnd = !isLink && this.#linkEnd > 0 && this.#linkEnd < this.#block.length ? { linkEnd: this.#linkEnd } : {};
      const region = this.#block.toRegion({ kind: this.#blockKind, isInStory: this.#inStory, isLink, ...linkEnd, isVideo: this.#videoFigures > 0, ...(this.#inSourceCell > 0 ? { field: SOURCE_COLUMN } : {}) });
      if (region) this.facts.regions.push(region);
      this.#block = new TextBuilder();
    }
    [this.#hasLinked, this.#hasUnlinked, this.#linkEnd] = [false, false, -1];
    this.#blockKind = next;
  }

  /** Walks the links to an author's page inside an element whose text is not read. */
  #readAuthorLinksIn(element: Element, inherited: BlockKind): void {
    for (const child of element.children) {
      if (child.type !== 'element') continue;
      if (isAuthorLink(child)) this.#walkElement(child, inherited);
      else this.#readAuthorLinksIn(child, inherited);
    }
  }

  /** Appends an image's name (see `imageName`) to the block it stands in. */
  #appendImageName(element: Element): void {
    const named = imageName(element, this.source);
    if (!named) return;
    const { name, at, place } = named;
    this.#appendText(' ', undefined, undefined, at ?? place);
    this.#appendText(name, at, at === undefined ? undefined : at + name.length, place);
    this.#appendText(' ', undefined, undefined, at ?? place);
  }

  /** Reads an attribute's value as a region (see `ReadAttribute`), or holds it to the probe. */
  readonly #readAttribute: ReadAttribute = (element, name, kind, isVideo = false, field = name) => {
    const value = attributeValue(element, name);
    if (value === undefined) return;
    if (this.probe) {
      if (this.probe(kind, this.#inStory, value)) throw FOUND;
      return;
    }
    const region = attributeRegion(element, name, value, this.source, { kind, field, isInStory: this.#inStory, isVideo: isVideo || this.#videoFigures > 0 });
    if (region) this.facts.regions.push(region);
  };
}
