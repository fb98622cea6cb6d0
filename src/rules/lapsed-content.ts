import type { LicenseSpec } from '../config/schema.js';
import { grantingLicenses, lapseOf } from '../policy/coverage.js';
import { primaryEvidence } from './evidence-order.js';
import { coverageQuery, type RuleContext, type RuleReport } from './rule.js';

/** What a lapsed-licence rule says of the licence it names, the window as shown, and the page's date. */
export type LapseMessage = (license: LicenseSpec, window: string, date: string) => string;

/**
 * One report per holder on the page for the kinds that licences grant at this path, none of them
 * in force on the page's date, for the one way of lapsing a rule speaks of: `license-expired`
 * (ended before the date) and `license-not-yet-valid` (beginning after it) share this walk, so a
 * kind is told one or the other, never both.
 */
export function lapsedContent(context: RuleContext, lapse: 'ended' | 'not-begun', message: LapseMessage): RuleReport[] {
  const { detections, policy, date } = context;
  const reports: RuleReport[] = [];
  for (const detection of detections) {
    // The site's own content: a holder it names in `self`, or one that publishes the page.
    if (detection.isFirstParty || policy.spec.self.includes(detection.holder)) continue;
    const lapsed = detection.kinds.flatMap((kind) => {
      const found = lapseOf(grantingLicenses(coverageQuery(context, detection.holder, kind)), date);
      return found?.lapse === lapse ? [{ kind, license: found.license }] : [];
    });
    const kinds = lapsed.map((entry) => entry.kind);
    const evidence = detection.evidence.filter((item) => kinds.includes(item.kind));
    const primary = primaryEvidence(evidence);
    const license = lapsed[0]?.license;
    if (!primary || !license) continue;
    const window = `${license.from ?? 'the start'} to ${license.until ?? 'now'}`;
    reports.push({
      message: message(license, window, date),
      start: primary.start,
      end: primary.end,
      holder: detection.holder,
      kinds,
      license: license.id,
      evidence,
      expected: window,
    });
  }
  return reports;
}
