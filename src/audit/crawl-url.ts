/**
 * A link as a crawl keeps it: resolved against `base`, without its fragment, and only for http
 * and https; undefined for anything else (`mailto:`, `javascript:`, a URL that does not parse).
 * The WHATWG URL parser does the rest of the normalising: scheme and host lowered, default ports
 * and dot segments dropped, spaces around the link trimmed.
 */
export function crawlUrl(href: string, base?: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  // The fragment names a place in the page, not another page; `hash = ''` drops a lone `#` too.
  url.hash = '';
  return url.href;
}
