import type { Catalogue } from '../catalogue/compile.js';
import { firstPartyHolders } from '../detect/publisher.js';
import { normaliseOwner } from '../detect/owners.js';
import { escapeRegExp } from '../escape-regexp.js';

/** The folder, beside the policy, where `init` writes the site's own holder file. */
export const SELF_HOLDERS_FOLDER = 'rightslint-holders';

/** The site as a holder of its own: the names its pages publish under. */
export interface SiteHolder {
  id: string;
  name: string;
  /** Every name kept, the main one first, with the pages giving each. */
  names: Array<{ name: string; pages: number }>;
}

/** What `init` proposes for `self`: the site's own holder, and agencies named as publisher. */
export interface SelfProposal {
  site?: SiteHolder;
  /** Catalogue holders that pages name as their publisher: first party there, and the site's own only if it is the agency's. */
  agencies: Array<{ id: string; pages: number }>;
}

/**
 * The site's names from the publisher names its pages give (`og:site_name`, JSON-LD `publisher`).
 * A name that is a catalogue holder's is never made `self` here: a page copied whole from an
 * agency keeps the agency's `og:site_name`, and `self` would then license all its content.
 */
export function proposeSelf(publishers: ReadonlyMap<string, number>, catalogue: Catalogue): SelfProposal {
  const agencies = new Map<string, number>();
  const own: Array<{ name: string; pages: number }> = [];
  for (const [name, pages] of publishers) {
    const ids = firstPartyHolders([name], catalogue);
    for (const id of ids) agencies.set(id, Math.max(agencies.get(id) ?? 0, pages));
    if (ids.size === 0 && normaliseOwner(name) !== '') own.push({ name, pages });
  }
  own.sort((a, b) => b.pages - a.pages || a.name.localeCompare(b.name));
  const proposal: SelfProposal = { agencies: [...agencies].map(([id, pages]) => ({ id, pages })).sort((a, b) => b.pages - a.pages || a.id.localeCompare(b.id)) };
  const [main] = own;
  if (!main) return proposal;
  // Other names count when a good share of pages give them (a JSON-LD publisher beside
  // og:site_name); a name on a few pages may be a partner's page kept whole.
  const names = own.filter((entry) => entry.pages * 4 >= main.pages)
    .filter((entry, i, all) => all.findIndex((other) => normaliseOwner(other.name) === normaliseOwner(entry.name)) === i);
  return { ...proposal, site: { id: holderId(main.name, catalogue), name: main.name, names } };
}

/** The holder file for the site: its names, and a notice signal written from them. */
export function siteHolderFile(site: SiteHolder, totalPages: number): string {
  const counts = site.names.map(({ name, pages }) => `"${name}" on ${pages} of ${totalPages} pages`).join(', ');
  return [
    '# yaml-language-server: $schema=../node_modules/rightslint/schema/holder.schema.json',
    '#',
    '# The site itself, written by `rightslint init` from the publisher names its pages give',
    `# (og:site_name, JSON-LD publisher): ${counts}.`,
    '# Its id is under `self` in rightslint.yaml, so the site\'s own notices and credits need no',
    '# licence and are not unknown notices, on pages that name no publisher (Markdown) too. Add the',
    '# names your credits and notices use to `aliases`; docs/holders.md has the format.',
    `id: ${site.id}`,
    `name: ${JSON.stringify(site.name)}`,
    `aliases: [${site.names.map(({ name }) => JSON.stringify(name)).join(', ')}]`,
    'kinds: [text, photo]',
    'signals:',
    `  # "© 2025 ${site.name}", "Copyright ${site.name}": the names above, after a copyright mark.`,
    '  - id: notice',
    '    type: notice',
    '    kind: text',
    '    regions: [footer, body]',
    `    pattern: '${noticePattern(site.names.map(({ name }) => name)).replaceAll("'", "''")}'`,
    '    ignoreCase: true',
    '',
  ].join('\n');
}

/** A copyright mark, an optional year and one of the names, in RE2 syntax (policy holder files run on RE2). */
function noticePattern(names: readonly string[]): string {
  const alternatives = names.map((name) => {
    const words = name.trim().replace(/^the\s+/i, '').split(/\s+/).map(escapeRegExp).join('\\s+');
    // `\b` only after a word character: "Yahoo!" ends where no word boundary follows.
    return `${/^the\s/i.test(name.trim()) ? '(?:The\\s+)?' : ''}${words}${/\w$/.test(name.trim()) ? '\\b' : ''}`;
  });
  return `(?:Copyright|©|\\(c\\))\\s*(?:\\d{4}(?:\\s*[-–]\\s*\\d{4})?\\s*)?(?:${alternatives.join('|')})`;
}

/** An id from the name, as holder ids are spelled, apart from every catalogue id. */
function holderId(name: string, catalogue: Catalogue): string {
  const slug = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'site';
  return catalogue.holders.has(slug) ? `${slug}-site` : slug;
}

