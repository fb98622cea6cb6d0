import type { Page } from '../document/page.js';
import type { Scope } from '../detect/prefilter/prefilter.js';
import type { PageSummary } from './types.js';

/** The facts of a page a trace shows first: how it was read, dated, attributed and divided. */
export function summarisePage(page: Page, encoding: string, prefilter: Scope): PageSummary {
  const regions: PageSummary['regions'] = {};
  for (const region of page.regions) regions[region.kind] = (regions[region.kind] ?? 0) + 1;
  return {
    format: page.format,
    encoding,
    published: page.published ?? null,
    publishers: page.publisherNames,
    regions,
    hasStory: page.regions.some((region) => region.isInStory === true),
    prefilter,
  };
}
