import type * as z from 'zod';
import { CONTENT_KINDS, SIGNAL_TYPES } from '../catalogue/schema.js';
import { REGION_KINDS } from '../document/region.js';
import type { QuotedProblem } from './problems.js';
import { policySchema, SEVERITIES } from './schema.js';
import { defOf, fieldNames, type SchemaDef, schemaAt } from './schema-walk.js';
import { listOr, suggest } from './suggest.js';
import type { FieldPath } from './yaml-file.js';

/** The file an issue was found in: its schema, its data, and its positions (passed in, to keep imports one way). */
export interface IssueContext {
  schema: z.ZodType;
  value: unknown;
  /** A problem at the node for a path, at its key when `atKey`. */
  at(path: FieldPath, message: string, atKey?: boolean): QuotedProblem;
  /** The node's source text as written. */
  sourceAt(path: FieldPath): string | undefined;
}

/** What a value should be, in words: the noun ("a date") and the form with an example. */
interface Expected {
  noun: string;
  form: string;
}

const DATE: Expected = { noun: 'a date', form: 'a date as YYYY-MM-DD, such as 2025-01-31' };
const HOLDER: Expected = { noun: 'a holder id', form: 'a holder id, such as `afp`' };
const GLOB: Expected = { noun: 'a glob', form: 'a glob, such as `"news/**"`' };

/** The words a schema's own fields call for, beyond what their types say. */
interface FieldWords {
  /** By field: `key` for the field, `key[]` for an entry of its list, `''` for the whole file. */
  fields: Record<string, Expected>;
  /** The list form shown when a list field holds something that is neither a list nor one value. */
  examples: Record<string, string>;
}

const FIELDS: Record<string, Expected> = {
  '': { noun: 'a policy', form: 'fields such as `include:`, `licenses:` and `rules:`' },
  holder: HOLDER,
  via: HOLDER,
  'self[]': HOLDER,
  extends: { noun: 'a preset or file name', form: 'a preset or file name, such as `rightslint:recommended` or `./base.yaml`, or a list of them' },
  'extends[]': { noun: 'a preset or file name', form: 'a preset or file name, such as `rightslint:recommended` or `./base.yaml`' },
  'holders[]': { noun: 'a path', form: 'the path of a holder file or folder, such as `holders/own.yaml`' },
  'include[]': GLOB,
  'exclude[]': GLOB,
  'paths[]': GLOB,
  'files[]': GLOB,
  rules: { noun: 'rule ids with severities', form: 'rule ids with severities, such as `rules: { unknown-notice: warning }`' },
};

const EXAMPLES: Record<string, string> = {
  include: '["content/**/*.html"]',
  exclude: '["drafts/**"]',
  paths: '["news/**"]',
  files: '["blog/**"]',
  kinds: '[text, photo]',
  holders: '[holders/own.yaml]',
  self: '[my-site]',
  licenses: '[{ id: afp-wire, holder: afp }]',
  overrides: '[{ files: ["blog/**"], rules: { unlicensed-content: warning } }]',
};

// Only the policy has these words: a holder file's `exclude` is a list of exclusions, not of globs.
const POLICY_WORDS: FieldWords = { fields: FIELDS, examples: EXAMPLES };
const NO_WORDS: FieldWords = { fields: {}, examples: {} };

// What the values of each enum are, by their list: the noun a message calls a wrong one.
const ENUM_NOUNS = new Map<string, string>([
  [CONTENT_KINDS.join('|'), 'a content kind'],
  [SEVERITIES.join('|'), 'a severity'],
  [SIGNAL_TYPES.join('|'), 'a signal type'],
  [REGION_KINDS.join('|'), 'a region kind'],
]);

/** Problems in plain words for one zod issue: what was found, the expected form and the nearest valid name. */
export function issueProblems(issue: z.core.$ZodIssue, context: IssueContext): QuotedProblem[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    const names = fieldNames(schemaAt(context.schema, path));
    return issue.keys.map((key) => context.at([...path, key], unknownField(key, names), true));
  }
  if (issue.code === 'invalid_union') {
    // A value of the right type for one branch (a list for `extends`) is judged by that branch, at
    // the entry that is wrong, rather than said to match no branch at all.
    const branch = issue.errors.find((issues) => issues.length > 0 && issues.every((inner) => inner.path.length > 0));
    if (branch) return branch.flatMap((inner) => issueProblems({ ...inner, path: [...issue.path, ...inner.path] }, context));
  }
  return [context.at(path, issueMessage(issue, path, context))];
}

function unknownField(key: string, names: readonly string[]): string {
  const hint = suggest(key, names);
  return `Unknown field \`${key}\`${hint || (names.length > 0 ? `; expected ${listOr(names)}` : '')}`;
}

function issueMessage(issue: z.core.$ZodIssue, path: FieldPath, context: IssueContext): string {
  const input = valueAt(context.value, path);
  const source = context.sourceAt(path);
  const key = [...path].reverse().find((p): p is string => typeof p === 'string') ?? '';
  const field = path.length === 0 ? 'the file' : typeof path.at(-1) === 'number' ? `an entry of \`${key}\`` : `\`${key}\``;
  // A value is quoted as written, when it is one short line; else the message names its field.
  const scalarSource = isScalar(input) && source !== undefined && !source.includes('\n') && source.length <= 60 ? source : undefined;
  const words = context.schema === policySchema ? POLICY_WORDS : NO_WORDS;
  const expected = expectedOf(context.schema, path, scalarSource, words);
  const shown = scalarSource === undefined ? undefined : `\`${scalarSource}\``;
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return `Missing field \`${key}\`; expected ${expected.form}`;
      if (input === null) return `${capital(field)} is empty; expected ${expected.form}`;
      if (issue.expected === 'array' && shown) return `${shown} is a single value, not a list; expected ${expected.form}`;
      if (expected.noun === DATE.noun && shown) return `${shown} is not a date; expected ${expected.form}`;
      return `${shown ?? capital(field)} is ${kindOf(input)}, not ${expected.noun}; expected ${expected.form}`;
    case 'invalid_value':
      return `${shown ?? capital(field)} is not ${expected.noun}; expected ${expected.form}${typeof input === 'string' ? suggest(input, issue.values.map(String)) : ''}`;
    case 'invalid_format':
      if (issue.format === 'date') return `${shown ?? capital(field)} is not a date; expected ${expected.form}`;
      if (issue.format === 'url') return `${shown ?? capital(field)} is not a web address; expected a URL such as \`https://www.example.com/\``;
      // zod's own words for a pattern ("Invalid string: must match ..."); a schema's own message is kept as written.
      if (issue.format === 'regex' && issue.message.startsWith('Invalid string')) return `${shown ?? capital(field)} does not match the pattern \`${issue.pattern ?? ''}\``;
      return issue.message;
    case 'too_small':
      if (issue.origin === 'array') return `${capital(field)} is an empty list; expected at least one entry${such(exampleOf(key, '', words))}`;
      if (issue.origin === 'string') return `${capital(field)} is empty; expected ${expected.form}`;
      return `${shown ?? capital(field)} is too small; expected ${expected.form}`;
    case 'too_big':
      return `${shown ?? capital(field)} is too large; expected ${expected.form}`;
    case 'invalid_union':
      return `${shown ?? capital(field)} is ${kindOf(input)}, not ${expected.noun}; expected ${expected.form}`;
    default:
      return issue.message;
  }
}

/** The noun and form for the value at `path`: the field's own words, else its schema's type; `source` is the one value given. */
function expectedOf(schema: z.ZodType, path: FieldPath, source: string | undefined, words: FieldWords): Expected {
  const last = path.at(-1);
  const key = [...path].reverse().find((p): p is string => typeof p === 'string') ?? '';
  const own = words.fields[typeof last === 'number' ? `${key}[]` : key];
  if (own) return own;
  const target = schemaAt(schema, path);
  const def = defOf(target);
  switch (def?.type) {
    case 'string':
      return def.format === 'date' ? DATE : { noun: 'text', form: source === undefined ? 'text' : `text, such as \`${key}: "${source.replace(/^["']|["']$/g, '')}"\`` };
    case 'enum': {
      const values = Object.values(def.entries ?? {}).map(String);
      return { noun: ENUM_NOUNS.get(values.join('|')) ?? `one of ${listOr(values)}`, form: listOr(values) };
    }
    case 'array':
      return { noun: 'a list', form: `a list${such(exampleOf(key, source, words))}` };
    case 'object': {
      const names = requiredFirst(def, fieldNames(target)).slice(0, 2);
      return { noun: 'a set of fields', form: `fields such as ${names.map((n) => `\`${n}:\``).join(' and ')}` };
    }
    case 'record':
      return { noun: 'a set of fields', form: `names with values${such(exampleOf(key, undefined, words))}` };
    case 'number':
      return { noun: 'a number', form: `a whole number above 0, such as \`${key}: 5242880\`` };
    case 'boolean':
      return { noun: 'true or false', form: `\`${key}: true\` or \`${key}: false\`` };
    default:
      return { noun: 'a valid value', form: 'a valid value' };
  }
}

/** `paths: ["news/**"]`: the one value given, written as a list, or the field's usual example. */
function exampleOf(key: string, source: string | undefined, words: FieldWords): string | undefined {
  if (source !== undefined && source !== '' && !source.includes('\n')) return `\`${key}: [${source}]\``;
  const example = words.examples[key];
  return example === undefined ? undefined : `\`${key}: ${example}\``;
}

/** Field names with the ones a value must have first: those are the ones an example shows. */
function such(example: string | undefined): string {
  return example === undefined ? '' : `, such as ${example}`;
}

function requiredFirst(def: SchemaDef, names: string[]): string[] {
  const isRequired = (name: string): boolean => !['optional', 'default'].includes((def.shape?.[name] as { def?: SchemaDef } | undefined)?.def?.type ?? '');
  return [...names.filter(isRequired), ...names.filter((n) => !isRequired(n))];
}

function valueAt(value: unknown, path: FieldPath): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

function isScalar(value: unknown): boolean {
  return value !== null && value !== undefined && typeof value !== 'object';
}

/** What a value found in the file is, in words. */
function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null || value === undefined) return 'empty';
  if (typeof value === 'object') return 'a set of fields';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'boolean') return 'true or false';
  return 'a number';
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
