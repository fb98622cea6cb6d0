import { grantingLicenses, isInWindow } from '../policy/coverage.js';
import { primaryEvidence } from './evidence-order.js';
import { coverageQuery, type Rule, type RuleReport } from './rule.js';

/** Holder content granted by licences for this path, none of them in force on the page's date. */
export const licenseExpired: Rule = {
  id: 'license-expired',
  description: "A page published outside the dates of the licences that cover its agency content.",
  defaultSeverity: 'error',
  check(context) {
    const { detections, policy, date } = context;
    const reports: RuleReport[] = [];
    for (const detection of detections) {
      // The site's own content: a holder it names in `self`, or one that publishes the page.
      if (detection.isFirstParty || policy.spec.self.includes(detection.holder)) continue;
      const lapsed = detection.kinds.map((kind) => {
        const granting = grantingLicenses(coverageQuery(context, detection.holder, kind));
        return { kind, granting, isCovered: granting.some((license) => isInWindow(license, date)) };
      }).filter((entry) => entry.granting.length > 0 && !entry.isCovered);
      const kinds = lapsed.map((entry) => entry.kind);
      const evidence = detection.evidence.filter((item) => kinds.includes(item.kind));
      const primary = primaryEvidence(evidence);
      const license = lapsed[0]?.granting[0];
      if (!primary || !license) continue;
      const window = `${license.from ?? 'the start'} to ${license.until ?? 'now'}`;
      reports.push({
        message: `Licence \`${license.id}\` runs from ${window}, but the page is dated ${date}`,
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
  },
};
