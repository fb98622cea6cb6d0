import type { ContentKind } from '../catalogue/schema.js';
import type { Evidence, HolderDetection } from './evidence.js';
import type { Recorder } from './verdict.js';

/** How many weak signals of one holder and kind together prove reuse. */
const WEAK_SIGNALS_NEEDED = 2;

/**
 * Combines a page's evidence into one verdict per holder: a kind is proven by one strong signal
 * or by two weak ones (see `weakSign`), so a lone unattributed "AP" in a footer proves nothing. Holders with no
 * proven kind are left out; the evidence of unproven kinds is dropped with them. Holders in
 * `firstParty` publish the page themselves, and holders seen only in page furniture are asides:
 * both are marked so. `trace`, when given, hears what became of each piece of evidence.
 */
export function detectHolders(evidence: readonly Evidence[], firstParty: ReadonlySet<string> = new Set(), trace?: Recorder): HolderDetection[] {
  const byHolder = new Map<string, Evidence[]>();
  for (const item of evidence) {
    const items = byHolder.get(item.holder);
    if (items) items.push(item);
    else byHolder.set(item.holder, [item]);
  }
  const detections: HolderDetection[] = [];
  for (const [holder, items] of byHolder) {
    const kinds = provenKinds(items);
    const proving = items.filter((item) => kinds.includes(item.kind));
    const detection: HolderDetection | undefined = kinds.length === 0 ? undefined : {
      holder,
      kinds,
      evidence: proving,
      ...(firstParty.has(holder) ? { isFirstParty: true as const } : {}),
      ...(proving.every((item) => item.aside) ? { isAside: true as const } : {}),
    };
    if (trace) recordVerdicts(items, detection, trace);
    if (detection) detections.push(detection);
  }
  return detections.sort((a, b) => a.holder.localeCompare(b.holder));
}

function provenKinds(items: readonly Evidence[]): ContentKind[] {
  const kinds = new Set<ContentKind>();
  for (const kind of new Set(items.map((item) => item.kind))) {
    const ofKind = items.filter((item) => item.kind === kind);
    const strong = ofKind.some((item) => item.strength === 'strong');
    if (strong || new Set(ofKind.map(weakSign)).size >= WEAK_SIGNALS_NEEDED) kinds.add(kind);
  }
  return [...kinds].sort();
}

/**
 * What a weak signal is a sign of: an asset id in an image's file names is one picture however
 * many copies name it (its `src`, the sizes of its `srcset`, a lazy loader's `data-src`, its
 * `<noscript>` twin); any other hit is a sign of its own.
 */
function weakSign(item: Evidence): Evidence | string {
  return item.region === 'src' ? `src ${item.text}` : item;
}

/** Tells `trace` what became of each piece of a holder's evidence. */
function recordVerdicts(items: readonly Evidence[], detection: HolderDetection | undefined, trace: Recorder): void {
  for (const item of items) {
    if (!detection?.kinds.includes(item.kind)) trace(item, { kept: false, why: 'weak', needed: WEAK_SIGNALS_NEEDED });
    else if (detection.isFirstParty) trace(item, { kept: false, why: 'first-party' });
    else trace(item, { kept: true, why: detection.isAside ? 'aside' : 'proven' });
  }
}
