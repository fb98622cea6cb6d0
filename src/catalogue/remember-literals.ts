import type { RE2JS } from 're2js';

/**
 * Makes every search of a pattern for all its matches linear in the text. re2js (2.10) starts
 * each search with a literal check, its "prefilter": the literals any match must hold are looked
 * for in the rest of the text (`indexOf`, or an Aho-Corasick scan for a choice of literals), and
 * the search gives up at once where one is missing. A search for every match runs the check again
 * from each match, and where a literal it looks for lies far ahead, or nowhere while another
 * branch of the pattern matches, each check reads to the end of the text: with matches many and
 * close ("PTI/PTI/..." in an alt text), time grows with the square of the text (52 s at 150 kB).
 *
 * Here the check is answered from memory, exactly as the engine would answer it: where a literal
 * next occurs, once found, holds for every search that starts at or before that place, and a
 * literal missing from some place on is missing from every later place. Each literal's scan only
 * moves forward, so over all the searches of a text it reads the text about once. A check of a
 * shape this code does not know is left as it is, and the engine's own check is put back after the
 * search.
 */
export function withRememberedLiterals<T>(pattern: RE2JS, text: string, search: () => T): T {
  const re2 = pattern.re2() as { prefilter: Check | null };
  const check = re2.prefilter;
  const types = (check?.constructor as { Type?: Types } | undefined)?.Type;
  const tree = check && types ? readNode(check, types) : undefined;
  if (!check || !tree) return search();
  re2.prefilter = {
    eval(input, pos) {
      // Only the text searched is remembered (a matcher over it passes the same string, whole);
      // anything else is checked as the engine does.
      const { charSequence, start, end } = input as { charSequence?: unknown; start?: unknown; end?: unknown };
      if (charSequence !== text || start !== 0 || end !== text.length) return check.eval(input, pos);
      return holds(tree, text, pos);
    },
  };
  try {
    return search();
  } finally {
    re2.prefilter = check;
  }
}

/** The engine's check, as far as it is read here. */
interface Check {
  eval(input: unknown, pos: number): boolean;
}

type Types = Partial<Record<'NONE' | 'EXACT' | 'AND' | 'OR', number>>;

/** A check with what is known of the text: where an exact literal next occurs at or after `from` (-1: nowhere). */
type Node = { kind: 'none' } | { kind: 'exact'; literal: string; from: number; at: number } | { kind: 'all' | 'any'; parts: Node[] };

function readNode(check: unknown, types: Types): Node | undefined {
  const { type, str, subs } = check as { type?: unknown; str?: unknown; subs?: unknown };
  if (typeof type !== 'number') return undefined;
  if (type === types.NONE) return { kind: 'none' };
  if (type === types.EXACT && typeof str === 'string' && str !== '') return { kind: 'exact', literal: str, from: Infinity, at: -1 };
  if ((type === types.AND || type === types.OR) && Array.isArray(subs)) {
    const parts = subs.map((sub) => readNode(sub, types));
    if (parts.every((part) => part !== undefined)) return { kind: type === types.AND ? 'all' : 'any', parts };
  }
  return undefined;
}

/** Whether the literals the check asks for occur in `text` at or after `pos`, as the engine's own check answers. */
function holds(node: Node, text: string, pos: number): boolean {
  switch (node.kind) {
    case 'none':
      return true;
    case 'exact':
      // What is known holds from `from` up to the occurrence found (or everywhere after `from` when there is none).
      if (pos < node.from || (node.at >= 0 && pos > node.at)) {
        node.at = text.indexOf(node.literal, pos);
        node.from = pos;
      }
      return node.at >= 0;
    case 'all':
      return node.parts.every((part) => holds(part, text, pos));
    case 'any':
      return node.parts.some((part) => holds(part, text, pos));
  }
}
