/**
 * Where on a page a piece of text stands. Signals name the regions they may appear in, so a
 * photo credit is looked for in captions and credits. `lead` is no region of its own: a signal
 * for it is tried on every body block, anchored at its start, where datelines and bylines stand
 * whatever the markup around the block.
 */
export const REGION_KINDS = [
  'title',
  'heading',
  'lead',
  'body',
  'caption',
  'credit',
  'byline',
  'alt',
  'src',
  'footer',
  'meta',
  'jsonld',
  'frontmatter',
] as const;

export type RegionKind = (typeof REGION_KINDS)[number];

/** A run of page text with the source offset of each of its characters. */
export interface Region {
  kind: Exclude<RegionKind, 'lead'>;
  /** Decoded text, as a reader (or a metadata consumer) sees it. */
  text: string;
  /** `offsets[i]` is the source offset of `text[i]`; one extra entry holds the end offset. */
  offsets: Int32Array;
  /** The block stands inside the story, not in the site's masthead, rails or footer. */
  isInStory?: boolean;
  /** The block stands in page furniture: a related-story rail, a teaser, a promo, a gallery. */
  isAside?: boolean;
  /** All of the block's text is link text: a teaser's headline, a menu entry. */
  isLink?: boolean;
  /** Where in `text` the block's last link's text ends, where text follows it ("<a>Headline</a> — AP"). */
  linkEnd?: number;
  /**
   * The field a metadata region came from: a meta name, a JSON-LD key path, a front-matter key;
   * for a block of text, `SOURCE_COLUMN` where it is a cell of a table's column of sources.
   */
  field?: string;
  /**
   * The block describes a video: the caption or credit of a figure that holds one, a video
   * element's credit attribute, the metadata of a JSON-LD `VideoObject`.
   */
  isVideo?: boolean;
  /** The block describes a picture: the metadata of a JSON-LD `ImageObject`, or of a work's `image`. */
  isPicture?: boolean;
}

/** The field of a block read from a cell of a table's source column ("Quelle", "Agentur"). */
export const SOURCE_COLUMN = 'source column';
