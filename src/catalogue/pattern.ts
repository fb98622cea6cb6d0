import { MatcherInput, RE2JS, RE2Set } from 're2js';
import { withRememberedLiterals } from './remember-literals.js';
import { screenOf } from './screen.js';

/** A compiled pattern: every match in a text, with its index, as `String.prototype.matchAll` gives them. */
export interface Pattern {
  matchAll(text: string): Iterable<{ index: number; 0: string }>;
}

/**
 * One branch of a pattern: RE2 syntax, and what must or must not come right after a match, which
 * is not part of it. RE2 has no lookahead (it is what keeps matching linear in the text), so the
 * lookahead a holder file needs is data: `followedBy` is a pattern the text after the match must
 * match, `notFollowedBy` a class of characters none of which may follow it (the end of the text
 * may). That is one class because its complement is one too; a longer condition that must not
 * hold is written as a `followedBy` of what may follow instead, or as an exclusion.
 */
export interface Branch {
  pattern: string;
  followedBy?: string | undefined;
  notFollowedBy?: string | undefined;
}

/** What a holder file says of a pattern: one branch, or several tried in order as `|` tries them. */
export interface PatternSpec {
  pattern: string | readonly Branch[];
  followedBy?: string | undefined;
  notFollowedBy?: string | undefined;
  ignoreCase: boolean;
}

/** A pattern's branches, the common one-pattern form included. */
export function branchesOf({ pattern, followedBy, notFollowedBy }: PatternSpec): readonly Branch[] {
  return typeof pattern === 'string' ? [{ pattern, followedBy, notFollowedBy }] : pattern;
}

/**
 * The branches as one RE2 program. A branch with a condition after it becomes `(?:P)()(?:F)`:
 * the empty group, its marker, stands where the match ends, and the text after it is matched
 * but not kept. `notFollowedBy: '[C]'` is `(?:P)()(?:[^C]|$)`. RE2 tries the branches' ways to
 * match in the order a backtracking engine does, and keeps the first that succeeds, so this is
 * exactly what a lookahead at the end of each branch meant.
 */
export function programOf(branches: readonly Branch[]): { source: string; markers: number } {
  let markers = 0;
  const source = branches.map(({ pattern, followedBy, notFollowedBy }) => {
    if (followedBy !== undefined) return markers++, `(?:${pattern})()(?:${followedBy})`;
    if (notFollowedBy !== undefined) return markers++, `(?:${pattern})()(?:[^${notFollowedBy.slice(1, -1)}]|$)`;
    return `(?:${pattern})`;
  });
  return { source: source.join('|'), markers };
}

// Compiled patterns by their branches and flag: a process that loads policies again (a script
// that checks often, the test suite) compiles each once.
const compiled = new Map<string, Pattern>();

/**
 * Compiles a validated pattern, when first used (a run meets few of the catalogue's): a text
 * the screen (see screen.ts) does not match is passed over at once; else each match ends at its
 * marker, if it has one, and the next search starts there.
 */
export function compilePattern(spec: PatternSpec): Pattern {
  const branches = branchesOf(spec);
  const key = JSON.stringify([branches, spec.ignoreCase]);
  let pattern = compiled.get(key);
  if (!pattern) {
    let made: Pattern | undefined;
    pattern = { matchAll: (text) => (made ??= compiledNow(branches, spec.ignoreCase)).matchAll(text) };
    compiled.set(key, pattern);
  }
  return pattern;
}

function compiledNow(branches: readonly Branch[], ignoreCase: boolean): Pattern {
  const flags = ignoreCase ? RE2JS.CASE_INSENSITIVE : 0;
  const screen = screenOf(branches);
  const quick = screen === undefined ? undefined : RE2JS.compile(screen, flags);
  const { source, markers } = programOf(branches);
  // Most texts fail the screen: the exact pattern is compiled when one first passes.
  let exact: RE2JS | undefined;
  return {
    matchAll(text) {
      if (quick && !quick.test(text)) return [];
      exact ??= RE2JS.compile(source, RE2JS.LOOKBEHINDS | flags);
      return withRememberedLiterals(exact, text, () => matchesOf(exact as RE2JS, markers, text));
    },
  };
}

/**
 * Every match of a program, each ending at its first marker that took part. One search a match
 * asks for the markers' places at once: a matcher finds the match, then searches again from its
 * start for the groups, which doubled the time of a text dense with matches.
 */
function matchesOf(exact: RE2JS, markers: number, text: string): Array<{ index: number; 0: string }> {
  const matches: Array<{ index: number; 0: string }> = [];
  const re2 = exact.re2();
  const input = MatcherInput.utf16(text);
  // Carried from one search to the next, so that lookbehinds are not read again from the start.
  const lookbehinds = re2.createLookbehindState();
  for (let at = 0; at <= text.length; ) {
    const [isMatch, groups] = re2.matchMachineInput(input, at, text.length, RE2Set.UNANCHORED, 1 + markers, lookbehinds) as [boolean, number[] | null];
    if (!isMatch || !groups) break;
    const start = groups[0] as number;
    let end = groups[1] as number;
    for (let marker = 1; marker <= markers; marker++) {
      const place = groups[2 * marker] ?? -1;
      if (place >= 0) {
        end = place;
        break;
      }
    }
    matches.push({ index: start, 0: text.slice(start, end) });
    // After an empty match the search moves on by one character (a whole one, not half a surrogate pair).
    at = end > start ? end : start + ((text.codePointAt(start) ?? 0) > 0xffff ? 2 : 1);
  }
  return matches;
}

// What RE2 made of each pattern checked: a process that loads holder files again (a script that
// checks often, the test suite; the shipped ones where the build's snapshot is missing) compiles
// each of the catalogue's 1,800 patterns and conditions once, not at every load.
const problems = new Map<string, string | undefined>();

/** Why RE2 refuses a pattern, in words for a holder file's author, or undefined when it takes it. */
export function linearProblem(source: string): string | undefined {
  if (!problems.has(source)) problems.set(source, compileProblem(source));
  return problems.get(source);
}

function compileProblem(source: string): string | undefined {
  try {
    RE2JS.compile(source, RE2JS.LOOKBEHINDS);
    return undefined;
  } catch (error) {
    const detail = (error as Error).message.replace(/^error parsing regexp: /, '');
    const advice = /\(\?[=!]/.test(source)
      ? ' RE2 has no lookahead: give the text that must follow a match as `followedBy`, or the characters that must not as `notFollowedBy`.'
      : /\\[1-9]/.test(source) ? ' RE2 has no backreferences.' : '';
    return `Cannot compile pattern for RE2, the linear-time engine: ${detail}.${advice}`;
  }
}

/**
 * Why a `notFollowedBy` is not one character class, or undefined when it is: it is compiled as
 * the class's complement (or the end of the text), which only a class has.
 */
export function notFollowedByProblem(source: string): string | undefined {
  // One bracketed class, not negated: escapes, POSIX classes and plain characters, no `]` or `[` alone.
  if (!/^\[(?!\^)(?:\\.|\\[pPx]\{[^}]*\}|\[:\^?[a-z]+:\]|[^\\[\]])+\]$/.test(source)) {
    return `Cannot use \`${source}\` as notFollowedBy: it must be one character class such as \`[\\p{L}\\p{N}]\`, not negated; write any other condition as \`followedBy\``;
  }
  const problem = linearProblem(`[^${source.slice(1, -1)}]`);
  return problem && `Cannot use \`${source}\` as notFollowedBy: ${problem}`;
}
