// One measured run for `npm run bench`, in a fresh process so that its peak memory is its own.
// Usage: node scripts/bench-child.mjs rightslint|rehype DIR [CACHE_DIR]
// BENCH_DIST names another build's dist/index.js to measure instead of this one (`--against`);
// BENCH_WORKERS sets `workers` (by default rightslint chooses); BENCH_ISOLATE checks every page in a
// worker, as the command line does.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fg from 'fast-glob';

const [mode, dir, cacheLocation] = process.argv.slice(2);
const started = performance.now();
let files = 0;
if (mode === 'rightslint') {
  const { check } = await import(process.env.BENCH_DIST ?? '../dist/index.js');
  const workers = process.env.BENCH_WORKERS ? { workers: Number(process.env.BENCH_WORKERS) } : {};
  const isolate = process.env.BENCH_ISOLATE ? { isolate: true } : {};
  const result = await check({ paths: [dir], cwd: dir, asOf: '2026-01-15', ...workers, ...isolate, ...(cacheLocation ? { cacheLocation } : {}) });
  files = result.files.length;
} else {
  // The plain baseline: read each page and build its syntax tree with unified, in one thread.
  const { unified } = await import('unified');
  const html = unified().use((await import('rehype-parse')).default);
  const markdown = unified().use((await import('remark-parse')).default);
  for (const name of await fg('**/*.{html,md}', { cwd: dir })) {
    const text = await readFile(join(dir, name), 'utf8');
    (name.endsWith('.md') ? markdown : html).parse(text);
    files++;
  }
}
const ms = performance.now() - started;
process.stdout.write(JSON.stringify({ ms, files, maxRssMB: peakMB() }));

/**
 * This process's peak resident memory. On Linux, from VmHWM: getrusage's maxRSS (Node's
 * `resourceUsage().maxRSS`) survives exec, so a child would report at least its parent's peak.
 */
function peakMB() {
  try {
    const kB = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kB) return Number(kB) / 1024;
  } catch {
    // Not Linux: getrusage is what there is.
  }
  return process.resourceUsage().maxRSS / 1024;
}
