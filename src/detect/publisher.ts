import type { Catalogue } from '../catalogue/compile.js';
import { isSameOwner, normaliseOwner } from './owners.js';

/**
 * The holders that publish the page themselves: those named by its publisher (`og:site_name`,
 * `application-name`, JSON-LD `publisher`), as "Reuters" on reuters.com or "Sputnik Arabic" on
 * Sputnik's site. Their marks on the page are first party: the agency's own page, not reuse.
 */
export function firstPartyHolders(publisherNames: readonly string[], catalogue: Catalogue): Set<string> {
  const publishers = publisherNames.map(normaliseOwner).filter((name) => name !== '');
  const holders = new Set<string>();
  if (publishers.length === 0) return holders;
  for (const [id, spec] of catalogue.holders) {
    const names = [spec.name, ...spec.aliases].map(normaliseOwner);
    if (names.some((name) => publishers.some((publisher) => isSameOwner(publisher, name)))) holders.add(id);
  }
  return holders;
}
