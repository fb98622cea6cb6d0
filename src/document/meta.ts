import type { TreeElement as Element } from './tree.js';
import { locateAttribute } from './attributes.js';
import { type PageFacts, primaryLanguage } from './facts.js';
import { TextBuilder } from './text-builder.js';

// Open Graph, Dublin Core and schema.org microdata names that carry a publication date.
const DATE_NAMES = new Set([
  'article:published_time', 'og:published_time', 'datepublished', 'pubdate', 'publishdate',
  'dc.date', 'dc.date.issued', 'dcterms.created', 'date',
]);
/** The names of `<meta>` elements that name the page's own publisher. */
export const PUBLISHER_NAMES: ReadonlySet<string> = new Set(['og:site_name', 'application-name', 'publisher', 'dc.publisher']);
/** The attribute a `<meta>` element's value is read from. */
export const META_VALUE = 'content';

/**
 * Reads one `<meta>` element: a metadata region, and a date or publisher name where it gives one;
 * and the page's language where an older page declares it as a header would ("Content-Language"),
 * and `<html>` does not.
 */
export function readMeta(element: Element, source: string, facts: PageFacts): void {
  const { name, property, itemProp, content, httpEquiv } = element.properties;
  if (Array.isArray(httpEquiv) && httpEquiv.some((word) => String(word).toLowerCase() === 'content-language')) facts.lang ??= primaryLanguage(content);
  const field = [name, property, itemProp].find((v): v is string => typeof v === 'string')
    ?? (Array.isArray(itemProp) ? itemProp.join(' ') : undefined);
  if (!field || typeof content !== 'string' || content.trim() === '') return;
  const key = field.toLowerCase();
  if (DATE_NAMES.has(key)) facts.dates.push({ source: 'meta', value: content.trim() });
  if (PUBLISHER_NAMES.has(key)) facts.publisherNames.push(content.trim());
  addMetaRegion(element, source, META_VALUE, content, key, facts);
}

/**
 * Reads one `<link>` element: where it gives the page's canonical URL, a metadata region of the
 * field "canonical" (a syndicated copy points at the story's original there).
 */
export function readLink(element: Element, source: string, facts: PageFacts): void {
  const { rel, href } = element.properties;
  if (!Array.isArray(rel) || !rel.some((word) => String(word).toLowerCase() === 'canonical') || typeof href !== 'string' || href.trim() === '') return;
  addMetaRegion(element, source, 'href', href, 'canonical', facts);
}

/** A metadata region of `field` holding an element's `attribute`, whose value is `value`, positioned at it in the source. */
function addMetaRegion(element: Element, source: string, attribute: string, value: string, field: string, facts: PageFacts): void {
  const builder = new TextBuilder();
  const start = element.position?.start?.offset;
  const span = start === undefined ? undefined : locateAttribute(source, start, attribute);
  if (span) builder.appendDecoded(value, source, span.start, span.end);
  else builder.appendAt(value, start ?? 0);
  const region = builder.toRegion({ kind: 'meta', field });
  if (region) facts.regions.push(region);
}
