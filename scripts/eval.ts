// Measures detection against a labelled corpus (see ../shared/corpus/README.md): page-level,
// holder-level and kind-level precision and recall, citation false positives, and each miss and
// false alarm. It measures; the test suite asserts. Exits 0 whatever the figures.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { compileCatalogue } from '../src/catalogue/compile.js';
import { BUILTIN_HOLDERS, loadHolders } from '../src/config/load-holders.js';
import { detectHolders } from '../src/detect/holders.js';
import { findEvidence } from '../src/detect/signals.js';
import { decodePage } from '../src/document/decode.js';
import { readPage } from '../src/document/page.js';
import { type Label, type PageScore, scorePages, type Tally } from './eval-score.js';

const { values } = parseArgs({ options: { corpus: { type: 'string' }, quiet: { type: 'boolean' } } });
const corpus = resolve(values.corpus ?? join(import.meta.dirname, '../../shared/corpus'));
const labels = (JSON.parse(await readFile(join(corpus, 'labels.json'), 'utf8')) as { pages: Label[] }).pages;
const holders = await loadHolders([BUILTIN_HOLDERS], process.cwd());
const catalogue = compileCatalogue(holders);

// Label agency names map to catalogue ids through each holder's id, name and aliases.
const byName = new Map<string, string>();
for (const { spec } of holders) for (const name of [spec.id, spec.name, ...spec.aliases]) byName.set(name.toLowerCase(), spec.id);
const idOf = (agency: string): string => byName.get(agency.toLowerCase()) ?? `(${agency})`;

const started = performance.now();
const reported = new Map<string, Array<{ holder: string; kinds: string[]; aside?: boolean; evidence: string[] }>>();
for (const label of labels) {
  const { text } = decodePage(await readFile(join(corpus, label.file)));
  const page = await readPage(label.file, text);
  const detections = detectHolders(findEvidence(page, catalogue));
  reported.set(label.file, detections.map((d) => ({
    holder: d.holder,
    kinds: d.kinds,
    ...(d.isAside ? { aside: true } : {}),
    evidence: d.evidence.slice(0, 3).map((e) => `${e.signal} "${e.text}" ${page.toPoint(e.start).line}:${page.toPoint(e.start).column}`),
  })));
}
const seconds = (performance.now() - started) / 1000;
const score = scorePages(labels, reported, idOf);

const pct = (t: Tally): string => {
  const p = t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp);
  const r = t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn);
  return `${p.toFixed(3).padStart(9)} ${r.toFixed(3).padStart(7)} ${String(t.tp).padStart(4)} ${String(t.fp).padStart(4)} ${String(t.fn).padStart(4)}`;
};
const header = `${''.padEnd(22)} precision  recall   tp   fp   fn`;
console.log(`rightslint eval: ${labels.length} pages from ${corpus} in ${seconds.toFixed(1)} s\n`);
if (!values.quiet) {
  const lines = (title: string, pages: PageScore[]) => {
    if (pages.length === 0) return;
    console.log(title);
    for (const page of pages) console.log(`  ${page.file}: ${page.detail}`);
    console.log('');
  };
  lines('Missed (labelled holder not reported):', score.misses);
  lines('False alarms (holder reported, not labelled):', score.falseAlarms);
  lines('Uncertain pages (not scored):', score.uncertain);
  lines('Holders the corpus never labels (reported, not scored):', score.unlabelled);
}
console.log(header);
for (const [holder, tally] of [...score.byHolder].sort(([a], [b]) => a.localeCompare(b))) console.log(`  ${holder.padEnd(20)}${pct(tally)}`);
console.log(`  ${'holders, all'.padEnd(20)}${pct(score.holders)}`);
console.log(`  ${'(holder, kind), all'.padEnd(20)}${pct(score.kinds)}`);
for (const [kind, tally] of [...score.byKind].sort(([a], [b]) => a.localeCompare(b))) console.log(`  ${`kind ${kind}`.padEnd(20)}${pct(tally)}`);
console.log(`  ${'pages'.padEnd(20)}${pct(score.pages)}`);
console.log(`  ${'asides'.padEnd(20)}${pct(score.asides)}`);
// The corpus gathers pages from several projects' test sets: figures per source show whether
// detection holds on pages of another kind, not only on the whole.
console.log(`\nby source${''.padEnd(13)} precision  recall   tp   fp   fn`);
for (const source of [...new Set(labels.map((label) => label.source_repo))].sort()) {
  const ofSource = labels.filter((label) => label.source_repo === source);
  const part = scorePages(ofSource, reported, idOf, labels);
  const pages = ofSource.length;
  console.log(`  ${source} (${pages} pages, ${part.citationFalsePositives} of ${part.citationPages} citation-only pages reported)`);
  console.log(`    ${'holders'.padEnd(18)}${pct(part.holders)}`);
  console.log(`    ${'(holder, kind)'.padEnd(18)}${pct(part.kinds)}`);
  console.log(`    ${'pages'.padEnd(18)}${pct(part.pages)}`);
    console.log(`    ${'asides'.padEnd(18)}${pct(part.asides)}`);
}
console.log(`\ncitation-only pages with a holder reported: ${score.citationFalsePositives} of ${score.citationPages}`);
console.log(`reports of holders the corpus never labels (not scored): ${score.unlabelled.length}`);
