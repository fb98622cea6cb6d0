/**
 * What a licence's `paths` globs match for a page on the web: its URL's path, decoded, without the
 * leading slash, and with `index.html` after a trailing slash, as a site built from files serves
 * them (`https://example.com/world/` is `world/index.html`). The host is not part of it: a licence
 * covers a site's sections, wherever the site is served from. Empty for what is not a URL.
 */
export function policyPathOf(url: string): string {
  // An archive's error may name a file, not a URL: it stands for no path of the site.
  if (!URL.canParse(url)) return '';
  const { pathname } = new URL(url);
  const path = pathname.endsWith('/') ? `${pathname}index.html` : pathname;
  try {
    return decodeURIComponent(path).slice(1);
  } catch {
    return path.slice(1); // a stray `%` is not an escape: the path is matched as written
  }
}
