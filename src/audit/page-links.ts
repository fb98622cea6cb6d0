import { decodePage } from '../document/decode.js';
import { parseHtml } from '../document/html/parse-html.js';
import type { TreeElement, TreeNode } from '../document/tree.js';
import { crawlUrl } from './crawl-url.js';

/** An HTML page as fetched, to read links from. */
export interface LinkedPage {
  url: string;
  bytes: Uint8Array;
  contentType: string | undefined;
  /** The response's `X-Robots-Tag` header, or null. */
  robotsTag: string | null;
  userAgent: string;
}

/** The links of a page, and whether it lets crawlers follow them. */
export interface PageLinks {
  /** The `href` of each `a` and `area`, resolved against `<base href>`: http(s), no fragment, each once, in page order. */
  links: string[];
  /** A robots meta tag or `X-Robots-Tag` for all crawlers or this one says `nofollow` (or `none`). */
  isNofollow: boolean;
}

/**
 * Reads the links a crawl follows from a page, through parseHtml's whole tree (the fast tree
 * keeps no `href`). `rel="nofollow"` on a link does not stop the crawl: it tells search engines
 * not to rank the target by the link, and the pages it leads to are the site's pages all the
 * same. The robots directives, which are about crawling, do.
 */
export async function pageLinks(page: LinkedPage): Promise<PageLinks> {
  const { text } = decodePage(page.bytes, charsetOf(page.contentType));
  const { tree } = await parseHtml(text, { full: true });
  const agent = page.userAgent.split('/')[0]?.toLowerCase();
  const hrefs: string[] = [];
  let base: string | undefined;
  let isNofollow = isNofollowHeader(page.robotsTag, agent);
  const stack: TreeNode[] = [...tree.children].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type !== 'element') continue;
    const { tagName, properties } = node;
    const href = typeof properties.href === 'string' ? properties.href : undefined;
    if ((tagName === 'a' || tagName === 'area') && href !== undefined) hrefs.push(href);
    // The HTML standard takes the first `base` with an `href`, in tree order, for every link.
    if (tagName === 'base' && base === undefined) base = href;
    if (tagName === 'meta' && isMetaFor(node, agent) && hasNofollow(String(properties.content ?? ''))) isNofollow = true;
    // Children pushed last first, so that links come off the stack in page order.
    for (let i = node.children.length - 1; i >= 0; i--) {
      const child = node.children[i];
      if (child) stack.push(child);
    }
  }
  const baseUrl = (base !== undefined && crawlUrl(base, page.url)) || page.url;
  const links = new Set<string>();
  for (const href of hrefs) {
    const link = crawlUrl(href, baseUrl);
    if (link !== undefined) links.add(link);
  }
  return { links: [...links], isNofollow };
}

/** `<meta name="robots">`, or a meta tag named after this crawler (`<meta name="rightslint">`). */
function isMetaFor({ properties }: TreeElement, agent: string | undefined): boolean {
  const name = String(properties.name ?? '').toLowerCase();
  return name === 'robots' || name === agent;
}

function hasNofollow(directives: string): boolean {
  return directives.split(',').some((directive) => /^\s*(nofollow|none)\s*$/i.test(directive));
}

// Directives whose value follows a colon, which must not be read as a user agent's name.
const VALUED = /^(max-snippet|max-image-preview|max-video-preview|unavailable_after)$/i;

/**
 * Whether an `X-Robots-Tag` header says `nofollow` to all crawlers or to this one: a
 * `name: directives` item speaks to the crawler named, up to the next such item.
 */
function isNofollowHeader(header: string | null, agent: string | undefined): boolean {
  let target: string | undefined;
  for (const item of header?.split(',') ?? []) {
    const named = /^\s*([\w-]+)\s*:(.*)$/.exec(item);
    let directive = item;
    if (named?.[1] && !VALUED.test(named[1])) {
      target = named[1].toLowerCase();
      directive = named[2] ?? '';
    }
    if ((target === undefined || target === agent) && hasNofollow(directive)) return true;
  }
  return false;
}

/** The `charset` parameter of a Content-Type, which outranks a `<meta>` declaration in the HTML standard. */
function charsetOf(contentType: string | undefined): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1];
}
