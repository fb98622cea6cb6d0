import { RE2JS } from 're2js';
import type { Region } from '../document/region.js';
import { escapeRegExp } from '../escape-regexp.js';

/** Something that says whether a text shows the attribution. */
export interface AttributionTest {
  test(text: string): boolean;
}

/**
 * Whether the page shows the credit a licence asks for. Plain text is found case- and
 * whitespace-insensitively in any region; `/pattern/flags` is a regular expression.
 */
export function showsAttribution(regions: readonly Region[], attribution: string): boolean {
  const pattern = toPattern(attribution);
  return regions.some((region) => pattern.test(region.text));
}

/**
 * The attribution as a test. A `/pattern/` is the policy author's, so it runs on RE2, linear in
 * the text whatever it says; plain text becomes an escaped, space-tolerant expression. Throws
 * where RE2 cannot compile the pattern.
 */
export function toPattern(attribution: string): AttributionTest {
  const literal = /^\/(.+)\/([a-z]*)$/s.exec(attribution);
  if (literal) {
    const flags = literal[2] as string;
    const unknown = flags.replace(/[ims]/g, '');
    if (unknown) throw new Error(`flag \`${unknown}\` is not supported (use i, m or s)`);
    const re2 = RE2JS.compile(literal[1] as string,
      (flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0) | (flags.includes('m') ? RE2JS.MULTILINE : 0) | (flags.includes('s') ? RE2JS.DOTALL : 0));
    return { test: (text) => re2.test(text) };
  }
  const words = attribution.trim().split(/\s+/).map((word) => escapeRegExp(word));
  return new RegExp(words.join('\\s+'), 'iu');
}
