// The part of an HTML page that regions can be read from, for the prefilter to search: text,
// the attributes regions are read from, and JSON-LD, with image file names apart. Scripts, style
// sheets, comments and every other attribute (URLs, class names, tracking data) are dropped, so a
// holder's short name in `?from=tt.mm` or a script's `'ap'` does not send the page to the
// parser. Tags become `<>`, which the prefilter's phrases allow between words, so text on either
// side stays apart.
// Where the scan cannot read on (an unclosed tag or script), the rest is kept as it stands.
import { REGION_ATTRIBUTES } from '../../document/hast-regions.js';
import { type MarkupRecord, type MarkupVisitor, mayBeJsonLd, nameAt, nameTable, scanHtml, type TagAttributes } from '../../document/html/html-scan.js';

const REGION_NAMES = nameTable(REGION_ATTRIBUTES.keys());

/** What starts every suppression directive. */
export const DIRECTIVE_TOKEN = 'rightslint-';

/** What regions of an HTML page can be read from: text and attributes, with every tag as `<>`, and image file names. */
export interface RegionSource {
  text: string;
  /** `src` and `data-src` values, each followed by `<>`: only `src` regions are read from them. */
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
  return { text: reader.text + rest, fileNames: reader.fileNames.join(''), hasDirective };
}

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

  constructor(private readonly html: string) {}

  comment(start: number, end: number): void {
    this.hasDirective ||= this.html.slice(start, end).includes(DIRECTIVE_TOKEN);
    this.drop(start, end);
  }

  tag(start: number, end: number, isEnd: boolean, attributes: TagAttributes): void {
    const html = this.html;
    this.drop(start, end);
    this.text += '<>';
    if (isEnd) return;
    for (let k = 0; k < attributes.count; k++) {
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
    this.text += this.html.slice(this.at, start);
    this.at = end;
  }
}
