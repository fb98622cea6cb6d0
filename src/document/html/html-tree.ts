import { decodeHTML } from 'entities';
import { isSpace, type MarkupRecord, type MarkupVisitor, scanHtml, type TagAttributes, tagName } from './html-scan.js';
import type { TreeElement, TreeRoot } from '../tree.js';
import { foreignEnd, foreignStart } from './html-tree/foreign.js';
import { isQuirksDoctype } from './html-tree/doctype.js';
import { INTEGRATION_POINTS } from './html-tree/elements.js';
import { endTag, implyHtmlAndHead, leaveHead, startTag } from './html-tree/modes.js';
import { NEEDS_PARSER, needsParser } from './html-tree/needs-parser.js';
import { OpenElements } from './html-tree/open-elements.js';
import { TemplateContent } from './html-tree/template-content.js';
import { commentData, createElement, propertiesOf, readTag, type Tag } from './html-tree/tag.js';

/**
 * Builds the syntax tree of an HTML page the way the HTML standard's tree construction does, for
 * the pages most sites serve: well-nested markup with the usual omissions (unclosed `p` and `li`,
 * implied `html`, `head`, `body` and `tbody`, stray end tags, formatting misnested around a block
 * or reopened after it, text and markup misplaced in a table, inline SVG). Where a page needs a
 * rule this builder leaves out (`template` in a table, frames, foreign content that breaks out
 * ...) it returns undefined, and the page goes to parse5, which has them all.
 *
 * It reads a news page about six times faster than parse5 with positions and the conversion to
 * hast, as it scans with regular expressions and builds only what the region reader looks at:
 * elements, their tag names and the attributes regions and kinds are read from, text with its
 * source offsets, and comments. Tests hold what is read from its trees to what is read from
 * rehype-parse's on the shared corpus, the fixtures and random markup. Given the page's markup as
 * the prefilter recorded it, it builds from the record instead of scanning the page again.
 */
export function buildHtmlTree(html: string, markup?: MarkupRecord): TreeRoot | undefined {
  if (html.includes('\0')) return undefined;
  const builder = new TreeBuilder(html);
  try {
    return builder.build(markup);
  } catch (error) {
    if (error === NEEDS_PARSER) return undefined;
    throw error;
  }
}

const NOT_SPACE = /[^\t\n\f\r ]/;

export type Mode = 'before-html' | 'before-head' | 'in-head' | 'in-head-noscript' | 'after-head' | 'in-body' | 'after-body' | 'after-after-body';

/** The builder's state as the insertion modes (html-tree/*.ts) read and change it. */
export class TreeBuilder extends OpenElements implements MarkupVisitor {
  mode: Mode = 'before-html';
  head: TreeElement | undefined;
  /** The attributes of the `html` and `body` elements, which later start tags add to. */
  readonly attributes = new Map<TreeElement, Map<string, string>>();
  /** An open `select`, whose content is read by the rules of its own (13.2.6.4.16). */
  select: TreeElement | undefined;
  form: TreeElement | undefined;
  /** The raw text element whose content and end tag come next. */
  raw: TreeElement | undefined;
  /** Whether the page is in quirks mode, which keeps a table inside a paragraph; undefined if unknown. */
  isQuirks: boolean | undefined = true;
  hasDoctype = false;
  /** After `pre` and `listing` start tags, a line feed that the parser drops (a textarea's: see `rawText`). */
  dropsLineFeed = false;
  /** The templates open around the markup being read, whose content is passed over. */
  readonly template = new TemplateContent();
  at = 0;


  constructor(readonly html: string) {
    super();
  }

  /** Scans the page, or replays its recorded markup, and builds its tree; throws NEEDS_PARSER where it leaves the page to parse5. */
  build(markup?: MarkupRecord): TreeRoot {
    // The builder is the scan's visitor: its methods are the same functions for every page, where
    // closures made for each page would leave V8 optimizing the scan again and again.
    if (!(markup ? markup.replay(this) : scanHtml(this.html, this))) needsParser();
    if (this.template.depth === 0) this.textUpTo(this.html.length);
    return this.root;
  }

  /** A comment, doctype or bogus comment, from the scan. */
  comment(start: number, end: number): void {
    if (this.template.depth > 0) {
      this.template.comment(this.html.startsWith('<![CDATA[', start));
      return void (this.at = end);
    }
    if (this.html.startsWith('</>', start)) return; // no token at all: the text around it runs on
    this.textUpTo(start);
    this.at = end;
    this.dropsLineFeed = false;
    this.markup(start, end);
  }

  /** A start or end tag, from the scan. */
  tag(start: number, end: number, isEnd: boolean, attributes: TagAttributes): void {
    if (this.template.depth > 0) {
      this.at = end;
      return this.template.tag(tagName(this.html, start), isEnd, attributes.isSelfClosing);
    }
    this.textUpTo(start);
    this.at = end;
    this.dropsLineFeed = false;
    if (this.raw && isEnd) this.closeRaw();
    else this.insertTag(readTag(this.html, start, end, isEnd, attributes));
  }

  /** The content of a raw text element (script, style, title, textarea ...), from the scan, decoded where the tokenizer does. */
  rawText(name: string, start: number, end: number): void {
    if (this.template.depth > 0) return void (this.at = end);
    this.at = end;
    const element = this.raw ?? needsParser();
    if (start === end) return;
    if (this.foreign.has(element) && this.html.slice(start, end).includes('<')) needsParser();
    const raw = this.html.slice(start, end);
    let value = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
    if (name === 'title' || name === 'textarea') value = decodeHTML(value);
    if (name === 'textarea' && value.startsWith('\n')) {
      // A line feed from a reference (`&#10;`) is left to parse5.
      const feed = raw.startsWith('\r\n') ? 2 : raw.startsWith('\n') || raw.startsWith('\r') ? 1 : needsParser();
      value = value.slice(1);
      if (this.html.startsWith('&', start + feed)) needsParser(); // placed as after `pre`, see `text`
      if (!/^[\t\n\f\r ]/.test(value)) start += feed;
    }
    if (value !== '') element.children.push({ type: 'text', value, position: { start: { offset: start }, end: { offset: end } } });
  }

  /** Takes the text between the last markup and `end`. */
  textUpTo(end: number): void {
    if (end > this.at) this.text(this.at, end);
    this.at = end;
  }

  /** Text between two pieces of markup: `</>` in it dropped, a line feed after `pre` too, references decoded. */
  text(start: number, end: number): void {
    let raw = this.html.slice(start, end);
    if (raw.includes('</>')) {
      if (raw.includes('&') || this.dropsLineFeed) needsParser();
      raw = raw.replaceAll('</>', '');
      if (raw === '') return;
    }
    if (this.dropsLineFeed) {
      this.dropsLineFeed = false;
      const feed = raw.startsWith('\r\n') ? 2 : raw.startsWith('\n') || raw.startsWith('\r') ? 1 : 0;
      raw = raw.slice(feed);
      if (raw === '') return;
      // The parser drops the line feed from its run of white space: a run that goes on keeps its start.
      if (!/^[\t\n\f\r ]/.test(raw)) start += feed;
      // parse5 places text that starts with a reference after a dropped line feed at the reference's end.
      if (feed > 0 && raw.startsWith('&')) needsParser();
    }
    const value = decodeHTML(raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw);
    this.characters(value, start, end);
  }

  /** Inserts decoded text by the insertion mode: white space before the body is split off. */
  characters(value: string, start: number, end: number): void {
    const first = value.search(NOT_SPACE); // no match made, as there is one per text node
    const spaces = first === -1 ? value.length : first;
    // Before the body, white space is split from the text after it: by offsets, unless a reference
    // or a `</>` stands among them (parse5 then places the text after it).
    if (this.mode !== 'in-body' && spaces > 0 && spaces < value.length && /&|<\/>/.test(this.html.slice(start, end))) needsParser();
    switch (this.mode) {
      case 'before-html':
      case 'before-head':
        if (spaces === value.length) return;
        implyHtmlAndHead(this);
        return this.characters(value.slice(spaces), this.afterSpaces(start, end), end);
      case 'in-head':
      case 'in-head-noscript':
      case 'after-head':
        if (spaces > 0) this.insertText(value.slice(0, spaces), start, spaces === value.length ? end : this.afterSpaces(start, end));
        if (spaces === value.length) return;
        leaveHead(this);
        return this.characters(value.slice(spaces), this.afterSpaces(start, end), end);
      case 'after-body':
      case 'after-after-body':
        if (spaces !== value.length) this.mode = 'in-body';
    }
    if (this.select) return this.insertText(value, start, end);
    if (this.isForeign()) {
      // In an SVG title or a MathML token, text is read as in the body.
      if (INTEGRATION_POINTS.has((this.current as TreeElement).tagName)) this.reconstructFormatting();
      return this.insertText(value, start, end);
    }
    if (this.isTableContext()) {
      // Text in a table outside its cells is moved before the table ("foster parenting"), with the
      // formatting open there, unless it is all white space (13.2.6.4.10, in table text).
      if (spaces === value.length) return this.insertText(value, start, end);
      if (this.current?.tagName === 'colgroup') needsParser();
      this.isFostering = true;
      this.reconstructFormatting();
      this.insertText(value, start, end);
      this.isFostering = false;
      return;
    }
    this.reconstructFormatting();
    this.insertText(value, start, end);
  }

  /** Where the text after leading white space starts in the source (a CRLF is one line feed in the value). */
  afterSpaces(start: number, end: number): number {
    let at = start;
    while (at < end && isSpace(this.html.charCodeAt(at))) at++;
    return at;
  }

  /** A comment, a doctype or a bogus comment (`<?xml ?>`, `<!x>`, `</ x>`). */
  markup(start: number, end: number): void {
    const html = this.html;
    if (/^<!doctype/i.test(html.slice(start, start + 9))) {
      if (this.mode === 'before-html' && !this.hasDoctype) {
        this.hasDoctype = true;
        this.isQuirks = isQuirksDoctype(html.slice(start, end));
      }
      return;
    }
    const data = commentData(html, start, end);
    const comment = { type: 'comment' as const, value: data.replace(/\r\n?/g, '\n'), position: { start: { offset: start }, end: { offset: end } } };
    // In SVG or MathML a comment goes into the current node whatever the mode (13.2.6.5): after `</body>` too.
    const parent = this.isForeign() ? this.current : this.mode === 'before-html' || this.mode === 'after-after-body' ? this.root : this.mode === 'after-body' ? this.stack[0] : this.current;
    (parent ?? this.root).children.push(comment);
  }

  /** A tag, by foreign content or the insertion mode. */
  insertTag(tag: Tag): void {
    if (this.isForeign()) {
      if (!tag.isEnd) return foreignStart(this, tag);
      if (foreignEnd(this, tag)) return;
    }
    if (tag.isEnd) endTag(this, tag);
    else startTag(this, tag);
  }

  /**
   * A `template` start tag, by the rules of the head (13.2.6.4.4). Its content goes into a document
   * fragment of its own, which the region reader never reads: the element is inserted empty, and
   * its content passed over up to the end tag that closes it (templates nest).
   */
  openTemplate(tag: Tag): void {
    this.insert(createElement(tag.name, tag), false);
    this.template.depth = 1;
  }

  /** Closes the raw text element at its end tag. */
  closeRaw(): void {
    if (this.current !== this.raw) needsParser();
    this.stack.pop();
    this.raw = undefined;
  }

  /** Opens a raw text element, whose content the scan reports next. */
  insertRaw(tag: Tag): void {
    this.raw = this.insert(createElement(tag.name, tag));
  }

  /** A second `html` or `body` start tag adds the attributes the element does not have yet. */
  mergeAttributes(element: TreeElement | undefined, tag: Tag): void {
    const attributes = element && this.attributes.get(element);
    if (!element || !attributes || tag.attributes.size === 0) return;
    for (const [name, value] of tag.attributes) if (!attributes.has(name)) attributes.set(name, value);
    element.properties = propertiesOf(attributes);
  }
}
