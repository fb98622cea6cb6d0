// `npm run bench`: builds a corpus of real pages (the shared corpus, replicated with small changes)
// and generated Markdown articles, then measures in one run, as medians: rightslint cold and with a
// warm cache, a plain unified + rehype-parse baseline, and rg over the catalogue's keywords where
// rg is installed; then how the cold time grows with the number of pages; then whether the
// default choice of threads is ever slower than one thread (`--threads`), for a script and for the
// command line; then bait pages, each ~1 MB of one holder's mark repeated, against the median one
// (`--bait none` leaves them out). It prints figures and ratios; the bars are in the issue, the
// judgement is the reader's.
// `--against DIR` names a built checkout of an earlier version (`git worktree add DIR REF`, then
// `npm run build` there): its cold runs alternate with this tree's, so that a machine whose speed
// drifts during the bench slows both alike, and the ratio of the two is printed.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultPolicy } from '../src/config/policy.js';
import { escapeRegExp } from '../src/escape-regexp.js';
import { articles } from './bench-markdown.js';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: join(import.meta.dirname, '../../shared/corpus/pages') },
    pages: { type: 'string', default: '5000' },
    markdown: { type: 'string', default: '5000' },
    runs: { type: 'string', default: '3' },
    scale: { type: 'string', default: '1000,5000,20000' },
    // Bait pages: the holders to make them for (ids, comma separated; all by default), their size.
    bait: { type: 'string', default: 'all' },
    'bait-size': { type: 'string', default: '1000000' },
    against: { type: 'string' },
    // Sizes of site (pages) at which the default choice of threads is set against one thread.
    threads: { type: 'string', default: '100,250,1000' },
  },
});
const runs = Number(values.runs);
const work = mkdtempSync(join(tmpdir(), 'rightslint-bench-'));
const sources = readdirSync(values.corpus).filter((n) => n.endsWith('.html')).map((n) => readFileSync(join(values.corpus, n)));

/** `count` pages from the corpus, each copy changed a little so that no two are the same file. */
function htmlSite(count: number): { dir: string; bytes: number } {
  const dir = join(work, `html-${count}`);
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const source = sources[i % sources.length] as Buffer;
    const page = Buffer.concat([source, Buffer.from(`\n<!-- bench copy ${i} -->\n`)]);
    mkdirSync(join(dir, String(i % 100)), { recursive: true });
    writeFileSync(join(dir, String(i % 100), `page-${i}.html`), page);
    bytes += page.length;
  }
  return { dir, bytes };
}

function markdownSite(count: number): { dir: string; bytes: number } {
  const dir = join(work, `md-${count}`);
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (const [i, text] of articles(count).entries()) {
    writeFileSync(join(dir, `article-${i}.md`), text);
    bytes += Buffer.byteLength(text);
  }
  return { dir, bytes };
}

interface Measure { ms: number; files: number; maxRssMB: number }
function child(...args: string[]): Measure {
  return childOf(undefined, ...args);
}
/** A run of the bench child on the build in `checkout` (this tree's where undefined). */
function childOf(checkout: string | undefined, ...args: string[]): Measure {
  return childWith(checkout ? { BENCH_DIST: pathToFileURL(resolve(checkout, 'dist/index.js')).href } : {}, ...args);
}
function childWith(vars: Record<string, string>, ...args: string[]): Measure {
  const env = { ...process.env, ...vars };
  const run = spawnSync(process.execPath, [join(import.meta.dirname, 'bench-child.mjs'), ...args], { encoding: 'utf8', maxBuffer: 1 << 26, env });
  if (run.status !== 0) throw new Error(`bench child failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Measure;
}
function median(measures: Measure[]): Measure {
  const sorted = [...measures].sort((a, b) => a.ms - b.ms);
  return { ...(sorted[Math.floor(sorted.length / 2)] as Measure), maxRssMB: Math.max(...measures.map((m) => m.maxRssMB)) };
}
const times = (n: number, f: () => Measure): Measure => median(Array.from({ length: n }, f));

async function rgMeasure(dir: string): Promise<Measure | undefined> {
  if (spawnSync('rg', ['--version']).status !== 0) return undefined;
  const policy = await defaultPolicy(process.cwd());
  const words = [...new Set([...policy.catalogue.holders.values()].flatMap((h) => [h.name, ...h.aliases]))];
  const pattern = words.map(escapeRegExp).join('|');
  return times(runs, () => {
    const started = performance.now();
    spawnSync('rg', ['-c', '-i', '-e', pattern, dir], { maxBuffer: 1 << 26 });
    return { ms: performance.now() - started, files: 0, maxRssMB: 0 };
  });
}

/** The linear-time engine on the textbook catastrophic pattern, through a policy's own holder file. */
function measureHostilePattern(): number {
  const dir = join(work, 'hostile');
  mkdirSync(dir);
  writeFileSync(join(dir, 'rightslint.yaml'), 'holders: [slow.yaml]\n');
  writeFileSync(join(dir, 'slow.yaml'), "id: slow\nname: Slow\nkinds: [text]\nsignals:\n  - id: any\n    type: credit\n    kind: text\n    regions: [body]\n    pattern: '(a+)+$'\n");
  writeFileSync(join(dir, 'page.html'), `<p>${'a'.repeat(1_000_000)}!</p>`);
  return child('rightslint', dir).ms;
}

// Bait pages (#18): a holder's mark repeated densely, where a page shows credits. A search for
// every match is linear in the text, so no page should cost more than a few times the median one.
const BAIT_PLACES: Record<string, { unit: (mark: string) => string; page: (text: string) => string }> = {
  alt: { unit: (mark) => `${mark}/`, page: (text) => `<figure><img src="a.jpg" alt="${text.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}"></figure>` },
  paragraph: { unit: (mark) => `(${mark}) `, page: (text) => `<p>${escapeHtml(text)}</p>` },
  caption: { unit: (mark) => `© ${mark} `, page: (text) => `<figure><img src="a.jpg" alt=""><figcaption>${escapeHtml(text)}</figcaption></figure>` },
};
const escapeHtml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');

async function measureBait(): Promise<void> {
  const size = Number(values['bait-size']);
  const policy = await defaultPolicy(process.cwd());
  const holders = [...policy.catalogue.holders.values()].filter((h) => values.bait === 'all' || values.bait.split(',').includes(h.id));
  if (holders.length === 0) return;
  console.log(`\nBait pages: ${holders.length} holders, each its shortest name repeated in ${Object.keys(BAIT_PLACES).join(', ')}, ${(size / 1e6).toFixed(1)} MB a page (one run each)`);
  const measured = holders.map((holder) => {
    const mark = [holder.name, ...holder.aliases].reduce((a, b) => (b.length < a.length ? b : a));
    const pages = Object.entries(BAIT_PLACES).map(([place, { unit, page }]) => {
      const dir = join(work, 'bait', holder.id, place);
      mkdirSync(dir, { recursive: true });
      const text = unit(mark).repeat(Math.ceil(size / unit(mark).length));
      writeFileSync(join(dir, 'page.html'), `<!doctype html><html><head><title>Bait</title></head><body><article><h1>Bait</h1><p>A story.</p>${page(text)}</article></body></html>`);
      return { place, ms: child('rightslint', dir).ms };
    });
    return { holder: holder.id, mark, pages };
  });
  const all = measured.flatMap((m) => m.pages.map((p) => p.ms)).sort((a, b) => a - b);
  const median = all[Math.floor(all.length / 2)] ?? 0;
  console.log(`  median page: ${(median / 1000).toFixed(2)} s`);
  let worst = { ratio: 0, label: '' };
  for (const { holder, mark, pages } of measured) {
    const slowest = pages.reduce((a, b) => (b.ms > a.ms ? b : a));
    const ratio = slowest.ms / median;
    if (ratio > worst.ratio) worst = { ratio, label: `${holder}, ${slowest.place}` };
    const each = pages.map((p) => `${p.place} ${(p.ms / 1000).toFixed(2)} s`).join(', ');
    console.log(`  ${holder.padEnd(17)} ${JSON.stringify(mark).padEnd(22)} ${each.padEnd(52)} x${ratio.toFixed(1)} the median`);
  }
  console.log(`  worst: x${worst.ratio.toFixed(1)} the median page (${worst.label})`);
}

/**
 * The default choice of threads against one thread, their runs alternating, at each size of
 * `--threads`: as a script calls `check()` (one thread is `workers: 1`, in the calling thread), and
 * as the command line does, every page in a worker (one thread is `--workers 1`).
 */
function measureThreads(): void {
  const sizes = values.threads.split(',').filter(Boolean).map(Number);
  if (sizes.length === 0) return;
  console.log(`\nThreads: the default choice against one thread (median of ${runs} runs each, alternating):`);
  for (const count of sizes) {
    const site = htmlSite(count);
    for (const [way, vars] of [['check()', {}], ['command line', { BENCH_ISOLATE: '1' }]] as const) {
      const [chosen, one]: [Measure[], Measure[]] = [[], []];
      for (let i = 0; i < runs; i++) {
        chosen.push(childWith(vars, 'rightslint', site.dir));
        one.push(childWith({ ...vars, BENCH_WORKERS: '1' }, 'rightslint', site.dir));
      }
      const [a, b] = [median(chosen), median(one)];
      console.log(`  ${String(count).padStart(5)} pages (${(site.bytes / 1e6).toFixed(0)} MB), ${way.padEnd(12)}: default ${(a.ms / 1000).toFixed(2)} s, one thread ${(b.ms / 1000).toFixed(2)} s: x${(a.ms / b.ms).toFixed(2)} the time`);
    }
  }
}

const line = (label: string, m: Measure, pages: number, bytes: number) =>
  console.log(`  ${label.padEnd(26)} ${(pages / (m.ms / 1000)).toFixed(0).padStart(8)} pages/s ${(bytes / 1e6 / (m.ms / 1000)).toFixed(1).padStart(8)} MB/s ${m.maxRssMB.toFixed(0).padStart(6)} MB peak  (${(m.ms / 1000).toFixed(2)} s)`);

try {
  console.log(`rightslint bench: median of ${runs} runs, ${execFileSync('nproc').toString().trim()} cores, Node ${process.version}\n`);
  const html = htmlSite(Number(values.pages));
  const pages = Number(values.pages);
  console.log(`HTML: ${pages} real pages, ${(html.bytes / 1e6).toFixed(0)} MB`);
  const against = values.against;
  const colds: Measure[] = [];
  const befores: Measure[] = [];
  for (let i = 0; i < runs; i++) {
    // Each goes first in every other pair, so neither gains from what the other left in the OS's caches.
    if (against && i % 2 === 1) befores.push(childOf(against, 'rightslint', html.dir));
    colds.push(child('rightslint', html.dir));
    if (against && i % 2 === 0) befores.push(childOf(against, 'rightslint', html.dir));
  }
  const cold = median(colds);
  const cache = join(work, 'cache');
  child('rightslint', html.dir, cache);
  const warm = times(runs, () => child('rightslint', html.dir, cache));
  // As after a fresh checkout: the digest index knows no file, every page is read and hashed.
  const touched = times(runs, () => {
    for (const entry of readdirSync(html.dir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) utimesSync(join(entry.parentPath, entry.name), new Date(), new Date());
    }
    return child('rightslint', html.dir, cache);
  });
  const baseline = times(runs, () => child('rehype', html.dir));
  const rg = await rgMeasure(html.dir);
  line('rightslint, cold', cold, pages, html.bytes);
  const before = against ? median(befores) : undefined;
  if (before) line('before (--against), cold', before, pages, html.bytes);
  line('rightslint, warm cache', warm, pages, html.bytes);
  line('warm, every file touched', touched, pages, html.bytes);
  line('unified + rehype-parse', baseline, pages, html.bytes);
  if (rg) line('rg, keyword alternation', rg, pages, html.bytes);
  console.log(`  cold / rehype baseline: ${(baseline.ms / cold.ms).toFixed(2)}x faster`);
  if (before) {
    const ratios = colds.map((m, i) => m.ms / (befores[i] as Measure).ms).sort((a, b) => a - b);
    const each = ratios.map((r) => r.toFixed(2)).join(', ');
    console.log(`  cold / before:          ${(cold.ms / before.ms).toFixed(2)}x the time, ${(cold.maxRssMB / before.maxRssMB).toFixed(2)}x the peak memory (run by run: ${each})`);
  }
  console.log(`  cold / warm cache:      ${(cold.ms / warm.ms).toFixed(1)}x (${(cold.ms / touched.ms).toFixed(1)}x with every file touched, as after a fresh checkout)`);
  console.log(rg ? `  cold vs rg:             ${(cold.ms / rg.ms).toFixed(1)}x slower` : '  rg: not installed, no ratio');

  // `--markdown 0` leaves the Markdown site out (a check of an empty folder is a usage error).
  const mdPages = Number(values.markdown);
  if (mdPages > 0) {
    const md = markdownSite(mdPages);
    console.log(`\nMarkdown: ${mdPages} generated articles, ${(md.bytes / 1e6).toFixed(0)} MB`);
    const mdCold = times(runs, () => child('rightslint', md.dir));
    const mdBaseline = times(runs, () => child('rehype', md.dir));
    line('rightslint, cold', mdCold, mdPages, md.bytes);
    line('unified + remark-parse', mdBaseline, mdPages, md.bytes);
  }

  const hostile = measureHostilePattern();
  console.log(`\nA user's (a+)+$ pattern over a 1 MB page: ${hostile.toFixed(0)} ms (RE2: linear time)`);

  console.log('\nScaling (HTML, cold, one run each):');
  const scale = values.scale.split(',').filter(Boolean).map(Number);
  const measured = scale.map((count) => {
    const site = count === pages ? html : htmlSite(count);
    const m = child('rightslint', site.dir);
    line(`${count} pages`, m, count, site.bytes);
    return { count, m };
  });
  for (let i = 1; i < measured.length; i++) {
    const a = measured[i - 1] as { count: number; m: Measure };
    const b = measured[i] as { count: number; m: Measure };
    console.log(`  ${b.count}/${a.count} pages: time x${(b.m.ms / a.m.ms).toFixed(2)} for x${(b.count / a.count).toFixed(1)} pages`);
  }

  measureThreads();
  await measureBait();
} finally {
  rmSync(work, { recursive: true, force: true });
}
