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
    const regexp = new RegExp(source, ignoreCase ? 'giu' : 'gu');
    return { matchAll: (text) => text.matchAll(regexp) };
  }
  const re2 = RE2JS.compile(source, RE2JS.LOOKBEHINDS | (ignoreCase ? RE2JS.CASE_INSENSITIVE : 0));
  return { matchAll: (text) => re2.matchAll(text) as Iterable<{ index: number; 0: string }> };
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
