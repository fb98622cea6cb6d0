// The part of an HTML page that regions can be read from, for the prefilter to search: text,
// the attributes regions are read from, and JSON-LD, with image file names apart. Scripts, style
// sheets, comments and every other attribute (URLs, class names, tracking data) are dropped, so a
// holder's short name in `?from=tt.mm` or a script's `'ap'` does not send the page to the
// parser. Tags become `<>`, which the prefilter's phrases allow between words, so text on either
// side stays apart.
// Where the scan cannot read on (an unclosed tag or script), the rest is kept as it stands.
import { mayBeJsonLd, scanHtml } from './html-scan.js';

/** Attributes some region is read from (document/hast-regions.ts, meta.ts); image file names apart. */
const REGION_ATTRIBUTE = /[\s/"'](alt|title|src|data-src|data-credit|data-copyright|data-photographer|data-caption|content)\s*=\s*(?:"([^"]*)|'([^']*)|([^\s>]*))/gi;
const FILE_NAME = /^(?:data-)?src$/i;

/** What regions of an HTML page can be read from: text and attributes, with every tag as `<>`, and image file names. */
export interface RegionSource {
  text: string;
  /** `src` and `data-src` values, each followed by `<>`: only `src` regions are read from them. */
  fileNames: string;
}

/** The region-bearing text of an HTML page. */
export function regionSource(html: string): RegionSource {
  const parts: string[] = [];
  const fileNames: string[] = [];
  let at = 0;
  const replace = (start: number, end: number, ...keep: string[]): void => {
    parts.push(html.slice(at, start), ...keep);
    at = end;
  };
  scanHtml(html, {
    comment: (start, end) => replace(start, end),
    tag(start, end, isEnd) {
      const keep = ['<>'];
      if (!isEnd) {
        // `exec` in a loop, not `matchAll`, which copies the expression for every tag.
        const tag = html.slice(start, end);
        REGION_ATTRIBUTE.lastIndex = 0;
        for (let m = REGION_ATTRIBUTE.exec(tag); m; m = REGION_ATTRIBUTE.exec(tag)) {
          (FILE_NAME.test(m[1] as string) ? fileNames : keep).push(m[2] ?? m[3] ?? m[4] ?? '', '<>');
        }
      }
      replace(start, end, ...keep);
    },
    rawText(name, start, end, startTag) {
      if (name === 'style' || (name === 'script' && !mayBeJsonLd(html.slice(startTag.start, startTag.end)))) replace(start, end);
    },
  });
  parts.push(html.slice(at));
  return { text: parts.join(''), fileNames: fileNames.join('') };
}
