import { minimatch } from 'minimatch';
import type { ContentKind } from '../catalogue/schema.js';
import type { LicenseSpec } from '../config/schema.js';

/** What a licence is asked to cover: one holder's content of one kind on one page. */
export interface CoverageQuery {
  licenses: readonly LicenseSpec[];
  holder: string;
  kind: ContentKind;
  /** The page's path relative to the policy file, with forward slashes. */
  path: string;
  /** Every holder detected on the page: a licence `via` a distributor covers the distributor's credit too. */
  holdersOnPage: ReadonlySet<string>;
}

/**
 * Licences granting this holder's content of this kind at this path, whatever their dates.
 * A licence for AFP via Getty Images covers AFP content and the Getty credit that carries it.
 */
export function grantingLicenses(query: CoverageQuery): LicenseSpec[] {
  return query.licenses.filter((license) => {
    const isHolder =
      license.holder === query.holder || (license.via === query.holder && query.holdersOnPage.has(license.holder));
    if (!isHolder) return false;
    if (license.kinds && !license.kinds.includes(query.kind)) return false;
    return license.paths.some((glob) => minimatch(query.path, glob, { dot: true }));
  });
}

/** Whether `date` falls inside the licence's `from`/`until` window (both days included). */
export function isInWindow(license: LicenseSpec, date: string): boolean {
  return (!license.from || license.from <= date) && (!license.until || date <= license.until);
}

/**
 * Why none of the granting licences is in force on `date`, with the licence to name: `ended` when
 * one ended before it (the latest to end, the one a renewal would extend), else `not-begun`, all
 * of them beginning after it (the first to begin). Undefined when one is in force, or none grants.
 */
export function lapseOf(granting: readonly LicenseSpec[], date: string): { lapse: 'ended' | 'not-begun'; license: LicenseSpec } | undefined {
  if (granting.length === 0 || granting.some((license) => isInWindow(license, date))) return undefined;
  const ended = granting.filter((license) => license.until !== undefined && license.until < date);
  // A page between two licences fell after the first ended: a renewal came late, so it lapsed.
  if (ended.length > 0) return { lapse: 'ended', license: ended.reduce((a, b) => ((b.until as string) > (a.until as string) ? b : a)) };
  // Not in force and not ended: every one begins after the date.
  return { lapse: 'not-begun', license: granting.reduce((a, b) => ((b.from as string) < (a.from as string) ? b : a)) };
}

/** The first licence that covers the query on `date`, as the policy lists them. */
export function coveringLicense(query: CoverageQuery, date: string): LicenseSpec | undefined {
  return grantingLicenses(query).find((license) => isInWindow(license, date));
}
