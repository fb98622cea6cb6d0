import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, type Document } from 'yaml';
import type * as z from 'zod';
import { PolicyError } from '../errors.js';
import { issueProblems } from './issue-words.js';
import { excerpt, type QuotedProblem } from './problems.js';

export { suggest } from './suggest.js';

/** A YAML file parsed with its node positions, so every problem can name its line and column. */
export interface YamlFile {
  file: string;
  /** The source, for quoting the line a problem is on. */
  text: string;
  document: Document;
  lines: LineCounter;
}

export type FieldPath = ReadonlyArray<string | number>;

/** What a file says, and every way it breaks its schema: `data` only when there is none. */
export interface CheckedYaml<T extends z.ZodType> {
  data: z.output<T> | undefined;
  /** The file as plain data, for checks that run on whatever part of it is well formed. */
  value: unknown;
  problems: QuotedProblem[];
}

// A policy is small: a document with more aliases than this is a billion-laughs attempt.
const MAX_ALIASES = 200;

/** Parses YAML text, throwing a PolicyError listing every syntax error with its position. */
export function parseYamlFile(file: string, text: string): YamlFile {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const yaml = { file, text, document, lines };
  const problems = document.errors.map((error) => problemAt(yaml, error.pos, [], error.message.split('\n')[0] ?? ''));
  if (problems.length > 0) throw new PolicyError(problems);
  return yaml;
}

/** Checks parsed YAML against a schema, collecting every problem rather than throwing. */
export function checkYaml<T extends z.ZodType>(yaml: YamlFile, schema: T): CheckedYaml<T> {
  let value: unknown;
  try {
    value = yaml.document.toJS({ maxAliasCount: MAX_ALIASES }) ?? {};
  } catch (error) {
    return { data: undefined, value: {}, problems: [problemAt(yaml, [0, 0], [], `Cannot read YAML: ${(error as Error).message}`)] };
  }
  const result = schema.safeParse(value);
  if (result.success) return { data: result.data, value, problems: [] };
  const context = { schema, value, at: problemAtField.bind(null, yaml), sourceAt: sourceAt.bind(null, yaml) };
  const problems = result.error.issues.flatMap((issue) => issueProblems(issue, context));
  return { data: undefined, value, problems };
}

/** Validates the parsed YAML against a schema; every problem points at the offending node. */
export function validateYaml<T extends z.ZodType>(yaml: YamlFile, schema: T): z.output<T> {
  const { data, problems } = checkYaml(yaml, schema);
  if (problems.length > 0) throw new PolicyError(problems);
  return data as z.output<T>;
}

/** A problem at the node for `path` (its key when `atKey`), or the nearest node that exists. */
export function problemAtField(yaml: YamlFile, path: FieldPath, message: string, atKey = false): QuotedProblem {
  let node: Node | null = yaml.document.contents;
  let range: readonly number[] = node?.range ?? [0, 0];
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === segment);
      if (!pair) break;
      const key = pair.key as Node;
      const value = pair.value as Node | null;
      range = (atKey ? key.range : (value?.range ?? key.range)) ?? range;
      node = value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) break;
      range = item.range ?? range;
      node = item;
    } else break;
  }
  return problemAt(yaml, range, path, message);
}

/** The source of the node at `path`, as written (`"news/**"` with its quotes), or undefined. */
export function sourceAt(yaml: YamlFile, path: FieldPath): string | undefined {
  const node = yaml.document.getIn(path, true) as Node | undefined;
  return node?.range ? yaml.text.slice(node.range[0], node.range[1]).trim() : undefined;
}

function problemAt(yaml: YamlFile, range: readonly number[], path: FieldPath, message: string): QuotedProblem {
  const start = range[0] ?? 0;
  const { line, col } = yaml.lines.linePos(start);
  const problem = { file: yaml.file, line, column: col, field: formatPath(path), message };
  const quoted = excerpt(yaml.text, yaml.lines.lineStarts[line - 1] ?? 0, start, range[1] ?? start, line);
  return quoted === undefined ? problem : { ...problem, excerpt: quoted };
}

/** `licenses[0].until` for `['licenses', 0, 'until']`. */
function formatPath(path: FieldPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
