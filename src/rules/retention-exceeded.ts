import { coveringLicense } from '../policy/coverage.js';
import { addDuration } from '../policy/dates.js';
import { primaryEvidence } from './evidence-order.js';
import { coverageQuery, type Rule, type RuleReport } from './rule.js';

/** Licensed content kept online past the retention period its licence allows. */
export const retentionExceeded: Rule = {
  id: 'retention-exceeded',
  description: 'A page kept online longer after publication than its licence allows.',
  defaultSeverity: 'warning',
  check(context) {
    const { detections, policy, policyPath, page, asOf } = context;
    const published = page.published?.date;
    if (!published) return [];
    const reports: RuleReport[] = [];
    for (const detection of detections) {
      const reported = new Set<string>();
      for (const kind of detection.kinds) {
        const license = coveringLicense(coverageQuery(context, detection.holder, kind), published);
        if (!license?.retention || reported.has(license.id)) continue;
        const takedown = addDuration(published, license.retention);
        if (takedown >= asOf) continue;
        reported.add(license.id);
        const evidence = detection.evidence.filter((item) => item.kind === kind);
        const primary = primaryEvidence(evidence);
        if (!primary) continue;
        reports.push({
          message: `Licence \`${license.id}\` allows ${license.retention} online; published ${published}, due down on ${takedown}`,
          start: primary.start,
          end: primary.end,
          holder: detection.holder,
          kinds: [kind],
          license: license.id,
          evidence,
          expected: `offline by ${takedown}`,
        });
      }
    }
    return reports;
  },
};
