import * as z from 'zod';
import { REGION_KINDS } from '../document/region.js';
import { linearProblem, notFollowedByProblem } from './pattern.js';

/** What a licence can grant: the kinds of content a holder owns. */
export const CONTENT_KINDS = ['text', 'photo', 'video', 'graphic'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

/** How a page shows that content is the holder's. */
export const SIGNAL_TYPES = ['dateline', 'trailer', 'credit', 'notice', 'metadata'] as const;
export type SignalType = (typeof SIGNAL_TYPES)[number];

/** A regular expression as RE2 reads it: shipped and users' holder files alike, so linear in the text. */
const re2 = z
  .string()
  .min(1)
  .superRefine((source, context) => {
    const problem = linearProblem(source);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

const followedBy = re2.describe('What the text right after a match must match, as a lookahead `(?=...)` would ask; not part of the match.');
const notFollowedBy = z
  .string()
  .superRefine((source, context) => {
    const problem = notFollowedByProblem(source);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  })
  .describe('A character class, such as `[\\p{L}\\p{N}]`: the match must not be followed by one of its characters (the end of the text may follow), as `(?![...])` would ask.');

/** One branch of a pattern, with what must or must not follow it (at most one of the two). */
const branch = z
  .strictObject({ pattern: re2.describe('A regular expression in RE2 syntax.'), followedBy: followedBy.optional(), notFollowedBy: notFollowedBy.optional() })
  .refine((b) => b.followedBy === undefined || b.notFollowedBy === undefined, { message: 'Cannot use both `followedBy` and `notFollowedBy` in one branch: write the condition as one `followedBy`', path: ['notFollowedBy'] });

/**
 * The fields that make a pattern: one pattern with its conditions, or a list of branches, tried
 * in order at each place in the text like the branches of `|`, each with conditions of its own.
 */
const matcher = {
  pattern: z
    .union([re2, z.array(branch).min(2)])
    .describe('A regular expression in RE2 syntax (with lookbehind, without lookahead), or a list of branches `{pattern, followedBy?, notFollowedBy?}` tried in order as the branches of `|` are.'),
  followedBy: followedBy.optional(),
  notFollowedBy: notFollowedBy.optional(),
};

/** Conditions belong to a one-pattern form; a list of branches carries them on each branch. */
const isConsistent = (m: { pattern: unknown; followedBy?: string | undefined; notFollowedBy?: string | undefined }): boolean =>
  (m.followedBy === undefined || m.notFollowedBy === undefined) && (typeof m.pattern === 'string' || (m.followedBy === undefined && m.notFollowedBy === undefined));
const CONSISTENT = {
  message: 'Cannot use `followedBy` and `notFollowedBy` together, or beside a list of branches: give each branch its own condition',
  path: ['followedBy'],
};

const exclusion = z.strictObject({
  ...matcher,
  pattern: matcher.pattern.describe('Text around a hit that makes it a citation or a name collision, not reuse: a pattern in RE2 syntax, or a list of branches.'),
  reason: z.enum(['citation', 'collision', 'first-party']),
  ignoreCase: z.boolean().default(false),
  regions: z
    .array(z.enum(REGION_KINDS))
    .min(1)
    .optional()
    .describe('The regions the exclusion holds in (a chart\'s "Source: Reuters" is a caption); every region when absent.'),
}).refine(isConsistent, CONSISTENT);

const signal = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).describe('Unique within the holder; reports name it as `holder/id`.'),
  type: z.enum(SIGNAL_TYPES),
  kind: z.enum(CONTENT_KINDS).describe('The content kind this signal proves.'),
  regions: z.array(z.enum(REGION_KINDS)).min(1),
  fields: z
    .array(z.string().min(1))
    .optional()
    .describe('For metadata regions: the meta names, JSON-LD keys or front-matter keys to look in.'),
  lang: z
    .array(z.string().regex(/^[a-z]{2,3}$/))
    .min(1)
    .optional()
    .describe('Only on pages in these languages (the primary subtag of the page\'s `lang`): a short name that is the agency\'s only where its language is written ("Foto: AA" on a Turkish page).'),
  ...matcher,
  ignoreCase: z.boolean().default(false),
  strength: z.enum(['strong', 'weak']).default('strong').describe('A weak signal alone does not prove reuse.'),
  exclude: z.array(exclusion).default([]),
}).refine(isConsistent, CONSISTENT);

/** One rights holder: the catalogue's unit of knowledge about an agency. */
export const holderSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  credits: z
    .array(z.string().min(1))
    .optional()
    .describe('The names a credit or source line gives the holder by ("Name/AFP", "Source: dpa"), matched by the shape of the line; the name and aliases when absent. Leave out a name that credits share with something else (a party, a ministry, a payment system).'),
  url: z.url().optional(),
  domains: z
    .array(z.string().regex(/^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/))
    .default([])
    .describe('The host names of the holder\'s own news and picture sites, their subdomains included: a page whose canonical link, `syndication-source`, JSON-LD `isBasedOn` or front-matter `canonical_url` points at one republishes the holder\'s story; a picture whose JSON-LD licence page (`acquireLicensePage`, `license`) is on one is the holder\'s.'),
  kinds: z.array(z.enum(CONTENT_KINDS)).min(1),
  signals: z.array(signal).min(1),
  exclude: z.array(exclusion).default([]).describe('Exclusions applied to every signal of the holder.'),
});

export type HolderSpec = z.infer<typeof holderSchema>;
export type SignalSpec = z.infer<typeof signal>;
export type ExclusionSpec = z.infer<typeof exclusion>;
