// A scan of HTML markup that follows the tokenizer of the HTML standard where it matters for
// telling text from markup: tags (with quoted attribute values), comments (`<!-->`, `--!>`),
// bogus comments (`<!DOCTYPE>`, `<?xml?>`, `</ >`) and the raw text of script, style, title,
// textarea and the like, which runs to the first matching end tag. It builds no tree: it is how
// the prefilter and the parser's input can leave out what no region is read from.

/** What a scan reports, in source order. Offsets are into the scanned text. */
export interface MarkupVisitor {
  /** A comment or bogus comment. */
  comment(start: number, end: number): void;
  /** A start or end tag (`tagName` tells its name), with its attributes as scanned (valid until the next tag). */
  tag(start: number, end: number, isEnd: boolean, attributes: TagAttributes): void;
  /** The content of a raw text element (script, style, title ...), between its two tags. */
  rawText(name: string, start: number, end: number, startTag: { start: number; end: number }): void;
}

/**
 * The attributes of the tag last scanned, as spans of the text: for each, the start and end of
 * its name and of its value (the text between its quotes; empty where it has none). One object
 * is filled again for every tag, so a scan allocates nothing for attributes no one reads.
 */
export class TagAttributes {
  count = 0;
  /** Where the tag's name ends (it starts after `<`, or `</`). */
  tagNameEnd = 0;
  /** Whether the tag ends with `/>`, the slash standing apart from any attribute. */
  isSelfClosing = false;
  #spans = new Int32Array(64);

  nameStart(k: number): number {
    return this.#spans[4 * k] as number;
  }

  nameEnd(k: number): number {
    return this.#spans[4 * k + 1] as number;
  }

  valueStart(k: number): number {
    return this.#spans[4 * k + 2] as number;
  }

  valueEnd(k: number): number {
    return this.#spans[4 * k + 3] as number;
  }

  add(nameStart: number, nameEnd: number, valueStart: number, valueEnd: number): void {
    if (4 * this.count + 4 > this.#spans.length) {
      const grown = new Int32Array(this.#spans.length * 2);
      grown.set(this.#spans);
      this.#spans = grown;
    }
    const at = 4 * this.count++;
    this.#spans[at] = nameStart;
    this.#spans[at + 1] = nameEnd;
    this.#spans[at + 2] = valueStart;
    this.#spans[at + 3] = valueEnd;
  }
}

// `noscript` is not among them: the parser reads a page as with scripting off, its content as markup.
const RAW_TEXT_NAMES = ['script', 'style', 'title', 'textarea', 'xmp', 'noembed', 'noframes', 'iframe', 'plaintext'];
const TEXT_SWITCHING = nameTable(RAW_TEXT_NAMES);
const closings = new Map<string, RegExp>();

/**
 * Whether a script's start tag may make it JSON-LD, whose text regions are read from. Loose on
 * purpose (its type may be written with references: `application&#x2F;ld&#x2B;json`): a script
 * taken for JSON-LD is only kept.
 */
export function mayBeJsonLd(startTag: string): boolean {
  return /ld(?:\+|&#x2b;|&#43;|&plus;)json/i.test(startTag);
}

/**
 * Scans `html`, reporting its markup to `visitor`. It stops at an unclosed tag, comment or raw
 * text element, and after a `plaintext` start tag, from where the tokenizer reads everything as
 * one piece: then it returns false, and true when it read the whole text.
 */
export function scanHtml(html: string, visitor: MarkupVisitor): boolean {
  const attributes = new TagAttributes();
  for (let i = html.indexOf('<'); i !== -1; ) {
    const next = html.charAt(i + 1);
    let end: number;
    if (html.startsWith('<!--', i)) {
      end = commentEnd(html, i);
      if (end === -1) return false;
      visitor.comment(i, end);
    } else if (isLetter(next) || (next === '/' && isLetter(html.charAt(i + 2)))) {
      end = tagEnd(html, i, attributes);
      if (end === -1) return false;
      const isEnd = next === '/';
      visitor.tag(i, end, isEnd, attributes);
      // Only these names change how the text after the tag is read.
      const name = isEnd ? undefined : nameAt(html, i + 1, attributes.tagNameEnd, TEXT_SWITCHING);
      if (name === 'plaintext') return false;
      if (name !== undefined) {
        const close = name === 'script' ? scriptEnd(html, end) : rawTextEnd(html, end, name);
        if (close === -1) return false;
        visitor.rawText(name, end, close, { start: i, end });
        end = close;
      }
    } else if (next === '!' || next === '?' || next === '/') {
      const close = html.indexOf('>', i);
      if (close === -1) return false;
      end = close + 1;
      visitor.comment(i, end);
    } else {
      end = i + 1; // a `<` that starts no markup is text
    }
    i = html.indexOf('<', end);
  }
  return true;
}

/**
 * A page's markup as one scan reported it, to be reported again: the prefilter and the tree
 * builder then read a page in one scan (a replay costs about a tenth of a scan). The events are
 * kept as numbers in an array of the record's own (the scan fills a buffer kept from page to page,
 * and the record copies what it holds: some 75 kB for a 170 kB news page).
 */
export class MarkupRecord {
  readonly #events: Int32Array;
  readonly #isComplete: boolean;

  private constructor(events: Int32Array, isComplete: boolean) {
    this.#events = events;
    this.#isComplete = isComplete;
  }

  /** Scans `html` (see `scanHtml`), keeping what the scan reports. */
  static of(html: string): MarkupRecord {
    recorder.length = 0;
    const isComplete = scanHtml(html, recorder);
    return new MarkupRecord(recorder.events.slice(0, recorder.length), isComplete);
  }

  /** Reports the recorded markup to `visitor`, as `scanHtml` did; returns whether the scan read the whole text. */
  replay(visitor: MarkupVisitor): boolean {
    const events = this.#events;
    const attributes = new TagAttributes();
    for (let i = 0; i < events.length; ) {
      const type = events[i] as number;
      const start = events[i + 1] as number;
      const end = events[i + 2] as number;
      if (type === COMMENT) {
        visitor.comment(start, end);
        i += 3;
      } else if (type === RAW_TEXT) {
        visitor.rawText(RAW_TEXT_NAMES[events[i + 3] as number] as string, start, end, { start: events[i + 4] as number, end: start });
        i += 5;
      } else {
        attributes.count = 0;
        attributes.tagNameEnd = events[i + 3] as number;
        attributes.isSelfClosing = events[i + 4] === 1;
        const count = events[i + 5] as number;
        i += 6;
        for (let k = 0; k < count; k++, i += 4) attributes.add(events[i] as number, events[i + 1] as number, events[i + 2] as number, events[i + 3] as number);
        visitor.tag(start, end, type === END_TAG, attributes);
      }
    }
    return this.#isComplete;
  }
}

const [COMMENT, START_TAG, END_TAG, RAW_TEXT] = [0, 1, 2, 3];

/**
 * The scan's visitor that keeps its events: a comment as its type, start and end; a tag with its
 * name's end, `/>` and attributes; raw text with its name and start tag. Its buffer grows to the
 * largest page's markup (some 75 kB for a 170 kB news page) and is kept for the next.
 */
class Recorder implements MarkupVisitor {
  events = new Int32Array(1 << 16);
  length = 0;

  comment(start: number, end: number): void {
    this.#room(3);
    this.#push(COMMENT, start, end);
  }

  tag(start: number, end: number, isEnd: boolean, attributes: TagAttributes): void {
    // No one reads an end tag's attributes.
    const count = isEnd ? 0 : attributes.count;
    this.#room(6 + 4 * count);
    this.#push(isEnd ? END_TAG : START_TAG, start, end);
    this.#push(attributes.tagNameEnd, attributes.isSelfClosing ? 1 : 0, count);
    for (let k = 0; k < count; k++) {
      const at = this.length;
      this.events[at] = attributes.nameStart(k);
      this.events[at + 1] = attributes.nameEnd(k);
      this.events[at + 2] = attributes.valueStart(k);
      this.events[at + 3] = attributes.valueEnd(k);
      this.length += 4;
    }
  }

  rawText(name: string, start: number, end: number, startTag: { start: number }): void {
    this.#room(5);
    this.#push(RAW_TEXT, start, end);
    this.events[this.length++] = RAW_TEXT_NAMES.indexOf(name);
    this.events[this.length++] = startTag.start;
  }

  #push(a: number, b: number, c: number): void {
    const at = this.length;
    this.events[at] = a;
    this.events[at + 1] = b;
    this.events[at + 2] = c;
    this.length += 3;
  }

  #room(more: number): void {
    if (this.length + more <= this.events.length) return;
    const grown = new Int32Array(Math.max(2 * this.events.length, this.length + more));
    grown.set(this.events.subarray(0, this.length));
    this.events = grown;
  }
}

const recorder = new Recorder();

/** Where the end tag of a raw text element whose content starts at `from` stands, or -1. */
function rawTextEnd(html: string, from: number, name: string): number {
  let close = closings.get(name);
  if (!close) closings.set(name, (close = new RegExp(`</${name}[\\t\\n\\f\\r />]`, 'gi')));
  close.lastIndex = from;
  return close.exec(html)?.index ?? -1;
}

// The tokenizer's script data states (13.2.5.4, .15 to .31): after `<!--`, a `<script>` makes it
// read past the next `</script>` up to a `-->` (old pages hid scripts from old browsers so).
const SCRIPT_DATA = /<!--|<\/script[\t\n\f\r />]/gi;
const SCRIPT_ESCAPED = /-->|<\/?script[\t\n\f\r />]/gi;

/** Where the end tag of a script whose content starts at `from` stands, or -1. */
function scriptEnd(html: string, from: number): number {
  let state: 'data' | 'escaped' | 'double-escaped' = 'data';
  for (let at = from; ; ) {
    const pattern = state === 'data' ? SCRIPT_DATA : SCRIPT_ESCAPED;
    pattern.lastIndex = at;
    const found = pattern.exec(html);
    if (!found) return -1;
    const [token] = found;
    const isEndTag = token[1] === '/';
    if (token === '<!--') {
      state = 'escaped';
      at = found.index + 2; // its dashes may close it at once: `<!-->`
    } else if (token === '-->') {
      state = 'data';
      at = found.index + 3;
    } else if (state !== 'double-escaped' && isEndTag) return found.index;
    else {
      if (state === 'escaped') state = 'double-escaped';
      else if (isEndTag) state = 'escaped';
      at = found.index + token.length - 1;
    }
  }
}

/** Where a comment starting at `i` ends, as the tokenizer reads `<!-->`, `<!--->`, `-->` and `--!>`. */
function commentEnd(html: string, i: number): number {
  if (html.startsWith('>', i + 4)) return i + 5;
  if (html.startsWith('->', i + 4)) return i + 6;
  const close = /--!?>/g;
  close.lastIndex = i + 4;
  const found = close.exec(html);
  return found ? found.index + found[0].length : -1;
}

/**
 * Where a tag starting at `i` ends (after its `>`), or -1, with its attributes read into
 * `attributes`: the tokenizer's attribute states, where a quote opens a value only right after
 * `=`, and an unquoted value runs to space or `>`.
 */
function tagEnd(html: string, i: number, attributes: TagAttributes): number {
  attributes.count = 0;
  let j = html.charCodeAt(i + 1) === SLASH ? i + 2 : i + 1;
  const n = html.length;
  while (j < n && !isSpace(html.charCodeAt(j)) && html.charCodeAt(j) !== SLASH && html.charCodeAt(j) !== GT) j++;
  attributes.tagNameEnd = j;
  for (;;) {
    let isSlash = false;
    for (; j < n && (isSpace(html.charCodeAt(j)) || html.charCodeAt(j) === SLASH); j++) isSlash = html.charCodeAt(j) === SLASH;
    if (j >= n) return -1;
    if (html.charCodeAt(j) === GT) {
      attributes.isSelfClosing = isSlash;
      return j + 1;
    }
    // An attribute name: its first character may be anything, even `=`.
    const nameStart = j++;
    while (j < n && !isSpace(html.charCodeAt(j)) && html.charCodeAt(j) !== SLASH && html.charCodeAt(j) !== GT && html.charCodeAt(j) !== EQUALS) j++;
    const nameEnd = j;
    while (j < n && isSpace(html.charCodeAt(j))) j++;
    if (html.charCodeAt(j) !== EQUALS) {
      attributes.add(nameStart, nameEnd, nameEnd, nameEnd);
      continue;
    }
    j++;
    while (j < n && isSpace(html.charCodeAt(j))) j++;
    const quote = html.charAt(j);
    if (quote === '"' || quote === "'") {
      const close = html.indexOf(quote, j + 1);
      if (close === -1) return -1;
      attributes.add(nameStart, nameEnd, j + 1, close);
      j = close + 1;
    } else {
      const valueStart = j;
      while (j < n && !isSpace(html.charCodeAt(j)) && html.charCodeAt(j) !== GT) j++;
      attributes.add(nameStart, nameEnd, valueStart, j);
    }
  }
}

/** Names of lower-case ASCII letters, digits and `-`, by their length, for `nameAt`. */
export type NameTable = ReadonlyArray<readonly string[] | undefined>;

export function nameTable(names: Iterable<string>): NameTable {
  const table: string[][] = [];
  for (const name of names) (table[name.length] ??= []).push(name);
  return table;
}

/**
 * The name of the table that stands from `start` to `end`, in any case of its ASCII letters (as
 * the tokenizer lowers them), or undefined; no string is made of other names. OR-ing 0x20 lowers
 * A to Z; any other character must be the table's own.
 */
export function nameAt(html: string, start: number, end: number, table: NameTable): string | undefined {
  for (const name of table[end - start] ?? []) {
    let i = 0;
    for (; i < name.length; i++) {
      const code = html.charCodeAt(start + i);
      const wanted = name.charCodeAt(i);
      if (code !== wanted && ((code | 0x20) !== wanted || wanted < 97 || wanted > 122)) break;
    }
    if (i === name.length) return name;
  }
  return undefined;
}

const [SLASH, GT, EQUALS] = [47, 62, 61];
/** The tokenizer's white space: tab, line feed, form feed, carriage return, space. */
export function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 12 || code === 13;
}

/** The name of the tag starting at `start` (`<p` or `</p`), lower case. */
export function tagName(html: string, start: number): string {
  const from = html.charAt(start + 1) === '/' ? start + 2 : start + 1;
  let j = from;
  while (j < html.length && !isSpace(html.charCodeAt(j)) && html.charCodeAt(j) !== SLASH && html.charCodeAt(j) !== GT) j++;
  return html.slice(from, j).toLowerCase();
}

function isLetter(char: string): boolean {
  return (char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z');
}
