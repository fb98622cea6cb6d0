import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { check, type CheckOptions } from '../src/engine/check.js';
import { isLargeRun, knownFiles, type KnownFiles } from '../src/engine/pool.js';
import { prepareRun, type Run, runKey } from '../src/engine/run.js';
import { defaultPolicy } from '../src/config/policy.js';
import { builtEntry } from '../src/package-root.js';
import { newTaskClock, startTaskClock, taskCpuMs } from '../src/engine/thread-clock.js';
import { DigestIndex } from '../src/workspace/digest-index.js';
import type { Target } from '../src/workspace/files.js';
import { CORPUS, hasCorpus, labelledPageCount } from './support/corpus.js';
import { scratchFolder } from './support/scratch.js';

const PAGES = join(import.meta.dirname, 'holders');
let site: string;

/** A site of a few hundred pages: every holder fixture, several times, each a little different. */
const COPIES = 3;
beforeAll(() => {
  site = scratchFolder('scale');
  const names = readdirSync(PAGES).filter((name) => /\.test\.(?:html|md)$/.test(name));
  for (let copy = 0; copy < COPIES; copy++) {
    for (const name of names) {
      const text = readFileSync(join(PAGES, name), 'utf8');
      writeFileSync(join(site, `${copy}-${name}`), `${text}\n<!-- copy ${copy} -->\n`);
    }
  }
  writeFileSync(join(site, 'rightslint.yaml'), 'licenses:\n  - id: afp-text\n    holder: afp\n    kinds: [text]\n    retention: 30d\n');
});

const run = (options: CheckOptions = {}) => check({ cwd: site, asOf: '2026-01-15', ...options });

describe('at scale', () => {
  it('gives the same result with worker threads as in one thread', async () => {
    const inline = await run({ workers: 1 });
    expect(inline.files.length).toBeGreaterThan(200);
    expect(await run({ workers: 2 })).toEqual(inline);
  });

  it('gives the same result from a warm cache, and re-checks a changed page', async () => {
    const cacheLocation = scratchFolder('cache');
    const cold = await run({ cacheLocation, workers: 1 });
    expect(readdirSync(cacheLocation).length).toBeGreaterThan(0);
    expect(await run({ cacheLocation, workers: 2 })).toEqual(cold);
    // A different day: results that depend on it (retention, undated pages) are not reused.
    expect(await run({ cacheLocation, asOf: '2030-01-01' })).toEqual(await run({ asOf: '2030-01-01' }));
    // Change two neighbouring pages: where the digest index does not know the files, the second
    // is digested on the other thread.
    const pages = [0, 1].map((i) => join(site, cold.files[i]?.path ?? ''));
    const originals = pages.map((page) => readFileSync(page, 'utf8'));
    pages.forEach((page, i) => writeFileSync(page, `<p>PARIS (AFP) - Rewritten ${i}.</p>`));
    const changed = await run({ cacheLocation });
    expect(changed.files.slice(0, 2).map((f) => f.holders.map((h) => h.evidence[0]?.text))).toEqual([['PARIS (AFP)'], ['PARIS (AFP)']]);
    expect(changed.files.slice(2)).toEqual(cold.files.slice(2));
    pages.forEach((page, i) => writeFileSync(page, originals[i] as string));
  });

  it('answers an unchanged tree from its digest index, and reads a page changed under the same size and times', async () => {
    // Times of whole seconds, which can be set again exactly; a file changed less than a second
    // before it is looked at is never taken as unchanged.
    const pages = readdirSync(site).filter((name) => name.endsWith('.html')).map((name) => join(site, name));
    for (const page of pages) utimesSync(page, 1_700_000_000, 1_700_000_000);
    await sleep(1100);
    const cacheLocation = scratchFolder('cache');
    const cold = await run({ cacheLocation });
    const index = JSON.parse(readFileSync(join(cacheLocation, 'digests.json'), 'utf8')) as { files: Record<string, unknown> };
    expect(Object.keys(index.files).sort()).toEqual(cold.files.map((f) => join(site, f.path)).sort());
    expect(await run({ cacheLocation })).toEqual(cold);

    // New content of the same length, its modification time set back: only the change time tells.
    const page = join(site, cold.files.find((f) => f.path.endsWith('.html') && f.holders.length > 0)?.path ?? '');
    const original = readFileSync(page);
    writeFileSync(page, original.toString('latin1').replace(/[A-Za-z]/g, 'x'), 'latin1');
    utimesSync(page, 1_700_000_000, 1_700_000_000);
    const changed = await run({ cacheLocation });
    expect(changed.files.find((f) => join(site, f.path) === page)?.holders).toEqual([]);
    writeFileSync(page, original);

    // Another checkout of the same pages (another runner, the cache folder restored): every page
    // is read and digested again, half of them on a second thread, and answered from the cache.
    const copy = scratchFolder('copy');
    cpSync(site, copy, { recursive: true });
    // The same result but for the folder its paths are relative to.
    const again = await check({ cwd: copy, asOf: '2026-01-15', cacheLocation });
    expect(again.root).toBe(copy);
    expect({ ...again, root: site }).toEqual(await run());
  });

  it('answers an unchanged tree from the last results of its files, in one file, and from the results by key without it', async () => {
    const cacheLocation = scratchFolder('cache');
    const cold = await run({ cacheLocation, workers: 1 });
    const byKey = () => readdirSync(cacheLocation).filter((name) => /^[0-9a-f]{2}$/.test(name));
    expect(byKey().length).toBeGreaterThan(0);
    expect(readdirSync(cacheLocation)).toContain('last-results.json');
    // A run of a few files (those a pull request changed) looks them up by key, and leaves the last results alone.
    const lastResults = readFileSync(join(cacheLocation, 'last-results.json'), 'utf8');
    const page = join(site, cold.files[0]?.path ?? '');
    const original = readFileSync(page);
    writeFileSync(page, '<p>PARIS (AFP) - A page changed in a pull request.</p>');
    try {
      const few = await run({ cacheLocation, workers: 1, paths: [page] });
      expect(few.files[0]?.holders.map((h) => h.evidence[0]?.text)).toEqual(['PARIS (AFP)']);
      expect(readFileSync(join(cacheLocation, 'last-results.json'), 'utf8')).toBe(lastResults);
    } finally {
      writeFileSync(page, original);
    }
    // Without the results by key, the last results answer every page: none is checked, so none is stored again.
    for (const folder of byKey()) rmSync(join(cacheLocation, folder), { recursive: true });
    expect(await run({ cacheLocation, workers: 1 })).toEqual(cold);
    expect(byKey()).toEqual([]);
    // Damaged, they are passed over: the pages are checked again, and stored again.
    writeFileSync(join(cacheLocation, 'last-results.json'), '{"version":1,"files":{');
    expect(await run({ cacheLocation, workers: 1 })).toEqual(cold);
    expect(byKey().length).toBeGreaterThan(0);
    // An entry answers only for the key it was stored under: another policy's run finds none of them.
    writeFileSync(join(site, 'rightslint.yaml'), 'licenses: []\n');
    try {
      expect(await run({ cacheLocation, workers: 1 })).toEqual(await run({ workers: 1 }));
    } finally {
      writeFileSync(join(site, 'rightslint.yaml'), 'licenses:\n  - id: afp-text\n    holder: afp\n    kinds: [text]\n    retention: 30d\n');
    }
  });

  it('keeps no digest of a page written less than a second before it was looked at', async () => {
    const page = join(scratchFolder('racy'), 'page.html');
    writeFileSync(page, '<p>PARIS (AFP) - Talks resumed.</p>');
    // The clock is given: how long the machine takes between the write and the look is no matter.
    const changed = Number(statSync(page, { bigint: true }).ctimeNs / 1_000_000n);
    const lookAt = async (now: number): Promise<string[]> => {
      const folder = scratchFolder('cache');
      const index = new DigestIndex(folder);
      index.remember(page, DigestIndex.statOf(page, now) ?? expect.fail('no metadata'), 'digest');
      await index.save();
      return readdirSync(folder);
    };
    expect(await lookAt(changed + 900)).toEqual([]);
    expect(await lookAt(changed + 1100)).toEqual(['digests.json']);
  });

  it('keeps apart the results of two builds of the same version, whose detection may differ', async () => {
    const policy = await defaultPolicy(process.cwd());
    expect(runKey(policy, 'build-a')).not.toBe(runKey(policy, 'build-b'));
    expect(runKey(policy, 'build-a')).toBe(runKey(policy, 'build-a'));
    // The build writes the hash of its code beside it, which a run from the built code reads.
    if (existsSync(join(import.meta.dirname, '../dist/build-id'))) expect(readFileSync(join(import.meta.dirname, '../dist/build-id'), 'utf8')).toMatch(/^[0-9a-f]{16}\n$/);
  });

  it('gives every result when the cache cannot be written', async () => {
    const notAFolder = join(scratchFolder('cache'), 'file');
    writeFileSync(notAFolder, 'not a folder');
    expect(await run({ cacheLocation: notAFolder, workers: 1 })).toEqual(await run({ workers: 1 }));
  });

  it('splits the files into disjoint shards that add up to the whole', async () => {
    const whole = await run({ workers: 1 });
    const shards = await Promise.all([1, 2, 3].map((i) => run({ shard: `${i}/3`, workers: 1 })));
    const paths = shards.flatMap((shard) => shard.files.map((f) => f.path));
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths.sort()).toEqual(whole.files.map((f) => f.path).sort());
    expect(shards.every((shard) => shard.files.length > 0)).toBe(true);
  });
});

describe.skipIf(!hasCorpus)('on the shared corpus of real pages', () => {
  it('gives the same findings with and without the prefilter, workers, a cold and a warm cache, and shards', async () => {
    const options = { cwd: CORPUS, asOf: '2026-01-15' };
    const plain = await check({ ...options, prefilter: false, workers: 1 });
    expect(plain.files.length).toBe(labelledPageCount());
    const cacheLocation = scratchFolder('corpus-cache');
    expect(await check({ ...options, workers: 2 })).toEqual(plain);
    expect(await check({ ...options, cacheLocation })).toEqual(plain);
    expect(existsSync(join(cacheLocation, 'digests.json'))).toBe(true);
    expect(await check({ ...options, cacheLocation })).toEqual(plain);
    const shards = await Promise.all([1, 2, 3].map((i) => check({ ...options, shard: `${i}/3` })));
    const files = shards.flatMap((shard) => shard.files).sort((a, b) => a.path.localeCompare(b.path));
    expect(files).toEqual([...plain.files].sort((a, b) => a.path.localeCompare(b.path)));
  });
});

/**
 * A page that takes seconds of work to check (some 3 MB of datelined paragraphs): far beyond the
 * limits the tests below set, however busy the machine, as the limit counts the checking thread's
 * CPU time.
 */
function writeSlowPage(folder: string, name = 'slow.html', paragraphs = 45_000): void {
  writeFileSync(join(folder, name), `<article>${'<p>PARIS (AFP) - Talks resumed after a night of <em>long</em> debate.</p>\n'.repeat(paragraphs)}</article>`);
}

describe('a page that runs too long', () => {
  it('has its worker stopped and is reported, and the run goes on', async () => {
    const folder = scratchFolder('slow');
    writeSlowPage(folder, 'a-slow.html');
    writeSlowPage(folder, 'b-slow.html');
    writeFileSync(join(folder, 'c-quick.html'), '<p>PARIS (AFP) - Talks resumed.</p>');
    const result = await check({ cwd: folder, asOf: '2026-01-15', workers: 2, timeoutMs: 1000 });
    expect(result.files.map((f) => [f.path, f.status, f.reason ?? ''])).toEqual([
      ['a-slow.html', 'error', 'timed out after 1 s (see --timeout)'],
      ['b-slow.html', 'error', 'timed out after 1 s (see --timeout)'],
      ['c-quick.html', 'scanned', ''],
    ]);
    expect(result.files[0]?.findings.map((f) => f.ruleId)).toEqual(['unscannable-file']);
  });

  it('is reported from the worker itself, between the stages of its check, where this thread does not look at the clock', async () => {
    const folder = scratchFolder('slow-unwatched');
    writeSlowPage(folder);
    // This thread looks at a worker's clock on an interval timer: with none firing, only the
    // worker's own look between stages can tell that the page ran past its limit.
    vi.useFakeTimers({ toFake: ['setInterval'] });
    try {
      const result = await check({ cwd: folder, asOf: '2026-01-15', isolate: true, timeoutMs: 100 });
      expect(result.files.map((f) => [f.status, f.reason])).toEqual([['error', 'timed out after 0.1 s (see --timeout)']]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('is stopped in a run too small for the pool: in a worker when isolated, else in the calling thread after a stage', async () => {
    const folder = scratchFolder('small');
    writeSlowPage(folder);
    const timedOut = [['error', 'timed out after 0.001 s (see --timeout)']];
    const options = { cwd: folder, asOf: '2026-01-15', timeoutMs: 1 };
    expect((await check({ ...options, isolate: true })).files.map((f) => [f.status, f.reason])).toEqual(timedOut);
    expect((await check(options)).files.map((f) => [f.status, f.reason])).toEqual(timedOut);
    expect((await check({ ...options, workers: 1 })).files.map((f) => [f.status, f.reason])).toEqual(timedOut);
  });

  it('is left to a worker in a run too small for the pool when it is long and only parse5 reads it, as nothing could stop parse5 here', async () => {
    const folder = scratchFolder('small-parse5');
    // Some 1.1 MB of paragraphs closing over a bold that stays open: markup the tree builder
    // leaves to parse5, which takes seconds over it.
    writeFileSync(join(folder, 'bold.html'), `<p>PARIS (AFP) - Talks resumed.</p>${'<p><b>t</p>'.repeat(100_000)}`);
    const clock = newTaskClock();
    startTaskClock(clock); // this thread's CPU time from here
    const result = await check({ cwd: folder, asOf: '2026-01-15', timeoutMs: 200 });
    expect(result.files.map((f) => [f.status, f.reason])).toEqual([['error', 'timed out after 0.2 s (see --timeout)']]);
    // parse5 ran in the worker, which was stopped at the limit: this thread only read the page.
    expect(taskCpuMs(clock) ?? 0).toBeLessThan(1000);
  });

  it('is checked again by the next run, as its time limit may differ: no failure is cached', async () => {
    const folder = scratchFolder('slow-cached');
    writeSlowPage(folder, 'slow.html', 5_000); // some 375 kB, tens of milliseconds of work
    const options = { cwd: folder, asOf: '2026-01-15', cacheLocation: join(folder, '.cache') };
    expect((await check({ ...options, timeoutMs: 1, isolate: true })).files.map((f) => f.status)).toEqual(['error']);
    expect((await check(options)).files.map((f) => [f.status, f.holders.map((h) => h.holder)])).toEqual([['scanned', ['afp']]]);
  });
});

describe('the worker pool', () => {
  it('loads its worker with import(), never through require() of an ES module', () => {
    // piscina require()s its task file before it tries import(); Node's require() of an ES module
    // can abort the process when the worker is stopped while loading (issue 18). require() keeps
    // every module it loads, ES modules too, in require.cache; import() does not. (Outside a
    // pool the worker fails as it starts, with no policy given: it has been loaded by then.)
    const entry = fileURLToPath(builtEntry('worker.cjs'));
    const script = `const loaded = require(${JSON.stringify(entry)}); loaded.then(() => {}, () => {}).then(() => console.log(JSON.stringify({ isPromise: loaded instanceof Promise, loaded: Object.keys(require.cache).filter((path) => path.startsWith(${JSON.stringify(join(entry, '..'))})) })));`;
    expect(JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }))).toEqual({ isPromise: true, loaded: [entry] });
  });
});

describe('the size of a run', () => {
  /** Files of `sizes` bytes in a new folder with `policy`, as targets, and a run of that policy. */
  const sizedRun = async (sizes: readonly number[], policy = 'licenses: []\n', cacheFolder?: string) => {
    const folder = scratchFolder('sizes');
    writeFileSync(join(folder, 'rightslint.yaml'), policy);
    const targets = sizes.map((size, i) => {
      writeFileSync(join(folder, `${i}.html`), 'x'.repeat(size));
      return { absolute: join(folder, `${i}.html`), policyPath: `${i}.html` };
    });
    const run = await prepareRun({ config: join(folder, 'rightslint.yaml'), cwd: folder, asOf: '2026-01-15', prefilter: true, cacheFolder });
    return { folder, targets, run };
  };
  /** Whether the run is found larger than each of `limits`. */
  const largerThan = (targets: readonly Target[], run: Run, limits: readonly number[], known?: KnownFiles) => limits.map((limit) => isLargeRun(targets, run, known, limit));

  it('is the bytes of the files it will check', async () => {
    const { targets, run } = await sizedRun([100, 100, 100]);
    expect(largerThan(targets, run, [299, 300])).toEqual([true, false]);
    const [a, b, c] = targets as [Target, Target, Target];
    for (const left of [[a, b, { ...c, skipped: 'ignored' }], [a, b, { ...c, error: 'unreadable' }], [a, b, { ...c, absolute: `${c.absolute}.gone` }]]) {
      expect(largerThan(left, run, [199, 200])).toEqual([true, false]);
    }
  });

  it('leaves out files over the size limit, which are not checked', async () => {
    const { targets, run } = await sizedRun([100, 100, 200], 'maxFileSize: 150\n');
    expect(largerThan(targets, run, [199, 200])).toEqual([true, false]);
  });

  it('leaves out files the cache answers, and only those', async () => {
    const cacheFolder = scratchFolder('sizes-cache');
    const { folder, targets } = await sizedRun([100, 100, 100], undefined, cacheFolder);
    // The digest index keeps no file changed within the last second of the file system's clock.
    await sleep(1100);
    await check({ cwd: folder, asOf: '2026-01-15', cacheLocation: cacheFolder });
    writeFileSync(join(folder, '2.html'), 'y'.repeat(100));
    const knownTo = (checking: Run) => knownFiles(targets, checking);
    const again = await prepareRun({ config: join(folder, 'rightslint.yaml'), cwd: folder, asOf: '2026-01-15', prefilter: true, cacheFolder });
    expect(largerThan(targets, again, [99, 100], knownTo(again))).toEqual([true, false]);
    // Under another policy the digests are still known, but none of the results is.
    writeFileSync(join(folder, 'rightslint.yaml'), 'maxFileSize: 1000\n');
    const changed = await prepareRun({ config: join(folder, 'rightslint.yaml'), cwd: folder, asOf: '2026-01-15', prefilter: true, cacheFolder });
    expect(largerThan(targets, changed, [299, 300], knownTo(changed))).toEqual([true, false]);
  });
});

describe('a page too big for a worker', () => {
  it('is checked again in a worker with a larger heap, with the same result', async () => {
    const folder = scratchFolder('big');
    // About 5 MB of dense markup: some hundreds of thousands of nodes, more than a worker's heap holds.
    const filler = '<div><span>x</span></div>'.repeat(190_000);
    writeFileSync(join(folder, 'big.html'), `<article><p>PARIS (AFP) - Talks resumed.</p>${filler}</article>`);
    const options = { cwd: folder, asOf: '2026-01-15' };
    const pooled = await check({ ...options, workers: 2 });
    expect(pooled.files[0]?.status).toBe('scanned');
    expect(pooled).toEqual(await check({ ...options, workers: 1 }));
  });

  it('is reported, and the run goes on, when it is too big even for that, in a run checked in the calling thread too', async () => {
    // A megabyte of Markdown table: tens of thousands of rows, trees of more than a gigabyte. A
    // small run, checked in the calling thread, sends a Markdown page this large to a worker.
    const folder = scratchFolder('huge');
    writeFileSync(join(folder, 'huge.md'), `| a | b |\n|---|---|\n${'| AFP | x |\n'.repeat(90_000)}`);
    writeFileSync(join(folder, 'small.md'), 'PARIS (AFP) - Talks resumed.\n');
    const result = await check({ cwd: folder, asOf: '2026-01-15' });
    expect(result.files.map((f) => [f.path, f.status, f.reason ?? ''])).toEqual([
      ['huge.md', 'error', 'needs more than the 1024 MB of memory a page may take'],
      ['small.md', 'scanned', ''],
    ]);
  });
});
