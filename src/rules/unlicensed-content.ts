import { grantingLicenses } from '../policy/coverage.js';
import { primaryEvidence } from './evidence-order.js';
import { ASIDE, coverageQuery, type Rule, type RuleReport } from './rule.js';
import { ruleMeta } from './meta.js';

/** Holder content of a kind that no licence grants for this path, whatever its dates. */
export const unlicensedContent: Rule = {
  ...ruleMeta('unlicensed-content'),
  check(context) {
    const { detections, policy, policyPath } = context;
    const reports: RuleReport[] = [];
    for (const detection of detections) {
      // The site's own content: a holder it names in `self`, or one that publishes the page.
      if (detection.isFirstParty || policy.spec.self.includes(detection.holder)) continue;
      const kinds = detection.kinds.filter(
        (kind) => grantingLicenses(coverageQuery(context, detection.holder, kind)).length === 0,
      );
      const evidence = detection.evidence.filter((item) => kinds.includes(item.kind));
      const primary = primaryEvidence(evidence);
      if (!primary) continue;
      const name = policy.catalogue.holders.get(detection.holder)?.name ?? detection.holder;
      reports.push({
        message: `${name} ${kinds.join(' and ')} content is not covered by any licence for \`${policyPath}\`${detection.isAside ? ASIDE : ''}`,
        start: primary.start,
        end: primary.end,
        holder: detection.holder,
        kinds,
        evidence,
        ...(detection.isAside ? { isAside: true } : {}),
      });
    }
    return reports;
  },
};
