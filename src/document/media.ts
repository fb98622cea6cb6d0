import { locateAttribute } from './attributes.js';
import type { TreeElement as Element } from './tree.js';

// What the pictures and videos of a page are, as their elements say: a video or a player, a figure
// that holds one, a link's card, and the images whose alt text is no picture's text: a logo, a
// site's icon, a badge, a table layout's spacer.

// The hosts and paths of embedded video players.
export const VIDEO_PLAYER = /youtube|youtu\.be|vimeo|dailymotion|jwplayer|jwplatform|brightcove|kaltura|player|video/i;
// Videos, with the players' own elements (AMP's for each player it embeds): a credit on one, or in
// a figure around one, is the video's.
export const VIDEO_TAGS = new Set(['video', 'video-js', 'amp-video', 'amp-youtube', 'amp-brightcove', 'amp-jwplayer', 'amp-dailymotion', 'amp-vimeo', 'amp-kaltura-player', 'amp-video-iframe', 'amp-ima-video', 'amp-viqeo-player', 'amp-wistia-player']);

/** How deep in a figure its video is looked for: players wrap theirs in a few containers. */
const VIDEO_DEPTH = 4;

/** Whether a figure holds a video element, `depth` levels down at most. */
export function holdsVideo(element: Element, depth = VIDEO_DEPTH): boolean {
  return holds(element, VIDEO_TAGS, depth);
}

// The elements that show a picture or a video.
const MEDIA_TAGS = new Set(['img', 'picture', 'amp-img', ...VIDEO_TAGS]);

/** Whether a figure holds a picture or a video, `depth` levels down at most. */
export function holdsMedia(element: Element): boolean {
  return holds(element, MEDIA_TAGS, VIDEO_DEPTH);
}

/** Whether a figure is a link's card: a link holds all it shows but its caption. */
export function isLinkCard(element: Element): boolean {
  const shown = element.children.filter((child) => child.type === 'element' && child.tagName !== 'figcaption');
  return shown.length > 0 && shown.every((child) => child.type === 'element' && child.tagName === 'a');
}

function holds(element: Element, tags: ReadonlySet<string>, depth: number): boolean {
  return element.children.some((child) => child.type === 'element' && (tags.has(child.tagName) || (depth > 1 && holds(child, tags, depth - 1))));
}

// A logo: a vector image, or one its file, class or alt text calls a logo ("Reuters logo", a
// market-data box's credit). Its alt text names a brand, not the picture's source. (An inline
// GIF or PNG is as often the placeholder of a lazily loaded photo.)
const LOGO_SOURCE = /\.svg(?:[?#]|$)|^data:image\/svg|logo/i;
// A site's icon, as link cards show it beside the site's name: a favicon.
const SITE_ICON_SOURCE = /favicon|\.ico(?:[?#]|$)/i;
const SITE_ICON_CLASS = /favicon|site-icon/i;

// The file names table layouts give the one-pixel images that space their cells: "dot.gif",
// "spacer.gif", "pixel.gif", "blank.gif", "clear.gif", "trans.gif", "1x1.gif", "s.gif".
const SPACER_SOURCE = /(?:^|\/)(?:spacer|spc|dot|pixel|px|blank|clear|clearpixel|transparent|trans|shim|1x1|space|s)\.gif(?:[?#]|$)/i;

/** Whether an image is a table layout's spacer (see `SPACER_SOURCE`). */
export function isSpacer(element: Element): boolean {
  return typeof element.properties.src === 'string' && SPACER_SOURCE.test(element.properties.src);
}

/** Whether an image is a site's icon (see `SITE_ICON_SOURCE`). */
export function isSiteIcon(element: Element): boolean {
  const { src, className } = element.properties;
  return (typeof src === 'string' && SITE_ICON_SOURCE.test(src)) || (Array.isArray(className) && className.some((name) => SITE_ICON_CLASS.test(String(name))));
}

/**
 * Whether an image is a badge: a link to what its alt text names, its site or a page about it
 * ("<a href="/partners/reuters"><img alt="Reuters"></a>", a strip of a site's news partners). Its
 * alt text names a partner, not the picture's source.
 */
export function isBadge(image: Element, href: string | undefined): boolean {
  const { alt } = image.properties;
  if (href === undefined || typeof alt !== 'string' || alt.length > 40) return false;
  const name = alt.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return name !== '' && href.toLowerCase().split(/[^\p{L}\p{N}]+/u).includes(name);
}

/** Whether a link holds a picture of its own, as a thumbnail that opens a larger view. */
export function holdsPicture(link: Element): boolean {
  return link.children.some((child) => child.type === 'element' && MEDIA_TAGS.has(child.tagName) && !VIDEO_TAGS.has(child.tagName));
}

const LOGO_ALT = /^(?:[^\s]+\s+){0,4}logo$|^logo\b.{0,40}$/iu;
// The word "logo" in a logo's alt text ("AFP logo", "Logo: dpa", "Logo of Reuters"), and the
// longest name read from one.
const LOGO_WORD = /^\s*logo\b[\s:-]*(?:(?:of|von|de)\s+)?|[\s-]*\blogo\s*$/giu;
const MAX_LOGO_NAME = 40;

/** Whether an image is a logo, whose alt text is no credit. */
export function isLogo(element: Element): boolean {
  const { src, className, alt } = element.properties;
  return (typeof src === 'string' && LOGO_SOURCE.test(src))
    || (Array.isArray(className) && className.some((name) => /logo/i.test(String(name))))
    || (typeof alt === 'string' && LOGO_ALT.test(alt.trim()));
}

/**
 * Whether an image stands for its name where it is set: a logo in a line of text or in a credit
 * (not a site's icon, not a badge), and any image in a byline, whose alt text names its writer or
 * provider however its file is named (a portal's provider mark, linked to the provider's page).
 */
export function standsForName(image: Element, href: string | undefined, blockKind: string, isBlockEmpty: boolean): boolean {
  if (isSiteIcon(image)) return false;
  if (blockKind === 'byline') return true;
  if (!isLogo(image) || isBadge(image, href)) return false;
  return !isBlockEmpty || blockKind === 'credit';
}

/**
 * The name an image stands for in a line of text: its alt text without the word "logo", if a short
 * one is left, with where it stands in the source (`at`, where the alt text is found as written)
 * and where the image's alt attribute, else its tag, starts (`place`).
 */
export function imageName(element: Element, source: string): { name: string; at: number | undefined; place: number } | undefined {
  const { alt } = element.properties;
  const name = typeof alt === 'string' ? alt.replace(LOGO_WORD, '').trim() : '';
  if (name === '' || name.length > MAX_LOGO_NAME) return undefined;
  const tagStart = element.position?.start?.offset ?? 0;
  const span = locateAttribute(source, tagStart, 'alt');
  const at = span && source.slice(span.start, span.end) === alt ? span.start + alt.indexOf(name) : undefined;
  return { name, at, place: span?.start ?? tagStart };
}
