import { type Node as JsonNode, parseTree } from 'jsonc-parser';
import type { PageFacts } from './facts.js';
import { TextBuilder } from './text-builder.js';
import type { TreeElement as Element } from './tree.js';

// The schema.org types of a video, the property whose value is one where it gives no type, and
// the properties that give a picture (a video's among them: its credit is a picture's, typed or
// not), with the types of a picture.
const VIDEO_TYPES = new Set(['VideoObject', 'Clip', 'Movie', 'Episode', 'TVEpisode']);
const VIDEO_KEY = 'video';
const PICTURE_KEYS = new Set(['thumbnail', 'image', 'primaryImageOfPage']);
const PICTURE_TYPES = new Set(['ImageObject', 'Photograph']);
// schema.org properties that name who made, owns or supplied a work (schema.org/CreativeWork),
// a picture's `caption`, which ends in its credit where the site writes one there, and the page
// where a picture is licensed (`acquireLicensePage`, Google's licensable-image markup).
const RIGHTS_KEYS = new Set([
  'author', 'publisher', 'copyrightHolder', 'copyrightNotice', 'creditText', 'sourceOrganization',
  'license', 'acquireLicensePage', 'provider', 'creator', 'contributor', 'copyrightYear', 'caption', 'isBasedOn',
]);

/** Reads a `<script>` element's JSON-LD block, if it holds one (see `readJsonLd`). */
export function readJsonLdScript(element: Element, source: string, facts: PageFacts): void {
  const type = String(element.properties.type ?? '').toLowerCase();
  const text = element.children[0];
  if (type !== 'application/ld+json' || text?.type !== 'text' || !text.position) return;
  readJsonLd(text.value, text.position.start?.offset ?? 0, source, facts);
}

/**
 * Reads a JSON-LD block: each string under a rights property becomes a region positioned at its
 * JSON string, `datePublished` a date candidate and the publisher's name a name of the site.
 * `start` is the source offset of the script's text.
 */
export function readJsonLd(json: string, start: number, source: string, facts: PageFacts): void {
  const root = parseTree(json, [], { allowTrailingComma: true });
  // The keys from the root to the node visited: one array, as a copy for each level would take
  // memory in the square of the depth (a hostile page nests objects 100,000 deep).
  const path: string[] = [];
  if (root) visit(root, false, false, false);

  /**
   * `isVideo`, `isPicture`: the work the node stands in is a video, a picture. The work is the
   * nearest object around the node outside its rights properties (an `author` Organization is the
   * video's author): a `VideoObject`, or the untyped value of a `video` property, but for its
   * `thumbnail` or `image`; an `ImageObject`, or the untyped value of an `image` property.
   */
  function visit(node: JsonNode, isRights: boolean, isVideo: boolean, isPicture: boolean): void {
    if (node.type === 'object') {
      const type = isRights ? undefined : typeOf(node);
      const under = path.at(-1) ?? '';
      const isVideoObject = isRights ? isVideo : type !== undefined ? type.some((name) => VIDEO_TYPES.has(name)) : under === VIDEO_KEY || (isVideo && !PICTURE_KEYS.has(under));
      const isPictureObject = isRights ? isPicture : type !== undefined ? type.some((name) => PICTURE_TYPES.has(name)) : PICTURE_KEYS.has(under) || (isPicture && under !== VIDEO_KEY);
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        if (!keyNode || !valueNode || typeof keyNode.value !== 'string') continue;
        const key = keyNode.value;
        if (key === 'datePublished' && typeof valueNode.value === 'string') {
          facts.dates.push({ source: 'jsonld', value: valueNode.value });
        }
        if (key === 'publisher' && path.length <= 1) publisherName(valueNode);
        path.push(key);
        visit(valueNode, isRights || RIGHTS_KEYS.has(key), isVideoObject, isPictureObject);
        path.pop();
      }
    } else if (node.type === 'array') {
      for (const child of node.children ?? []) visit(child, isRights, isVideo, isPicture);
    } else if (node.type === 'string' && isRights) {
      const field = path.filter((key) => !key.startsWith('@') || key === '@type').join('.');
      const builder = new TextBuilder();
      // The JSON string's content stands between its quotes; escapes map to the backslash.
      builder.appendDecoded(node.value as string, source, start + node.offset + 1, start + node.offset + node.length - 1);
      const region = builder.toRegion({ kind: 'jsonld', field, isVideo, isPicture: isPicture && !isVideo });
      if (region) facts.regions.push(region);
    }
  }

  /** The `@type` names of an object, or undefined where it gives none. */
  function typeOf(node: JsonNode): string[] | undefined {
    const value = node.children?.find((p) => p.children?.[0]?.value === '@type')?.children?.[1];
    if (value?.type === 'string') return [String(value.value)];
    if (value?.type === 'array') return (value.children ?? []).flatMap((child) => (child.type === 'string' ? [String(child.value)] : []));
    return undefined;
  }

  function publisherName(node: JsonNode): void {
    const nameNode = node.type === 'object'
      ? node.children?.find((p) => p.children?.[0]?.value === 'name')?.children?.[1]
      : node;
    if (nameNode?.type === 'string') facts.publisherNames.push(String(nameNode.value));
  }
}
