/**
 * Reports are written as chunks, not one string: V8 refuses a string over about 512 MB (2^29 - 24
 * UTF-16 units since Node 20), and a JSON result of a large archive passes that however little
 * each page shows. Each chunk stays small; only a caller that joins them all meets the limit.
 */
export type ReportChunks = Iterable<string>;

/** Gathers small pieces into chunks of about `size` characters, so a writer makes few calls. */
export function* coalesce(pieces: Iterable<string>, size = 1 << 20): Generator<string> {
  let parts: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    parts.push(piece);
    length += piece.length;
    if (length >= size) {
      yield parts.join('');
      parts = [];
      length = 0;
    }
  }
  if (length > 0) yield parts.join('');
}

/** The whole report as one string, for callers that want one (and reports that fit in one). */
export function joinChunks(chunks: ReportChunks): string {
  let text = '';
  // `+=` makes a rope V8 flattens once; past the limit it throws RangeError, as join would.
  for (const chunk of chunks) text += chunk;
  return text;
}

/**
 * `JSON.stringify(value, null, 2)` in pieces: objects and arrays down to `depth` levels are
 * opened piece by piece, what lies deeper is stringified whole and indented to its place. The
 * pieces joined are exactly what `JSON.stringify` returns (no `toJSON` in a result to honour).
 */
export function* jsonPieces(value: unknown, depth: number, indent = ''): Generator<string> {
  if (depth <= 0 || value === null || typeof value !== 'object') {
    const text = JSON.stringify(value, null, 2) ?? 'null';
    // A JSON text holds no raw line break inside a string, so each one starts a nested line.
    yield indent === '' ? text : text.replace(/\n/g, `\n${indent}`);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    for (let i = 0; i < value.length; i++) {
      yield `${i === 0 ? '[' : ','}\n${inner}`;
      // JSON.stringify writes null for an array slot it cannot represent.
      const item: unknown = value[i];
      yield* jsonPieces(isOmitted(item) ? null : item, depth - 1, inner);
    }
    yield `\n${indent}]`;
    return;
  }
  let isFirst = true;
  for (const [key, item] of Object.entries(value)) {
    if (isOmitted(item)) continue;
    yield `${isFirst ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
    isFirst = false;
    yield* jsonPieces(item, depth - 1, inner);
  }
  yield isFirst ? '{}' : `\n${indent}}`;
}

/** What JSON.stringify leaves out of an object. */
function isOmitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}
