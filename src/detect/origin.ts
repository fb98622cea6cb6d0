import type { Catalogue } from '../catalogue/compile.js';
import type { HolderSpec } from '../catalogue/schema.js';
import type { Region } from '../document/region.js';
import type { Evidence } from './evidence.js';
import type { Recorder } from './verdict.js';

// The fields in which a page says where its story was first published, as a syndicated or
// translated copy says it: `<link rel="canonical">` (read as the meta field "canonical"), Google
// News' `<meta name="syndication-source">` and "original-source", JSON-LD's `isBasedOn` (a URL,
// or an object with one), and the front matter of a post cross-posted from elsewhere
// ("canonical_url", "canonicalURL", "original_source"). Read in lower case, without `-` and `_`.
const ORIGIN_FIELD = /(?:^|\.)(?:canonical|canonicalurl|syndicationsource|originalsource|originalurl|isbasedon(?:\.(?:url|@id))?)$/;
const ORIGIN_KINDS = new Set<Region['kind']>(['meta', 'jsonld', 'frontmatter']);
// An absolute URL's host, or a scheme-relative one's.
const HOST = /^\s*(?:https?:)?\/\/(?:[^/?#@\s]*@)?([^/?#:\s]+)/i;

/**
 * The holders whose own news sites (their `domains`) a page names as its story's origin: the story
 * is the holder's, republished, whatever the page shows of it. Evidence of the text, at the host;
 * `trace`, when given, hears of each.
 */
export function findOrigins(regions: readonly Region[], catalogue: Catalogue, trace?: Recorder): Evidence[] {
  const evidence: Evidence[] = [];
  for (const region of regions) {
    if (!ORIGIN_KINDS.has(region.kind) || !ORIGIN_FIELD.test((region.field ?? '').replace(/[-_]/g, '').toLowerCase())) continue;
    const url = HOST.exec(region.text);
    const host = url?.[1];
    if (!url || !host) continue;
    const holder = holderOfHost(host.toLowerCase(), catalogue);
    if (!holder?.kinds.includes('text')) continue;
    const from = url[0].length - host.length;
    const to = url[0].length;
    const item: Evidence = {
      holder: holder.id,
      signal: `${holder.id}/origin-url`,
      type: 'metadata',
      kind: 'text',
      strength: 'strong',
      region: region.kind,
      ...(region.field ? { field: region.field } : {}),
      ...(region.isAside ? { aside: true as const } : {}),
      text: host,
      start: region.offsets[from] ?? 0,
      end: (region.offsets[to - 1] ?? 0) + 1,
    };
    evidence.push(item);
    trace?.(item, { kept: true, why: 'matched' }, region);
  }
  return evidence;
}

/** The holder one of whose news sites `host` is, or one of their subdomains. */
export function holderOfHost(host: string, catalogue: Catalogue): HolderSpec | undefined {
  for (const holder of catalogue.holders.values()) {
    if (holder.domains.some((domain) => host === domain || host.endsWith(`.${domain}`))) return holder;
  }
  return undefined;
}
