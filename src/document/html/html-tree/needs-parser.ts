/** Thrown where the page needs a rule of tree construction that is left to parse5. */
export const NEEDS_PARSER = Symbol('needs the full parser');

/** Gives the page up to parse5. */
export function needsParser(): never {
  throw NEEDS_PARSER;
}
