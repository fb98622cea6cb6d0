import type { SignalType } from '../catalogue/schema.js';
import type { Evidence } from '../detect/evidence.js';

// The order in which evidence proves reuse: a dateline or trailer is the wire copy itself; a
// notice or metadata may describe the page around it.
const PRIORITY: Record<SignalType, number> = { dateline: 0, trailer: 1, credit: 2, notice: 3, metadata: 4 };

/** The evidence a finding points at: the most telling, then the first on the page. */
export function primaryEvidence(evidence: readonly Evidence[]): Evidence | undefined {
  return [...evidence].sort((a, b) => PRIORITY[a.type] - PRIORITY[b.type] || a.start - b.start)[0];
}
