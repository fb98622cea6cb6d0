import type { TreeElement as Element, TreeNode, TreeRoot as Root } from './tree.js';
import { locateAttribute } from './attributes.js';
import { BLOCK_TAGS, classWords, type Furniture, furnitureOf, isAuthorLink, isSkipped, regionKindOf } from './classify.js';
import { emptyFacts, type PageFacts, primaryLanguage } from './facts.js';
import { readJsonLd } from './jsonld.js';
import { META_VALUE, readLink, readMeta } from './meta.js';
import { type Region, SOURCE_COLUMN } from './region.js';
import { findStoryRoot, type FurnitureSpan, isLinkDense, leadsDown, markRegions, type Step, type StoryRoot, visibleLength } from './story.js';
import { TextBuilder } from './text-builder.js';

// Attributes that carry a credit on the element itself: lazy-loading galleries and CMS exports
// (WordPress plugins' `data-image-credit`, `data-attachment-credit`, a figure's `data-agency`,
// `data-provider` or `data-source`), AMP's `attribution` of an
// `<amp-img>`, and the `credit`, `photographer`, `copyright`, `agency` or `source` prop of an MDX
// page's figure or credit component (`<Figure credit="...">`, `<PhotoCredit agency="AFP">`), whose
// `caption` prop is its caption.
const CREDIT_ATTRIBUTES = ['data-credit', 'data-copyright', 'data-photographer', 'data-caption', 'data-image-credit', 'data-attachment-credit', 'data-photo-credit', 'data-media-credit', 'data-agency', 'data-provider', 'data-source', 'attribution', 'credit', 'photographer', 'copyright', 'agency', 'source'];
// A caption on the element itself: an MDX figure's `caption` prop, WordPress Jetpack's
// `data-image-caption` (markup, escaped), and a figure's `title` or `aria-label`.
const CAPTION_ATTRIBUTES = ['caption', 'data-image-caption'];
const FIGURE_ATTRIBUTES = ['title', 'aria-label'];
// A video's title, as a player shows it over the picture: it may end in the video's credit ("... (dpa)").
const VIDEO_TITLE_ATTRIBUTES = ['title', 'aria-label', 'data-title'];
// A link to a picture's file opens it in a lightbox, which shows the link's caption: `title`
// (Magnific Popup, fancybox), `data-title` (Lightbox2), `data-sub-html` (lightGallery, markup),
// `data-glightbox` (GLightbox: "title: ...; description: ..."). So does a link around a picture to
// a page that shows it larger (an older site's pop-up window), whose `title` a reader sees on it.
const LIGHTBOX_ATTRIBUTES = ['title', 'data-title', 'data-sub-html', 'data-glightbox'];
const PICTURE_FILE = /\.(?:jpe?g|png|gif|webp|avif|tiff?)(?:[?#]|$)/i;
// Attributes whose value is markup: its tags are no text.
const MARKUP_ATTRIBUTES = new Set(['data-image-caption', 'data-sub-html']);
const TAG = /<[^>]*>/g;
// The hosts and paths of embedded video players.
const VIDEO_PLAYER = /youtube|youtu\.be|vimeo|dailymotion|jwplayer|jwplatform|brightcove|kaltura|player|video/i;
// Videos, with the players' own elements (AMP's for each player it embeds): a credit on one, or in
// a figure around one, is the video's.
const VIDEO_TAGS = new Set(['video', 'video-js', 'amp-video', 'amp-youtube', 'amp-brightcove', 'amp-jwplayer', 'amp-dailymotion', 'amp-vimeo', 'amp-kaltura-player', 'amp-video-iframe', 'amp-ima-video', 'amp-viqeo-player', 'amp-wistia-player']);
// An image's text (its `alt` regions), and its file names: agencies' asset ids often survive only
// there (GettyImages-1234567.jpg). A page that loads its pictures late keeps the file's name in
// the attribute its script reads (lazysizes' `data-src` and `data-srcset`, WP Rocket's
// `data-lazy-src`, jQuery Lazy Load's `data-original`, Jetpack's `data-orig-file`), and a
// responsive one its sizes in `srcset`, on the image or on a `<source>` of its `<picture>`. Each
// is read as the image's `src` region, whose field is `src` whatever attribute held it.
const ALT_ATTRIBUTES = ['alt', 'title', 'aria-label'];
const FILE_NAME_ATTRIBUTES = ['src', 'data-src', 'data-lazy-src', 'data-original', 'data-orig-file', 'srcset', 'data-srcset', 'data-lazy-srcset'];

/**
 * Every attribute a region is read from, on whatever element: image file names (read only as
 * `src` regions) apart from text. The prefilter searches a page's tags for these alone.
 */
export const REGION_ATTRIBUTES: ReadonlyMap<string, 'file-name' | 'text'> = new Map([
  ...FILE_NAME_ATTRIBUTES.map((name) => [name, 'file-name'] as const),
  ...[...ALT_ATTRIBUTES, ...CREDIT_ATTRIBUTES, ...CAPTION_ATTRIBUTES, ...LIGHTBOX_ATTRIBUTES, META_VALUE].map((name) => [name, 'text'] as const),
]);

type BlockKind = Region['kind'];

/**
 * Splits an HTML syntax tree into regions, each block of text with its kind and source offsets,
 * and reads the page's metadata on the way. `source` is the text the tree was parsed from.
 */
export function extractRegions(tree: Root, source: string, facts: PageFacts): void {
  const story = findStoryRoot(tree);
  const walker = new RegionWalker(source, facts, story);
  const first = walker.walkChildren(tree.children, 'body');
  walker.markStory(first);
}

/** What a probe asks of a text, before it is read into a region of this kind, in the story or not. */
export type RegionProbe = (kind: BlockKind, isInStory: boolean, text: string) => boolean;

/** Ends a probe's walk at the first text that passes it. */
const FOUND = Symbol('found');

/**
 * Whether some text the region reader would read, as the kind of region it would be read into,
 * passes `probe`: the reader's own walk (`extractRegions`), which builds no text and ends at the
 * first that passes, at a fraction of the cost of reading the page. Whether a text is in the story
 * is known for sure only once the page is read (the densest block of text is in it): where the
 * page marks no story element, or an inline one that text just before can share a block with,
 * every text is taken to be in it.
 */
export function probeRegions(tree: Root, probe: RegionProbe): boolean {
  const story = findStoryRoot(tree);
  const isStoryKnown = typeof story.root === 'object' && BLOCK_TAGS.has(story.root.tagName);
  const walker = new RegionWalker('', emptyFacts(), story, (kind, isInStory, text) => probe(kind, isInStory || !isStoryKnown, text));
  try {
    walker.walkChildren(tree.children, 'body');
    return false;
  } catch (error) {
    if (error === FOUND) return true;
    throw error;
  }
}

class RegionWalker {
  #block = new TextBuilder();
  #blockKind: BlockKind = 'body';
  #inStory: boolean;
  // How deep in links the walk stands, and whether the current block has text in and out of them.
  #linkDepth = 0;
  /** The address of the link the walk is in, if any. */
  #href: string | undefined;
  #hasLinked = false;
  #hasUnlinked = false;
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
  // How many <article> elements the walk is inside.
  #articles = 0;
  // The cells of tables' source columns (see `sourceCells`), and how many of them the walk stands in.
  readonly #sourceCells = new Set<Element>();
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
      if (!this.probe) this.#readScript(element);
      return 0;
    }
    // Code set in a line of text ("AFP writes <code>Name / AFP</code>") is an example of a credit,
    // not the page's; a block of it (`<pre><code>`), in which a page may keep a story whole, is read,
    // but for one that names its language (a Markdown fence's "```text", a highlighter's class):
    // a program's or a document's sample.
    if (CODE_TAGS.has(tag) && (this.#pre === 0 || isLanguageCode(element))) return 0;
    if (isSkipped(element)) {
      // A button's label is no text of the page, but a picture that zooms when pressed is set in one.
      if (tag === 'button') this.#readPicturesIn(element);
      // A template may set a story's byline among navigation links (NDTV's "pst-by" <nav>): in the
      // story the page marks, or in an article, its links to an author's or agency's page are read
      // as the byline they are (a page that marks none has its menus in what is read as its story).
      if (tag === 'nav' && ((typeof this.story.root === 'object' && this.#inStory) || this.#articles > 0)) {
        this.#readAuthorLinksIn(element, inherited);
        this.#best = undefined;
      }
      // An embedded player's title names what it plays, and may credit it ("Video: AFP").
      if (tag === 'iframe') this.#readAttribute(element, 'title', 'caption', typeof element.properties.src === 'string' && VIDEO_PLAYER.test(element.properties.src));
      return 0;
    }
    if (tag === 'img') {
      // A logo in a line of text stands for its name there, as a reader reads it, and is no picture:
      // a source line's agency ("Quelle: [dpa's logo]", "Provided by [Reuters' logo]"), a byline's.
      if (this.#isLogoInText(element)) this.#appendLogoName(element);
      else this.#readImage(element);
      this.#readCreditAttributes(element);
      return 0;
    }
    // AMP's embed of another page, a player's above all, is titled as an iframe is.
    if (tag === 'amp-iframe') this.#readAttribute(element, 'title', 'caption', typeof element.properties.src === 'string' && VIDEO_PLAYER.test(element.properties.src));
    // AMP's image has the same `alt`, `title` and `src`; it is walked on, as it holds its fallback,
    // and the rest of the page where it was written self-closing (which is ignored on a custom element).
    if (tag === 'amp-img') this.#readImage(element);
    if (tag === 'picture') for (const child of element.children) if (child.type === 'element' && child.tagName === 'source') this.#readFileNames(child);
    const from = this.facts.regions.length;
    if (tag === 'html') this.facts.lang ??= primaryLanguage(element.properties.lang);
    if (tag === 'time' && typeof element.properties.dateTime === 'string') {
      this.facts.dates.push({ source: 'time', value: element.properties.dateTime });
    }
    this.#readCreditAttributes(element);

    // The element's class words are read once, for its region kind and for furniture.
    const words = classWords(element);
    // A figure's text beside its picture captions it, whatever element holds it ("<h5>Photo: X</h5>"),
    // but for a link's card (a preview of another page: its title, description and publisher).
    const kind = regionKindOf(element, inherited, words, this.#paragraphs > 0) ?? (tag === 'figure' && inherited === 'body' && holdsMedia(element) && !isLinkCard(element) ? 'caption' : inherited);
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
    if (tag === 'table' && !this.probe) for (const cell of sourceCells(element)) this.#sourceCells.add(cell);
    const isSourceCell = this.#sourceCells.has(element);
    if (isSourceCell) this.#inSourceCell++;
    const isPre = PREFORMATTED_TAGS.has(tag);
    const isPreformatted = isPre && !isCode(element, words);
    if (isPre) this.#pre++;
    if (isPreformatted) [this.#preformatted, this.#preLines] = [this.#preformatted + 1, 0];
    if (tag === 'p') this.#paragraphs++;
    if (tag === 'article') this.#articles++;
    const best = this.walkChildren(element.children, kind, element.position?.start?.offset);
    if (tag === 'a') [this.#linkDepth, this.#href] = [this.#linkDepth - 1, href];
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
    const breaks: number[] = [];
    for (let i = source.indexOf('\n', start); i !== -1 && i < end; i = source.indexOf('\n', i + 1)) breaks.push(i);
    // The line break right after `<pre>`, which the parser drops, is no text.
    if (breaks.length === lines.length && /^\r?\n/.test(source.slice(start, start + 2))) start = (breaks.shift() as number) + 1;
    // A wire story is a few hundred lines: a longer run goes on as one block, as a page of a
    // million short lines would otherwise be a million regions.
    this.#preLines += lines.length;
    if (breaks.length !== lines.length - 1 || this.#preLines > MAX_PRE_LINES) return this.#block.appendDecoded(value, source, start, end);
    let from = start;
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
      const region = this.#block.toRegion({ kind: this.#blockKind, isInStory: this.#inStory, isLink, isVideo: this.#videoFigures > 0, ...(this.#inSourceCell > 0 ? { field: SOURCE_COLUMN } : {}) });
      if (region) this.facts.regions.push(region);
      this.#block = new TextBuilder();
    }
    this.#hasLinked = false;
    this.#hasUnlinked = false;
    this.#blockKind = next;
  }

  #readScript(element: Element): void {
    const type = String(element.properties.type ?? '').toLowerCase();
    const text = element.children[0];
    if (type !== 'application/ld+json' || text?.type !== 'text' || !text.position) return;
    readJsonLd(text.value, text.position.start?.offset ?? 0, this.source, this.facts);
  }

  /** Walks the links to an author's page inside an element whose text is not read. */
  #readAuthorLinksIn(element: Element, inherited: BlockKind): void {
    for (const child of element.children) {
      if (child.type !== 'element') continue;
      if (isAuthorLink(child)) this.#walkElement(child, inherited);
      else this.#readAuthorLinksIn(child, inherited);
    }
  }

  /** Reads the pictures inside an element whose text is not read: their alt text and file names. */
  #readPicturesIn(element: Element): void {
    for (const child of element.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'img' || child.tagName === 'amp-img') this.#readImage(child);
      else this.#readPicturesIn(child);
    }
  }

  #readImage(element: Element): void {
    // A site's icon or a badge is no picture of the page's: its alt text names a site or a partner,
    // and the text after it is no caption of it (a link card's "AP News" beside the site's icon).
    // Nor is a table layout's spacer, a transparent pixel that holds a cell open.
    if (isSiteIcon(element) || isBadge(element, this.#href) || isSpacer(element)) return;
    // A logo's alt text names a brand; its file names are read, as a lazily loaded photo's
    // placeholder may look like one (an inline SVG) while its file is named elsewhere.
    if (!isLogo(element)) for (const name of ALT_ATTRIBUTES) this.#readAttribute(element, name, 'alt');
    this.#readFileNames(element);
  }

  /** Whether an image is a logo set in a line of text or in a byline or credit (not a site's icon, not a badge). */
  #isLogoInText(element: Element): boolean {
    if (!isLogo(element) || isSiteIcon(element) || isBadge(element, this.#href)) return false;
    return !this.#block.isEmpty || this.#blockKind === 'byline' || this.#blockKind === 'credit';
  }

  /** Appends a logo's name, its alt text without the word "logo", to the block it stands in. */
  #appendLogoName(element: Element): void {
    const { alt } = element.properties;
    if (typeof alt !== 'string') return;
    const name = alt.replace(LOGO_WORD, '').trim();
    if (name === '' || name.length > MAX_LOGO_NAME) return;
    const tagStart = element.position?.start?.offset ?? 0;
    const span = locateAttribute(this.source, tagStart, 'alt');
    const at = span && this.source.slice(span.start, span.end) === alt ? span.start + alt.indexOf(name) : undefined;
    this.#appendText(' ', undefined, undefined, at ?? tagStart);
    this.#appendText(name, at, at === undefined ? undefined : at + name.length, span?.start ?? tagStart);
    this.#appendText(' ', undefined, undefined, at ?? tagStart);
  }

  #readFileNames(element: Element): void {
    for (const name of FILE_NAME_ATTRIBUTES) this.#readAttribute(element, name, 'src', false, 'src');
  }

  #readCreditAttributes(element: Element): void {
    const isVideo = VIDEO_TAGS.has(element.tagName);
    for (const name of CREDIT_ATTRIBUTES) this.#readAttribute(element, name, 'credit', isVideo);
    for (const name of CAPTION_ATTRIBUTES) this.#readAttribute(element, name, 'caption', isVideo);
    const tag = element.tagName;
    if (tag === 'figure') for (const name of FIGURE_ATTRIBUTES) this.#readAttribute(element, name, 'caption', isVideo);
    else if (isVideo) for (const name of VIDEO_TITLE_ATTRIBUTES) this.#readAttribute(element, name, 'caption', true);
    else if (tag === 'a' && typeof element.properties.href === 'string' && (PICTURE_FILE.test(element.properties.href) || holdsPicture(element))) {
      for (const name of LIGHTBOX_ATTRIBUTES) this.#readAttribute(element, name, 'caption');
    }
  }

  /** Reads an attribute's value as a region of `kind`, its field the attribute's name unless `field` is given. */
  #readAttribute(element: Element, name: string, kind: BlockKind, isVideo = false, field = name): void {
    const value = element.properties[propertyName(name)];
    if (typeof value !== 'string' || value.trim() === '') return;
    if (this.probe) {
      if (this.probe(kind, this.#inStory, value)) throw FOUND;
      return;
    }
    const builder = new TextBuilder();
    const tagStart = element.position?.start?.offset;
    const span = tagStart === undefined ? undefined : locateAttribute(this.source, tagStart, name);
    // Markup's text stands where the value starts: its tags, escaped in the value, have no place of
    // their own; so does a file name inside another's address, escaped in it ("/_next/image?url=
    // https%3A%2F%2Fcdn.example%2FGettyImages-2173340981.jpg", an image service's).
    const unescaped = kind === 'src' && value.includes('%') ? unescapeAddress(value) : value;
    if (unescaped !== value) builder.appendAt(unescaped, span?.start ?? tagStart ?? 0);
    else if (MARKUP_ATTRIBUTES.has(name) && value.includes('<')) builder.appendAt(value.replace(TAG, ' '), span?.start ?? tagStart ?? 0);
    else if (span) builder.appendDecoded(value, this.source, span.start, span.end);
    else builder.appendAt(value, tagStart ?? 0);
    const region = builder.toRegion({ kind, field, isInStory: this.#inStory, isVideo: isVideo || this.#videoFigures > 0 });
    if (region) this.facts.regions.push(region);
  }
}

// Elements whose line breaks a reader sees; code set in one is read as one block, as a program's
// lines are no lines of a story ("credit": "REUTERS/Name" in an API's example).
const PREFORMATTED_TAGS = new Set(['pre', 'listing', 'xmp', 'plaintext', 'textarea']);
const CODE_TAGS = new Set(['code', 'samp', 'kbd']);
const MAX_PRE_LINES = 2000;
const CODE_WORDS = /(?:^|[-_\s])(?:code|highlight|language|lang|source|syntax|hljs|prism)(?:$|[-_\s])/i;

// The class a code block's language gives it: Markdown's and highlighters' ("language-json",
// "lang-text", "hljs", "prism", Pandoc's "sourceCode").
const LANGUAGE_CLASS = /^(?:language-|lang-|hljs|prism|sourceCode|highlight)/i;

/** Whether a code element names its language (see `LANGUAGE_CLASS`). */
function isLanguageCode(element: Element): boolean {
  const { className } = element.properties;
  return Array.isArray(className) && className.some((name) => LANGUAGE_CLASS.test(String(name)));
}

/** Whether preformatted text is code: it holds a `<code>`, or its class words say so. */
function isCode(element: Element, words: string | undefined): boolean {
  return (words !== undefined && CODE_WORDS.test(words)) || element.children.some((child) => child.type === 'element' && CODE_TAGS.has(child.tagName));
}

// The heading of a table's column of sources: a press review's "Quelle", a news ticker's "Agentur".
const SOURCE_HEADING = /^(?:sources?|quellen?|agentur(?:en)?|agency|agencies|agencia|fuentes?|fontes?|provider|wire|dienst)\s*:?$/iu;

/**
 * The cells under a source column's heading in a table's first row (a press review's "Datum |
 * Quelle | Meldung", whose rows name "dpa", "AFP" in that column). Cells that span columns are
 * counted as one, as older layouts rarely set them in such tables.
 */
function sourceCells(table: Element): Element[] {
  const rows = rowsOf(table);
  const heading = rows[0];
  if (!heading || rows.length < 2) return [];
  const columns = cellsOf(heading).flatMap((cell, k) => (SOURCE_HEADING.test(shortTextOf(cell)?.trim() ?? '') ? [k] : []));
  if (columns.length === 0) return [];
  return rows.slice(1).flatMap((row) => {
    const cells = cellsOf(row);
    return columns.flatMap((k) => cells[k] ?? []);
  });
}

/** A table's own rows, in its sections or not (a nested table's are its own). */
function rowsOf(table: Element): Element[] {
  return table.children.flatMap((child) => {
    if (child.type !== 'element') return [];
    if (child.tagName === 'tr') return [child];
    return ['thead', 'tbody', 'tfoot'].includes(child.tagName) ? child.children.filter((row): row is Element => row.type === 'element' && row.tagName === 'tr') : [];
  });
}

function cellsOf(row: Element): Element[] {
  return row.children.filter((cell): cell is Element => cell.type === 'element' && (cell.tagName === 'td' || cell.tagName === 'th'));
}

/**
 * The text of a heading cell, or undefined where it runs past a heading's length or markup: a
 * layout table's first row may hold the whole page, which is not read again for each table in it.
 */
function shortTextOf(element: Element, limit = 40): string | undefined {
  let text = '';
  let nodes = 0;
  const stack: TreeNode[] = [...element.children].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'text') text += node.value;
    else if (node.type === 'element') for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as TreeNode);
    if (text.length > limit || ++nodes > 4 * limit) return undefined;
  }
  return text;
}

/** How deep in a figure its video is looked for: players wrap theirs in a few containers. */
const VIDEO_DEPTH = 4;

/** Whether a figure holds a video element, `depth` levels down at most. */
function holdsVideo(element: Element, depth = VIDEO_DEPTH): boolean {
  return holds(element, VIDEO_TAGS, depth);
}

// The elements that show a picture or a video.
const MEDIA_TAGS = new Set(['img', 'picture', 'amp-img', ...VIDEO_TAGS]);

/** Whether a figure holds a picture or a video, `depth` levels down at most. */
function holdsMedia(element: Element): boolean {
  return holds(element, MEDIA_TAGS, VIDEO_DEPTH);
}

/** Whether a figure is a link's card: a link holds all it shows but its caption. */
function isLinkCard(element: Element): boolean {
  const shown = element.children.filter((child) => child.type === 'element' && child.tagName !== 'figcaption');
  return shown.length > 0 && shown.every((child) => child.type === 'element' && child.tagName === 'a');
}

function holds(element: Element, tags: ReadonlySet<string>, depth: number): boolean {
  return element.children.some((child) => child.type === 'element' && (tags.has(child.tagName) || (depth > 1 && holds(child, tags, depth - 1))));
}

// A logo: a vector image, or one its file, class or alt text calls a logo ("Reuters logo", a
// market-data box's credit). Its alt text names a brand, not the picture's source. (An inline
// GIF or PNG is as often the placeholder of a lazily loaded photo.)
const LOGO_SOURCE = /\.svg(?:[?#]|$)|^data:image\/svg|logo/i;
// A site's icon, as link cards show it beside the site's name: a favicon.
const SITE_ICON_SOURCE = /favicon|\.ico(?:[?#]|$)/i;
const SITE_ICON_CLASS = /favicon|site-icon/i;

// The file names table layouts give the one-pixel images that space their cells: "dot.gif",
// "spacer.gif", "pixel.gif", "blank.gif", "clear.gif", "trans.gif", "1x1.gif", "s.gif".
const SPACER_SOURCE = /(?:^|\/)(?:spacer|spc|dot|pixel|px|blank|clear|clearpixel|transparent|trans|shim|1x1|space|s)\.gif(?:[?#]|$)/i;

/** Whether an image is a table layout's spacer (see `SPACER_SOURCE`). */
function isSpacer(element: Element): boolean {
  return typeof element.properties.src === 'string' && SPACER_SOURCE.test(element.properties.src);
}

/** Whether an image is a site's icon (see `SITE_ICON_SOURCE`). */
function isSiteIcon(element: Element): boolean {
  const { src, className } = element.properties;
  return (typeof src === 'string' && SITE_ICON_SOURCE.test(src)) || (Array.isArray(className) && className.some((name) => SITE_ICON_CLASS.test(String(name))));
}
const LOGO_ALT = /^(?:[^\s]+\s+){0,4}logo$|^logo\b.{0,40}$/iu;
// The word "logo" in a logo's alt text ("AFP logo", "Logo: dpa", "Logo of Reuters"), and the
// longest name read from one.
const LOGO_WORD = /^\s*logo\b[\s:-]*(?:(?:of|von|de)\s+)?|[\s-]*\blogo\s*$/giu;
const MAX_LOGO_NAME = 40;

/**
 * Whether an image is a badge: a link to what its alt text names, its site or a page about it
 * ("<a href="/partners/reuters"><img alt="Reuters"></a>", a strip of a site's news partners). Its
 * alt text names a partner, not the picture's source.
 */
function isBadge(image: Element, href: string | undefined): boolean {
  const { alt } = image.properties;
  if (href === undefined || typeof alt !== 'string' || alt.length > 40) return false;
  const name = alt.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return name !== '' && href.toLowerCase().split(/[^\p{L}\p{N}]+/u).includes(name);
}

/** Whether a link holds a picture of its own, as a thumbnail that opens a larger view. */
function holdsPicture(link: Element): boolean {
  return link.children.some((child) => child.type === 'element' && MEDIA_TAGS.has(child.tagName) && !VIDEO_TAGS.has(child.tagName));
}

/** An address with its escapes decoded, or as it stands where they are not valid. */
function unescapeAddress(address: string): string {
  try {
    return decodeURIComponent(address);
  } catch {
    return address;
  }
}

/** Whether an image is a logo, whose alt text is no credit. */
function isLogo(element: Element): boolean {
  const { src, className, alt } = element.properties;
  return (typeof src === 'string' && LOGO_SOURCE.test(src))
    || (Array.isArray(className) && className.some((name) => /logo/i.test(String(name))))
    || (typeof alt === 'string' && LOGO_ALT.test(alt.trim()));
}

const propertyNames = new Map<string, string>([['srcset', 'srcSet']]);
/** The hast property of an attribute: `data-credit` is `dataCredit`; `srcset`, HTML's own, is `srcSet`. */
function propertyName(attribute: string): string {
  let name = propertyNames.get(attribute);
  if (name === undefined) {
    name = attribute.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    propertyNames.set(attribute, name);
  }
  return name;
}
