import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { check } from '../src/engine/check.js';
import { checkSource } from '../src/engine/check-source.js';
import type { CheckResult } from '../src/workspace/result.js';
import { runCli } from './support/run-cli.js';
import { scratchFolder } from './support/scratch.js';

function site(files: Record<string, string | Uint8Array>): string {
  const folder = scratchFolder('hostile');
  for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, name), content);
  return folder;
}
const statuses = (result: CheckResult) => result.files.map((f) => [f.path, f.status, f.reason ?? '', f.findings.map((x) => `${x.ruleId}:${x.severity}`)]);

afterEach(() => vi.unstubAllEnvs());

describe('files that cannot be checked', () => {
  const files = () => site({
    'rightslint.yaml': 'maxFileSize: 2000\n',
    'big.html': `<p>${'x'.repeat(3000)}</p>`,
    'binary.html': new Uint8Array([0x3c, 0x70, 0x3e, 0x00, 0x01, 0x02]),
    'lfs.html': 'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n',
    'good.html': '<article><h1>T</h1><p>PARIS (AFP) - Fine.</p></article>',
  });

  it('reports each with its status and reason as an error, outside CI too, and checks the rest', async () => {
    vi.stubEnv('CI', '');
    const folder = files();
    symlinkSync('loop-b.html', join(folder, 'loop-a.html'));
    symlinkSync('loop-a.html', join(folder, 'loop-b.html'));
    symlinkSync('missing.html', join(folder, 'broken.html'));
    const result = await check({ cwd: folder, asOf: '2026-01-15' });
    expect(statuses(result)).toEqual([
      ['big.html', 'skipped', 'larger than the size limit (3007 bytes, limit 2000: see `maxFileSize`)', ['unscannable-file:error']],
      ['binary.html', 'skipped', 'binary file (a NUL byte in its first 8000 bytes)', ['unscannable-file:error']],
      ['broken.html', 'error', expect.stringMatching(/broken symbolic link \(ENOENT\)/), ['unscannable-file:error']],
      ['good.html', 'scanned', '', ['unlicensed-content:error']],
      ['lfs.html', 'skipped', 'a Git LFS pointer, not the page (fetch the LFS objects: `git lfs pull`, or `lfs: true` in actions/checkout)', ['unscannable-file:error']],
      ['loop-a.html', 'error', expect.stringMatching(/broken symbolic link \(ELOOP\)/), ['unscannable-file:error']],
      ['loop-b.html', 'error', expect.stringMatching(/broken symbolic link \(ELOOP\)/), ['unscannable-file:error']],
    ]);
  });

  it('fail the build outside CI as in it, unless the policy lowers the rule', async () => {
    const folder = site({ 'rightslint.yaml': 'maxFileSize: 10\n', 'a.html': '<p>A page of the site.</p>' });
    for (const ci of ['', 'true']) {
      vi.stubEnv('CI', ci);
      const { code, stdout } = await runCli(['check'], folder);
      expect([ci, code]).toEqual([ci, 1]);
      expect(stdout).toContain('1:1  error  Cannot check this file: larger than the size limit (26 bytes, limit 10: see `maxFileSize`)  unscannable-file');
    }
    writeFileSync(join(folder, 'rightslint.yaml'), 'maxFileSize: 10\nrules:\n  unscannable-file: warning\n');
    const lowered = await runCli(['check', '--format', 'json'], folder);
    expect(lowered.code).toBe(0);
    expect(statuses(JSON.parse(lowered.stdout) as CheckResult)).toEqual([
      ['a.html', 'skipped', 'larger than the size limit (26 bytes, limit 10: see `maxFileSize`)', ['unscannable-file:warning']],
    ]);
  });
});

describe('encodings', () => {
  // "Copyright © Agence France-Presse" with the sign as windows-1252 byte 0xA9, after a line of é (0xE9).
  const notice = (declaration: string) => Buffer.concat([
    Buffer.from(`<html><head>${declaration}</head><body><article><h1>T</h1>\n<p>Caf`),
    Buffer.from([0xe9]),
    Buffer.from(' du port.</p>\n<footer><small>Copyright '),
    Buffer.from([0xa9]),
    Buffer.from(' Agence France-Presse</small></footer></article></body></html>'),
  ]);

  it('reads a windows-1252 page as declared, with positions that match the file', async () => {
    const folder = site({ 'page.html': notice('<meta charset="windows-1252">') });
    const [file] = (await check({ cwd: folder, asOf: '2026-01-15' })).files;
    expect(file?.encoding).toBe('windows-1252');
    expect(file?.holders[0]?.evidence).toEqual([expect.objectContaining({ signal: 'afp/notice', text: 'Copyright © Agence France-Presse', line: 3, column: 16 })]);
  });

  it('reads an undeclared Latin-1 page as a browser would, and follows a per-file override', async () => {
    const undeclared = site({ 'page.html': notice('') });
    expect((await check({ cwd: undeclared, asOf: '2026-01-15' })).files[0]?.holders[0]?.evidence[0]?.text).toBe('Copyright © Agence France-Presse');
    const wrong = site({ 'page.html': notice('<meta charset="utf-8">'), 'rightslint.yaml': 'overrides:\n  - files: ["*.html"]\n    encoding: iso-8859-1\n' });
    const [file] = (await check({ cwd: wrong, asOf: '2026-01-15' })).files;
    expect(file?.encoding).toBe('windows-1252');
    expect(file?.holders[0]?.evidence[0]?.text).toBe('Copyright © Agence France-Presse');
  });

  it('reads ISO-8859-15, where 0xA4 is the euro sign, and Shift_JIS, as declared', async () => {
    const folder = site({
      // "Prix : 5 €" (0xA4 is "¤" in windows-1252), then the notice with 0xA9.
      'latin9.html': Buffer.concat([notice('<meta charset="iso-8859-15">'), Buffer.from('<p>Prix : 5 '), Buffer.from([0xa4]), Buffer.from('</p>')]),
      // "【東京共同】政府は会見した。" in Shift_JIS: Kyodo's dateline, two bytes a character.
      'sjis.html': Buffer.concat([Buffer.from('<meta charset="shift_jis"><article><h1>T</h1>\n<p>'), Buffer.from('8179938c8b9e8ba493af817a90ad957b82cd89ef8ca982b582bd8142', 'hex'), Buffer.from('</p></article>')]),
    });
    const result = await check({ cwd: folder, asOf: '2026-01-15' });
    expect(result.files.map((f) => [f.path, f.encoding, f.holders.flatMap((h) => h.evidence.map((e) => [e.text, e.line, e.column]))])).toEqual([
      ['latin9.html', 'iso-8859-15', [['Copyright © Agence France-Presse', 3, 16]]],
      ['sjis.html', 'shift_jis', [['【東京共同】', 2, 4]]],
    ]);
  });

  it('honours only what the prescan finds: no charset in a comment or another meta, a declared UTF-16 as UTF-8', async () => {
    // Each would decode the page as UTF-16 and hide its notice if it were honoured.
    const utf8 = (head: string) => Buffer.from(`<html><head>${head}</head><body><article><h1>T</h1>\n<p>Café du port.</p>\n<footer><small>Copyright © Agence France-Presse</small></footer></article></body></html>`);
    const folder = site({
      'comment.html': utf8('<!-- <meta charset="utf-16"> -->'),
      'content.html': utf8('<meta name="description" content="charset=utf-16">'),
      'declared.html': utf8('<meta charset="utf-16">'),
      'pragma.html': notice('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'),
      'title.html': utf8('<title x="<meta charset=utf-16>">T</title>'),
    });
    const result = await check({ cwd: folder, asOf: '2026-01-15' });
    expect(result.files.map((f) => [f.path, f.encoding, f.holders.flatMap((h) => h.evidence.map((e) => [e.text, e.line, e.column]))])).toEqual([
      ['comment.html', 'utf-8', [['Copyright © Agence France-Presse', 3, 16]]],
      ['content.html', 'utf-8', [['Copyright © Agence France-Presse', 3, 16]]],
      ['declared.html', 'utf-8', [['Copyright © Agence France-Presse', 3, 16]]],
      ['pragma.html', 'windows-1252', [['Copyright © Agence France-Presse', 3, 16]]],
      ['title.html', 'utf-8', [['Copyright © Agence France-Presse', 3, 16]]],
    ]);
  });

  it('reads an undeclared page in another encoding by what its bytes look like, and by a declaration met late', async () => {
    const page = (head: string, hex: string, lang = '') => Buffer.concat([Buffer.from(`<html${lang}><head>${head}</head><body><article><h1>T</h1>\n<p>`), Buffer.from(hex, 'hex'), Buffer.from('</p></article></body></html>')]);
    // "【ワシントン3日共同】米政府は3日、会見を開き……" in Shift_JIS and "МОСКВА, 3 июня (Рейтер) - ……" in windows-1251, neither declared.
    const kyodo = '8179838f83568393836783933393fa8ba493af817a95c490ad957b82cd3393fa814189ef8ca982f08a4a82ab8141905682bd82c890a78dd982f094ad955c82b582bd81428ad68c578ed282c982e682e982c681418ba68b6382cd91b182ad8ca992ca82b582be8142';
    const reuters = 'ccced1cac2c02c203320e8feedff2028d0e5e9f2e5f029202d20cff0e0e2e8f2e5ebfcf1f2e2ee20d0eef1f1e8e820e220efeeede5e4e5ebfcede8ea20eee1faffe2e8ebee20ee20edeee2fbf520ece5f0e0f520efeee4e4e5f0e6eae820fdeaeeedeeece8eae82e';
    const folder = site({
      'sjis.html': page('', kyodo),
      'cp1251.html': page('', reuters),
      // A declaration after a kilobyte of script, which the prescan does not reach: "Prix : 5 €" with the euro sign as ISO-8859-15's 0xA4.
      'late.html': page(`<script>/*${'x'.repeat(1100)}*/</script><meta charset="iso-8859-15">`, Buffer.concat([Buffer.from('Prix : 5 '), Buffer.from([0xa4])]).toString('hex')),
      // "Praha (ČTK) - Vláda ..." in ISO-8859-2, too short for its bytes alone to tell it from ISO-8859-1: the page's language does.
      'cs.html': page('', '50726168612028c8544b29202d20566ce1646120766520e874767274656b2073636876e16c696c61206e6f76fd20706ce16e20686f73706f64e1f8736be920706f64706f72792e', ' lang="cs"'),
      // windows-1252's em dash, 0x97, after an AFP dateline.
      'dash.html': page('<meta charset="windows-1252">', Buffer.concat([Buffer.from('PARIS (AFP) '), Buffer.from([0x97]), Buffer.from(' Talks resumed.')]).toString('hex')),
    });
    const result = await check({ cwd: folder, asOf: '2026-01-15' });
    expect(result.files.map((f) => [f.path, f.encoding, f.holders.flatMap((h) => h.evidence.map((e) => e.text))])).toEqual([
      ['cp1251.html', 'windows-1251', ['МОСКВА, 3 июня (Рейтер)']],
      ['cs.html', 'iso-8859-2', ['Praha (ČTK)']],
      ['dash.html', 'windows-1252', ['PARIS (AFP)']],
      ['late.html', 'iso-8859-15', []],
      ['sjis.html', 'shift_jis', ['【ワシントン3日共同】']],
    ]);
  });

  it('lets a byte order mark win over a declaration', async () => {
    const text = '<meta charset="windows-1252"><article><h1>T</h1><p>Café du port.</p><footer><small>Copyright © Agence France-Presse</small></footer></article>';
    const folder = site({ 'page.html': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]) });
    const [file] = (await check({ cwd: folder, asOf: '2026-01-15' })).files;
    expect([file?.encoding, file?.holders[0]?.evidence[0]?.text]).toEqual(['utf-8', 'Copyright © Agence France-Presse']);
  });

  it('reads UTF-16 with a byte order mark', async () => {
    const text = '<article><h1>T</h1><p>MADRID (EFE).- Texto de agencia.</p></article>';
    const folder = site({ 'page.html': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) });
    const [file] = (await check({ cwd: folder, asOf: '2026-01-15' })).files;
    expect([file?.encoding, file?.holders.map((h) => h.holder)]).toEqual(['utf-16le', ['efe']]);
  });
});

describe('hostile policies', () => {
  it('rejects an alias bomb with a pointed message, not a hang or a stack trace', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefghi'[i]}`).join(',')}]`), 'self: *i'].join('\n');
    const folder = site({ 'rightslint.yaml': bomb });
    const { code, stderr } = await runCli(['check'], folder);
    expect(code).toBe(2);
    expect(stderr).toMatch(/rightslint\.yaml:1:1: .*(?:alias|Excessive)/i);
  });

  it('rejects wrong types, naming the field', async () => {
    const folder = site({ 'rightslint.yaml': 'licenses: {id: a}\nmaxFileSize: big\n' });
    const { code, stderr } = await runCli(['check'], folder);
    expect(code).toBe(2);
    expect(stderr).toContain('rightslint.yaml:1:11: `licenses`');
    expect(stderr).toContain('rightslint.yaml:2:14: `maxFileSize`');
  });
});

/** The CPU time (ms) this process spends on `run`: the machine's other work does not count. */
async function cpuMs(run: () => Promise<unknown>): Promise<number> {
  const before = process.cpuUsage();
  await run();
  const { user, system } = process.cpuUsage(before);
  return (user + system) / 1000;
}

/**
 * How many times the work grows when the page grows fourfold: about 4 where checking is linear in
 * the page, 16 where it is quadratic. Time is compared with time of the same run, never with a limit.
 */
async function growth(page: (length: number) => Record<string, string>, run: (folder: string) => Promise<unknown>): Promise<number> {
  const [small, large] = [site(page(250_000)), site(page(1_000_000))];
  await run(small); // compiled and warm, as the large page will find it
  return (await cpuMs(() => run(large))) / (await cpuMs(() => run(small)));
}

const repeat = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

describe('hostile pages', () => {
  // Each was once quadratic or worse: a window read for every sign, every exclusion run again
  // for every hit, a holder's evidence copied at every hit. Before, the three took minutes and
  // gigabytes; each is a megabyte of text.
  it('of a megabyte of signs, credits or citations are checked in time linear in their size', async () => {
    const pages = (length: number) => ({
      'signs.html': `<p>${repeat('© ', length)}</p>`,
      'credits.html': `<figure><img src="a.jpg"><figcaption>${repeat('AFP/', length)}</figcaption></figure>`,
      'citations.html': `<p>${repeat('told AFP. ', length)}</p>`,
      // Each line of a <pre> is a block, up to a wire story's length.
      'lines.html': `<pre>${repeat('x\n', length)}</pre>`,
    });
    for (const prefilter of [true, false]) {
      const run = async (folder: string) => {
        const result = await check({ cwd: folder, asOf: '2026-01-15', prefilter, workers: 1 });
        expect(result.files.map((f) => [f.path, f.status])).toEqual([['citations.html', 'scanned'], ['credits.html', 'scanned'], ['lines.html', 'scanned'], ['signs.html', 'scanned']]);
        expect(result.files.find((f) => f.path === 'credits.html')?.holders.map((h) => h.holder)).toEqual(['afp']);
        expect(result.files.find((f) => f.path === 'citations.html')?.holders).toEqual([]);
      };
      expect(await growth(pages, run)).toBeLessThan(8);
    }
  });

  // The parsers read nesting by recursion. These depths took more stack than a worker has by
  // default, and JSON-LD nested so deep took gigabytes, each level copying the path to it.
  it('nested 30,000 deep, in markup or in JSON-LD, are checked in a worker like any other, and in a run checked in the calling thread', async () => {
    const depth = 30_000;
    const folder = site({
      'divs.html': `<p>PARIS (AFP) - Talks resumed.</p>${'<div>'.repeat(depth)}x${'</div>'.repeat(depth)}`,
      'jsonld.html': `<script type="application/ld+json">{"author": ${'{"a": '.repeat(depth)}"AFP"${'}'.repeat(depth)}}</script><p>Talks resumed.</p>`,
    });
    const result = await check({ cwd: folder, asOf: '2026-01-15', isolate: true, workers: 1 });
    expect(result.files.map((f) => [f.path, f.status, f.reason ?? '', f.holders.flatMap((h) => h.evidence.map((e) => e.signal))])).toEqual([
      ['divs.html', 'scanned', '', ['afp/dateline']],
      ['jsonld.html', 'scanned', '', ['afp/jsonld-author']],
    ]);
    // The calling thread's stack ends far sooner: a page that runs out of it is left to a worker,
    // unless one thread was asked for; so is one given as bytes (standard input, an audit's page).
    expect(await check({ cwd: folder, asOf: '2026-01-15' })).toEqual(result);
    const inThisThread = await check({ cwd: folder, asOf: '2026-01-15', workers: 1 });
    expect(inThisThread.files.find((f) => f.path === 'divs.html')?.reason).toBe('Cannot check `divs.html`: Maximum call stack size exceeded');
    const divs = readFileSync(join(folder, 'divs.html'));
    const piped = await checkSource({ bytes: divs, filename: 'divs.html', cwd: folder, asOf: '2026-01-15' });
    expect(piped.files).toEqual(result.files.filter((f) => f.path === 'divs.html'));
  });
});

describe('patterns from users', () => {
  const holder = (pattern: string) => `id: slow\nname: Slow Wire\nkinds: [text]\nsignals:\n  - id: any\n    type: credit\n    kind: text\n    regions: [body]\n    pattern: '${pattern}'\n`;

  it('run in linear time: (a+)+$ over a 1 MB page does not stall the scan', async () => {
    const page = (length: number) => ({ 'rightslint.yaml': 'holders: [slow.yaml]\n', 'slow.yaml': holder('(a+)+$'), 'page.html': `<p>${'a'.repeat(length)}!</p>` });
    const run = async (folder: string) => {
      const result = await check({ cwd: folder, asOf: '2026-01-15', prefilter: false, workers: 1 });
      expect(result.files[0]?.status).toBe('scanned');
    };
    expect(await growth(page, run)).toBeLessThan(8);
  });

  it('are refused at load time, with the place, when they need backtracking', async () => {
    const folder = site({ 'rightslint.yaml': 'holders: [slow.yaml]\n', 'slow.yaml': holder('Slow(?= Wire)') });
    const { code, stderr } = await runCli(['check'], folder);
    expect(code).toBe(2);
    expect(stderr).toContain('slow.yaml:9:14: `signals[0].pattern` Cannot compile pattern for RE2, the linear-time engine: invalid or unsupported Perl syntax: `(?=`. RE2 has no lookahead: give the text that must follow a match as `followedBy`, or the characters that must not as `notFollowedBy`.');
  });
});
