import { MatcherInput, RE2JS, RE2Set } from 're2js';
import { withRememberedLiterals } from './remember-literals.js';
import { snapshotTranslation } from './snapshot.js';
import { type Re2Pattern, toRe2 } from './to-re2.js';

/** A compiled pattern: every match in a text, with its index, as `String.prototype.matchAll` gives them. */
export interface Pattern {
  matchAll(text: string): Iterable<{ index: number; 0: string }>;
}

/**
 * The syntax a holder file's patterns are written in. Every pattern runs on RE2 (re2js), whose
 * matching time is linear in the text whatever the pattern, and so is a search for all its
 * matches, however many (see remember-literals.ts). The shipped catalogue is written in
 * JavaScript's syntax (the `u` flag), lookaheads at the end included, and translated for RE2
 * (to-re2.ts; the build does it ahead of time); patterns from users' holder files are RE2's own.
 */
export type Syntax = 'javascript' | 're2';

// Translated patterns, compiled, by source and flag: a process that loads policies again (a
// script that checks often, the test suite) compiles each once.
const translated = new Map<string, Pattern>();

/** Compiles a pattern, when first used (a run meets few of the catalogue's); throws with RE2's message where RE2 cannot take it. */
export function compilePattern(source: string, ignoreCase: boolean, syntax: Syntax): Pattern {
  if (syntax === 'javascript') {
    let compiled: Pattern | undefined;
    return { matchAll: (text) => (compiled ??= translatedPattern(source, ignoreCase)).matchAll(text) };
  }
  const re2 = RE2JS.compile(source, RE2JS.LOOKBEHINDS | (ignoreCase ? RE2JS.CASE_INSENSITIVE : 0));
  return {
    // As `re2.matchAll` finds them (the matcher moves on after an empty match by itself), without
    // the submatches it works out for each, which are not asked for.
    matchAll: (text) =>
      withRememberedLiterals(re2, text, () => {
        const matches: Array<{ index: number; 0: string }> = [];
        const matcher = re2.matcher(text);
        while (matcher.find()) matches.push({ index: matcher.start(0), 0: text.slice(matcher.start(0), matcher.end(0)) });
        return matches;
      }),
  };
}

function translatedPattern(source: string, ignoreCase: boolean): Pattern {
  const key = `${ignoreCase ? 'i' : ''}/${source}`;
  let pattern = translated.get(key);
  if (!pattern) translated.set(key, (pattern = fromTranslation(snapshotTranslation(source, ignoreCase) ?? toRe2(source, ignoreCase))));
  return pattern;
}

/**
 * Runs a translated pattern: a text the screen does not match is passed over at once; else each
 * match ends at its marker, if it has one, and the next search starts there.
 */
function fromTranslation({ source, markers, screen }: Re2Pattern): Pattern {
  const quick = RE2JS.compile(screen);
  // Most texts fail the screen: the exact pattern is compiled when one first passes.
  let exact: RE2JS | undefined;
  return {
    matchAll(text) {
      if (!quick.test(text)) return [];
      exact ??= RE2JS.compile(source, RE2JS.LOOKBEHINDS);
      return withRememberedLiterals(exact, text, () => matchesOf(exact as RE2JS, markers, text));
    },
  };
}

/**
 * Every match of a translated pattern, each ending at its first marker that took part. One search
 * a match asks for the markers' places at once: a matcher finds the match, then searches again
 * from its start for the groups, which doubled the time of a text dense with matches.
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
    // After an empty match the search moves on by one character (a whole one, as the `u` flag reads text).
    at = end > start ? end : start + ((text.codePointAt(start) ?? 0) > 0xffff ? 2 : 1);
  }
  return matches;
}

/** Why RE2 refuses a pattern of a user's holder file, in words for a policy author, or undefined when it takes it. */
export function linearProblem(source: string): string | undefined {
  try {
    RE2JS.compile(source, RE2JS.LOOKBEHINDS);
    return undefined;
  } catch (error) {
    const detail = (error as Error).message.replace(/^error parsing regexp: /, '');
    return `Cannot compile pattern for the linear-time engine (RE2): ${detail}. Holder files of a policy may not use lookahead or backreferences.`;
  }
}
