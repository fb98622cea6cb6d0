import { escapeRegExp } from '../escape-regexp.js';
import { META_VALUE, PUBLISHER_NAMES } from './meta.js';

const PUBLISHER_META = new RegExp(`<meta\\b[^>]*?(?:${[...PUBLISHER_NAMES].map(escapeRegExp).join('|')})[^>]*>`, 'gi');
const VALUE = new RegExp(`\\b${META_VALUE}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i');
const PUBLISHER_JSON = /"publisher"\s*:\s*(?:\{[^{}]*?"name"\s*:\s*)?"([^"]+)"/gi;

/**
 * The names an HTML page gives its own publisher, read from its raw text without parsing it: the
 * `<meta>` elements meta.ts reads them from, and JSON-LD's `publisher` as jsonld.ts reads it,
 * roughly (a name may come out still escaped, or from a `<meta>` that only mentions the word).
 * For the prefilter, which must not take a page's own notice for a third party's.
 */
export function publisherNamesInText(text: string): string[] {
  const fromMeta = [...text.matchAll(PUBLISHER_META)].map((tag) => VALUE.exec(tag[0])?.slice(1).find((v) => v !== undefined) ?? '');
  const fromJson = [...text.matchAll(PUBLISHER_JSON)].map((match) => match[1] ?? '');
  return [...fromMeta, ...fromJson];
}
