import { FOLDED, foldedCode } from './characters.js';
import type { Region } from './region.js';

// A character reference that decodes even where the text holds a plain `&` (HTML standard, 13.2.5.72).
const REFERENCE = /^&(?:#\d+;?|#x[\da-f]+;?|[a-z][a-z\d]*;)/i;
// White space that becomes one space: a run of it, or one character of it but a space between
// words; or a character that is folded (see characters.ts).
const COLLAPSED = new RegExp(`\\s{2,}|[^\\S ]|^ | $|${FOLDED.source}`, 'g');

/**
 * Builds a region's text from decoded pieces while remembering, for every character, the source
 * offset it came from. Whitespace is collapsed to single spaces, as a browser renders it, so
 * catalogue patterns need not care about line breaks in the source; characters that change no
 * word a reader sees are folded (see characters.ts).
 */
export class TextBuilder {
  // Each part is a run of characters from consecutive source offsets, starting at its `#starts`.
  #parts: string[] = [];
  #starts: number[] = [];
  #endsWithSpace = true; // at the start, so leading white space is dropped
  #end = 0;
  #length = 0;

  /** Appends `value`, which the parser decoded from `source.slice(start, end)`. */
  appendDecoded(value: string, source: string, start: number, end: number): void {
    this.#end = end;
    // Most text is its source as it stands: append it run by run, not character by character. A
    // lone space between words stands for itself, so prose stays one run; other white space, or
    // more than one, becomes one space where it starts.
    if (end - start === value.length && source.startsWith(value, start)) {
      let last = 0;
      COLLAPSED.lastIndex = 0;
      for (let found = COLLAPSED.exec(value); found; found = COLLAPSED.exec(value)) {
        if (found.index > last) this.#pushRun(value.slice(last, found.index), start + last);
        this.#push(found[0], start + found.index);
        last = found.index + found[0].length;
      }
      if (last < value.length) this.#pushRun(value.slice(last), start + last);
      return;
    }
    let i = start;
    for (let j = 0; j < value.length; j++) {
      // Between references and escapes, text stands as in the source: it goes in as one run.
      const run = sameRun(value, j, source, i, end);
      if (run > 0) {
        this.#pushRun(value.slice(j, j + run), i);
        i += run;
        j += run - 1;
        continue;
      }
      const char = value[j] as string;
      // Parsers normalise line endings, and Markdown drops the backslash of an escaped character.
      i = skipNoise(source, i, end, char);
      const at = Math.min(i, Math.max(start, end - 1));
      this.#push(char, at);
      if (isHighSurrogate(value, j) && source[i] !== char) this.#push(value[++j] as string, at);
      if (i >= end) continue;
      // `&amp;` decodes to the `&` it starts with: a reference is skipped whole even then.
      if (source[i] === char && !(char === '&' && REFERENCE.test(source.slice(i, i + 40)))) i++;
      else i = skipEscape(source, i, end);
    }
  }

  /** Appends text whose characters all stand for one source position (a fallback for generated text). */
  appendAt(value: string, offset: number): void {
    for (const char of value) this.#push(char, offset);
    this.#end = offset;
  }

  /** Whether any text has been appended (white space at the start is dropped as it comes). */
  get isEmpty(): boolean {
    return this.#parts.length === 0;
  }

  /** How long the text appended so far is, as it reads. */
  get length(): number {
    return this.#length;
  }

  /** Returns the region, or `undefined` if it holds no visible text. */
  toRegion(fields: Omit<Region, 'text' | 'offsets'>): Region | undefined {
    if (this.#endsWithSpace && this.#parts.length > 0) {
      this.#parts.pop();
      this.#starts.pop();
    }
    if (this.#parts.length === 0) return undefined;
    return new BuiltRegion(fields, this.#parts, this.#starts, this.#end);
  }

  /** Pushes a character, or a run of white space, as it reads: a space, itself, or folded. */
  #push(text: string, offset: number): void {
    const code = text.charCodeAt(0);
    if (isSpace(code)) return this.#pushSpace(offset);
    const folded = foldedCode(code);
    if (folded !== '') this.#pushRun(folded ?? text, offset);
  }

  #pushRun(text: string, offset: number): void {
    this.#parts.push(text);
    this.#starts.push(offset);
    this.#endsWithSpace = false;
    this.#length += text.length;
  }

  #pushSpace(offset: number): void {
    if (this.#endsWithSpace) return;
    this.#parts.push(' ');
    this.#starts.push(offset);
    this.#endsWithSpace = true;
    this.#length++;
  }
}

/**
 * A region built from runs of text. Most regions never hold a hit: their offsets are spelled out
 * only when first read. (A class, not an object with a getter of its own, which V8 builds and
 * reads as a dictionary.)
 */
class BuiltRegion implements Region {
  readonly kind: Region['kind'];
  readonly text: string;
  // Where the block stands is known for some only once the page is read (story.ts marks them).
  isInStory?: boolean;
  isAside?: boolean;
  readonly isLink?: boolean;
  readonly linkEnd?: number;
  readonly field?: string;
  readonly isVideo?: boolean;
  readonly isPicture?: boolean;
  #offsets: Int32Array | undefined;

  constructor(
    fields: Omit<Region, 'text' | 'offsets'>,
    private readonly parts: readonly string[],
    private readonly starts: readonly number[],
    private readonly end: number,
  ) {
    this.kind = fields.kind;
    this.text = parts.join('');
    if (fields.isInStory) this.isInStory = true;
    if (fields.isAside) this.isAside = true;
    if (fields.isLink) this.isLink = true;
    if (fields.linkEnd !== undefined) this.linkEnd = fields.linkEnd;
    if (fields.field !== undefined) this.field = fields.field;
    if (fields.isVideo) this.isVideo = true;
    if (fields.isPicture) this.isPicture = true;
  }

  get offsets(): Int32Array {
    this.#offsets ??= spellOut(this.parts, this.starts, this.text.length, this.end);
    return this.#offsets;
  }

  set offsets(offsets: Int32Array) {
    this.#offsets = offsets;
  }
}

/** The source offset of every character of the runs, and after them the end offset. */
function spellOut(parts: readonly string[], starts: readonly number[], length: number, end: number): Int32Array {
  const offsets = new Int32Array(length + 1);
  let i = 0;
  for (let k = 0; k < parts.length; k++) {
    const start = starts[k] as number;
    const run = (parts[k] as string).length;
    for (let j = 0; j < run; j++) offsets[i++] = start + j;
  }
  offsets[length] = Math.max(end, (offsets[length - 1] ?? 0) + 1);
  return offsets;
}

/**
 * How many characters from `value[j]` on stand as they are from `source[i]` on, none of them white
 * space (which collapses), a character that is folded, or `&` (which may start a reference even
 * where the parser kept it).
 */
function sameRun(value: string, j: number, source: string, i: number, end: number): number {
  let k = 0;
  for (; j + k < value.length && i + k < end; k++) {
    const code = value.charCodeAt(j + k);
    if (code !== source.charCodeAt(i + k) || code === AMPERSAND || isSpace(code) || foldedCode(code) !== undefined) break;
  }
  return k;
}

const AMPERSAND = 38;

/**
 * Skips what the parser dropped before `char`: the CR of a CRLF, Markdown's escaping backslash, and
 * a tag the HTML parser ignored (a stray `<td>` in a paragraph), whose text node starts at the tag.
 */
function skipNoise(source: string, i: number, end: number, char: string): number {
  while (i < end && source[i] !== char) {
    if (source[i] === '\r' || isDroppedBackslash(source, i)) i++;
    else if (source[i] === '<' && /[a-z/!]/i.test(source[i + 1] ?? '')) {
      const close = source.indexOf('>', i);
      if (close === -1 || close >= end) break;
      i = close + 1;
    } else break;
  }
  return i;
}

function isDroppedBackslash(source: string, i: number): boolean {
  return source[i] === '\\' && source[i + 1] !== 'u';
}

/** Skips a character reference (`&eacute;`, `&#233;`) or a JSON escape (`\u00e9`) at `i`. */
function skipEscape(source: string, i: number, end: number): number {
  if (source[i] === '\\') return Math.min(end, i + 6);
  if (source[i] !== '&') return i + 1;
  const limit = Math.min(end, i + 40);
  for (let k = i + 1; k < limit; k++) {
    const c = source[k];
    if (c === ';') return k + 1;
    if (c === undefined || !/[#0-9A-Za-z]/.test(c)) return k;
  }
  return i + 1;
}

function isHighSurrogate(value: string, j: number): boolean {
  const code = value.charCodeAt(j);
  return code >= 0xd800 && code <= 0xdbff && j + 1 < value.length;
}

/** Whether a UTF-16 code unit is white space as `\s` reads it (ECMAScript's WhiteSpace and LineTerminator). */
function isSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029
    || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}
