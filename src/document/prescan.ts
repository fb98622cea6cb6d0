// The HTML Standard's "prescan a byte stream to determine its encoding" (13.2.3.2), with its
// "get an attribute", "algorithm for extracting a character encoding from a meta element" and
// "get an XML encoding", step for step. Only `<meta>` tags outside comments count, and only their
// own attributes: a `charset=` in a comment or in another element's attribute is no declaration.

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const EQUALS = 0x3d;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;

/** The bytes a tag's attributes are separated by: tab, line feed, form feed, carriage return, space. */
const isSpace = (byte: number | undefined): boolean => byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d || byte === 0x20;
const isAsciiLetter = (byte: number | undefined): boolean => byte !== undefined && ((byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a));
const lower = (byte: number): number => (byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte);

/** Thrown when the bytes run out mid-step: the prescan then ends without an answer. */
class EndOfBytes extends Error {}

/**
 * The encoding a page declares in its first bytes, as browsers find it before parsing: the name
 * `TextDecoder` knows it by, or undefined when nothing usable is declared.
 */
export function prescanEncoding(bytes: Uint8Array): string | undefined {
  // "Prescan for UTF-16 XML declarations": `<?x` in UTF-16 without a byte order mark.
  if (startsWith(bytes, 0, [0x3c, 0x00, 0x3f, 0x00, 0x78, 0x00])) return 'utf-16le';
  if (startsWith(bytes, 0, [0x00, 0x3c, 0x00, 0x3f, 0x00, 0x78])) return 'utf-16be';
  try {
    return scanTags(bytes) ?? xmlEncoding(bytes);
  } catch (error) {
    if (error instanceof EndOfBytes) return xmlEncoding(bytes);
    throw error;
  }
}

function scanTags(bytes: Uint8Array): string | undefined {
  let position = 0;
  const at = (i: number): number => {
    const byte = bytes[i];
    if (byte === undefined) throw new EndOfBytes();
    return byte;
  };
  for (; position < bytes.length; position++) {
    if (bytes[position] !== LT) continue;
    if (startsWith(bytes, position, [LT, 0x21, 0x2d, 0x2d])) {
      // A comment runs to the first `-->` after its `<!--` (so `<!-->` does not close it).
      const end = indexOf(bytes, [0x2d, 0x2d, GT], position + 4);
      if (end < 0) throw new EndOfBytes();
      position = end + 2;
    } else if (isMetaStart(bytes, position)) {
      const declared = readMeta(bytes, position + 6, (end) => (position = end));
      if (declared) return declared;
    } else if (isAsciiLetter(bytes[position + 1]) || (bytes[position + 1] === SLASH && isAsciiLetter(bytes[position + 2]))) {
      // Another tag: its attributes are read only to be skipped, so that none of them is taken for one.
      position++;
      while (!isSpace(at(position)) && at(position) !== GT) position++;
      for (;;) {
        const attribute = getAttribute(bytes, position);
        position = attribute.end;
        if (!attribute.name) break;
      }
    } else if (bytes[position + 1] === 0x21 || bytes[position + 1] === SLASH || bytes[position + 1] === 0x3f) {
      // `<!`, `</` and `<?` run to the next `>`.
      const end = bytes.indexOf(GT, position + 2);
      if (end < 0) throw new EndOfBytes();
      position = end;
    }
  }
  throw new EndOfBytes();
}

/** `<meta` in any case, then a space or a slash. */
function isMetaStart(bytes: Uint8Array, position: number): boolean {
  const word = [0x6d, 0x65, 0x74, 0x61];
  if (!word.every((byte, i) => lower(bytes[position + 1 + i] ?? 0) === byte)) return false;
  const after = bytes[position + 5];
  return isSpace(after) || after === SLASH;
}

/** Reads one `<meta>`'s attributes (the first of each name only) and returns what it declares. */
function readMeta(bytes: Uint8Array, start: number, moveTo: (end: number) => void): string | undefined {
  const seen = new Set<string>();
  let isPragma = false;
  let needsPragma: boolean | undefined;
  let charset: string | null | undefined; // undefined: none yet; null: a label no decoder knows
  let position = start;
  for (;;) {
    const attribute = getAttribute(bytes, position);
    position = attribute.end;
    if (!attribute.name) break;
    if (seen.has(attribute.name)) continue;
    seen.add(attribute.name);
    if (attribute.name === 'http-equiv') {
      if (attribute.value === 'content-type') isPragma = true;
    } else if (attribute.name === 'content') {
      const label = charsetFromContent(attribute.value);
      const fromContent = label === undefined ? null : encodingOf(label);
      if (fromContent && charset === undefined) {
        charset = fromContent;
        needsPragma = true;
      }
    } else if (attribute.name === 'charset') {
      charset = encodingOf(attribute.value);
      needsPragma = false;
    }
  }
  moveTo(position);
  if (needsPragma === undefined || (needsPragma && !isPragma) || !charset) return undefined;
  return usable(charset);
}

interface Attribute {
  name: string;
  value: string;
  /** Where the scan goes on from. */
  end: number;
}

/** "Get an attribute": a name and value lowercased, or an empty name at the tag's `>`. */
function getAttribute(bytes: Uint8Array, start: number): Attribute {
  let position = start;
  const at = (): number => {
    const byte = bytes[position];
    if (byte === undefined) throw new EndOfBytes();
    return byte;
  };
  while (isSpace(at()) || at() === SLASH) position++;
  if (at() === GT) return { name: '', value: '', end: position };
  let name = '';
  let value = '';
  for (;;) {
    const byte = at();
    if (byte === EQUALS && name) break;
    if (isSpace(byte)) {
      while (isSpace(at())) position++;
      if (at() !== EQUALS) return { name, value, end: position };
      break;
    }
    if (byte === SLASH || byte === GT) return { name, value, end: position };
    name += String.fromCharCode(lower(byte));
    position++;
  }
  position++; // past `=`
  while (isSpace(at())) position++;
  const first = at();
  if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) {
    for (position++; at() !== first; position++) value += String.fromCharCode(lower(at()));
    return { name, value, end: position + 1 };
  }
  if (first === GT) return { name, value, end: position };
  for (; !isSpace(at()) && at() !== GT; position++) value += String.fromCharCode(lower(at()));
  return { name, value, end: position };
}

/** "The algorithm for extracting a character encoding from a meta element", on its `content`. */
export function charsetFromContent(content: string): string | undefined {
  let position = 0;
  for (;;) {
    const found = content.toLowerCase().indexOf('charset', position);
    if (found < 0) return undefined;
    position = found + 7;
    while (/[\t\n\f\r ]/.test(content[position] ?? '')) position++;
    if (content[position] !== '=') continue;
    position++;
    while (/[\t\n\f\r ]/.test(content[position] ?? '')) position++;
    const next = content[position];
    if (next === undefined) return undefined;
    if (next === '"' || next === "'") {
      const close = content.indexOf(next, position + 1);
      return close < 0 ? undefined : content.slice(position + 1, close);
    }
    return /^[^\t\n\f\r ;]*/.exec(content.slice(position))?.[0];
  }
}

/** "Get an XML encoding": the `encoding` of an XML declaration at the very start, if any. */
function xmlEncoding(bytes: Uint8Array): string | undefined {
  if (!startsWith(bytes, 0, [0x3c, 0x3f, 0x78, 0x6d, 0x6c])) return undefined;
  const end = bytes.indexOf(GT);
  if (end < 0) return undefined;
  const declaration = new TextDecoder('latin1').decode(bytes.subarray(0, end));
  // Only the first `encoding` counts; its value must be quoted and closed inside the declaration.
  const found = declaration.toLowerCase().indexOf('encoding');
  const label = found < 0 ? undefined : /^encoding[\0-\x20]*=[\0-\x20]*(["'])(.*?)\1/s.exec(declaration.slice(found))?.[2];
  if (label === undefined) return undefined;
  const encoding = encodingOf(label);
  return encoding ? usable(encoding) : undefined;
}

/** "Get an encoding" from a label, as TextDecoder names it; null for a label it does not know. */
function encodingOf(label: string): string | null {
  if (label.trim().toLowerCase() === 'x-user-defined') return 'x-user-defined';
  try {
    return new TextDecoder(label).encoding;
  } catch {
    // Unknown labels, and those of the "replacement" encoding, which TextDecoder refuses: browsers
    // would show the whole page as one U+FFFD, which would hide every mark from the check.
    return null;
  }
}

/** A declared UTF-16 cannot be right for bytes read as ASCII, so it means UTF-8; x-user-defined means windows-1252. */
function usable(encoding: string): string {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return 'utf-8';
  if (encoding === 'x-user-defined') return 'windows-1252';
  return encoding;
}

function startsWith(bytes: Uint8Array, position: number, expected: readonly number[]): boolean {
  return expected.every((byte, i) => bytes[position + i] === byte);
}

function indexOf(bytes: Uint8Array, sequence: readonly number[], from: number): number {
  for (let i = bytes.indexOf(sequence[0] ?? 0, from); i >= 0; i = bytes.indexOf(sequence[0] ?? 0, i + 1)) {
    if (startsWith(bytes, i, sequence)) return i;
  }
  return -1;
}
