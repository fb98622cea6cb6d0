import { DATE_SOURCES, type PageFacts } from './facts.js';

/** A page's publication date and where it was read from. */
export interface Published {
  date: string;
  source: (typeof DATE_SOURCES)[number];
}

/**
 * The publication date, from the first source that gives a valid one: front matter, then
 * `<meta>` (article:published_time ...), then JSON-LD `datePublished`, then `<time datetime>`.
 */
export function publicationDate(facts: PageFacts): Published | undefined {
  for (const source of DATE_SOURCES) {
    for (const candidate of facts.dates) {
      if (candidate.source !== source) continue;
      const date = toIsoDate(candidate.value);
      if (date) return { date, source };
    }
  }
  return undefined;
}

/** `YYYY-MM-DD` for an ISO 8601 date or date-time, or any date `Date.parse` reads; else undefined. */
function toIsoDate(value: string): string | undefined {
  const iso = /^\s*(\d{4}-\d{2}-\d{2})/.exec(value)?.[1];
  const time = Date.parse(iso ?? value);
  if (Number.isNaN(time)) return undefined;
  return iso ?? new Date(time).toISOString().slice(0, 10);
}
