import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, type Document } from 'yaml';
import { distance as levenshtein } from 'fastest-levenshtein';
import type { z } from 'zod';
import { PolicyError, type Problem } from '../errors.js';

/** A YAML file parsed with its node positions, so every problem can name its line and column. */
export interface YamlFile {
  file: string;
  document: Document;
  lines: LineCounter;
}

export type FieldPath = ReadonlyArray<string | number>;

// A policy is small: a document with more aliases than this is a billion-laughs attempt.
const MAX_ALIASES = 200;

/** Parses YAML text, throwing a PolicyError listing every syntax error with its position. */
export function parseYamlFile(file: string, text: string): YamlFile {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const yaml = { file, document, lines };
  const problems = document.errors.map((error) => problemAt(yaml, error.pos[0], [], error.message.split('\n')[0] ?? ''));
  if (problems.length > 0) throw new PolicyError(problems);
  return yaml;
}

/** Validates the parsed YAML against a schema; problems point at the offending node. */
export function validateYaml<T extends z.ZodType>(yaml: YamlFile, schema: T): z.output<T> {
  let value: unknown;
  try {
    value = yaml.document.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    throw new PolicyError([problemAt(yaml, 0, [], `Cannot read YAML: ${(error as Error).message}`)]);
  }
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  throw new PolicyError(
    result.error.issues.flatMap((issue) => {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => problemAtField(yaml, [...path, key], `Unknown field \`${key}\`${suggest(key, knownKeys(schema, path))}`, true));
      }
      return [problemAtField(yaml, path, issue.message)];
    }),
  );
}

/** A problem at the node for `path` (its key when `atKey`), or the nearest node that exists. */
export function problemAtField(yaml: YamlFile, path: FieldPath, message: string, atKey = false): Problem {
  let node: Node | null = yaml.document.contents;
  let offset = node?.range?.[0] ?? 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === segment);
      if (!pair) break;
      const key = pair.key as Node;
      offset = atKey ? (key.range?.[0] ?? offset) : ((pair.value as Node | null)?.range?.[0] ?? key.range?.[0] ?? offset);
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else break;
  }
  return problemAt(yaml, offset, path, message);
}

function problemAt(yaml: YamlFile, offset: number, path: FieldPath, message: string): Problem {
  const { line, col } = yaml.lines.linePos(offset);
  return { file: yaml.file, line, column: col, field: formatPath(path), message };
}

/** `licenses[0].until` for `['licenses', 0, 'until']`. */
function formatPath(path: FieldPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function knownKeys(schema: z.ZodType, path: FieldPath): string[] {
  let current: unknown = schema;
  for (const segment of path) {
    current = unwrap(current);
    const def = (current as { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown } }).def;
    if (def?.type === 'object' && typeof segment === 'string') current = def.shape?.[segment];
    else if (def?.type === 'array') current = def.element;
    else return [];
  }
  const def = (unwrap(current) as { def?: { shape?: Record<string, unknown> } }).def;
  return Object.keys(def?.shape ?? {});
}

function unwrap(schema: unknown): unknown {
  let current = schema as { def?: { type?: string; innerType?: unknown; in?: unknown } } | undefined;
  while (current?.def && ['default', 'optional', 'pipe', 'nullable'].includes(current.def.type ?? '')) {
    current = (current.def.innerType ?? current.def.in) as typeof current;
  }
  return current;
}

/** ", did you mean `x`?" for the nearest candidate by edit distance, or nothing. */
export function suggest(word: string, candidates: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = levenshtein(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best ? `; did you mean \`${best}\`?` : '';
}
