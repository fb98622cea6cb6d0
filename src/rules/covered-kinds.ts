import type { ContentKind } from '../catalogue/schema.js';
import type { LicenseSpec } from '../config/schema.js';
import type { Evidence, HolderDetection } from '../detect/evidence.js';
import { coveringLicense } from '../policy/coverage.js';
import { primaryEvidence } from './evidence-order.js';
import { coverageQuery, type RuleContext, type RuleReport } from './rule.js';

/** A holder's content of one kind that a licence covers on the page, with the evidence for it. */
export interface CoveredKind {
  detection: HolderDetection;
  kind: ContentKind;
  license: LicenseSpec;
  evidence: Evidence[];
  primary: Evidence;
}

/**
 * The licences in force on `date` for each holder's content on the page: one entry per holder
 * and licence (its first kind), as a licence's terms are the same whatever the kind.
 */
export function coveredKinds(context: RuleContext, date: string): CoveredKind[] {
  const covered: CoveredKind[] = [];
  for (const detection of context.detections) {
    const seen = new Set<string>();
    for (const kind of detection.kinds) {
      const license = coveringLicense(coverageQuery(context, detection.holder, kind), date);
      if (!license || seen.has(license.id)) continue;
      seen.add(license.id);
      const evidence = detection.evidence.filter((item) => item.kind === kind);
      const primary = primaryEvidence(evidence);
      if (primary) covered.push({ detection, kind, license, evidence, primary });
    }
  }
  return covered;
}

/** A report about covered content, at its strongest evidence. */
export function reportOn(covered: CoveredKind, message: string, expected: string): RuleReport {
  const { detection, kind, license, evidence, primary } = covered;
  return { message, start: primary.start, end: primary.end, holder: detection.holder, kinds: [kind], license: license.id, evidence, expected };
}
