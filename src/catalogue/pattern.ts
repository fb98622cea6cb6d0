import { RE2JS } from 're2js';

/** A compiled pattern: every match in a text, with its index, as `String.prototype.matchAll` gives them. */
export interface Pattern {
  matchAll(text: string): Iterable<{ index: number; 0: string }>;
}

/**
 * Which engine runs a file's patterns. The shipped catalogue, reviewed and checked for
 * super-linear backtracking in the suite, runs on V8's own engine; patterns from users' holder
 * files run on RE2 (re2js), whose matching time is linear in the text whatever the pattern.
 */
export type Engine = 'builtin' | 'linear';

/** Compiles a pattern for an engine; throws with RE2's message where RE2 cannot take it. */
export function compilePattern(source: string, ignoreCase: boolean, engine: Engine): Pattern {
  if (engine === 'builtin') {
    // Compiled when first used: a run meets few of the catalogue's patterns.
    let regexp: RegExp | undefined;
    return { matchAll: (text) => execAll((regexp ??= new RegExp(source, ignoreCase ? 'giu' : 'gu')), text) };
  }
  const re2 = RE2JS.compile(source, RE2JS.LOOKBEHINDS | (ignoreCase ? RE2JS.CASE_INSENSITIVE : 0));
  return { matchAll: (text) => re2.matchAll(text) as Iterable<{ index: number; 0: string }> };
}

/**
 * Every match of a global regular expression, found with `exec`: `String.prototype.matchAll`
 * copies the expression on each call, which costs more than the search on a short region.
 */
function execAll(regexp: RegExp, text: string): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  regexp.lastIndex = 0;
  for (let match = regexp.exec(text); match; match = regexp.exec(text)) {
    matches.push(match);
    // An empty match moves on by one character (a whole one, as the `u` flag reads text).
    if (match[0] === '') regexp.lastIndex = match.index + ((text.codePointAt(match.index) ?? 0) > 0xffff ? 2 : 1);
  }
  return matches;
}

/** Why RE2 refuses a pattern, in words for a policy author, or undefined when it takes it. */
export function linearProblem(source: string): string | undefined {
  try {
    RE2JS.compile(source, RE2JS.LOOKBEHINDS);
    return undefined;
  } catch (error) {
    const detail = (error as Error).message.replace(/^error parsing regexp: /, '');
    return `Cannot compile pattern for the linear-time engine (RE2): ${detail}. Holder files of a policy may not use lookahead or backreferences.`;
  }
}
