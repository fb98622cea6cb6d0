import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { CheckResult } from '../src/workspace/result.js';
import { runCli } from './support/run-cli.js';
import { scratchFolder } from './support/scratch.js';

// What merge reads, and how: each chunk a stream gives, and each file read whole (into one string).
const reads = vi.hoisted(() => ({ chunks: [] as number[], whole: [] as string[] }));

vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  const { Transform } = await import('node:stream');
  return {
    ...fs,
    readFileSync: (...args: Parameters<typeof fs.readFileSync>) => {
      reads.whole.push(String(args[0]));
      return fs.readFileSync(...args);
    },
    createReadStream: (...args: Parameters<typeof fs.createReadStream>) => {
      const counted = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          reads.chunks.push(chunk.length);
          done(null, chunk);
        },
      });
      return fs.createReadStream(...args).on('error', (error) => counted.destroy(error)).pipe(counted);
    },
  };
});
vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof import('node:fs/promises')>();
  return {
    ...fs,
    readFile: (...args: Parameters<typeof fs.readFile>) => {
      reads.whole.push(String(args[0]));
      return fs.readFile(...args);
    },
  };
});

/** Two shards of 1,000 unlicensed pages each, written as `check -f json -o` writes them (about 1.5 MB each). */
async function shards(): Promise<string> {
  const folder = scratchFolder('shards');
  await runCli(['check', '--as-of', '2026-01-15', '-f', 'json', '-o', join(folder, 'one.json')], join(import.meta.dirname, 'fixtures/wire-unlicensed'));
  const result = JSON.parse(readFileSync(join(folder, 'one.json'), 'utf8')) as CheckResult;
  const [page] = result.files;
  if (!page) throw new Error('Cannot make shards: the fixture gave no page');
  for (const shard of [0, 1]) {
    const files = Array.from({ length: 1000 }, (_, i) => ({ ...page, path: `world/page-${shard}-${String(i).padStart(4, '0')}.html` }));
    writeFileSync(join(folder, `shard-${shard}.json`), `${JSON.stringify({ ...result, files }, null, 2)}\n`);
  }
  return folder;
}

describe('merge reading a shard', () => {
  it('reads it a chunk at a time, never whole into one string, which V8 caps at about 512 MB', async () => {
    const folder = await shards();
    reads.chunks.length = 0;
    reads.whole.length = 0;
    const { code, stdout } = await runCli(['merge', 'shard-0.json', 'shard-1.json'], folder);
    expect(code).toBe(1);
    const merged = JSON.parse(stdout) as CheckResult;
    expect(merged.files.map((file) => file.path)).toEqual([...merged.files.map((file) => file.path)].sort());
    expect(merged.summary).toMatchObject({ files: 2000, errors: 2000 });
    expect(reads.whole.filter((file) => file.includes('shard-'))).toEqual([]);
    expect(reads.chunks.length).toBeGreaterThan(40);
    expect(Math.max(...reads.chunks)).toBeLessThanOrEqual(64 * 1024);
  });

  it('says which shard it cannot read or parse, exit 2', async () => {
    const folder = scratchFolder('broken-shard');
    writeFileSync(join(folder, 'cut.json'), '{"version": 1, "files": [');
    // Cut just after a bracket, where a streaming parser may take what it has for the whole.
    expect(await runCli(['merge', 'cut.json'], folder)).toMatchObject({ code: 2, stderr: 'rightslint: Cannot merge `cut.json`: Unexpected end of JSON input: the file ends before its brackets close (was it cut short?)\n' });
    writeFileSync(join(folder, 'cut.json'), '{"version": 1, "files": [{"path": "a.html", "sta');
    expect(await runCli(['merge', 'cut.json'], folder)).toMatchObject({ code: 2, stderr: expect.stringMatching(/^rightslint: Cannot merge `cut\.json`: .+ in JSON at position \d+\n$/) });
    expect(await runCli(['merge', 'missing.json'], folder)).toMatchObject({ code: 2, stderr: expect.stringMatching(/^rightslint: Cannot read `missing\.json`: no such file or folder \(ENOENT\)\n$/) });
  });
});
