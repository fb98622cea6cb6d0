import type { Catalogue } from '../catalogue/compile.js';
import { isSameOwner, normaliseOwner } from '../detect/owners.js';
import type { Rule, RuleReport } from './rule.js';
import { ruleMeta } from './meta.js';

/**
 * A copyright or no-redistribution notice whose owner is neither a catalogue holder nor the site
 * itself (its publisher name in og:site_name or JSON-LD, or a holder listed in `self`).
 */
export const unknownNotice: Rule = {
  ...ruleMeta('unknown-notice'),
  check({ notices, policy, page }) {
    const own = [
      ...page.publisherNames,
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
