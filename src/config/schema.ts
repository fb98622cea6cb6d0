import * as z from 'zod';
import { DEFAULT_INCLUDE } from '../document/format.js';
import { CONTENT_KINDS } from '../catalogue/schema.js';

/** Severities a rule can be set to, as ESLint users know them. */
export const SEVERITIES = ['error', 'warning', 'off'] as const;
export type Severity = (typeof SEVERITIES)[number];

const isoDate = z.iso.date().describe('A calendar date, YYYY-MM-DD.');
const glob = z.string().min(1).describe('A minimatch glob, relative to the policy file.');
const ruleSettings = z.record(z.string(), z.enum(SEVERITIES)).describe('Severity by rule id.');

// That `from` is not after `until` is checked with the references (references.ts), not refined here:
// zod skips an object's refinements while any of its fields is wrong, which would hold it back a round.
const license = z.strictObject({
  id: z.string().min(1),
  holder: z.string().min(1).describe('The id of the holder whose content the licence grants.'),
  via: z.string().min(1).optional().describe('The distributor the content comes through, e.g. `getty` for AFP via Getty Images.'),
  kinds: z.array(z.enum(CONTENT_KINDS)).min(1).optional().describe("Content kinds granted; all of the holder's kinds when absent."),
  paths: z.array(glob).min(1).default(['**']),
  from: isoDate.optional(),
  until: isoDate.optional(),
  retention: z
    .string()
    .regex(/^[1-9][0-9]*[dwmy]$/, {
      error: (issue) => `\`${String(issue.input)}\` is not a duration; expected a number and d, w, m or y (days, weeks, months, years), such as \`30d\`, \`6w\`, \`12m\` or \`1y\``,
    })
    .optional()
    .describe('How long a page may stay online after publication.'),
  attribution: z
    .string()
    .min(1)
    .optional()
    .describe('The credit or notice the page must show: plain text, or `/pattern/flags`.'),
});

const override = z.strictObject({
  files: z.array(glob).min(1),
  rules: ruleSettings.default({}),
  encoding: z
    .string()
    .min(1)
    .refine(isEncoding, {
      error: (issue) => `\`${String(issue.input)}\` is not an encoding; expected a label such as \`windows-1252\`, \`iso-8859-15\`, \`shift_jis\` or \`utf-16le\``,
    })
    .optional()
    .describe('Read these files in this encoding, whatever they declare.'),
});

function isEncoding(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

/** The `rightslint.yaml` policy: the one source for its TypeScript type and its JSON Schema. */
export const policySchema = z.strictObject({
  $schema: z.string().optional(),
  extends: z
    .union([z.string().min(1), z.array(z.string().min(1))])
    .optional()
    .describe('Policies this one builds on: a preset such as `rightslint:recommended`, or a file relative to this one.'),
  include: z.array(glob).min(1).default([DEFAULT_INCLUDE]),
  exclude: z.array(glob).default([]),
  gitignore: z.boolean().default(true).describe('Also skip what `.gitignore` files ignore.'),
  holders: z.array(z.string().min(1)).default([]).describe('Extra holder files or folders, relative to the policy file.'),
  self: z.array(z.string().min(1)).default([]).describe("Ids of holders whose content is the site's own."),
  asides: z
    .enum(SEVERITIES)
    .default('warning')
    .describe("The severity of findings for a holder seen only in page furniture (related-story rails, teasers, promos, galleries): the site shows the agency's content, but not as its own story."),
  licenses: z.array(license).default([]),
  rules: ruleSettings.default({}),
  overrides: z.array(override).default([]),
  maxFileSize: z
    .number()
    .int()
    .positive()
    .default(5 * 1024 * 1024)
    .describe('Files larger than this many bytes are skipped, and reported as unscannable.'),
});

export type PolicySpec = z.infer<typeof policySchema>;
export type LicenseSpec = z.infer<typeof license>;
