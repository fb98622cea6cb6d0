import { execFileSync, spawn } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { writeChunks } from '../src/cli/write-chunks.js';
import type { CheckResult } from '../src/workspace/result.js';
import { writeAtomic } from '../src/workspace/write-atomic.js';
import { runCli } from './support/run-cli.js';
import { scratchFolder } from './support/scratch.js';

const AS_OF = ['--as-of', '2026-01-15'];

/** A site of one unlicensed AFP story, and an empty folder beside it for the reports. */
function siteAndOutputs(): { site: string; out: string } {
  const site = scratchFolder('site');
  writeFileSync(join(site, 'story.html'), '<article><h1>T</h1><p>PARIS (AFP) - A wire story.</p></article>');
  return { site, out: scratchFolder('out') };
}
const pathsIn = (result: string) => (JSON.parse(result) as CheckResult).files.map((f) => f.path);

describe('-o onto what is not a plain file', () => {
  it('writes through a symbolic link to the file it points at, and keeps the link', async () => {
    const { site, out } = siteAndOutputs();
    writeFileSync(join(out, 'real.json'), 'old');
    symlinkSync('real.json', join(out, 'link.json'));
    const { code } = await runCli(['check', ...AS_OF, '-f', 'json', '-o', join(out, 'link.json')], site);
    expect(code).toBe(1);
    expect([lstatSync(join(out, 'link.json')).isSymbolicLink(), readlinkSync(join(out, 'link.json'))]).toEqual([true, 'real.json']);
    expect(pathsIn(readFileSync(join(out, 'real.json'), 'utf8'))).toEqual(['story.html']);
    expect(readdirSync(out).sort()).toEqual(['link.json', 'real.json']);
  });

  it('creates the file a dangling link names, and keeps the link', async () => {
    const { site, out } = siteAndOutputs();
    symlinkSync('made.json', join(out, 'link.json'));
    await runCli(['check', ...AS_OF, '-f', 'json', '-o', join(out, 'link.json')], site);
    expect(lstatSync(join(out, 'link.json')).isSymbolicLink()).toBe(true);
    expect(pathsIn(readFileSync(join(out, 'made.json'), 'utf8'))).toEqual(['story.html']);
  });

  it('writes into a FIFO in place instead of replacing it with a plain file', async () => {
    const { site, out } = siteAndOutputs();
    const fifo = join(out, 'report.fifo');
    execFileSync('mkfifo', [fifo]);
    // A reader in another process, so that a FIFO replaced by the write cannot hang this one.
    const reader = spawn('cat', [fifo]);
    let read = '';
    reader.stdout.on('data', (chunk: Buffer) => (read += chunk.toString()));
    const closed = new Promise<void>((done) => reader.on('close', () => done()));
    const { code } = await runCli(['check', ...AS_OF, '-f', 'json', '-o', fifo], site);
    const timer = setTimeout(() => reader.kill(), 5000);
    await closed;
    clearTimeout(timer);
    expect(code).toBe(1);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(pathsIn(read)).toEqual(['story.html']);
    expect(readdirSync(out)).toEqual(['report.fifo']);
  });

  it('refuses a folder in one line, exit 2, leaving nothing behind', async () => {
    const { site } = siteAndOutputs();
    mkdirSync(join(site, 'reports'));
    const { code, stderr } = await runCli(['check', ...AS_OF, '-f', 'json', '-o', 'reports'], site);
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe('rightslint: Cannot write `reports`: it is a folder (give a file name)');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect([readdirSync(site).sort(), readdirSync(join(site, 'reports'))]).toEqual([['reports', 'story.html'], []]);
  });

  it('refuses a path whose folder does not exist in one line, exit 2, leaving nothing behind', async () => {
    const { site, out } = siteAndOutputs();
    const { code, stderr } = await runCli(['check', ...AS_OF, '-f', 'json', '-o', join(out, 'missing', 'report.json')], site);
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe(`rightslint: Cannot write \`${join(out, 'missing', 'report.json')}\`: its folder does not exist`);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(out)).toEqual([]);
  });

  it('is refused before any page is read, not after the whole scan', async () => {
    const { site, out } = siteAndOutputs();
    const { code } = await runCli(['check', ...AS_OF, '--cache', '-f', 'json', '-o', join(out, 'missing', 'report.json')], site);
    expect(code).toBe(2);
    // A scan would have left its cache of results behind.
    expect(readdirSync(site)).toEqual(['story.html']);
  });
});

describe('a report written in chunks', () => {
  // Chunks with text of several bytes in UTF-8, to show none is cut or re-encoded on the way.
  const CHUNKS = Array.from({ length: 5 }, (_, i) => `chunk ${i}: Agence France-Presse ✖ é\n`.repeat(1000));

  it('goes to a file whole, equal to the chunks joined, each on disk before the next is made', async () => {
    const out = scratchFolder('chunks');
    const path = join(out, 'report.txt');
    const onDisk: number[] = [];
    function* chunks(): Generator<string> {
      for (const chunk of CHUNKS) {
        // What the temporary file holds when the next chunk is asked for.
        const temporary = readdirSync(out).filter((name) => name.endsWith('.tmp'));
        onDisk.push(temporary.length === 1 ? lstatSync(join(out, temporary[0] ?? '')).size : -1);
        yield chunk;
      }
    }
    await writeAtomic(path, chunks());
    expect(readFileSync(path, 'utf8')).toBe(CHUNKS.join(''));
    const sizes = CHUNKS.map((_, i) => Buffer.byteLength(CHUNKS.slice(0, i).join('')));
    expect(onDisk).toEqual(sizes);
    expect(readdirSync(out)).toEqual(['report.txt']);
  });

  it('leaves the old file and no temporary one when making a chunk fails', async () => {
    const out = scratchFolder('chunks-failed');
    const path = join(out, 'report.txt');
    writeFileSync(path, 'old');
    function* failing(): Generator<string> {
      yield 'new';
      throw new RangeError('Invalid string length');
    }
    await expect(writeAtomic(path, failing())).rejects.toThrow('Invalid string length');
    expect([readdirSync(out), readFileSync(path, 'utf8')]).toEqual([['report.txt'], 'old']);
  });

  it('goes to a stream one chunk at a time, the next asked for only once the stream has drained', async () => {
    let buffered = 0;
    const written: string[] = [];
    // A slow reader: each write is taken a tick later, and the buffer holds less than a chunk.
    const stream = new Writable({
      highWaterMark: 16,
      write(chunk: Buffer, _encoding, done) {
        written.push(chunk.toString());
        setImmediate(done);
      },
    });
    function* chunks(): Generator<string> {
      for (const chunk of CHUNKS) {
        buffered = Math.max(buffered, stream.writableLength);
        if (stream.writableLength > 0) throw new Error('a chunk was asked for while the last one waited in the buffer');
        yield chunk;
      }
    }
    await writeChunks(stream, chunks());
    expect(written.join('')).toBe(CHUNKS.join(''));
    expect(buffered).toBe(0);
  });

  it('writes every chunk to an object with a plain write function, as tests give', async () => {
    let text = '';
    let writes = 0;
    await writeChunks({ write: (chunk: string) => { writes++; return (text += chunk); } }, CHUNKS);
    expect([text, writes]).toEqual([CHUNKS.join(''), CHUNKS.length]);
    // A string is one chunk, not an iterable of characters.
    await writeChunks({ write: () => writes++ }, 'one chunk');
    expect(writes).toBe(CHUNKS.length + 1);
  });

  it('stops quietly, asking for no more chunks, when the reader goes away (EPIPE)', async () => {
    let asked = 0;
    const stream = new Writable({
      highWaterMark: 16,
      write(_chunk, _encoding, done) {
        done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    stream.on('error', () => {});
    function* chunks(): Generator<string> {
      for (const chunk of CHUNKS) {
        asked++;
        yield chunk;
      }
    }
    await writeChunks(stream, chunks());
    expect(asked).toBe(1);
  });

  it('fails on another error of the stream', async () => {
    const stream = new Writable({
      highWaterMark: 16,
      write(_chunk, _encoding, done) {
        setImmediate(() => done(Object.assign(new Error('write ENOSPC'), { code: 'ENOSPC' })));
      },
    });
    stream.on('error', () => {});
    await expect(writeChunks(stream, CHUNKS)).rejects.toThrow('ENOSPC');
  });
});
