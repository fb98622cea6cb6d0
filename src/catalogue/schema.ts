import { z } from 'zod';
import { REGION_KINDS } from '../document/region.js';

/** What a licence can grant: the kinds of content a holder owns. */
export const CONTENT_KINDS = ['text', 'photo', 'video', 'graphic'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

/** How a page shows that content is the holder's. */
export const SIGNAL_TYPES = ['dateline', 'trailer', 'credit', 'notice', 'metadata'] as const;
export type SignalType = (typeof SIGNAL_TYPES)[number];

const pattern = z
  .string()
  .min(1)
  .superRefine((source, context) => {
    try {
      new RegExp(source, 'u');
    } catch (error) {
      context.addIssue({ code: 'custom', message: `Cannot compile pattern: ${(error as Error).message}` });
    }
  })
  .describe('A regular expression in JavaScript syntax, matched with the `u` flag.');

const exclusion = z.strictObject({
  pattern: pattern.describe('Text around a hit that makes it a citation or a name collision, not reuse.'),
  reason: z.enum(['citation', 'collision', 'first-party']),
  ignoreCase: z.boolean().default(false),
  regions: z
    .array(z.enum(REGION_KINDS))
    .min(1)
    .optional()
    .describe('The regions the exclusion holds in (a chart\'s "Source: Reuters" is a caption); every region when absent.'),
});

const signal = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).describe('Unique within the holder; reports name it as `holder/id`.'),
  type: z.enum(SIGNAL_TYPES),
  kind: z.enum(CONTENT_KINDS).describe('The content kind this signal proves.'),
  regions: z.array(z.enum(REGION_KINDS)).min(1),
  fields: z
    .array(z.string().min(1))
    .optional()
    .describe('For metadata regions: the meta names, JSON-LD keys or front-matter keys to look in.'),
  pattern,
  ignoreCase: z.boolean().default(false),
  strength: z.enum(['strong', 'weak']).default('strong').describe('A weak signal alone does not prove reuse.'),
  exclude: z.array(exclusion).default([]),
});

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
  kinds: z.array(z.enum(CONTENT_KINDS)).min(1),
  signals: z.array(signal).min(1),
  exclude: z.array(exclusion).default([]).describe('Exclusions applied to every signal of the holder.'),
});

export type HolderSpec = z.infer<typeof holderSchema>;
export type SignalSpec = z.infer<typeof signal>;
export type ExclusionSpec = z.infer<typeof exclusion>;
