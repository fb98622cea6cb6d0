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

/** The first licence that covers the query on `date`, as the policy lists them. */
export function coveringLicense(query: CoverageQuery, date: string): LicenseSpec | undefined {
  return grantingLicenses(query).find((license) => isInWindow(license, date));
}
