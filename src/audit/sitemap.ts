import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { XMLParser } from 'fast-xml-parser';

/** What a sitemap lists: pages (`<urlset>`) or more sitemaps (`<sitemapindex>`). */
export interface Sitemap {
  kind: 'urlset' | 'sitemapindex';
  /** Each entry's `<loc>`, as written. */
  locations: string[];
}

/** The sitemaps protocol's size limit for a sitemap, uncompressed: 50 MB (52,428,800 bytes). */
export const SITEMAP_LIMIT = 52_428_800;

const unzip = promisify(gunzip);
// fast-xml-parser bounds entity expansion by default, so a hostile sitemap cannot blow up.
const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  isArray: (name) => name === 'url' || name === 'sitemap',
});

/**
 * Reads a sitemap (https://www.sitemaps.org/protocol.html), gzipped or not: told by its first
 * bytes (1f 8b), as servers send `.xml.gz` files under any name and content type. Undefined for
 * well-formed XML of another kind (a feed); an error, with the parser's words, for bytes that are
 * not well-formed XML or not gzip.
 */
export async function readSitemap(bytes: Uint8Array): Promise<Sitemap | undefined> {
  const xml = bytes[0] === 0x1f && bytes[1] === 0x8b ? await unzipped(bytes) : bytes;
  // The protocol asks for UTF-8; TextDecoder drops a byte order mark.
  const document: unknown = parser.parse(new TextDecoder().decode(xml), true);
  if (!isRecord(document)) return undefined;
  if ('urlset' in document) return { kind: 'urlset', locations: locationsOf(document.urlset, 'url') };
  if ('sitemapindex' in document) return { kind: 'sitemapindex', locations: locationsOf(document.sitemapindex, 'sitemap') };
  return undefined;
}

async function unzipped(bytes: Uint8Array): Promise<Uint8Array> {
  try {
    return await unzip(bytes, { maxOutputLength: SITEMAP_LIMIT });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new Error(`larger than ${SITEMAP_LIMIT} bytes unzipped, the protocol's limit`, { cause: error });
    throw new Error(`not valid gzip (${(error as Error).message})`, { cause: error });
  }
}

function locationsOf(root: unknown, entry: 'url' | 'sitemap'): string[] {
  const entries = isRecord(root) ? root[entry] : undefined;
  if (!Array.isArray(entries)) return [];
  return entries.flatMap((item: unknown) => (isRecord(item) && typeof item.loc === 'string' && item.loc !== '' ? [item.loc] : []));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
