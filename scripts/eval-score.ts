/** A page's label in the corpus (the fields scoring uses). */
export interface Label {
  file: string;
  /** The repository whose test pages the page was taken from. */
  source_repo: string;
  agency_content: boolean;
  /** `aside`: the item stands in page furniture (a teaser, a rail), not in the page's own content. */
  items: Array<{ agency: string; kind: string; evidence: string; where: string; optional?: boolean; aside?: boolean }>;
  mentions_only: Array<{ agency: string; evidence: string }>;
  uncertain?: boolean;
}

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

export interface PageScore {
  file: string;
  detail: string;
}

type Reported = ReadonlyMap<string, ReadonlyArray<{ holder: string; kinds: string[]; aside?: boolean; evidence: string[] }>>;

const tally = (): Tally => ({ tp: 0, fp: 0, fn: 0 });

/**
 * Scores reported holders against the labels as the corpus README defines: pages (any holder vs
 * `agency_content`), holders and (holder, kind) pairs against required items, optional items
 * neither required nor penalised, uncertain pages left out, citation-only pages counted apart.
 * `whole` is the corpus the labels are part of: its vocabulary tells which holders it ever labels.
 * `asides` scores the aside flag of holders both labelled and reported: a holder is labelled an
 * aside when all its items are; one reported as an aside that the page itself uses (a false
 * positive here) is judged at the milder `asides` severity, the way to a false green.
 */
export function scorePages(labels: readonly Label[], reported: Reported, idOf: (agency: string) => string, whole: readonly Label[] = labels) {
  const pages = tally();
  const holders = tally();
  const kinds = tally();
  const asides = tally();
  const byHolder = new Map<string, Tally>();
  const byKind = new Map<string, Tally>();
  const misses: PageScore[] = [];
  const falseAlarms: PageScore[] = [];
  const uncertain: PageScore[] = [];
  // Holders the corpus never labels (its vocabulary has no such agency) can be neither confirmed
  // nor refuted by it: their reports are listed apart, not counted as false alarms.
  const vocabulary = new Set(whole.flatMap((l) => [...l.items, ...l.mentions_only].map((i) => idOf(i.agency))));
  const unlabelled: PageScore[] = [];
  let citationPages = 0;
  let citationFalsePositives = 0;
  const count = (map: Map<string, Tally>, key: string, field: keyof Tally) => {
    const entry = map.get(key) ?? tally();
    entry[field]++;
    map.set(key, entry);
  };

  for (const label of labels) {
    const found = reported.get(label.file) ?? [];
    const foundHolders = new Set(found.map((f) => f.holder));
    const foundPairs = new Set(found.flatMap((f) => f.kinds.map((k) => `${f.holder}/${k}`)));
    if (label.uncertain) {
      uncertain.push({ file: label.file, detail: `reported [${[...foundHolders].join(', ')}], labelled [${label.items.map((i) => idOf(i.agency)).join(', ')}]` });
      continue;
    }
    if (label.items.length === 0 && label.mentions_only.length > 0) {
      citationPages++;
      if (foundHolders.size > 0) citationFalsePositives++;
    }
    const isReported = foundHolders.size > 0;
    if (isReported && label.agency_content) pages.tp++;
    else if (isReported) pages.fp++;
    else if (label.agency_content) pages.fn++;

    const required = label.items.filter((i) => !i.optional);
    const wanted = new Set(required.map((i) => idOf(i.agency)));
    const allowed = new Set(label.items.map((i) => idOf(i.agency)));
    // A notice proves the holder's text: the catalogue's notice signals prove kind `text`.
    const pairOf = (i: Label['items'][number]) => `${idOf(i.agency)}/${i.kind === 'notice' ? 'text' : i.kind}`;
    const wantedPairs = new Set(required.map(pairOf));
    const allowedPairs = new Set(label.items.map(pairOf));

    for (const holder of wanted) {
      const field = foundHolders.has(holder) ? 'tp' : 'fn';
      holders[field]++;
      count(byHolder, holder, field);
      if (field === 'fn') misses.push({ file: label.file, detail: `${holder}: ${required.filter((i) => idOf(i.agency) === holder).map((i) => `[${i.where}] "${i.evidence.slice(0, 90)}"`).join('; ')}` });
    }
    for (const f of found) {
      const items = label.items.filter((i) => idOf(i.agency) === f.holder);
      if (items.length > 0) {
        const isAside = items.every((i) => i.aside === true);
        if (f.aside && isAside) asides.tp++;
        else if (f.aside) asides.fp++;
        else if (isAside) asides.fn++;
      }
      if (allowed.has(f.holder)) continue;
      if (!vocabulary.has(f.holder)) {
        unlabelled.push({ file: label.file, detail: `${f.holder}: ${f.evidence.join('; ')}` });
        continue;
      }
      holders.fp++;
      count(byHolder, f.holder, 'fp');
      falseAlarms.push({ file: label.file, detail: `${f.holder}: ${f.evidence.join('; ')}` });
    }
    for (const pair of wantedPairs) {
      const field = foundPairs.has(pair) ? 'tp' : 'fn';
      kinds[field]++;
      count(byKind, pair.split('/')[1] as string, field);
    }
    for (const pair of foundPairs) {
      if (allowedPairs.has(pair) || !vocabulary.has(pair.split('/')[0] as string)) continue;
      kinds.fp++;
      count(byKind, pair.split('/')[1] as string, 'fp');
    }
  }
  return { pages, holders, kinds, asides, byHolder, byKind, misses, falseAlarms, uncertain, unlabelled, citationPages, citationFalsePositives };
}
