import { locateAttribute } from './attributes.js';
import { holdsPicture, isBadge, isLogo, isSiteIcon, isSpacer, VIDEO_PLAYER, VIDEO_TAGS } from './media.js';
import { META_VALUE } from './meta.js';
import type { Region } from './region.js';
import { TextBuilder } from './text-builder.js';
import type { TreeElement as Element } from './tree.js';

// The attributes whose values the region reader reads as regions of their own: credits and
// captions on an element itself, a lightbox's caption, an image's alt text and file names; which
// of them an element's tag and pictures call for, and how a value is read at its place in the source.

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

/** Reads an attribute's value as a region of `kind`, its field the attribute's name unless `field` is given. */
export type ReadAttribute = (element: Element, name: string, kind: Region['kind'], isVideo?: boolean, field?: string) => void;

/** Reads the pictures inside an element whose text is not read: their alt text and file names. */
export function readPicturesIn(element: Element, href: string | undefined, read: ReadAttribute): void {
  for (const child of element.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'img' || child.tagName === 'amp-img') readImage(child, href, read);
    else readPicturesIn(child, href, read);
  }
}

/** Reads an image's alt text and file names; `href` is the link the image stands in, if any. */
export function readImage(element: Element, href: string | undefined, read: ReadAttribute): void {
  // A site's icon or a badge is no picture of the page's: its alt text names a site or a partner,
  // and the text after it is no caption of it (a link card's "AP News" beside the site's icon).
  // Nor is a table layout's spacer, a transparent pixel that holds a cell open.
  if (isSiteIcon(element) || isBadge(element, href) || isSpacer(element)) return;
  // A logo's alt text names a brand; its file names are read, as a lazily loaded photo's
  // placeholder may look like one (an inline SVG) while its file is named elsewhere.
  if (!isLogo(element)) for (const name of ALT_ATTRIBUTES) read(element, name, 'alt');
  readFileNames(element, read);
}

/** Reads the file names of an image or of a `<source>` of its `<picture>`. */
export function readFileNames(element: Element, read: ReadAttribute): void {
  for (const name of FILE_NAME_ATTRIBUTES) read(element, name, 'src', false, 'src');
}

/** Reads the credits and captions an element carries on itself, as its tag calls for. */
export function readCreditAttributes(element: Element, read: ReadAttribute): void {
  const isVideo = VIDEO_TAGS.has(element.tagName);
  // Most elements have a property or two, and few one of these: their own are looked through first.
  if (hasAnyProperty(element, CREDIT_PROPERTIES)) {
    for (const name of CREDIT_ATTRIBUTES) read(element, name, 'credit', isVideo);
    for (const name of CAPTION_ATTRIBUTES) read(element, name, 'caption', isVideo);
  }
  const tag = element.tagName;
  if (tag === 'figure') for (const name of FIGURE_ATTRIBUTES) read(element, name, 'caption', isVideo);
  else if (isVideo) for (const name of VIDEO_TITLE_ATTRIBUTES) read(element, name, 'caption', true);
  else if (tag === 'a' && typeof element.properties.href === 'string' && (PICTURE_FILE.test(element.properties.href) || holdsPicture(element))) {
    for (const name of LIGHTBOX_ATTRIBUTES) read(element, name, 'caption');
  }
}

/** Reads the title of an embedded page, which names what it plays, and may credit it ("Video: AFP"): a player's is a video's. */
export function readEmbedTitle(element: Element, read: ReadAttribute): void {
  read(element, 'title', 'caption', typeof element.properties.src === 'string' && VIDEO_PLAYER.test(element.properties.src));
}

/** The value of an attribute, where it holds more than white space. */
export function attributeValue(element: Element, name: string): string | undefined {
  const value = element.properties[propertyName(name)];
  return typeof value !== 'string' || value.trim() === '' ? undefined : value;
}

/** Reads `value`, attribute `name`'s of an element, as a region at its place in `source`. */
export function attributeRegion(element: Element, name: string, value: string, source: string, fields: Omit<Region, 'text' | 'offsets'>): Region | undefined {
  const builder = new TextBuilder();
  const tagStart = element.position?.start?.offset;
  const span = tagStart === undefined ? undefined : locateAttribute(source, tagStart, name);
  // Markup's text stands where the value starts: its tags, escaped in the value, have no place of
  // their own; so does a file name inside another's address, escaped in it ("/_next/image?url=
  // https%3A%2F%2Fcdn.example%2FGettyImages-2173340981.jpg", an image service's).
  const unescaped = fields.kind === 'src' && value.includes('%') ? unescapeAddress(value) : value;
  if (unescaped !== value) builder.appendAt(unescaped, span?.start ?? tagStart ?? 0);
  else if (MARKUP_ATTRIBUTES.has(name) && value.includes('<')) builder.appendAt(value.replace(TAG, ' '), span?.start ?? tagStart ?? 0);
  else if (span) builder.appendDecoded(value, source, span.start, span.end);
  else builder.appendAt(value, tagStart ?? 0);
  return builder.toRegion(fields);
}

/** An address with its escapes decoded, or as it stands where they are not valid. */
function unescapeAddress(address: string): string {
  try {
    return decodeURIComponent(address);
  } catch {
    return address;
  }
}

/** Whether an element has one of these properties. */
function hasAnyProperty(element: Element, names: ReadonlySet<string>): boolean {
  for (const name in element.properties) if (names.has(name)) return true;
  return false;
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

// The hast properties of the credit and caption attributes every element is read for.
const CREDIT_PROPERTIES = new Set([...CREDIT_ATTRIBUTES, ...CAPTION_ATTRIBUTES].map(propertyName));
