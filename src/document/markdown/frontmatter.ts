import { type AST, parseTOML } from 'toml-eslint-parser';
import { isMap, isScalar, isSeq, type Node, parseDocument } from 'yaml';
import type { FrontMatter } from '../front-matter.js';
import type { PageFacts } from '../facts.js';
import { TextBuilder } from '../text-builder.js';

const DATE_KEYS = new Set(['date', 'published', 'pubdate', 'publishdate', 'published_at', 'datepublished']);

/** Reads a page's front matter, YAML or TOML (see `readYaml`, `readToml`); JSON is YAML's flow style. */
export function readFrontMatter({ format, text, start }: FrontMatter, source: string, facts: PageFacts): void {
  if (format === 'toml') readToml(text, start, source, facts);
  else readYaml(text, start, source, facts);
}

/**
 * Reads YAML front matter: each scalar becomes a region named by its key path, the date a
 * publication date candidate. `start` is the source offset of the YAML text after `---`.
 */
function readYaml(yaml: string, start: number, source: string, facts: PageFacts): void {
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

/**
 * Reads TOML front matter as YAML's is read: each string becomes a region named by its key path,
 * under the tables it stands in (`[cover]` then `caption = "..."` is `cover.caption`), the date a
 * publication date candidate. `start` is the source offset of the TOML text after `+++`. Front
 * matter TOML cannot parse is read as nothing, as YAML's is.
 */
function readToml(toml: string, start: number, source: string, facts: PageFacts): void {
  let table;
  try {
    table = parseTOML(toml).body[0];
  } catch {
    return;
  }
  const pathOf = (key: AST.TOMLKey) => key.keys.map((part) => (part.type === 'TOMLBare' ? part.name : part.value));
  const visit = (node: AST.TOMLKeyValue | AST.TOMLTable, prefix: readonly string[]): void => {
    if (node.type === 'TOMLTable') {
      for (const entry of node.body) visit(entry, pathOf(node.key));
      return;
    }
    read(node.value, [...prefix, ...pathOf(node.key)].join('.'));
  };
  const read = (value: AST.TOMLContentNode, field: string): void => {
    if (value.type === 'TOMLArray') for (const item of value.elements) read(item, field);
    else if (value.type === 'TOMLInlineTable') for (const entry of value.body) read(entry.value, `${field}.${pathOf(entry.key).join('.')}`);
    else if (value.kind === 'string') {
      const [from, to] = value.range;
      const quote = toml.startsWith('"""', from) || toml.startsWith("'''", from) ? 3 : 1;
      // A multi-line string drops the line end right after its opening quotes.
      const opening = quote + (quote === 3 ? (/^\r?\n/.exec(toml.slice(from + 3, from + 5))?.[0].length ?? 0) : 0);
      const builder = new TextBuilder();
      builder.appendDecoded(value.value, source, start + from + opening, start + to - quote);
      const region = builder.toRegion({ kind: 'frontmatter', field });
      if (region) facts.regions.push(region);
    } else if (DATE_KEYS.has(field.toLowerCase()) && 'datetime' in value) facts.dates.push({ source: 'frontmatter', value: value.datetime });
  };
  for (const entry of table.body) visit(entry, []);
}
