import { type AST, RegExpParser } from '@eslint-community/regexpp';

const parser = new RegExpParser({ ecmaVersion: 2024 });

// The RE2 escapes that JavaScript spells otherwise: a code point `\x{200B}` (JavaScript's
// `\u{200B}`) and a script `\p{Han}` (JavaScript's `\p{Script=Han}`; RE2's other names, general
// categories such as `\p{Lu}` and `Any`, are JavaScript's too). Each is read where an even
// number of backslashes, none or escaped ones, stands before it.
const RE2_ONLY = /(?<!\\)((?:\\\\)*)\\(x\{|[pP]\{(?![A-Z][a-z]?\}|Any\})(?=[A-Za-z_]+\}))/g;
const JS_ONLY = /(?<!\\)((?:\\\\)*)\\(u\{|[pP]\{Script=)/g;

/** A pattern in RE2's syntax, spelled for regexpp, which reads JavaScript's. */
function asJavaScript(source: string): string {
  return source.replace(RE2_ONLY, (_, slashes: string, escape: string) => `${slashes}\\${escape === 'x{' ? 'u{' : `${escape}Script=`}`);
}

/** Source taken from `asJavaScript`'s text, spelled for RE2 again. */
function asRe2(source: string): string {
  return source.replace(JS_ONLY, (_, slashes: string, escape: string) => `${slashes}\\${escape === 'u{' ? 'x{' : escape.slice(0, 2)}`);
}

/**
 * A pattern in RE2's syntax parsed by regexpp, with the JavaScript spelling its nodes' `raw` and
 * offsets refer to. Undefined where regexpp cannot read it (RE2 syntax of its own, such as `(?i)`
 * or `[[:alpha:]]`): such a pattern is then only run, with no screen and no literals, which makes
 * it slower to reject a text, never wrong.
 */
export function parseRe2(source: string): { ast: AST.Pattern; js: string } | undefined {
  const js = asJavaScript(source);
  try {
    return { ast: parser.parsePattern(js, 0, js.length, { unicode: true }), js };
  } catch {
    return undefined;
  }
}

/**
 * A pattern that matches wherever one of these branches can, with no lookbehind: RE2 tests it
 * with a DFA, several times faster than a search for the matches, and most texts fail it. One
 * lookbehind before anything a branch consumes and its `followedBy` are kept as text to match
 * there: the screen of `(?<=Photo: )AP` is then `Photo: AP`, not any `AP` (on a long page, RE2
 * searched it for matches wherever "AP" stood). Anywhere else a lookbehind would overlap other
 * text, and is left out, as is `notFollowedBy`. Undefined if regexpp cannot read a branch.
 */
export function screenOf(branches: ReadonlyArray<{ pattern: string; followedBy?: string | undefined }>): string | undefined {
  const written: string[] = [];
  for (const { pattern, followedBy } of branches) {
    const head = screenPart(pattern, true);
    const tail = followedBy === undefined ? '' : screenPart(followedBy, false);
    if (head === undefined || tail === undefined) return undefined;
    written.push(tail === '' ? head : `${head}${tail}`);
  }
  return written.join('|');
}

/** One pattern's screen, grouped; `isStart`: nothing of the match stands before it. */
function screenPart(source: string, isStart: boolean): string | undefined {
  const parsed = parseRe2(source);
  return parsed && asRe2(`(?:${parsed.ast.alternatives.map((a) => withoutLookbehinds(a, parsed.js, isStart)).join('|')})`);
}

/** A node's source without its lookbehinds, but for one at the start (`isStart`), kept as text. */
function withoutLookbehinds(node: AST.Node, source: string, isStart: boolean): string {
  switch (node.type) {
    case 'Alternative': {
      const first = node.elements.findIndex((element) => element.type !== 'Assertion');
      let isBehindKept = false;
      return node.elements.map((element, i) => {
        const isAtStart = isStart && !isBehindKept && (first === -1 || i <= first);
        if (element.type === 'Assertion' && element.kind === 'lookbehind' && !element.negate && isAtStart) isBehindKept = true;
        return withoutLookbehinds(element, source, isAtStart);
      }).join('');
    }
    case 'Group':
    case 'CapturingGroup':
      return `(?:${node.alternatives.map((a) => withoutLookbehinds(a, source, isStart)).join('|')})`;
    case 'Quantifier':
      return `(?:${withoutLookbehinds(node.element, source, false)})${source.slice(node.element.end, node.end)}`;
    case 'Assertion':
      if (node.kind === 'lookbehind' && !node.negate && isStart) return `(?:${node.alternatives.map((a) => withoutLookbehinds(a, source, true)).join('|')})`;
      return node.kind === 'lookbehind' || node.kind === 'lookahead' ? '' : source.slice(node.start, node.end);
    default:
      return source.slice(node.start, node.end);
  }
}
