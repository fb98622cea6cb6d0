// The part of an HTML page that regions can be read from, for the prefilter to search: text,
// the attributes regions are read from, a `<link>`'s target, and JSON-LD, with image file names apart. Scripts, style
// sheets, comments and every other attribute (URLs, class names, tracking data) are dropped, so a
// holder's short name in `?from=tt.mm` or a script's `'ap'` does not send the page to the
// parser. Tags become `<>`, which the prefilter's phrases allow between words, so text on either
// side stays apart. Where inline tags split a word ("Reu<wbr>ters", "<b>A</b><b>FP</b>"), which
// regions read as one, the text around the split is also kept joined.
// Where the scan cannot read on (an unclosed tag or script), the rest is kept as it stands.
import { foldedCode } from '../../document/characters.js';
import { BLOCK_TAGS } from '../../document/classify.js';
import { type MarkupRecord, type MarkupVisitor, mayBeJsonLd, nameAt, nameTable, scanHtml, type TagAttributes, tagName } from '../../document/html/html-scan.js';
import { REGION_ATTRIBUTES } from '../../document/region-attributes.js';

const REGION_NAMES = nameTable(REGION_ATTRIBUTES.keys());
// A `<link>`'s target, which regions read where it is the page's canonical URL (see origin.ts).
const LINK_TARGET = nameTable(['href']);
const LINK = nameTable(['link']);

/** What starts every suppression directive. */
export const DIRECTIVE_TOKEN = 'rightslint-';

/** What regions of an HTML page can be read from: text and attributes, with every tag as `<>`, and image file names. */
export interface RegionSource {
  text: string;
  /** Image file names (`src`, `srcset`, the lazy loaders' `data-src` ...), each followed by `<>`: only `src` regions are read from them. */
  fileNames: string;
  /** Whether a comment may be a suppression directive (`<!-- rightslint-disable ... -->`). */
  hasDirective: boolean;
}

/** The region-bearing text of an HTML page, read from its markup as recorded, if it was. */
export function regionSource(html: string, markup?: MarkupRecord): RegionSource {
  const reader = new RegionSourceReader(html);
  const complete = markup ? markup.replay(reader) : scanHtml(html, reader);
  const rest = html.slice(reader.at);
  // Where the scan stopped short, the rest may hold a comment it did not report.
  const hasDirective = reader.hasDirective || (!complete && rest.includes(DIRECTIVE_TOKEN));
  return { text: reader.text + rest + joinedWords(reader.text, reader.splits), fileNames: reader.fileNames.join(''), hasDirective };
}

/** How much text on either side of a split word is kept joined: more than any phrase spans. */
const SPLIT_CONTEXT = 120;

/**
 * The text around each word that inline tags split, with those tags left out, after a `<>`:
 * what regions read there. `splits` are the spans of the tags' `<>`s, in order.
 */
function joinedWords(text: string, splits: readonly number[]): string {
  let joined = '';
  for (let i = 0; i < splits.length; ) {
    const start = Math.max(0, (splits[i] as number) - SPLIT_CONTEXT);
    let at = start;
    let end = 0;
    joined += '<>';
    // Splits whose contexts overlap make one stretch.
    for (; i < splits.length && (splits[i] as number) - SPLIT_CONTEXT <= Math.max(at, end); i += 2) {
      joined += text.slice(at, splits[i]);
      at = splits[i + 1] as number;
      end = Math.min(text.length, at + SPLIT_CONTEXT);
    }
    joined += text.slice(at, end);
  }
  return joined;
}

/**
 * Whether what stands at `i` of the page may be part of a word: a letter or digit of any script,
 * a character regions fold away (a soft hyphen, a zero-width space, a word joiner), or either end
 * of a character reference (`&shy;`, `&#x46;`), which may stand for either.
 */
function isWordAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 38 || code === 59;
  return foldedCode(code) === '' || WORD_CHARACTER.test(text.charAt(i));
}
const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;

/**
 * The scan's visitor that keeps what regions are read from. (A class, so that every page is read
 * by the same functions: closures made for each page would leave V8 optimizing the scan again.)
 */
class RegionSourceReader implements MarkupVisitor {
  text = '';
  readonly fileNames: string[] = [];
  /** Where the text not yet kept or dropped starts. */
  at = 0;
  hasDirective = false;
  /** Pairs of offsets in `text`: where what inline tags that split a word left (`<>`s, attributes) starts and ends. */
  readonly splits: number[] = [];
  /** Where the `<>`s of inline tags right after a letter or digit start, until text follows them; else -1. */
  #split = -1;
  /** Whether the text kept last ends with a letter or digit (read from the page: `text` is built by appending). */
  #isAfterWord = false;

  constructor(private readonly html: string) {}

  comment(start: number, end: number): void {
    this.hasDirective ||= this.html.slice(start, end).includes(DIRECTIVE_TOKEN);
    this.drop(start, end);
  }

  tag(start: number, end: number, isEnd: boolean, attributes: TagAttributes): void {
    const html = this.html;
    this.drop(start, end);
    // Inline tags right after a letter may split a word; a block tag ends a word.
    if (this.#split !== -1 || this.#isAfterWord) {
      this.#split = BLOCK_TAGS.has(tagName(html, start)) ? -1 : this.#split === -1 ? this.text.length : this.#split;
    }
    this.#isAfterWord = false;
    this.text += '<>';
    if (isEnd) return;
    const isLink = nameAt(html, start + 1, start + 5, LINK) !== undefined && attributes.count > 0 && attributes.nameStart(0) > start + 5;
    for (let k = 0; k < attributes.count; k++) {
      if (isLink && nameAt(html, attributes.nameStart(k), attributes.nameEnd(k), LINK_TARGET)) this.text += `${html.slice(attributes.valueStart(k), attributes.valueEnd(k))}<>`;
      const name = nameAt(html, attributes.nameStart(k), attributes.nameEnd(k), REGION_NAMES);
      const kind = name === undefined ? undefined : REGION_ATTRIBUTES.get(name);
      if (kind === 'file-name') this.fileNames.push(html.slice(attributes.valueStart(k), attributes.valueEnd(k)), '<>');
      else if (kind) this.text += `${html.slice(attributes.valueStart(k), attributes.valueEnd(k))}<>`;
    }
  }

  rawText(name: string, start: number, end: number, startTag: { start: number; end: number }): void {
    if (name === 'style' || (name === 'script' && !mayBeJsonLd(this.html.slice(startTag.start, startTag.end)))) this.drop(start, end);
  }

  /** Keeps the text up to `start`, and drops what stands from there to `end`. */
  drop(start: number, end: number): void {
    if (start > this.at) {
      // Text after inline tags that stand after a letter: a split word if it goes on with one.
      if (this.#split !== -1 && isWordAt(this.html, this.at)) this.splits.push(this.#split, this.text.length);
      this.#split = -1;
      this.#isAfterWord = isWordAt(this.html, start - 1);
    }
    this.text += this.html.slice(this.at, start);
    this.at = end;
  }
}
