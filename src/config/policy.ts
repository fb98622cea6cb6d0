import { dirname, resolve } from 'node:path';
import { compileCatalogue, type Catalogue, type HolderEntry } from '../catalogue/compile.js';
import { BUILTIN_HOLDERS, loadHolders } from './load-holders.js';
import type { Problem } from '../errors.js';
import { mergeChain, readChain } from './extends.js';
import { readChainHolders } from './holder-files.js';
import { policyError } from './problems.js';
import { checkReferences } from './references.js';
import { policySchema, type PolicySpec } from './schema.js';

/** A validated policy with the catalogue it checks against. */
export interface Policy {
  /** The policy file, or undefined for the built-in empty policy. */
  file: string | undefined;
  /** The folder globs and holder paths are relative to. */
  root: string;
  spec: PolicySpec;
  /** The holder files, validated: plain data that worker threads compile again. */
  holders: readonly HolderEntry[];
  catalogue: Catalogue;
}

/** A policy as plain data, which can be sent to a worker thread. */
export type PolicyData = Omit<Policy, 'catalogue'>;

/**
 * A policy from its data (holder files were validated when first read). Its catalogue is
 * compiled when first used: a run answered from the cache needs none.
 */
export function policyFromData(data: PolicyData): Policy {
  let catalogue: Catalogue | undefined;
  return {
    ...data,
    get catalogue() {
      catalogue ??= compileCatalogue(data.holders);
      return catalogue;
    },
  };
}

/** The empty policy: no licences, so every holder found is reported. */
export async function defaultPolicy(root: string): Promise<Policy> {
  const holders = await loadHolders([BUILTIN_HOLDERS], root);
  return policyFromData({ file: undefined, root, spec: policySchema.parse({}), holders });
}

/**
 * Loads and validates `rightslint.yaml` in one pass: the files it extends, the holder files they
 * name, each file's shape, and every id it uses (holders, rules), checked wherever it is well formed
 * even when the schema fails elsewhere. All problems in all files are reported at once, sorted by
 * file, line and column, so that fixing them never reveals a second round.
 */
export async function loadPolicy(file: string, cwd: string): Promise<Policy> {
  const path = resolve(cwd, file);
  const problems: Problem[] = [];
  const chain = await readChain(path, cwd, problems);
  const holders = await readChainHolders(chain, cwd, problems);
  for (const link of chain) problems.push(...checkReferences(link.yaml, link.raw, holders.known));
  if (problems.length > 0) throw policyError(problems);
  return policyFromData({ file: path, root: dirname(path), spec: mergeChain(chain), holders: holders.entries });
}
