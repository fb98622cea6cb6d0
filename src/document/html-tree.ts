import type { Properties } from 'hast';
import { decodeHTML, decodeHTMLAttribute } from 'entities';
import { scanHtml, tagName } from '../html-scan.js';
import type { TreeElement, TreeNode, TreeRoot } from './tree.js';

/**
 * Builds the syntax tree of an HTML page the way the HTML standard's tree construction does, for
 * the pages most sites serve: well-nested markup with the usual omissions (unclosed `p` and `li`,
 * implied `html`, `head`, `body` and `tbody`, stray end tags, inline SVG). Where a page needs a
 * rule this builder leaves out (text or markup misplaced in a table, formatting elements that
 * must be reopened, formatting misnested around a block, `template`, frames, foreign content
 * that breaks out) it returns undefined, and the page goes to parse5, which has them all.
 *
 * It reads a news page about six times faster than parse5 with positions and the conversion to
 * hast, as it scans with regular expressions and builds only what the region reader looks at:
 * elements, their tag names and the attributes regions and kinds are read from, text with its
 * source offsets, and comments. Tests hold what is read from its trees to what is read from
 * rehype-parse's on the shared corpus, the fixtures and random markup.
 */
export function buildHtmlTree(html: string): TreeRoot | undefined {
  if (html.includes('\0')) return undefined;
  const builder = new TreeBuilder(html);
  try {
    return builder.build();
  } catch (error) {
    if (error === NEEDS_PARSER) return undefined;
    throw error;
  }
}

/** Thrown where the page needs a rule of tree construction that is left to parse5. */
const NEEDS_PARSER = Symbol('needs the full parser');
function needsParser(): never {
  throw NEEDS_PARSER;
}

type Mode = 'before-html' | 'before-head' | 'in-head' | 'in-head-noscript' | 'after-head' | 'in-body' | 'after-body' | 'after-after-body';
interface Tag {
  name: string;
  isEnd: boolean;
  attributes: Map<string, string>;
  isSelfClosing: boolean;
  start: number;
  end: number;
}
const MARKER = 'marker';

const set = (names: string): ReadonlySet<string> => new Set(names.split(' '));
// The element categories of the HTML standard's tree construction (13.2.4.2, 13.2.6).
const SPECIAL = set('address applet area article aside base basefont bgsound blockquote body br button caption center col colgroup dd details dir div dl dt embed fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html iframe img input keygen li link listing main marquee menu meta nav noembed noframes noscript object ol p param plaintext pre script search section select source style summary table tbody td template textarea tfoot th thead title tr track ul wbr xmp');
const FORMATTING = set('a b big code em font i nobr s small strike strong tt u');
const IMPLIED_END = set('dd dt li optgroup option p rb rp rt rtc');
const SCOPE = set('applet caption html table td th marquee object template');
const BUTTON_SCOPE = set('applet caption html table td th marquee object template button');
const LIST_SCOPE = set('applet caption html table td th marquee object template ol ul');
const TABLE_SCOPE = set('html table template');
const HEADINGS = set('h1 h2 h3 h4 h5 h6');
const CLOSES_P = set('address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer header hgroup main menu nav ol p search section summary ul');
const BLOCK_END = set('address article aside blockquote button center details dialog dir div dl fieldset figcaption figure footer header hgroup listing main menu nav ol pre search section summary ul');
const HEAD_VOID = set('base basefont bgsound link meta');
const RAW = set('title textarea style script xmp iframe noembed noframes');
const BODY_VOID = set('area br embed img keygen wbr input');
const TABLE_PARTS = set('caption col colgroup frame head tbody td tfoot th thead tr');
const SECTIONS = set('tbody tfoot thead');
const BREAKOUT = set('b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img li listing menu meta nobr ol p pre ruby s small span strong strike sub sup table tt u ul var');
const INTEGRATION_POINTS = set('foreignobject desc title annotation-xml mi mo mn ms mtext');
const IGNORED_IN_TABLE = set('body caption col colgroup html tbody td tfoot th thead tr');
const LEFT_TO_PARSER = set('template frameset frame image plaintext rb rp rt rtc');
const MARKED = set('applet marquee object');

class TreeBuilder {
  readonly #root: TreeRoot = { type: 'root', children: [] };
  readonly #stack: TreeElement[] = [];
  readonly #formatting: Array<TreeElement | typeof MARKER> = [];
  readonly #foreign = new Set<TreeElement>();
  #mode: Mode = 'before-html';
  #head: TreeElement | undefined;
  /** The attributes of the `html` and `body` elements, which later start tags add to. */
  readonly #attributes = new Map<TreeElement, Map<string, string>>();
  /** An open `select`, whose content is read by the rules of its own (13.2.6.4.16). */
  #select: TreeElement | undefined;
  #form: TreeElement | undefined;
  /** The raw text element whose content and end tag come next. */
  #raw: TreeElement | undefined;
  /** Whether the page is in quirks mode, which keeps a table inside a paragraph; undefined if unknown. */
  #isQuirks: boolean | undefined = true;
  #hasDoctype = false;
  /** After `pre` and `listing` start tags, a line feed that the parser drops (textarea: #rawText). */
  #dropsLineFeed = false;
  #at = 0;

  constructor(private readonly html: string) {}

  build(): TreeRoot {
    const html = this.html;
    const complete = scanHtml(html, {
      comment: (start, end) => {
        if (html.startsWith('</>', start)) return; // no token at all: the text around it runs on
        this.#textUpTo(start);
        this.#at = end;
        this.#dropsLineFeed = false;
        this.#markup(start, end);
      },
      tag: (start, end, isEnd) => {
        this.#textUpTo(start);
        this.#at = end;
        this.#dropsLineFeed = false;
        if (this.#raw && isEnd) this.#closeRaw();
        else this.#tag(readTag(html, start, end, isEnd));
      },
      rawText: (name, start, end) => {
        this.#at = end;
        this.#rawText(name, start, end);
      },
    });
    if (!complete) needsParser();
    this.#textUpTo(html.length);
    return this.#root;
  }

  get #current(): TreeElement | undefined {
    return this.#stack.at(-1);
  }

  // --- tokens

  #textUpTo(end: number): void {
    if (end > this.#at) this.#text(this.#at, end);
    this.#at = end;
  }

  #text(start: number, end: number): void {
    let raw = this.html.slice(start, end);
    if (raw.includes('</>')) {
      if (raw.includes('&') || this.#dropsLineFeed) needsParser();
      raw = raw.replaceAll('</>', '');
      if (raw === '') return;
    }
    if (this.#dropsLineFeed) {
      this.#dropsLineFeed = false;
      const feed = raw.startsWith('\r\n') ? 2 : raw.startsWith('\n') || raw.startsWith('\r') ? 1 : 0;
      raw = raw.slice(feed);
      if (raw === '') return;
      // The parser drops the line feed from its run of white space: a run that goes on keeps its start.
      if (!/^[\t\n\f\r ]/.test(raw)) start += feed;
      // parse5 places text that starts with a reference after a dropped line feed at the reference's end.
      if (feed > 0 && raw.startsWith('&')) needsParser();
    }
    const value = decodeHTML(raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw);
    this.#characters(value, start, end);
  }

  #characters(value: string, start: number, end: number): void {
    const spaces = /^[\t\n\f\r ]*/.exec(value)?.[0].length ?? 0;
    // Before the body, white space is split from the text after it: by offsets, unless a reference
    // or a `</>` stands among them (parse5 then places the text after it).
    if (this.#mode !== 'in-body' && spaces > 0 && spaces < value.length && /&|<\/>/.test(this.html.slice(start, end))) needsParser();
    switch (this.#mode) {
      case 'before-html':
      case 'before-head':
        if (spaces === value.length) return;
        this.#implyHtmlAndHead();
        return this.#characters(value.slice(spaces), this.#afterSpaces(start, end), end);
      case 'in-head':
      case 'in-head-noscript':
      case 'after-head':
        if (spaces > 0) this.#insertText(value.slice(0, spaces), start, spaces === value.length ? end : this.#afterSpaces(start, end));
        if (spaces === value.length) return;
        this.#leaveHead();
        return this.#characters(value.slice(spaces), this.#afterSpaces(start, end), end);
      case 'after-body':
      case 'after-after-body':
        if (spaces !== value.length) this.#mode = 'in-body';
    }
    if (this.#select) return this.#insertText(value, start, end);
    if (this.#isForeign()) {
      // In an SVG title or a MathML token, text is read as in the body.
      if (INTEGRATION_POINTS.has((this.#current as TreeElement).tagName)) this.#reconstructFormatting();
      return this.#insertText(value, start, end);
    }
    if (this.#isTableContext()) {
      // Text in a table outside its cells is moved before the table ("foster parenting").
      if (spaces !== value.length) needsParser();
      return this.#insertText(value, start, end);
    }
    this.#reconstructFormatting();
    this.#insertText(value, start, end);
  }

  /** Where the text after leading white space starts in the source (a CRLF is one line feed in the value). */
  #afterSpaces(start: number, end: number): number {
    let at = start;
    while (at < end && /[\t\n\f\r ]/.test(this.html.charAt(at))) at++;
    return at;
  }

  /** A comment, a doctype or a bogus comment (`<?xml ?>`, `<!x>`, `</ x>`). */
  #markup(start: number, end: number): void {
    const html = this.html;
    if (/^<!doctype/i.test(html.slice(start, start + 9))) {
      if (this.#mode === 'before-html' && !this.#hasDoctype) {
        this.#hasDoctype = true;
        // Only the plain HTML5 doctype is known to be no-quirks; others would need the full tables.
        this.#isQuirks = /^<!doctype\s+html\s*>$/i.test(html.slice(start, end)) ? false : undefined;
      }
      return;
    }
    const data = commentData(html, start, end);
    const comment = { type: 'comment' as const, value: data.replace(/\r\n?/g, '\n'), position: { start: { offset: start }, end: { offset: end } } };
    const parent = this.#mode === 'before-html' || this.#mode === 'after-after-body' ? this.#root : this.#mode === 'after-body' ? this.#stack[0] : this.#current;
    (parent ?? this.#root).children.push(comment);
  }

  #tag(tag: Tag): void {
    if (this.#isForeign()) return tag.isEnd ? this.#foreignEnd(tag) : this.#foreignStart(tag);
    if (tag.isEnd) this.#endTag(tag);
    else this.#startTag(tag);
  }

  #rawText(name: string, start: number, end: number): void {
    const element = this.#raw ?? needsParser();
    if (start === end) return;
    if (this.#foreign.has(element) && this.html.slice(start, end).includes('<')) needsParser();
    const raw = this.html.slice(start, end);
    let value = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
    // After `<!--`, a `<script>` in a script makes the tokenizer look past the next `</script>`.
    if (name === 'script' && raw.includes('<!--') && /<script/i.test(raw)) needsParser();
    if (name === 'title' || name === 'textarea') value = decodeHTML(value);
    if (name === 'textarea' && value.startsWith('\n')) {
      // A line feed from a reference (`&#10;`) is left to parse5.
      const feed = raw.startsWith('\r\n') ? 2 : raw.startsWith('\n') || raw.startsWith('\r') ? 1 : needsParser();
      value = value.slice(1);
      if (this.html.startsWith('&', start + feed)) needsParser(); // placed as after `pre`, see #text
      if (!/^[\t\n\f\r ]/.test(value)) start += feed;
    }
    if (value !== '') element.children.push({ type: 'text', value, position: { start: { offset: start }, end: { offset: end } } });
  }

  #closeRaw(): void {
    if (this.#current !== this.#raw) needsParser();
    this.#stack.pop();
    this.#raw = undefined;
  }

  // --- before and in head

  #implyHtmlAndHead(): void {
    if (this.#mode === 'before-html') this.#insertHtml(undefined);
    if (this.#mode === 'before-head') this.#insertHead(undefined);
  }

  #insertHtml(tag: Tag | undefined): void {
    const element = createElement('html', tag);
    this.#attributes.set(element, tag?.attributes ?? new Map());
    this.#root.children.push(element);
    this.#stack.push(element);
    this.#mode = 'before-head';
  }

  #insertHead(tag: Tag | undefined): void {
    this.#head = this.#insert(createElement('head', tag));
    this.#mode = 'in-head';
  }

  /** Closes the head (and a `noscript` in it), and opens the body the page leaves implied. */
  #leaveHead(): void {
    if (this.#mode === 'in-head-noscript') this.#stack.pop();
    if (this.#mode === 'in-head' || this.#mode === 'in-head-noscript') this.#stack.pop();
    if (this.#mode !== 'in-body') this.#attributes.set(this.#insert(createElement('body', undefined)), new Map());
    this.#mode = 'in-body';
  }

  #startTag(tag: Tag): void {
    const name = tag.name;
    if (name === 'html') return this.#mode === 'before-html' ? this.#insertHtml(tag) : this.#mergeAttributes(this.#stack[0], tag);
    switch (this.#mode) {
      case 'before-html':
        this.#insertHtml(undefined);
        return this.#startTag(tag);
      case 'before-head':
        if (name === 'head') return this.#insertHead(tag);
        this.#insertHead(undefined);
        return this.#startTag(tag);
      case 'in-head':
        if (HEAD_VOID.has(name)) return void this.#insert(createElement(name, tag), false);
        if (name === 'title' || name === 'style' || name === 'script' || name === 'noframes') return this.#insertRaw(tag);
        if (name === 'noscript') {
          this.#insert(createElement(name, tag));
          this.#mode = 'in-head-noscript';
          return;
        }
        if (name === 'head') return;
        if (name === 'template') needsParser();
        break;
      case 'in-head-noscript':
        if (HEAD_VOID.has(name) && name !== 'base') return void this.#insert(createElement(name, tag), false);
        if (name === 'style' || name === 'noframes') return this.#insertRaw(tag);
        if (name === 'head' || name === 'noscript') return;
        this.#stack.pop();
        this.#mode = 'in-head';
        return this.#startTag(tag);
      case 'after-head':
        if (name === 'body') {
          this.#attributes.set(this.#insert(createElement(name, tag)), tag.attributes);
          this.#mode = 'in-body';
          return;
        }
        // Head elements after the head go into it.
        if (HEAD_VOID.has(name) && this.#head) return void this.#head.children.push(createElement(name, tag));
        if ((name === 'title' || name === 'style' || name === 'script' || name === 'noframes') && this.#head) {
          this.#raw = createElement(name, tag);
          this.#head.children.push(this.#raw);
          this.#stack.push(this.#raw);
          return;
        }
        if (name === 'head') return;
        if (name === 'template' || name === 'frameset') needsParser();
        break;
      case 'after-body':
      case 'after-after-body':
        this.#mode = 'in-body';
    }
    if (this.#mode === 'in-head') {
      this.#stack.pop();
      this.#mode = 'after-head';
      return this.#startTag(tag);
    }
    if (this.#mode === 'after-head') this.#leaveHead();
    if (this.#select) return this.#selectStart(tag);
    if (this.#isTableContext()) return this.#tableStart(tag);
    this.#bodyStart(tag);
  }

  #endTag(tag: Tag): void {
    const name = tag.name;
    switch (this.#mode) {
      case 'before-html':
      case 'before-head':
        if (name !== 'head' && name !== 'body' && name !== 'html' && name !== 'br') return;
        this.#implyHtmlAndHead();
        if (name === 'head') return this.#endTag(tag);
        break;
      case 'in-head':
        if (name === 'head') {
          this.#stack.pop();
          this.#mode = 'after-head';
          return;
        }
        if (name === 'template') needsParser();
        if (name !== 'body' && name !== 'html' && name !== 'br') return;
        break;
      case 'in-head-noscript':
        if (name === 'noscript') {
          this.#stack.pop();
          this.#mode = 'in-head';
          return;
        }
        if (name !== 'br') return;
        break;
      case 'after-head':
        if (name === 'template') needsParser();
        if (name !== 'body' && name !== 'html' && name !== 'br') return;
        break;
      case 'after-body':
        if (name === 'html') {
          this.#mode = 'after-after-body';
          return;
        }
        this.#mode = 'in-body';
        break;
      case 'after-after-body':
        this.#mode = 'in-body';
    }
    if (this.#mode !== 'in-body') {
      this.#leaveHead();
      return this.#endTag(tag);
    }
    if (this.#select) return this.#selectEnd(tag);
    if (this.#isTableContext()) return this.#tableEnd(tag);
    this.#bodyEnd(tag);
  }

  // --- in body (13.2.6.4.7), and in a table cell, which reads as in body

  #bodyStart(tag: Tag): void {
    const name = tag.name;
    if (LEFT_TO_PARSER.has(name)) needsParser();
    if (HEAD_VOID.has(name) || name === 'param' || name === 'source' || name === 'track') return void this.#insert(createElement(name, tag), false);
    if (name === 'title' || name === 'style' || name === 'script' || name === 'noframes' || name === 'iframe' || name === 'noembed' || name === 'textarea') return this.#insertRaw(tag);
    if (name === 'body') return this.#mergeAttributes(this.#stack[1]?.tagName === 'body' ? this.#stack[1] : undefined, tag);
    if (CLOSES_P.has(name)) {
      this.#closePInButtonScope();
      return void this.#insert(createElement(name, tag));
    }
    if (HEADINGS.has(name)) {
      this.#closePInButtonScope();
      if (HEADINGS.has(this.#current?.tagName ?? '')) this.#stack.pop();
      return void this.#insert(createElement(name, tag));
    }
    if (name === 'pre' || name === 'listing') {
      this.#closePInButtonScope();
      this.#insert(createElement(name, tag));
      this.#dropsLineFeed = true;
      return;
    }
    if (name === 'form') {
      if (this.#form) return;
      this.#closePInButtonScope();
      this.#form = this.#insert(createElement(name, tag));
      return;
    }
    if (name === 'li' || name === 'dd' || name === 'dt') {
      const closes = name === 'li' ? ['li'] : ['dd', 'dt'];
      for (let i = this.#stack.length - 1; i >= 0; i--) {
        const node = this.#stack[i] as TreeElement;
        if (closes.includes(node.tagName)) {
          this.#generateImpliedEndTags(node.tagName);
          this.#popUntil(node.tagName);
          break;
        }
        if (SPECIAL.has(node.tagName) && node.tagName !== 'address' && node.tagName !== 'div' && node.tagName !== 'p') break;
      }
      this.#closePInButtonScope();
      return void this.#insert(createElement(name, tag));
    }
    if (name === 'button' && this.#inScope('button', SCOPE)) needsParser();
    const openLink = name === 'a' ? this.#formattingAfterMarker('a') : undefined;
    if (openLink) {
      // A link inside a link closes the first one.
      this.#endFormatting('a');
      const listed = this.#formatting.indexOf(openLink);
      if (listed !== -1) this.#formatting.splice(listed, 1);
      const open = this.#stack.lastIndexOf(openLink);
      if (open !== -1) this.#stack.splice(open, 1);
    }
    if (name === 'nobr' && this.#inScope('nobr', SCOPE)) needsParser();
    if (name === 'table') {
      if (this.#isQuirks === undefined && this.#inScope('p', BUTTON_SCOPE)) needsParser();
      if (!this.#isQuirks) this.#closePInButtonScope();
      return void this.#insert(createElement(name, tag));
    }
    if (name === 'hr') {
      this.#closePInButtonScope();
      return void this.#insert(createElement(name, tag), false);
    }
    if (name === 'xmp') {
      this.#closePInButtonScope();
      this.#reconstructFormatting();
      return this.#insertRaw(tag);
    }
    if (TABLE_PARTS.has(name)) {
      if (name !== 'head' && (this.#inTableScope('td') || this.#inTableScope('th'))) {
        this.#closeCell();
        return this.#startTag(tag);
      }
      if (name !== 'head' && this.#inTableScope('caption')) {
        this.#closeCaption();
        return this.#startTag(tag);
      }
      return;
    }
    this.#reconstructFormatting();
    if (name === 'option' || name === 'optgroup') {
      if (this.#current?.tagName === 'option') this.#stack.pop();
    }
    if (BODY_VOID.has(name)) return void this.#insert(createElement(name, tag), false);
    if (name === 'select') {
      this.#select = this.#insert(createElement(name, tag));
      return;
    }
    if (name === 'svg' || name === 'math') {
      const element = this.#insert(createElement(name, tag), !tag.isSelfClosing);
      if (!tag.isSelfClosing) this.#foreign.add(element);
      return;
    }
    const element = this.#insert(createElement(name, tag));
    if (FORMATTING.has(name)) this.#formatting.push(element);
    if (MARKED.has(name)) this.#formatting.push(MARKER);
  }

  #bodyEnd(tag: Tag): void {
    const name = tag.name;
    if (name === 'template') needsParser();
    if (MARKED.has(name)) {
      if (!this.#inScope(name, SCOPE)) return;
      this.#generateImpliedEndTags();
      this.#popUntil(name);
      this.#clearFormattingToMarker();
      return;
    }
    if (name === 'body' || name === 'html') {
      if (!this.#inScope('body', SCOPE)) return;
      this.#mode = 'after-body';
      if (name === 'html') this.#endTag(tag);
      return;
    }
    if (BLOCK_END.has(name)) {
      if (!this.#inScope(name, SCOPE)) return;
      this.#generateImpliedEndTags();
      return this.#popUntil(name);
    }
    if (name === 'form') {
      const form = this.#form;
      this.#form = undefined;
      if (!form || !this.#inScope(form, SCOPE)) return;
      this.#generateImpliedEndTags();
      if (this.#current !== form) needsParser();
      this.#stack.pop();
      return;
    }
    if (name === 'p') {
      if (!this.#inScope('p', BUTTON_SCOPE)) this.#insert(createElement('p', undefined));
      return this.#closeP();
    }
    if (name === 'li' || name === 'dd' || name === 'dt') {
      if (!this.#inScope(name, name === 'li' ? LIST_SCOPE : SCOPE)) return;
      this.#generateImpliedEndTags(name);
      return this.#popUntil(name);
    }
    if (HEADINGS.has(name)) {
      if (![...HEADINGS].some((heading) => this.#inScope(heading, SCOPE))) return;
      this.#generateImpliedEndTags();
      while (!HEADINGS.has((this.#stack.pop() as TreeElement).tagName));
      return;
    }
    if (name === 'br') {
      this.#reconstructFormatting();
      return void this.#insert(createElement('br', { ...tag, attributes: new Map() }), false);
    }
    if (name === 'td' || name === 'th') {
      if (this.#inTableScope(name)) this.#closeCell();
      return;
    }
    if (name === 'caption' || (name === 'table' && this.#inTableScope('caption'))) {
      if (!this.#inTableScope('caption')) return;
      this.#closeCaption();
      if (name === 'table') this.#endTag(tag);
      return;
    }
    if (name === 'table' || name === 'tr' || SECTIONS.has(name)) {
      if (!(this.#inTableScope('td') || this.#inTableScope('th'))) return;
      if (!this.#inTableScope(name)) return;
      this.#closeCell();
      return this.#endTag(tag);
    }
    if (name === 'col' || name === 'colgroup') return;
    if (FORMATTING.has(name) && this.#endFormatting(name)) return;
    this.#anyOtherEnd(name);
  }

  /** The adoption agency's simple cases (13.2.6.4.7): true when the end tag is dealt with. */
  #endFormatting(name: string): boolean {
    const current = this.#current;
    if (current?.tagName === name && !this.#formatting.includes(current)) {
      this.#stack.pop();
      return true;
    }
    let at = -1;
    for (let i = this.#formatting.length - 1; i >= 0 && this.#formatting[i] !== MARKER; i--) {
      if ((this.#formatting[i] as TreeElement).tagName === name) {
        at = i;
        break;
      }
    }
    if (at === -1) return false;
    const element = this.#formatting[at] as TreeElement;
    const depth = this.#stack.lastIndexOf(element);
    if (depth === -1) {
      this.#formatting.splice(at, 1);
      return true;
    }
    if (!this.#inScope(element, SCOPE)) return true;
    // With a special element above it, the element's content is rebuilt around that block.
    if (this.#stack.slice(depth + 1).some((node) => SPECIAL.has(node.tagName))) needsParser();
    this.#stack.length = depth;
    this.#formatting.splice(at, 1);
    return true;
  }

  #anyOtherEnd(name: string): void {
    for (let i = this.#stack.length - 1; i >= 0; i--) {
      const node = this.#stack[i] as TreeElement;
      if (node.tagName === name) {
        this.#generateImpliedEndTags(name);
        this.#stack.length = Math.min(this.#stack.length, i);
        return;
      }
      if (SPECIAL.has(node.tagName)) return;
    }
  }

  // --- select (13.2.6.4.16): options, and everything else ignored

  #selectStart(tag: Tag): void {
    const name = tag.name;
    if (name === 'option' || name === 'optgroup' || name === 'hr') {
      if (this.#current?.tagName === 'option') this.#stack.pop();
      if (name !== 'option' && this.#current?.tagName === 'optgroup') this.#stack.pop();
      return void this.#insert(createElement(name, tag), name !== 'hr');
    }
    if (name === 'script') return this.#insertRaw(tag);
    if (name === 'select') return this.#closeSelect();
    // Ignored here, these would close the select or be read as markup where the scan reads raw text.
    if (RAW.has(name) || name === 'input' || name === 'keygen' || name === 'template' || TABLE_PARTS.has(name) || name === 'table') needsParser();
  }

  #selectEnd(tag: Tag): void {
    const name = tag.name;
    const current = this.#current?.tagName;
    if (name === 'optgroup') {
      if (current === 'option' && this.#stack.at(-2)?.tagName === 'optgroup') this.#stack.pop();
      if (this.#current?.tagName === 'optgroup') this.#stack.pop();
    } else if (name === 'option') {
      if (current === 'option') this.#stack.pop();
    } else if (name === 'select') this.#closeSelect();
    else if (name === 'template' || TABLE_PARTS.has(name) || name === 'table') needsParser();
  }

  #closeSelect(): void {
    this.#stack.length = this.#stack.lastIndexOf(this.#select as TreeElement);
    this.#select = undefined;
  }

  // --- tables (13.2.6.4.9 to 13.2.6.4.15): only what well-formed tables need

  /** Whether the current node is a table, a row group or a row, where text and markup are placed by the table's rules. */
  #isTableContext(): boolean {
    const name = this.#current?.tagName;
    return name === 'table' || name === 'tr' || name === 'colgroup' || (name !== undefined && SECTIONS.has(name));
  }

  #tableStart(tag: Tag): void {
    const name = tag.name;
    const current = (this.#current as TreeElement).tagName;
    if (current === 'colgroup') {
      if (name === 'col') return void this.#insert(createElement(name, tag), false);
      this.#stack.pop();
      return this.#startTag(tag);
    }
    if (name === 'style' || name === 'script') return this.#insertRaw(tag);
    if (name === 'input' && tag.attributes.get('type')?.toLowerCase() === 'hidden') return void this.#insert(createElement(name, tag), false);
    if (current === 'table') {
      if (name === 'colgroup' || SECTIONS.has(name)) return void this.#insert(createElement(name, tag));
      if (name === 'caption') {
        this.#formatting.push(MARKER);
        return void this.#insert(createElement(name, tag));
      }
      if (name === 'col') this.#insert(createElement('colgroup', undefined));
      else if (name === 'tr' || name === 'td' || name === 'th') this.#insert(createElement('tbody', undefined));
      else needsParser();
      return this.#startTag(tag);
    }
    if (SECTIONS.has(current)) {
      if (name === 'tr') return void this.#insert(createElement(name, tag));
      if (name === 'td' || name === 'th') this.#insert(createElement('tr', undefined));
      else if (name === 'col' || name === 'colgroup' || SECTIONS.has(name)) this.#stack.pop();
      else needsParser();
      return this.#startTag(tag);
    }
    // In a row.
    if (name === 'td' || name === 'th') {
      this.#insert(createElement(name, tag));
      this.#formatting.push(MARKER);
      return;
    }
    if (name === 'tr' || name === 'col' || name === 'colgroup' || SECTIONS.has(name)) {
      this.#stack.pop();
      return this.#startTag(tag);
    }
    needsParser();
  }

  #tableEnd(tag: Tag): void {
    const name = tag.name;
    const current = (this.#current as TreeElement).tagName;
    if (current === 'colgroup') {
      if (name === 'col') return;
      this.#stack.pop();
      if (name !== 'colgroup') this.#endTag(tag);
      return;
    }
    if (name === 'table') {
      if (!this.#inTableScope('table')) return;
      return this.#popUntil('table');
    }
    if (name === 'tr' && current === 'tr') return void this.#stack.pop();
    if (SECTIONS.has(name) && SECTIONS.has(current)) {
      if (this.#inTableScope(name)) this.#stack.pop();
      return;
    }
    if (SECTIONS.has(name) && current === 'tr') {
      if (!this.#inTableScope(name)) return;
      this.#stack.pop();
      return this.#endTag(tag);
    }
    if (IGNORED_IN_TABLE.has(name)) return;
    needsParser();
  }

  #closeCaption(): void {
    this.#generateImpliedEndTags();
    this.#popUntil('caption');
    this.#clearFormattingToMarker();
  }

  #closeCell(): void {
    this.#generateImpliedEndTags();
    while (!['td', 'th'].includes((this.#stack.pop() as TreeElement).tagName));
    this.#clearFormattingToMarker();
  }

  #clearFormattingToMarker(): void {
    while (this.#formatting.length > 0 && this.#formatting.pop() !== MARKER);
  }

  // --- foreign content (13.2.6.5): inline SVG and MathML that close as they open

  #isForeign(): boolean {
    const current = this.#current;
    return current !== undefined && this.#foreign.has(current);
  }

  #foreignStart(tag: Tag): void {
    const current = this.#current as TreeElement;
    if (INTEGRATION_POINTS.has(current.tagName.toLowerCase()) || BREAKOUT.has(tag.name)) needsParser();
    if (tag.name === 'font' && ['color', 'face', 'size'].some((name) => tag.attributes.has(name))) needsParser();
    // The scan reads the content of a `<style/>` as raw text, the parser reads it as markup.
    if (RAW.has(tag.name) && tag.isSelfClosing) needsParser();
    const element = this.#insert(createElement(tag.name, tag), !tag.isSelfClosing);
    if (!tag.isSelfClosing) this.#foreign.add(element);
    if (RAW.has(tag.name)) this.#raw = element;
  }

  #foreignEnd(tag: Tag): void {
    const current = this.#current as TreeElement;
    if (current.tagName.toLowerCase() !== tag.name) needsParser();
    this.#stack.pop();
  }

  // --- the stack of open elements and the list of active formatting elements

  #insert(element: TreeElement, isOpen = true): TreeElement {
    (this.#current ?? this.#root).children.push(element);
    if (isOpen) this.#stack.push(element);
    return element;
  }

  #insertRaw(tag: Tag): void {
    this.#raw = this.#insert(createElement(tag.name, tag));
  }

  #insertText(value: string, start: number, end: number): void {
    const parent = this.#current ?? this.#root;
    const last = parent.children.at(-1);
    // Text next to text is one node, as when an ignored tag stood between them.
    if (last?.type === 'text') {
      last.value += value;
      if (last.position?.end) last.position.end.offset = end;
      return;
    }
    parent.children.push({ type: 'text', value, position: { start: { offset: start }, end: { offset: end } } });
  }

  /** A second `html` or `body` start tag adds the attributes the element does not have yet. */
  #mergeAttributes(element: TreeElement | undefined, tag: Tag): void {
    const attributes = element && this.#attributes.get(element);
    if (!element || !attributes || tag.attributes.size === 0) return;
    for (const [name, value] of tag.attributes) if (!attributes.has(name)) attributes.set(name, value);
    element.properties = propertiesOf(attributes);
  }

  #inScope(target: string | TreeElement, boundaries: ReadonlySet<string>): boolean {
    for (let i = this.#stack.length - 1; i >= 0; i--) {
      const node = this.#stack[i] as TreeElement;
      if (typeof target === 'string' ? node.tagName === target : node === target) return true;
      if (boundaries.has(node.tagName)) return false;
    }
    return false;
  }

  #inTableScope(name: string): boolean {
    return this.#inScope(name, TABLE_SCOPE);
  }

  #closePInButtonScope(): void {
    if (this.#inScope('p', BUTTON_SCOPE)) this.#closeP();
  }

  #closeP(): void {
    this.#generateImpliedEndTags('p');
    this.#popUntil('p');
  }

  #generateImpliedEndTags(except?: string): void {
    for (let name = this.#current?.tagName; name !== undefined && name !== except && IMPLIED_END.has(name); name = this.#current?.tagName) this.#stack.pop();
  }

  #popUntil(name: string): void {
    while (this.#stack.length > 0 && (this.#stack.pop() as TreeElement).tagName !== name);
  }

  #formattingAfterMarker(name: string): TreeElement | undefined {
    for (let i = this.#formatting.length - 1; i >= 0; i--) {
      const entry = this.#formatting[i] as TreeElement | typeof MARKER;
      if (entry === MARKER) return undefined;
      if (entry.tagName === name) return entry;
    }
    return undefined;
  }

  /** Formatting elements closed by a block must be reopened before more content: left to parse5. */
  #reconstructFormatting(): void {
    const last = this.#formatting.at(-1);
    if (last !== undefined && last !== MARKER && !this.#stack.includes(last)) needsParser();
  }
}

const ATTRIBUTE = /([^\t\n\f\r />][^\t\n\f\r />=]*)[\t\n\f\r ]*(?:=[\t\n\f\r ]*(?:"([^"]*)"|'([^']*)'|([^\t\n\f\r >]*)))?|\/+/gy;

/** Reads a tag as the tokenizer does: its name, attributes (the first of a name wins), and a closing `/>`. */
/**
 * Reads a tag as the tokenizer does: its name, the attributes the region reader looks at (the
 * first of a name wins), and a closing `/>`. End tags have no attributes that count.
 */
function readTag(html: string, start: number, end: number, isEnd: boolean): Tag {
  const name = tagName(html, start);
  // The tokenizer lowers ASCII letters only.
  if (!/^[\x00-\x7f]*$/.test(name)) needsParser();
  const attributes = new Map<string, string>();
  if (isEnd) return { name, attributes, isSelfClosing: false, start, end, isEnd };
  let at = start + 1 + name.length;
  let isSelfClosing = false;
  for (;;) {
    while (at < end && isSpace(html.charCodeAt(at))) at++;
    if (at >= end - 1) break;
    ATTRIBUTE.lastIndex = at;
    const match = ATTRIBUTE.exec(html) as RegExpExecArray;
    at = ATTRIBUTE.lastIndex;
    isSelfClosing = match[1] === undefined && at === end - 1;
    if (match[1] === undefined) continue;
    const key = match[1].toLowerCase();
    if (!READ_ATTRIBUTES.has(key) || attributes.has(key)) continue;
    const value = match[2] ?? match[3] ?? match[4];
    attributes.set(key, value === undefined ? '' : decodeHTMLAttribute(value.includes('\r') ? value.replace(/\r\n?/g, '\n') : value));
  }
  return { name, attributes, isSelfClosing, start, end, isEnd };
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 12 || code === 13;
}

/** A comment's text as the tokenizer reads it: `<!-->` and `<!--->` are empty; a bogus comment runs to `>`. */
function commentData(html: string, start: number, end: number): string {
  if (!html.startsWith('<!--', start)) return html.slice(start + (html.charAt(start + 1) === '?' ? 1 : 2), end - 1);
  if (end - start === 5 || (end - start === 6 && html.startsWith('<!--->', start))) return '';
  return html.slice(start + 4, end - (html.startsWith('--!>', end - 4) ? 4 : 3));
}

/** The hast properties the region reader looks at, from a tag's attributes. */
const PROPERTIES: ReadonlyMap<string, string> = new Map([
  ['id', 'id'], ['role', 'role'], ['datetime', 'dateTime'], ['type', 'type'], ['name', 'name'],
  ['property', 'property'], ['content', 'content'], ['alt', 'alt'], ['title', 'title'], ['src', 'src'],
  ['data-src', 'dataSrc'], ['data-credit', 'dataCredit'], ['data-copyright', 'dataCopyright'],
  ['data-photographer', 'dataPhotographer'], ['data-caption', 'dataCaption'],
]);
const TOKEN_LISTS: ReadonlyMap<string, string> = new Map([['class', 'className'], ['itemprop', 'itemProp'], ['rel', 'rel']]);
/** The attributes read at all: those above, and `hidden`. */
const READ_ATTRIBUTES: ReadonlySet<string> = new Set([...PROPERTIES.keys(), ...TOKEN_LISTS.keys(), 'hidden']);

function createElement(name: string, tag: Tag | undefined): TreeElement {
  const children: TreeNode[] = [];
  const properties = tag ? propertiesOf(tag.attributes) : {};
  return { type: 'element', tagName: name, properties, children, ...(tag ? { position: { start: { offset: tag.start }, end: { offset: tag.end } } } : {}) };
}

function propertiesOf(attributes: ReadonlyMap<string, string>): Properties {
  const properties: Properties = {};
  for (const [key, value] of attributes) {
    const property = PROPERTIES.get(key);
    if (property) properties[property] = value;
    const list = TOKEN_LISTS.get(key);
    if (list) properties[list] = value.split(/[\t\n\f\r ]+/).filter((token) => token !== '');
    if (key === 'hidden') properties.hidden = value === '' || value.toLowerCase() === 'hidden' ? true : value;
  }
  return properties;
}
