import { isMap, isScalar, isSeq, type Node, parseDocument } from 'yaml';
import type { PageFacts } from '../facts.js';
import { TextBuilder } from '../text-builder.js';

const DATE_KEYS = new Set(['date', 'published', 'pubdate', 'publishdate', 'published_at', 'datepublished']);

/**
 * Reads YAML front matter: each scalar becomes a region named by its key path, the date a
 * publication date candidate. `start` is the source offset of the YAML text after `---`.
 */
export function readFrontmatter(yaml: string, start: number, source: string, facts: PageFacts): void {
  const document = parseDocument(yaml, { uniqueKeys: false });
  if (document.errors.length > 0) return;
  visit(document.contents, '');

  function visit(node: Node | null, field: string): void {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        visit(pair.value as Node | null, field ? `${field}.${key}` : key);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) visit(item as Node | null, field);
    } else if (isScalar(node) && node.value !== null && node.range) {
      const value = node.value instanceof Date ? node.value.toISOString() : String(node.value);
      if (DATE_KEYS.has(field.toLowerCase())) facts.dates.push({ source: 'frontmatter', value });
      const builder = new TextBuilder();
      const [from, to] = node.range;
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? 1 : 0;
      builder.appendDecoded(value, source, start + from + quoted, start + to - quoted);
      const region = builder.toRegion({ kind: 'frontmatter', field });
      if (region) facts.regions.push(region);
    }
  }
}
