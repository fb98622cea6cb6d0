import { mayBeJsonLd, scanHtml, tagName } from './html-scan.js';

/** The text the HTML parser is given for a page, and how its offsets map back to the page. */
export interface ParseInput {
  text: string;
  toSource(offset: number): number;
}

/**
 * A page's HTML with the content of its scripts (but JSON-LD) and style sheets left out: often
 * half of a page's bytes, and no region is read from them, so the parser need not build them.
 * Content is left out only where the scan is sure to read it as the parser does: not inside SVG or
 * MathML (where `script` is no raw text), not after a script whose `<!--` may hide its end tag,
 * nor in a frameset page. Undefined when nothing is left out.
 */
export function withoutScripts(html: string): ParseInput | undefined {
  const cuts: Array<{ at: number; shift: number }> = [];
  const parts: string[] = [];
  let [at, shift, foreign, isSure] = [0, 0, 0, true];
  scanHtml(html, {
    comment() {},
    tag(start, end, isEnd) {
      if (!/[smf]/i.test(html.charAt(start + (isEnd ? 2 : 1)))) return; // svg, math, frameset
      const name = tagName(html, start);
      if (name === 'svg' || name === 'math') foreign = isEnd ? Math.max(0, foreign - 1) : html.charAt(end - 2) === '/' ? foreign : foreign + 1;
      if (name === 'frameset') isSure = false;
    },
    rawText(name, start, end, startTag) {
      if (!isSure || foreign > 0 || (name !== 'script' && name !== 'style') || start === end) return;
      const content = html.slice(start, end);
      if (content.includes('<!--')) {
        isSure = !/<script/i.test(content);
        return;
      }
      if (name === 'script' && mayBeJsonLd(html.slice(startTag.start, startTag.end))) return;
      parts.push(html.slice(at, start));
      at = end;
      cuts.push({ at: start - shift, shift: shift + end - start });
      shift += end - start;
    },
  });
  if (cuts.length === 0) return undefined;
  parts.push(html.slice(at));
  return { text: parts.join(''), toSource: (offset) => offset + shiftAt(cuts, offset) };
}

/** How far an offset of the shortened text moves back in the page: the cuts at or before it. */
function shiftAt(cuts: ReadonlyArray<{ at: number; shift: number }>, offset: number): number {
  let [low, high] = [0, cuts.length - 1];
  let shift = 0;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const cut = cuts[middle] as { at: number; shift: number };
    if (cut.at <= offset) [shift, low] = [cut.shift, middle + 1];
    else high = middle - 1;
  }
  return shift;
}
