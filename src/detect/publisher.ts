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
  for (const [id, names] of ownerNamesOf(catalogue)) {
    if (names.some((name) => publishers.some((publisher) => isSameOwner(publisher, name)))) holders.add(id);
  }
  return holders;
}

// Each holder's names, normalised once a catalogue rather than once a page.
const ownerNames = new WeakMap<Catalogue, Array<[string, string[]]>>();

function ownerNamesOf(catalogue: Catalogue): Array<[string, string[]]> {
  let names = ownerNames.get(catalogue);
  if (!names) {
    names = [...catalogue.holders].map(([id, spec]) => [id, [spec.name, ...spec.aliases].map(normaliseOwner)]);
    ownerNames.set(catalogue, names);
  }
  return names;
}
