import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { AuditPage } from '../src/audit/audit-page.js';
import { readWarc, warcRecordKey } from '../src/audit/warc.js';
import { scratchFolder } from './support/scratch.js';
import { archive, chunked, CRLF, http, record, response } from './support/warc-records.js';

const HOME = '<!doctype html><html lang="fr"><title>Accueil</title><p>Le café du « marché » ouvre à 7 h.</p></html>';
const STORY = '<!doctype html><title>Harbour opens</title><article><p>The new harbour opened on Monday.</p><figure><img src="ship.jpg"><figcaption>Photo: Example Agency</figcaption></figure></article>';
// "Déjà vu" between curly quotes, in windows-1252: é is 0xE9, à 0xE0, the quotes 0x93 and 0x94.
const CP1252 = Buffer.concat([Buffer.from('<!doctype html><meta charset="windows-1252"><p>'), Buffer.from([0x93, 0x44, 0xe9, 0x6a, 0xe0, 0x20, 0x76, 0x75, 0x94]), Buffer.from('</p>')]);
const SAVED = '<!doctype html><title>Saved by hand</title><p>A page the archivist stored as a resource.</p>';
const BROTLI = '<!doctype html><title>Compressed</title><p>Sent with br content coding.</p>';
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);

/** The records of the main archive, and what each becomes (undefined: no page). */
const RECORDS: [Buffer, Omit<AuditPage, 'archive'> | undefined][] = [
  [record({ 'WARC-Type': 'warcinfo', 'WARC-Date': '2024-03-01T10:00:00Z', 'Content-Type': 'application/warc-fields' }, `software: rightslint tests${CRLF}`), undefined],
  [record({ 'WARC-Type': 'request', 'WARC-Target-URI': 'https://news.example/', 'WARC-Date': '2024-03-01T10:00:01Z', 'Content-Type': 'application/http; msgtype=request' }, `GET / HTTP/1.1${CRLF}Host: news.example${CRLF}${CRLF}`), undefined],
  [response('https://news.example/', '2024-03-01T10:00:01Z', http('200 OK', { 'Content-Type': 'text/html; charset=utf-8' }, HOME)), { url: 'https://news.example/', captured: '2024-03-01T10:00:01.000Z', status: 200, contentType: 'text/html; charset=utf-8', bytes: new Uint8Array(Buffer.from(HOME)) }],
  [
    response('https://news.example/story', '2024-03-01T10:00:02Z', http('200 OK', { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip', 'Transfer-Encoding': 'chunked' }, chunked(gzipSync(STORY), 40))),
    { url: 'https://news.example/story', captured: '2024-03-01T10:00:02.000Z', status: 200, contentType: 'text/html', bytes: new Uint8Array(Buffer.from(STORY)) },
  ],
  [response('https://news.example/ship.jpg', '2024-03-01T10:00:03Z', http('200 OK', { 'Content-Type': 'image/jpeg' }, JPEG)), { url: 'https://news.example/ship.jpg', captured: '2024-03-01T10:00:03.000Z', status: 200, contentType: 'image/jpeg', skipped: 'not HTML (image/jpeg)' }],
  [response('https://news.example/gone', '2024-03-01T10:00:04Z', http('404 Not Found', { 'Content-Type': 'text/html' }, '<p>No such page</p>')), { url: 'https://news.example/gone', captured: '2024-03-01T10:00:04.000Z', status: 404, contentType: 'text/html', skipped: 'HTTP status 404 (Not Found)' }],
  [
    record(
      { 'WARC-Type': 'revisit', 'WARC-Target-URI': 'https://news.example/', 'WARC-Date': '2024-03-02T10:00:00Z', 'WARC-Profile': 'http://netpreserve.org/warc/1.1/revisit/identical-payload-digest', 'WARC-Refers-To-Target-URI': 'https://news.example/', 'WARC-Refers-To-Date': '2024-03-01T10:00:01Z', 'Content-Type': 'application/http; msgtype=response' },
      http('200 OK', { 'Content-Type': 'text/html; charset=utf-8' }),
    ),
    // Checked with the payload of the capture it repeats, as of its own date.
    { url: 'https://news.example/', captured: '2024-03-02T10:00:00.000Z', status: 200, contentType: 'text/html; charset=utf-8', bytes: new Uint8Array(Buffer.from(HOME)) },
  ],
  [response('https://news.example/deja-vu', '2024-03-01T10:00:05Z', http('200 OK', { 'Content-Type': 'text/html; charset=windows-1252' }, CP1252)), { url: 'https://news.example/deja-vu', captured: '2024-03-01T10:00:05.000Z', status: 200, contentType: 'text/html; charset=windows-1252', bytes: new Uint8Array(CP1252) }],
  [record({ 'WARC-Type': 'metadata', 'WARC-Target-URI': 'https://news.example/deja-vu', 'WARC-Date': '2024-03-01T10:00:05Z', 'Content-Type': 'application/warc-fields' }, `via: https://news.example/${CRLF}`), undefined],
  [record({ 'WARC-Type': 'resource', 'WARC-Target-URI': 'https://news.example/saved.html', 'WARC-Date': '2024-03-01T10:00:06Z', 'Content-Type': 'text/html' }, SAVED), { url: 'https://news.example/saved.html', captured: '2024-03-01T10:00:06.000Z', contentType: 'text/html', bytes: new Uint8Array(Buffer.from(SAVED)) }],
  [record({ 'WARC-Type': 'resource', 'WARC-Target-URI': 'urn:screenshot:https://news.example/', 'WARC-Date': '2024-03-01T10:00:06Z', 'Content-Type': 'image/png' }, JPEG), undefined],
  [
    response('https://news.example/old', '2024-03-01T10:00:07Z', http('301 Moved Permanently', { Location: 'https://news.example/new', 'Content-Type': 'text/html' })),
    { url: 'https://news.example/old', captured: '2024-03-01T10:00:07.000Z', status: 301, contentType: 'text/html', skipped: 'HTTP status 301 (Moved Permanently), to `https://news.example/new`' },
  ],
  [
    response('https://news.example/br', '2024-03-01T10:00:08Z', http('200 OK', { 'Content-Type': 'text/html', 'Content-Encoding': 'br' }, brotliCompressSync(BROTLI))),
    { url: 'https://news.example/br', captured: '2024-03-01T10:00:08.000Z', status: 200, contentType: 'text/html', bytes: new Uint8Array(Buffer.from(BROTLI)) },
  ],
  [record({ 'WARC-Type': 'response', 'WARC-Target-URI': 'dns:news.example', 'WARC-Date': '2024-03-01T10:00:00Z', 'Content-Type': 'text/dns' }, `20240301100000${CRLF}news.example.\t300\tIN\tA\t192.0.2.7${CRLF}`), undefined],
];

const RECORD_BYTES = RECORDS.map(([bytes]) => bytes);

function write(name: string, bytes: Uint8Array): string {
  const path = join(scratchFolder('warc'), name);
  writeFileSync(path, bytes);
  return path;
}

async function pagesOf(file: string, options?: Parameters<typeof readWarc>[1]): Promise<AuditPage[]> {
  const pages: AuditPage[] = [];
  for await (const page of readWarc(file, options)) pages.push(page);
  return pages;
}

/** The pages `RECORDS` should give, in `file` at `offsets`. */
function expected(file: string, offsets: number[]): AuditPage[] {
  return RECORDS.flatMap(([, page], i) => (page ? [{ ...page, archive: { file, offset: offsets[i] ?? -1 } }] : []));
}

describe.each([
  ['a .warc file', 'news.warc', false],
  ['a .warc.gz file', 'news.warc.gz', true],
])('the pages of %s', (_, name, isGzip) => {
  const { bytes, offsets } = archive(RECORD_BYTES, isGzip);

  it('are its responses, revisits and HTML resources, in order, each at its record', async () => {
    const file = write(name, bytes);
    expect(await pagesOf(file)).toEqual(expected(file, offsets));
  });

  it('are found again by reading from their offsets', async () => {
    const file = write(name, bytes);
    for (const page of await pagesOf(file)) {
      const offset = page.archive?.offset ?? -1;
      const rest = write(`rest-${name}`, bytes.subarray(offset));
      const again = (await pagesOf(rest)).find((found) => found.archive?.offset === 0);
      // The revisit, read without the capture it repeats, is an error: never a page passed over.
      if (page.captured === '2024-03-02T10:00:00.000Z') {
        expect(again?.error).toBe('Cannot check this revisit of the capture of `https://news.example/` at 2024-03-01T10:00:01.000Z: it holds no payload of its own, and none of the archives read holds that capture (audit them together)');
      } else expect({ ...again, archive: page.archive }).toEqual(page);
    }
  });

  it('leave out the records already done', async () => {
    const file = write(name, bytes);
    const all = expected(file, offsets);
    const done = new Set([all[0], all[3]].map((page) => warcRecordKey(page?.archive ?? { file, offset: -1 })));
    expect(await pagesOf(file, { done })).toEqual(all.filter((_, i) => i !== 0 && i !== 3));
  });

  it('skip an HTML payload over the size cap, with its size once decoded', async () => {
    const file = write(name, bytes);
    const story = (await pagesOf(file, { maxBytes: 120 })).find((page) => page.url === 'https://news.example/story');
    expect(story).toEqual({ ...expected(file, offsets)[1], bytes: undefined, skipped: `larger than the size limit (${Buffer.byteLength(STORY)} bytes, limit 120: see \`maxFileSize\`)`, isTooLarge: true });
  });
});

describe('a broken archive', () => {
  it('ends a truncated .warc.gz with one error entry, after its good records', async () => {
    const { bytes, offsets } = archive(RECORD_BYTES, true);
    const cut = (offsets[8] ?? 0) - 10; // inside the gzip member of the windows-1252 page
    const file = write('cut.warc.gz', bytes.subarray(0, cut));
    const pages = await pagesOf(file);
    expect(pages.slice(0, -1)).toEqual(expected(file, offsets).slice(0, 5));
    expect(pages.at(-1)).toEqual({ url: file, captured: '', error: `Cannot read \`${file}\` at byte ${offsets[7]}: a truncated gzip member (the file ends inside it)`, archive: { file, offset: offsets[7] } });
  });

  it('ends a truncated .warc with an error entry for the record cut short', async () => {
    const { bytes, offsets } = archive(RECORD_BYTES, false);
    // Cut 20 bytes before the next record: the blank lines after the block (4 bytes), and 16 of the block.
    const file = write('cut.warc', bytes.subarray(0, (offsets[8] ?? 0) - 20));
    const pages = await pagesOf(file);
    const length = Number(/Content-Length: (\d+)/.exec(RECORD_BYTES[7]?.toString('latin1') ?? '')?.[1]);
    expect(pages.slice(0, -1)).toEqual(expected(file, offsets).slice(0, 5));
    expect(pages.at(-1)).toEqual({
      url: 'https://news.example/deja-vu',
      captured: '2024-03-01T10:00:05.000Z',
      error: `Cannot read \`${file}\` at byte ${offsets[7]}: the file ends inside the record, ${length - 16} bytes into its ${length}-byte block`,
      archive: { file, offset: offsets[7] },
    });
  });

  it('reports a corrupt gzip member with an error entry naming the bytes passed over, and reads on from the next member', async () => {
    const { bytes, offsets } = archive(RECORD_BYTES, true);
    const corrupt = Buffer.from(bytes);
    for (let at = (offsets[4] ?? 0) + 20; at < (offsets[4] ?? 0) + 40; at++) corrupt[at] = 0xff;
    const file = write('corrupt.warc.gz', corrupt);
    const pages = await pagesOf(file);
    const lost = { url: file, captured: '', error: `Cannot read \`${file}\` at byte ${offsets[4]}: a corrupt gzip member (it does not inflate, or not to what its checksum says); bytes ${offsets[4]} to ${(offsets[5] ?? 0) - 1} could not be read, and reading went on from the next gzip member, at byte ${offsets[5]}`, archive: { file, offset: offsets[4] } };
    // The image's record is lost with its member; every record after it is read.
    expect(pages).toEqual([...expected(file, offsets).slice(0, 2), lost, ...expected(file, offsets).slice(3)]);
    // Without a member after it, the error entry ends the file.
    const last = write('corrupt-last.warc.gz', corrupt.subarray(0, offsets[5]));
    expect((await pagesOf(last)).at(-1)).toEqual({ url: last, captured: '', error: `Cannot read \`${last}\` at byte ${offsets[4]}: a corrupt gzip member (it does not inflate, or not to what its checksum says)`, archive: { file: last, offset: offsets[4] } });
  });

  it('holds a page back until its gzip member has ended, its checksum right', async () => {
    // Blank lines after a record, which readers skip, keep the member going after the record's
    // block has been read: its checksum, at the end, is wrong.
    const member = gzipSync(Buffer.concat([RECORD_BYTES[2] ?? Buffer.alloc(0), Buffer.from(CRLF.repeat(10_000))]));
    member[member.length - 8] = (member[member.length - 8] ?? 0) ^ 1; // the CRC-32's first byte
    const file = write('checksum.warc.gz', Buffer.concat([member, gzipSync(RECORD_BYTES[3] ?? Buffer.alloc(0))]));
    expect(await pagesOf(file)).toEqual([
      { url: 'https://news.example/', captured: '2024-03-01T10:00:01.000Z', error: `Cannot read \`${file}\` at byte 0: a corrupt gzip member (it does not inflate, or not to what its checksum says); bytes 0 to ${member.length - 1} could not be read, and reading went on from the next gzip member, at byte ${member.length}`, archive: { file, offset: 0 } },
      { ...RECORDS[3]?.[1], archive: { file, offset: member.length } },
    ]);
  });

  it('never hangs, throws or gives a wrong page, wherever a .warc.gz is cut or a byte of it changed', async () => {
    const { bytes, offsets } = archive(RECORD_BYTES.slice(3, 5), true);
    const ends = [...offsets.slice(1), bytes.length];
    const folder = scratchFolder('warc');
    for (let at = 0; at < bytes.length; at++) {
      const changed = Buffer.from(bytes);
      changed[at] = (changed[at] ?? 0) ^ 0x5a;
      for (const [name, damaged] of [['cut', bytes.subarray(0, at)], ['changed', changed]] as const) {
        const file = join(folder, `${name}-${at}.warc.gz`);
        writeFileSync(file, damaged);
        const read = await pagesOf(file);
        // The pages read are the archive's, each as it is at its record; a corrupt member loses its own record alone.
        const good = read.filter((page) => !page.error);
        const want = good.map((page) => ({ ...RECORDS[3 + offsets.indexOf(page.archive?.offset ?? -1)]?.[1], archive: { file, offset: page.archive?.offset } }));
        expect(good).toEqual(want);
        expect(good.every((page) => offsets.includes(page.archive?.offset ?? -1))).toBe(true);
        expect(read.length - good.length).toBeLessThanOrEqual(1);
        if (name === 'cut') expect(read.at(-1)?.error === undefined).toBe(ends.includes(at));
      }
    }
  });

  it.each([
    ['an HTML file', 'page.html', Buffer.from(HOME), 'not a WARC file (its text does not start with `WARC/`)'],
    ['a gzipped HTML file', 'page.html.gz', gzipSync(HOME), 'not a WARC file (its inflated text does not start with `WARC/`)'],
    ['an empty file', 'empty.warc', Buffer.alloc(0), 'not a WARC file (it is empty)'],
  ])('is one error entry for %s', async (_, name, bytes, reason) => {
    const file = write(name, bytes);
    expect(await pagesOf(file)).toEqual([{ url: file, captured: '', error: `Cannot read \`${file}\` at byte 0: ${reason}`, archive: { file, offset: 0 } }]);
  });

  it('is one error entry for a missing file, a folder or a named pipe, with the reason', async () => {
    const folder = scratchFolder('warc');
    const [missing, directory, pipe] = ['missing.warc', 'folder.warc', 'pipe.warc'].map((name) => join(folder, name));
    mkdirSync(directory ?? '');
    execFileSync('mkfifo', [pipe ?? '']);
    expect(await pagesOf(missing ?? '')).toEqual([{ url: missing, captured: '', error: `Cannot read \`${missing}\`: no such file or folder (ENOENT)`, archive: { file: missing, offset: 0 } }]);
    expect((await pagesOf(directory ?? '')).map((page) => page.error)).toEqual([`Cannot read \`${directory}\`: a folder, not a file`]);
    // Refused without waiting for a writer, which would never come.
    expect((await pagesOf(pipe ?? '')).map((page) => page.error)).toEqual([`Cannot read \`${pipe}\`: not a regular file (a named pipe)`]);
  });

  it('stops at the second record of a WARC file gzipped whole, whose records have no offsets', async () => {
    const file = write('whole.warc.gz', gzipSync(Buffer.concat(RECORD_BYTES.slice(2, 4))));
    expect(await pagesOf(file)).toEqual([
      { ...RECORDS[2]?.[1], archive: { file, offset: 0 } },
      {
        url: 'https://news.example/story',
        captured: '2024-03-01T10:00:02.000Z',
        error: `Cannot read \`${file}\` at byte 0: a gzip member holding more than one record, as when a whole WARC file is gzipped: audit it gunzipped, or recompress it record by record`,
        archive: { file, offset: 0 },
      },
    ]);
  });
});

describe('a page that cannot be read', () => {
  it('is an error entry, and the archive is read on', async () => {
    const zstd = response('https://news.example/z', '2024-03-01T10:00:09Z', http('200 OK', { 'Content-Type': 'text/html', 'Content-Encoding': 'zstd' }, 'not really zstd'));
    const garbled = response('https://news.example/g', '2024-03-01T10:00:10Z', Buffer.from('<p>no status line</p>'));
    const badBrotli = response('https://news.example/b', '2024-03-01T10:00:11Z', http('200 OK', { 'Content-Type': 'text/html', 'Content-Encoding': 'br' }, 'not brotli at all, as it happens'));
    const undated = record({ 'WARC-Type': 'response', 'WARC-Target-URI': 'https://news.example/u', 'WARC-Date': '2024-03-01T10:00:12', 'Content-Type': 'application/http; msgtype=response' }, http('200 OK', { 'Content-Type': 'text/html' }, '<p>When?</p>'));
    const impossible = record({ 'WARC-Type': 'response', 'WARC-Target-URI': 'https://news.example/i', 'WARC-Date': '2024-02-30T10:00:14Z', 'Content-Type': 'application/http; msgtype=response' }, http('200 OK', { 'Content-Type': 'text/html' }, '<p>When, really?</p>'));
    const nameless = record({ 'WARC-Type': 'response', 'WARC-Date': '2024-03-01T10:00:13Z', 'Content-Type': 'application/http; msgtype=response' }, http('200 OK', { 'Content-Type': 'text/html' }, '<p>Where?</p>'));
    const home = RECORD_BYTES[2] ?? Buffer.alloc(0);
    const { bytes, offsets } = archive([zstd, garbled, badBrotli, undated, nameless, home, impossible], false);
    const file = write('unreadable.warc', bytes);
    const place = (i: number) => ({ file, offset: offsets[i] ?? -1 });
    expect(await pagesOf(file)).toEqual([
      { url: 'https://news.example/z', captured: '2024-03-01T10:00:09.000Z', status: 200, contentType: 'text/html', error: "Cannot decode the payload's `Content-Encoding: zstd`: rightslint undoes one of gzip, deflate or br", archive: place(0) },
      { url: 'https://news.example/g', captured: '2024-03-01T10:00:10.000Z', error: `Cannot read the response at byte ${offsets[1]} of \`${file}\`: its block does not start with an HTTP status line`, archive: place(1) },
      { url: 'https://news.example/b', captured: '2024-03-01T10:00:11.000Z', status: 200, contentType: 'text/html', error: expect.stringMatching(/^Cannot decode the payload's `Content-Encoding: br`: .+/), archive: place(2) },
      { url: 'https://news.example/u', captured: '', error: `Cannot read the record at byte ${offsets[3]} of \`${file}\`: it has no valid \`WARC-Date\``, archive: place(3) },
      { url: file, captured: '2024-03-01T10:00:13.000Z', error: `Cannot read the record at byte ${offsets[4]} of \`${file}\`: it has no valid \`WARC-Target-URI\``, archive: place(4) },
      { ...RECORDS[2]?.[1], archive: place(5) },
      { url: 'https://news.example/i', captured: '', error: `Cannot read the record at byte ${offsets[6]} of \`${file}\`: it has no valid \`WARC-Date\``, archive: place(6) },
    ]);
  });
});

describe('a capture cut short', () => {
  it('is an error entry, never part of a page checked as the whole of it, and the archive is read on', async () => {
    const story = `<!doctype html><title>Talks</title><p>${'The talks went on. '.repeat(200)}</p><p>PARIS (AFP) - The end.</p>`;
    const gzipped = gzipSync(story);
    const truncated = record({ 'WARC-Type': 'response', 'WARC-Target-URI': 'https://news.example/t', 'WARC-Date': '2024-03-01T10:00:20Z', 'WARC-Truncated': 'length', 'Content-Type': 'application/http; msgtype=response' }, http('200 OK', { 'Content-Type': 'text/html' }, story.slice(0, 200)));
    const short = response('https://news.example/s', '2024-03-01T10:00:21Z', http('200 OK', { 'Content-Type': 'text/html', 'Content-Length': String(story.length) }, story.slice(0, 200)));
    const gzipCut = response('https://news.example/z', '2024-03-01T10:00:22Z', http('200 OK', { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip' }, gzipped.subarray(0, gzipped.length - 40)));
    const chunkCut = response('https://news.example/c', '2024-03-01T10:00:23Z', http('200 OK', { 'Content-Type': 'text/html', 'Transfer-Encoding': 'chunked' }, chunked(Buffer.from(story), 100).subarray(0, 250)));
    const partial = response('https://news.example/p', '2024-03-01T10:00:24Z', http('206 Partial Content', { 'Content-Type': 'text/html', 'Content-Range': 'bytes 0-199/4000' }, story.slice(0, 200)));
    const resource = record({ 'WARC-Type': 'resource', 'WARC-Target-URI': 'https://news.example/r.html', 'WARC-Date': '2024-03-01T10:00:25Z', 'WARC-Truncated': 'time', 'Content-Type': 'text/html' }, story.slice(0, 200));
    const video = response('https://news.example/v.mp4', '2024-03-01T10:00:26Z', http('206 Partial Content', { 'Content-Type': 'video/mp4', 'Content-Range': 'bytes 0-3/4000' }, 'mp4!'));
    const home = RECORD_BYTES[2] ?? Buffer.alloc(0);
    const { bytes, offsets } = archive([truncated, short, gzipCut, chunkCut, partial, resource, video, home], false);
    const file = write('cut-short.warc', bytes);
    const place = (i: number) => ({ file, offset: offsets[i] ?? -1 });
    const at = (i: number) => `Cannot check the capture at byte ${offsets[i]} of \`${file}\``;
    expect(await pagesOf(file)).toEqual([
      { url: 'https://news.example/t', captured: '2024-03-01T10:00:20.000Z', status: 200, contentType: 'text/html', error: `${at(0)}: the crawler cut it short (\`WARC-Truncated: length\`), so part of the page was never captured`, archive: place(0) },
      { url: 'https://news.example/s', captured: '2024-03-01T10:00:21.000Z', status: 200, contentType: 'text/html', error: `${at(1)}: its payload is 200 bytes, short of the ${story.length} its \`Content-Length\` gives: the capture lost the page's end`, archive: place(1) },
      { url: 'https://news.example/z', captured: '2024-03-01T10:00:22.000Z', status: 200, contentType: 'text/html', error: 'Cannot read the payload: its `Content-Encoding: gzip` stream breaks off before its end', archive: place(2) },
      { url: 'https://news.example/c', captured: '2024-03-01T10:00:23.000Z', status: 200, contentType: 'text/html', error: 'Cannot read the payload: its chunked transfer coding breaks off before the last chunk', archive: place(3) },
      { url: 'https://news.example/p', captured: '2024-03-01T10:00:24.000Z', status: 206, contentType: 'text/html', error: `${at(4)}: HTTP status 206 (Partial Content): the archive holds one part of the page (\`Content-Range: bytes 0-199/4000\`)`, archive: place(4) },
      { url: 'https://news.example/r.html', captured: '2024-03-01T10:00:25.000Z', contentType: 'text/html', error: `${at(5)}: the crawler cut it short (\`WARC-Truncated: time\`), so part of the page was never captured`, archive: place(5) },
      // Part of a video is no page: what it is not is said first.
      { url: 'https://news.example/v.mp4', captured: '2024-03-01T10:00:26.000Z', status: 206, contentType: 'video/mp4', skipped: 'not HTML (video/mp4)', archive: place(6) },
      { ...RECORDS[2]?.[1], archive: place(7) },
    ]);
  });
});

describe('a response without a Content-Type', () => {
  it('is checked when its first bytes are HTML, as a browser sniffs them, and skipped with that reason when not', async () => {
    const page = '\r\n\t <!DOCTYPE html><title>Untyped</title><p>PARIS (AFP) - Talks resumed.</p>';
    const untyped = response('https://news.example/untyped', '2024-03-01T10:00:15Z', http('200 OK', { Server: 'test' }, page));
    const gzipped = response('https://news.example/gz', '2024-03-01T10:00:16Z', http('200 OK', { 'Content-Encoding': 'gzip', 'Content-Type': '' }, gzipSync(page)));
    const jpeg = response('https://news.example/photo', '2024-03-01T10:00:17Z', http('200 OK', { Server: 'test' }, JPEG));
    const { bytes, offsets } = archive([untyped, gzipped, jpeg], false);
    const file = write('untyped.warc', bytes);
    const place = (i: number) => ({ file, offset: offsets[i] ?? -1 });
    expect(await pagesOf(file)).toEqual([
      { url: 'https://news.example/untyped', captured: '2024-03-01T10:00:15.000Z', status: 200, bytes: new Uint8Array(Buffer.from(page)), archive: place(0) },
      { url: 'https://news.example/gz', captured: '2024-03-01T10:00:16.000Z', status: 200, bytes: new Uint8Array(Buffer.from(page)), archive: place(1) },
      { url: 'https://news.example/photo', captured: '2024-03-01T10:00:17.000Z', status: 200, skipped: 'not HTML (no `Content-Type`, and its first bytes are not those of HTML)', archive: place(2) },
    ]);
  });
});

describe('a response of a type WHATWG calls unknown', () => {
  it('is sniffed as one without a type is: checked when its first bytes are HTML, else skipped', async () => {
    const page = '<!doctype html><title>Unknown</title><p>PARIS (AFP) - Talks resumed.</p>';
    const unknown = response('https://news.example/unknown', '2024-03-01T10:00:18Z', http('200 OK', { 'Content-Type': 'application/unknown' }, page));
    const blob = response('https://news.example/blob', '2024-03-01T10:00:19Z', http('200 OK', { 'Content-Type': 'unknown/unknown' }, JPEG));
    const { bytes, offsets } = archive([unknown, blob], false);
    const file = write('unknown-type.warc', bytes);
    expect(await pagesOf(file)).toEqual([
      { url: 'https://news.example/unknown', captured: '2024-03-01T10:00:18.000Z', status: 200, contentType: 'application/unknown', bytes: new Uint8Array(Buffer.from(page)), archive: { file, offset: offsets[0] } },
      { url: 'https://news.example/blob', captured: '2024-03-01T10:00:19.000Z', status: 200, contentType: 'unknown/unknown', skipped: 'not HTML (unknown/unknown, and its first bytes are not those of HTML)', archive: { file, offset: offsets[1] } },
    ]);
  });
});

describe('reading', () => {
  it('stops between records when aborted', async () => {
    const { bytes } = archive(RECORD_BYTES, false);
    const file = write('abort.warc', bytes);
    const controller = new AbortController();
    const urls: string[] = [];
    const reading = (async () => {
      for await (const page of readWarc(file, { signal: controller.signal })) {
        urls.push(page.url);
        controller.abort();
      }
    })();
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
    expect(urls).toEqual(['https://news.example/']);
  });

  it('gives every record of a big .warc.gz the offset of its own gzip member', async () => {
    const htmls = [40, 16_300, 32_700, 70_000, 5, 16_384, 100_000, 3].map((size) => `<!doctype html><p>${noise(size)}</p>`);
    const records = htmls.map((html, i) => response(`https://news.example/${i}`, '2024-03-01T10:00:00Z', http('200 OK', { 'Content-Type': 'text/html' }, html)));
    const { bytes, offsets } = archive(records, true);
    const file = write('big.warc.gz', bytes);
    const pages = await pagesOf(file);
    expect(pages.map((page) => [page.url, page.archive?.offset, page.bytes?.length])).toEqual(htmls.map((html, i) => [`https://news.example/${i}`, offsets[i], html.length]));
  });

  it('gives the next record its own offset where a read of the file ends in the last bytes of a member', async () => {
    // warcio's parser takes the next record's offset before inflating the rest of the member
    // before: where the member's text ends just past 32 KiB (two of its inflater's 16 KiB
    // chunks) and the file's 64 KiB read ends inside the member's trailer, it gives the next
    // record the offset of this one.
    const edgeOf = (length: number) => response('https://news.example/edge', '2024-03-01T10:00:00Z', http('200 OK', { 'Content-Type': 'text/html' }, noise(length)));
    const edge = edgeOf(2 * 32_770 - edgeOf(32_770).length);
    const member = gzipSync(edge);
    const filler = storedMember(65_536 + 5 - member.length);
    const after = RECORD_BYTES[2] ?? Buffer.alloc(0);
    const file = write('edge.warc.gz', Buffer.concat([filler, member, gzipSync(after)]));
    expect(edge.length).toBe(32_770);
    expect((await pagesOf(file)).map((page) => [page.url, page.archive?.offset])).toEqual([
      ['https://news.example/edge', filler.length],
      ['https://news.example/', filler.length + member.length],
    ]);
  });
});

/** Letters that gzip cannot shrink much, the same on every run, so that members span several reads of a file. */
function noise(length: number): string {
  let seed = length;
  return Array.from({ length }, () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return String.fromCharCode(97 + (seed % 26));
  }).join('');
}

/** A gzip member of exactly `size` bytes, stored rather than compressed, holding a warcinfo record. */
function storedMember(size: number): Buffer {
  for (let length = size; length > 0; length--) {
    const member = gzipSync(record({ 'WARC-Type': 'warcinfo', 'WARC-Date': '2024-03-01T10:00:00Z' }, 'x'.repeat(length)), { level: 0 });
    if (member.length === size) return member;
  }
  throw new Error(`No stored gzip member of ${size} bytes`);
}
