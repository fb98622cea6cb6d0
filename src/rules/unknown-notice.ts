import type { Catalogue } from '../catalogue/compile.js';
import { isSameOwner, normaliseOwner } from '../detect/owners.js';
import type { Page } from '../document/page.js';
import type { Rule, RuleReport } from './rule.js';
import { ruleMeta } from './meta.js';

/**
 * A copyright or no-redistribution notice whose owner is neither a catalogue holder nor the site
 * itself (its publisher name in og:site_name or JSON-LD, else the name its `<title>` opens or
 * closes with, or a holder listed in `self`).
 */
export const unknownNotice: Rule = {
  ...ruleMeta('unknown-notice'),
  check({ notices, policy, page }) {
    const own = [
      ...page.publisherNames,
      ...(page.publisherNames.length === 0 ? siteNamesInTitle(page.regions) : []),
      ...policy.spec.self.flatMap((id) => namesOf(policy.catalogue, id)),
    ].map(normaliseOwner);
    const reports: RuleReport[] = [];
    const seen = new Set<string>();
    for (const notice of notices) {
      if (!notice.owner) continue;
      const owner = normaliseOwner(notice.owner);
      if (owner === '' || seen.has(owner) || own.some((name) => isSameOwner(owner, name)) || policy.catalogue.ownerNames.some((name) => isSameOwner(owner, name))) continue;
      seen.add(owner);
      reports.push({
        message: `Copyright notice from \`${notice.owner}\`, which is not a holder in the catalogue nor the site itself`,
        start: notice.start,
        end: notice.end,
        evidence: [],
        expected: 'a holder in the catalogue, or the site named in `self`',
      });
    }
    return reports;
  },
};

function namesOf(catalogue: Catalogue, id: string): string[] {
  const holder = catalogue.holders.get(id);
  return holder ? [holder.name, ...holder.aliases] : [];
}

// What sets a site's name apart from the headline in a page's title: a spaced dash, a bar, a
// double colon, a middle dot or a guillemet ("Site - Headline", "Headline | Site").
const TITLE_SEPARATOR = /\s+(?:[-–—|·»]|::)\s+/u;

/**
 * The names a page's title may give the site, on a page that names it nowhere else (older sites
 * have no og:site_name): the title's first and last parts, where a separator splits it, but for
 * one that opens the page's headline, which is the story's subject. They only make a notice the
 * site's own; they never make a holder's marks first party, as an aggregator's "Headline -
 * Reuters" names its source, not itself.
 */
function siteNamesInTitle(regions: Page['regions']): string[] {
  const parts = (regions.find((region) => region.kind === 'title')?.text ?? '').split(TITLE_SEPARATOR);
  if (parts.length < 2) return [];
  const headline = normaliseOwner(regions.find((region) => region.kind === 'heading')?.text ?? '');
  return [parts[0] as string, parts.at(-1) as string].filter((part) => headline === '' || !headline.startsWith(normaliseOwner(part)));
}
