import type { Region } from './region.js';

/** Where a page's publication date was read from, in the order they are trusted. */
export const DATE_SOURCES = ['frontmatter', 'meta', 'jsonld', 'time'] as const;
export type DateSource = (typeof DATE_SOURCES)[number];

/** What the document layer learns about a page: its text regions and the facts around them. */
export interface PageFacts {
  regions: Region[];
  /** Publication date candidates, as written on the page. */
  dates: Array<{ source: DateSource; value: string }>;
  /** Names the page gives its own publisher (og:site_name, JSON-LD publisher ...). */
  publisherNames: string[];
  /** HTML comments (in Markdown too), where suppression directives are written. */
  comments: Array<{ value: string; start: number; end: number }>;
  /** The page's language, the primary subtag of its `<html lang>` in lower case ("tr" of "tr-TR"), if it says one. */
  lang?: string;
}

export function emptyFacts(): PageFacts {
  return { regions: [], dates: [], publisherNames: [], comments: [] };
}

/** The primary subtag of a language tag, in lower case, or undefined where it is none. */
export function primaryLanguage(tag: unknown): string | undefined {
  return typeof tag === 'string' ? /^\s*([a-z]{2,3})(?![a-z])/i.exec(tag)?.[1]?.toLowerCase() : undefined;
}
