// Sets of code points, for writing a JavaScript pattern in RE2's syntax (to-re2.ts). What an
// escape such as `\s`, `\w`, `\p{L}` or `.` matches, and what ignoring case adds, is asked of V8
// itself, so that a class means in RE2 exactly what it means in JavaScript, where the two engines'
// own definitions differ.

/** Sorted, disjoint, inclusive ranges of code points. */
export type CodePoints = ReadonlyArray<readonly [number, number]>;

const MAX_CODE_POINT = 0x10ffff;
/** Lone surrogates are no characters to RE2: they are left out of every set. */
const NOT_SURROGATES: CodePoints = [[0, 0xd7ff], [0xe000, MAX_CODE_POINT]];

/** Code points in order, as one string, and the code point at each of its offsets. */
interface Listed {
  text: string;
  codePointAt: Int32Array;
}

let everyCodePoint: Listed | undefined;
let casedCodePoints: (Listed & { set: CodePoints }) | undefined;
const escapes = new Map<string, CodePoints>();
const folded = new Map<string, CodePoints>();

/**
 * The code points that `raw`, a set escape (`\s`, `\w`, `\p{L}`, `.` ...), matches with the `u`
 * flag: scanned for among every code point, each match of the escape repeated a range of them.
 */
export function escapeCodePoints(raw: string): CodePoints {
  let ranges = escapes.get(raw);
  if (ranges) return ranges;
  const { text, codePointAt } = (everyCodePoint ??= listEveryCodePoint());
  const runs = new RegExp(`(?:${raw})+`, 'gu');
  const found: Array<[number, number]> = [];
  for (let match = runs.exec(text); match; match = runs.exec(text)) {
    const [from, to] = [codePointAt[match.index] as number, codePointAt[match.index + match[0].length - 1] as number];
    const last = found.at(-1);
    // The text has no surrogates: a run across them is one range.
    if (last && last[1] === 0xd7ff && from === 0xe000) last[1] = to;
    else found.push([from, to]);
  }
  ranges = found;
  escapes.set(raw, ranges);
  return ranges;
}

/**
 * The code points that one-character pattern `raw`, which matches `asWritten` as written,
 * matches ignoring case (the `iu` flags). Only letters that a case mapping changes can fold to
 * others: the rest keep their answer, and those few are asked of V8 one by one.
 */
export function ignoringCase(raw: string, asWritten: CodePoints): CodePoints {
  let set = folded.get(raw);
  if (set) return set;
  casedCodePoints ??= listCasedCodePoints();
  const { text, codePointAt } = casedCodePoints;
  const pattern = new RegExp(raw, 'giu');
  const found: Array<[number, number]> = [];
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const code = codePointAt[match.index] as number;
    found.push([code, code]);
  }
  set = union(intersect(asWritten, complement(casedCodePoints.set)), found);
  folded.set(raw, set);
  return set;
}

function listEveryCodePoint(): Listed {
  return list(() => true);
}

/** The code points a lower or upper case mapping changes: all that case folding joins to others. */
function listCasedCodePoints(): Listed & { set: CodePoints } {
  return list((char) => char.toLowerCase() !== char || char.toUpperCase() !== char);
}

/** The code points but the surrogates that `keep` keeps, listed, and as a set. */
function list(keep: (char: string) => boolean): Listed & { set: CodePoints } {
  const parts: string[] = [];
  const codePointAt = new Int32Array(2 * (MAX_CODE_POINT + 1));
  const kept: Array<[number, number]> = [];
  let offset = 0;
  for (const [from, to] of NOT_SURROGATES) {
    for (let code = from; code <= to; code++) {
      const char = String.fromCodePoint(code);
      if (!keep(char)) continue;
      parts.push(char);
      codePointAt.fill(code, offset, offset + char.length);
      offset += char.length;
      const last = kept.at(-1);
      if (last && last[1] === code - 1) last[1] = code;
      else kept.push([code, code]);
    }
  }
  return { text: parts.join(''), codePointAt, set: kept };
}

export function union(...list: CodePoints[]): CodePoints {
  const ranges = list.flat().map(([from, to]) => [from, to] as [number, number]).sort((a, b) => a[0] - b[0]);
  const joined: Array<[number, number]> = [];
  for (const [from, to] of ranges) {
    const last = joined.at(-1);
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else joined.push([from, to]);
  }
  return joined;
}

export function complement(set: CodePoints): CodePoints {
  const ranges: Array<[number, number]> = [];
  let next = 0;
  for (const [from, to] of set) {
    if (from > next) ranges.push([next, from - 1]);
    next = to + 1;
  }
  if (next <= MAX_CODE_POINT) ranges.push([next, MAX_CODE_POINT]);
  return ranges;
}

export function intersect(a: CodePoints, b: CodePoints): CodePoints {
  const ranges: Array<[number, number]> = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const [aFrom, aTo] = a[i] as readonly [number, number];
    const [bFrom, bTo] = b[j] as readonly [number, number];
    if (Math.max(aFrom, bFrom) <= Math.min(aTo, bTo)) ranges.push([Math.max(aFrom, bFrom), Math.min(aTo, bTo)]);
    if (aTo < bTo) i++;
    else j++;
  }
  return ranges;
}

export function includes(set: CodePoints, code: number): boolean {
  for (let low = 0, high = set.length - 1; low <= high; ) {
    const middle = (low + high) >> 1;
    const [from, to] = set[middle] as readonly [number, number];
    if (code < from) high = middle - 1;
    else if (code > to) low = middle + 1;
    else return true;
  }
  return false;
}

function size(set: CodePoints): number {
  return set.reduce((sum, [from, to]) => sum + to - from + 1, 0);
}

// RE2's names for sets that V8 has the same code points for (the suite checks that they do):
// a class is written with them where it can be, not as thousands of ranges.
const PROPERTIES: ReadonlyArray<readonly [re2: string, javascript: string]> = [
  ['L', 'L'], ['N', 'N'], ['Lu', 'Lu'], ['Ll', 'Ll'], ['M', 'M'], ['Lo', 'Lo'],
  ['Han', 'Script=Han'], ['Hangul', 'Script=Hangul'], ['Devanagari', 'Script=Devanagari'], ['Arabic', 'Script=Arabic'],
];
let properties: Array<{ name: string; set: CodePoints }> | undefined;

/** The properties RE2 writes as `\p{...}`, with their code points as V8 has them, largest first. */
export function re2Properties(): ReadonlyArray<{ name: string; set: CodePoints }> {
  properties ??= PROPERTIES.map(([re2, javascript]) => ({ name: `\\p{${re2}}`, set: escapeCodePoints(`\\p{${javascript}}`) }))
    .sort((a, b) => size(b.set) - size(a.set));
  return properties;
}

const written = new Map<string, string>();

/** A set in RE2's syntax: one character, or the shorter of a class and its negation. */
export function re2Class(set: CodePoints): string {
  const key = set.join(';');
  let source = written.get(key);
  if (source === undefined) {
    const within = intersect(set, NOT_SURROGATES);
    if (within.length === 0) source = '[^\\x{0}-\\x{10ffff}]';
    else if (within.length === 1 && within[0]?.[0] === within[0]?.[1]) source = character(within[0]?.[0] as number);
    else {
      const positive = `[${classBody(within)}]`;
      const negative = `[^${classBody(intersect(complement(set), NOT_SURROGATES))}]`;
      source = negative.length < positive.length ? negative : positive;
    }
    written.set(key, source);
  }
  return source;
}

/** The inside of a class for a set: the properties it holds whole, then ranges for the rest. */
function classBody(set: CodePoints): string {
  let rest = set;
  const names: string[] = [];
  for (const { name, set: property } of re2Properties()) {
    if (intersect(property, rest).length > 0 && intersect(property, complement(set)).length === 0) {
      names.push(name);
      rest = intersect(rest, complement(property));
    }
  }
  return names.join('') + rest.map(([from, to]) => (from === to ? character(from) : `${character(from)}-${character(to)}`)).join('');
}

function character(code: number): string {
  const isPlain = (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return isPlain ? String.fromCharCode(code) : `\\x{${code.toString(16)}}`;
}
