import type { CheckResult, FileResult, Finding, HolderEntry } from '../workspace/result.js';

/**
 * What became of a holder's content on a page, the audit inventory's one word for it, in the order
 * reports list them: `unlicensed` content no licence covers, `expired` content whose licence ended,
 * had not begun or whose retention passed, `accepted` content whose findings a suppression or the
 * baseline accepts, `licensed` content a licence covers (a missing credit is a finding of its own,
 * not a status), `aside` a holder seen only in page furniture (teasers, rails), and `own` the
 * site's own content (the holder publishes the page). The last two are said whatever the findings:
 * they tell why a holder's findings are judged apart, or not made at all.
 */
export const HOLDER_STATUSES = ['unlicensed', 'expired', 'accepted', 'licensed', 'aside', 'own'] as const;

export type HolderStatus = (typeof HOLDER_STATUSES)[number];

// The rules whose finding says the content is used outside a licence's dates.
const EXPIRY_RULES = new Set(['license-expired', 'license-not-yet-valid', 'retention-exceeded']);
// The rules whose finding is about whether content is licensed at all, or when.
const CONTENT_RULES = new Set(['unlicensed-content', ...EXPIRY_RULES]);

/** One holder on one page, with what became of it. */
export interface InventoryEntry {
  path: string;
  holder: string;
  kinds: readonly string[];
  status: HolderStatus;
}

/** The status of one holder on a page, from the page's findings that name it. */
export function holderStatus(holder: HolderEntry, findings: readonly Finding[]): HolderStatus {
  if (holder.firstParty) return 'own';
  if (holder.aside) return 'aside';
  const about = findings.filter((finding) => finding.holder === holder.holder && CONTENT_RULES.has(finding.ruleId));
  const open = about.filter((finding) => !finding.suppression);
  if (open.some((finding) => finding.ruleId === 'unlicensed-content')) return 'unlicensed';
  if (open.length > 0) return 'expired';
  return about.length > 0 ? 'accepted' : 'licensed';
}

/** Every holder of every checked page, with its status. */
export function inventory(result: CheckResult): InventoryEntry[] {
  return result.files.flatMap((file: FileResult) => file.holders.map((holder) => ({
    path: file.path,
    holder: holder.holder,
    kinds: holder.kinds,
    status: holderStatus(holder, file.findings),
  })));
}

/** How many entries have each status, for every status (zero included), in `HOLDER_STATUSES`'s order. */
export function countStatuses(entries: readonly InventoryEntry[]): Record<HolderStatus, number> {
  const counts = Object.fromEntries(HOLDER_STATUSES.map((status) => [status, 0])) as Record<HolderStatus, number>;
  for (const entry of entries) counts[entry.status]++;
  return counts;
}
