import { readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { type CheckResult, defaultPolicy, loadPolicy, type Policy } from '../index.js';
import type { LicenseClause, ReportOptions } from '../report/index.js';
import type { Io } from './io.js';

/** What a report people read shows beyond the result: pages' text, licence clauses, holders' names. */
export type ReportSources = Pick<ReportOptions, 'pageText' | 'licenses' | 'holderNames'>;

/**
 * Reads, for the html report, what the result only names: the policy it was judged by (its
 * licences and holders' names) and, when `hasPages`, the pages themselves, from the folder the
 * result's paths are relative to, as the run decoded them. Whatever cannot be read is left out
 * and the report says so, never failing a run that has checked its pages: a merged result may come
 * from a machine whose files and policy are elsewhere.
 */
export async function reportSources(result: CheckResult, io: Io, hasPages: boolean): Promise<ReportSources> {
  const policy = await readPolicy(result, io);
  return {
    ...(hasPages && result.root !== undefined ? { pageText: pageReader(result.root) } : {}),
    ...(policy ? { licenses: licenseClauses(policy), holderNames: new Map(policy.holders.map(({ spec }) => [spec.id, spec.name])) } : {}),
  };
}

async function readPolicy(result: CheckResult, io: Io): Promise<Policy | undefined> {
  const { policy } = result.summary;
  try {
    if (policy !== null) return await loadPolicy(resolve(io.cwd, policy), io.cwd);
    return await defaultPolicy(result.root ?? io.cwd);
  } catch {
    return undefined;
  }
}

function licenseClauses(policy: Policy): Map<string, LicenseClause> {
  return new Map(policy.spec.licenses.map(({ id, ...clause }) => [id, clause]));
}

/**
 * A page's text, read when the report comes to it and let go after, decoded by the encoding the
 * run found (a byte order mark is dropped, as the run dropped it). A path that would leave the
 * folder is not read: a merged result's paths are only as trustworthy as its shards.
 */
function pageReader(root: string): NonNullable<ReportOptions['pageText']> {
  return (path, encoding) => {
    if (isAbsolute(path) || path.split(/[\\/]/).includes('..')) return undefined;
    try {
      return new TextDecoder(encoding ?? 'utf-8').decode(readFileSync(join(root, path)));
    } catch {
      return undefined;
    }
  };
}
