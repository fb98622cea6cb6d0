import { BREAKOUT, INTEGRATION_POINTS } from './elements.js';
import { needsParser } from './needs-parser.js';

/**
 * Follows a template's content, which the builder passes over, far enough to find the end tag that
 * closes the template: templates opened and closed in it, and the SVG and MathML in it (an icon in
 * a card template), as long as their tags only open and close. Inside SVG or MathML the scan and the
 * parser part ways where the parser reads by foreign content's rules (13.2.6.5): `<style>` and
 * `<title>` are no raw text there, `<![CDATA[` holds text, a `<p>` or a `<font color>` breaks out,
 * `</template>` may close an SVG element of that name, and `foreignObject` or `mi` take HTML. Each
 * of those is left to parse5.
 */
export class TemplateContent {
  /** How many templates are open around the markup being read. */
  depth = 0;
  #svg = 0;
  #math = 0;

  /** Whether the markup being read is inside SVG or MathML, as far as the counts of their tags tell. */
  get isForeign(): boolean {
    return this.#svg + this.#math > 0;
  }

  /** A tag in the content, by its lowered name. */
  tag(name: string, isEnd: boolean, isSelfClosing: boolean): void {
    if (this.isForeign && !isEnd && (BREAKOUT.has(name) || INTEGRATION_POINTS.has(name) || FOREIGN_MISREAD.has(name))) needsParser();
    if (this.isForeign && isEnd && (name === 'p' || name === 'br' || name === 'template')) needsParser();
    if (name === 'svg' || name === 'math') {
      // An end tag closes its kind only where one is open (`</math>` in SVG reaches no MathML root).
      const change = isEnd ? -1 : isSelfClosing ? 0 : 1;
      if (name === 'svg') this.#svg = Math.max(0, this.#svg + change);
      else this.#math = Math.max(0, this.#math + change);
    }
    if (name === 'template') this.depth += isEnd ? -1 : 1;
  }

  /** A comment in the content: in SVG or MathML, `<![CDATA[` opens a section of text the scan reads otherwise. */
  comment(isCdata: boolean): void {
    if (isCdata && this.isForeign) needsParser();
  }
}

/** Start tags the scan reads as raw text, which SVG and MathML read as markup, a template's which may be an SVG element, and `font`. */
const FOREIGN_MISREAD: ReadonlySet<string> = new Set(['script', 'style', 'title', 'textarea', 'xmp', 'noembed', 'noframes', 'iframe', 'plaintext', 'template', 'font']);
