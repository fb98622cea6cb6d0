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
// The fields in which a picture gives the page where it is licensed, Google's licensable-image
// markup: JSON-LD's `acquireLicensePage` and `license` (an agency's picture site: gettyimages.com).
const LICENCE_FIELD = /(?:^|\.)(?:acquirelicensepage|license)$/;
// An absolute URL's host, or a scheme-relative one's.
const HOST = /^\s*(?:https?:)?\/\/(?:[^/?#@\s]*@)?([^/?#:\s]+)/i;

/**
 * The holders whose own sites (their `domains`) a page names as its story's origin, or as the
 * place where its picture is licensed: the story or the picture is the holder's, whatever the page
 * shows of it. Evidence of the text or the picture, at the host; `trace`, when given, hears of each.
 */
export function findOrigins(regions: readonly Region[], catalogue: Catalogue, trace?: Recorder): Evidence[] {
  const evidence: Evidence[] = [];
  for (const region of regions) {
    if (!ORIGIN_KINDS.has(region.kind)) continue;
    const field = (region.field ?? '').replace(/[-_]/g, '').toLowerCase();
    const kind = ORIGIN_FIELD.test(field) ? 'text' : region.kind === 'jsonld' && region.isPicture && LICENCE_FIELD.test(field) ? 'photo' : undefined;
    if (kind === undefined) continue;
    const url = HOST.exec(region.text);
    const host = url?.[1];
    if (!url || !host) continue;
    const holder = holderOfHost(host.toLowerCase(), catalogue);
    if (!holder?.kinds.includes(kind)) continue;
    const from = url[0].length - host.length;
    const to = url[0].length;
    const item: Evidence = {
      holder: holder.id,
      signal: `${holder.id}/${kind === 'text' ? 'origin-url' : 'licence-url'}`,
      type: 'metadata',
      kind,
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
