import { showsAttribution } from '../policy/attribution.js';
import { coveringLicense } from '../policy/coverage.js';
import { primaryEvidence } from './evidence-order.js';
import { coverageQuery, type Rule, type RuleReport } from './rule.js';

/** Licensed content whose licence asks for a credit or notice that the page does not show. */
export const missingAttribution: Rule = {
  id: 'missing-attribution',
  description: 'Licensed content on a page that lacks the credit line its licence requires.',
  defaultSeverity: 'error',
  check(context) {
    const { detections, policy, policyPath, date, page } = context;
    const reports: RuleReport[] = [];
    for (const detection of detections) {
      const reported = new Set<string>();
      for (const kind of detection.kinds) {
        const license = coveringLicense(coverageQuery(context, detection.holder, kind), date);
        if (!license?.attribution || reported.has(license.id) || showsAttribution(page.regions, license.attribution)) continue;
        reported.add(license.id);
        const evidence = detection.evidence.filter((item) => item.kind === kind);
        const primary = primaryEvidence(evidence);
        if (!primary) continue;
        reports.push({
          message: `Licence \`${license.id}\` requires the attribution "${license.attribution}", which the page does not show`,
          start: primary.start,
          end: primary.end,
          holder: detection.holder,
          kinds: [kind],
          license: license.id,
          evidence,
          expected: license.attribution,
        });
      }
    }
    return reports;
  },
};
