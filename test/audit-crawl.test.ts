import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditPage } from '../src/audit/audit-page.js';
import { type CrawlOptions, crawl } from '../src/audit/crawl.js';
import { retryAfterMs } from '../src/audit/retry-after.js';

// Each test serves a small site of its own on 127.0.0.1 (robots.txt and all), and counts the
// requests each path got, and when. Time-outs and backoffs are short; no test waits on a clock
// longer than a Retry-After of one second.

type Route = string | ((request: IncomingMessage, response: ServerResponse) => void);

interface Site {
  origin: string;
  /** `origin` + path. */
  url(path: string): string;
  /** The paths requested, each with the time it came in and its headers, in order. */
  requests: Array<{ path: string; at: number; headers: IncomingMessage['headers'] }>;
  hits(path: string): number;
  /** The most requests the site was answering at once. */
  maxInFlight: number;
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** Serves `routes` (a string is an HTML page; a missing path is a 404) until the test ends. */
async function startSite(routes: (site: Site) => Record<string, Route>): Promise<Site> {
  let inFlight = 0;
  let table: Record<string, Route> = {};
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    site.requests.push({ path, at: Date.now(), headers: request.headers });
    site.maxInFlight = Math.max(site.maxInFlight, ++inFlight);
    response.on('close', () => inFlight--);
    const route = table[path];
    if (typeof route === 'function') return route(request, response);
    if (route === undefined) return void response.writeHead(404, { 'content-type': 'text/html' }).end('<p>Not here</p>');
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(route);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const site: Site = {
    origin,
    url: (path) => `${origin}${path}`,
    requests: [],
    hits: (path) => site.requests.filter((request) => request.path === path).length,
    maxInFlight: 0,
  };
  table = routes(site);
  return site;
}

/** A small page holding links to `hrefs`. */
function page(title: string, hrefs: string[] = [], head = ''): string {
  const links = hrefs.map((href) => `<li><a href="${href}">${href}</a></li>`).join('');
  return `<!doctype html><html><head><title>${title}</title>${head}</head><body><h1>${title}</h1><ul>${links}</ul></body></html>`;
}

function urlset(urls: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.map((url) => `<url><loc>${url}</loc></url>`).join('')}</urlset>`;
}

function sitemapIndex(urls: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.map((url) => `<sitemap><loc>${url}</loc></sitemap>`).join('')}</sitemapindex>`;
}

function serve(status: number, headers: Record<string, string>, body: string | Uint8Array = ''): Route {
  return (_, response) => response.writeHead(status, headers).end(body);
}

const FAST: Partial<CrawlOptions> = { timeoutMs: 5000, retries: 2, backoffMs: 10 };

async function entriesOf(options: CrawlOptions): Promise<AuditPage[]> {
  const entries: AuditPage[] = [];
  for await (const entry of crawl({ ...FAST, ...options })) entries.push(entry);
  return entries;
}

/** Each entry without its time and bytes, the bytes read as text: what a test compares. */
function plain(entries: AuditPage[]): Array<Omit<AuditPage, 'captured' | 'bytes'> & { text?: string }> {
  return entries
    .map(({ captured, bytes, ...rest }) => ({ ...rest, ...(bytes ? { text: new TextDecoder().decode(bytes) } : {}) }))
    .sort((a, b) => a.url.localeCompare(b.url));
}

const urlsOf = (entries: AuditPage[]): string[] => entries.map((entry) => entry.url).sort();

describe('crawl: sitemaps', () => {
  it('reads a sitemap index, a plain sitemap and a gzipped one served under any name, and yields each page once with its bytes', async () => {
    const site = await startSite((s) => ({
      // Told apart by what they hold: no name here ends in .xml or .gz.
      '/map': serve(200, { 'content-type': 'text/xml' }, sitemapIndex([s.url('/part-one'), s.url('/part-two')])),
      '/part-one': serve(200, { 'content-type': 'application/xml' }, urlset([s.url('/a'), s.url('/b#top')])),
      '/part-two': serve(200, { 'content-type': 'application/octet-stream' }, gzipSync(urlset([s.url('/b'), s.url('/c')]))),
      '/a': page('A'),
      '/b': page('B'),
      '/c': page('C'),
    }));
    const entries = await entriesOf({ seeds: [site.url('/map')] });
    expect(plain(entries)).toEqual(['/a', '/b', '/c'].map((path) => ({
      url: site.url(path), status: 200, contentType: 'text/html; charset=utf-8', links: [], text: page(path.slice(1).toUpperCase()),
    })));
    expect(['/a', '/b', '/c', '/map', '/part-one', '/part-two'].map((path) => site.hits(path))).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('reports a broken sitemap, a missing one and an index entry that is no sitemap as errors, and reads the rest', async () => {
    const site = await startSite((s) => ({
      '/sitemap.xml': serve(200, { 'content-type': 'application/xml' }, sitemapIndex(['/good.xml', '/broken.xml', '/missing.xml', '/zipped-wrong.xml.gz', '/page.html'].map(s.url))),
      '/good.xml': serve(200, { 'content-type': 'application/xml' }, urlset([s.url('/fine')])),
      '/broken.xml': serve(200, { 'content-type': 'application/xml' }, '<urlset><url><loc>/x</url></urlset>'),
      '/zipped-wrong.xml.gz': serve(200, { 'content-type': 'application/gzip' }, new Uint8Array([0x1f, 0x8b, 9, 9, 9, 9])),
      '/page.html': page('Not a sitemap'),
      '/fine': page('Fine'),
    }));
    const entries = plain(await entriesOf({ seeds: [site.url('/sitemap.xml')] }));
    expect(entries.map(({ url, error, text }) => ({ url, error, isRead: text !== undefined }))).toEqual([
      { url: site.url('/broken.xml'), error: expect.stringMatching(/^Cannot read the sitemap: Expected closing tag 'loc'/), isRead: false },
      { url: site.url('/fine'), error: undefined, isRead: true },
      { url: site.url('/missing.xml'), error: 'HTTP 404 Not Found', isRead: false },
      { url: site.url('/page.html'), error: 'not a sitemap (text/html)', isRead: false },
      { url: site.url('/zipped-wrong.xml.gz'), error: expect.stringMatching(/^Cannot read the sitemap: not valid gzip/), isRead: false },
    ]);
  });

  it('reads the sitemaps a robots.txt lists when a seed is a page of the site, and leaves out their pages out of scope', async () => {
    const site = await startSite((s) => ({
      '/robots.txt': serve(200, { 'content-type': 'text/plain' }, `User-agent: *\nAllow: /\n\nSitemap: ${s.url('/pages.xml')}\n`),
      '/pages.xml': serve(200, { 'content-type': 'application/xml' }, urlset([s.url('/orphan'), `http://localhost${s.origin.slice(s.origin.lastIndexOf(':'))}/elsewhere`])),
      '/': page('Home', ['/linked']),
      '/linked': page('Linked'),
      '/orphan': page('Orphan'),
    }));
    expect(urlsOf(await entriesOf({ seeds: [site.url('/')] }))).toEqual(['/', '/linked', '/orphan'].map(site.url));
  });

  it('yields a seed that is a feed, not a sitemap, as skipped', async () => {
    const site = await startSite(() => ({ '/feed': serve(200, { 'content-type': 'application/rss+xml' }, '<rss version="2.0"><channel></channel></rss>') }));
    expect(plain(await entriesOf({ seeds: [site.url('/feed')] }))).toEqual([
      { url: site.url('/feed'), status: 200, contentType: 'application/rss+xml', skipped: 'not HTML (application/rss+xml)' },
    ]);
  });
});

describe('crawl: robots.txt', () => {
  it('skips what robots.txt disallows for its user agent without fetching it, and fetches robots.txt once', async () => {
    const site = await startSite(() => ({
      '/robots.txt': serve(200, { 'content-type': 'text/plain' }, 'User-agent: otherbot\nDisallow: /\n\nUser-agent: rightslint\nDisallow: /private\n'),
      '/': page('Home', ['/public', '/private/report', '/private']),
      '/public': page('Public', ['/']),
      '/private/report': page('Private'),
    }));
    const entries = plain(await entriesOf({ seeds: [site.url('/')], userAgent: 'rightslint/9.9.9' }));
    expect(entries.map(({ url, skipped }) => ({ url, skipped }))).toEqual([
      { url: site.url('/'), skipped: undefined },
      { url: site.url('/private'), skipped: 'disallowed by robots.txt' },
      { url: site.url('/private/report'), skipped: 'disallowed by robots.txt' },
      { url: site.url('/public'), skipped: undefined },
    ]);
    expect(site.hits('/private/report') + site.hits('/private')).toBe(0);
    expect(site.hits('/robots.txt')).toBe(1);
    expect(site.requests[0]?.headers['user-agent']).toBe('rightslint/9.9.9');
  });

  it('takes a robots.txt that answers with a server error as disallowing the whole site (each page an error: the site went unread), and a missing one as allowing it', async () => {
    const down = await startSite(() => ({ '/robots.txt': serve(503, {}), '/': page('Home') }));
    expect(plain(await entriesOf({ seeds: [down.url('/')], retries: 1 }))).toEqual([
      { url: down.url('/'), error: 'robots.txt unreachable (HTTP 503 Service Unavailable), which disallows the whole site' },
    ]);
    expect(down.hits('/')).toBe(0);
    expect(down.hits('/robots.txt')).toBe(2);
    const open = await startSite(() => ({ '/': page('Home') }));
    expect(urlsOf(await entriesOf({ seeds: [open.url('/')] }))).toEqual([open.url('/')]);
    expect(open.hits('/robots.txt')).toBe(1);
  });

  it('spaces the requests to a site by its Crawl-delay', async () => {
    const site = await startSite(() => ({
      '/robots.txt': serve(200, { 'content-type': 'text/plain' }, 'User-agent: *\nCrawl-delay: 0.3\n'),
      '/': page('Home', ['/a', '/b']),
      '/a': page('A'),
      '/b': page('B'),
    }));
    await entriesOf({ seeds: [site.url('/')], concurrency: 4 });
    const starts = site.requests.filter((request) => request.path !== '/robots.txt').map((request) => request.at);
    expect(starts).toHaveLength(3);
    // The pacer books each start 300 ms after the last; the arrivals may jitter by a few ms.
    for (const [i, at] of starts.slice(1).entries()) expect(at - (starts[i] ?? 0)).toBeGreaterThanOrEqual(280);
  });
});

describe('crawl: redirects', () => {
  it('follows a redirect in scope, and reports one out of scope, one to a page already met and a loop, naming the target', async () => {
    const site = await startSite((s) => ({
      '/': page('Home', ['/old', '/away', '/again', '/loop-1']),
      '/old': serve(301, { location: '/new' }),
      '/new': page('New'),
      '/away': serve(302, { location: `http://localhost${s.origin.slice(s.origin.lastIndexOf(':'))}/elsewhere` }),
      '/again': serve(308, { location: s.url('/new#section') }),
      '/loop-1': serve(302, { location: '/loop-2' }),
      '/loop-2': serve(302, { location: '/loop-1' }),
    }));
    // One request at a time, so that /old reaches /new before /again does.
    const entries = plain(await entriesOf({ seeds: [site.url('/')], concurrency: 1 }));
    const elsewhere = `http://localhost${site.origin.slice(site.origin.lastIndexOf(':'))}/elsewhere`;
    expect(entries.map(({ url, redirectedFrom, status, skipped, error, text }) => ({ url, redirectedFrom, status, skipped, error, text }))).toEqual([
      { url: site.url('/'), redirectedFrom: undefined, status: 200, skipped: undefined, error: undefined, text: page('Home', ['/old', '/away', '/again', '/loop-1']) },
      { url: site.url('/again'), redirectedFrom: undefined, status: 308, skipped: `redirects to ${site.url('/new')}, already in the audit`, error: undefined, text: undefined },
      { url: site.url('/away'), redirectedFrom: undefined, status: 302, skipped: `redirects out of scope to ${elsewhere}`, error: undefined, text: undefined },
      { url: site.url('/loop-2'), redirectedFrom: site.url('/loop-1'), status: 302, skipped: undefined, error: `redirect loop: ${site.url('/loop-1')} -> ${site.url('/loop-2')} -> ${site.url('/loop-1')}`, text: undefined },
      { url: site.url('/new'), redirectedFrom: site.url('/old'), status: 200, skipped: undefined, error: undefined, text: page('New') },
    ]);
    expect(site.hits('/new')).toBe(1);
  });

  it('reports a redirect to a page robots.txt disallows, and a chain of more than ten redirects', async () => {
    const chain = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`/hop-${i}`, serve(302, { location: `/hop-${i + 1}` })]));
    const site = await startSite(() => ({
      '/robots.txt': serve(200, { 'content-type': 'text/plain' }, 'User-agent: *\nDisallow: /private\n'),
      '/': page('Home', ['/to-private', '/hop-0']),
      '/to-private': serve(301, { location: '/private/page' }),
      ...chain,
    }));
    const entries = plain(await entriesOf({ seeds: [site.url('/')] }));
    expect(entries.slice(1).map(({ url, skipped, error }) => ({ url, skipped, error }))).toEqual([
      { url: site.url('/hop-10'), skipped: undefined, error: 'more than 10 redirects' },
      { url: site.url('/to-private'), skipped: `redirects to ${site.url('/private/page')}, disallowed by robots.txt`, error: undefined },
    ]);
    expect(site.hits('/private/page') + site.hits('/hop-11')).toBe(0);
  });

  it('takes the origin a seed redirects to as the scope', async () => {
    const target = await startSite(() => ({ '/': page('Home', ['/inside']), '/inside': page('Inside') }));
    const start = await startSite(() => ({ '/': serve(301, { location: target.url('/') }) }));
    const entries = await entriesOf({ seeds: [start.url('/')] });
    expect(entries.map(({ url, redirectedFrom }) => ({ url, redirectedFrom }))).toEqual([
      { url: target.url('/'), redirectedFrom: start.url('/') },
      { url: target.url('/inside'), redirectedFrom: undefined },
    ]);
  });
});

describe('crawl: errors and retries', () => {
  it('retries a server error and yields the page the next try gets', async () => {
    let tries = 0;
    const site = await startSite(() => ({
      '/flaky': (_, response) => (++tries === 1 ? response.writeHead(500).end() : response.writeHead(200, { 'content-type': 'text/html' }).end(page('Back'))),
    }));
    expect(plain(await entriesOf({ seeds: [site.url('/flaky')] }))).toEqual([
      { url: site.url('/flaky'), status: 200, contentType: 'text/html', links: [], text: page('Back') },
    ]);
    expect(site.hits('/flaky')).toBe(2);
  });

  it('reports an error status with the status, after the retries for a server error; a broken link at once, as skipped', async () => {
    const site = await startSite(() => ({ '/': page('Home', ['/down', '/gone']), '/down': serve(500, {}) }));
    const entries = plain(await entriesOf({ seeds: [site.url('/')], retries: 2 }));
    expect(entries.slice(1).map(({ url, status, error, skipped }) => ({ url, status, error, skipped }))).toEqual([
      { url: site.url('/down'), status: 500, error: 'HTTP 500 Internal Server Error (3 tries)', skipped: undefined },
      { url: site.url('/gone'), status: 404, error: undefined, skipped: 'HTTP 404 Not Found: no page at this URL' },
    ]);
    expect([site.hits('/down'), site.hits('/gone')]).toEqual([3, 1]);
    // A start URL that is not there fails the audit.
    expect(plain(await entriesOf({ seeds: [site.url('/gone')] }))).toMatchObject([{ url: site.url('/gone'), status: 404, error: 'HTTP 404 Not Found' }]);
  });

  it('waits out a Retry-After before trying again, and reports one longer than it waits as an error', async () => {
    let tries = 0;
    const site = await startSite(() => ({
      '/': page('Home', ['/busy', '/closed']),
      '/busy': (_, response) => (++tries === 1 ? response.writeHead(429, { 'retry-after': '1' }).end() : response.writeHead(200, { 'content-type': 'text/html' }).end(page('Busy'))),
      '/closed': serve(503, { 'retry-after': '3600' }),
    }));
    const entries = plain(await entriesOf({ seeds: [site.url('/')], maxRetryAfterMs: 2000 }));
    expect(entries.slice(1).map(({ url, status, error }) => ({ url, status, error }))).toEqual([
      { url: site.url('/busy'), status: 200, error: undefined },
      { url: site.url('/closed'), status: 503, error: 'HTTP 503 Service Unavailable, and Retry-After asks for 3600 s, more than the 2 s the crawl waits' },
    ]);
    const busy = site.requests.filter((request) => request.path === '/busy').map((request) => request.at);
    expect(busy).toHaveLength(2);
    expect((busy[1] ?? 0) - (busy[0] ?? 0)).toBeGreaterThanOrEqual(1000);
    expect(site.hits('/closed')).toBe(1);
  });

  it('takes a site whose robots.txt cannot be reached as disallowing all, each page an error naming the network error', async () => {
    // A port a site listened on, closed: the connection is refused at once.
    const gone = await startSite(() => ({}));
    const server = servers.pop();
    await new Promise((resolve) => server?.close(resolve));
    const { port } = new URL(gone.origin);
    expect(plain(await entriesOf({ seeds: [gone.url('/')], retries: 1 }))).toEqual([
      { url: gone.url('/'), error: `robots.txt unreachable (network error: connect ECONNREFUSED 127.0.0.1:${port} (2 tries)), which disallows the whole site` },
    ]);
  });

  it('reads Retry-After as seconds or as an HTTP-date', () => {
    const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });

  it('reports a page whose headers or body come too late as timed out, after the retries', async () => {
    const stalled = new Set<ServerResponse>();
    const site = await startSite(() => ({
      '/': page('Home', ['/slow', '/stalling']),
      '/slow': (_, response) => void stalled.add(response),
      '/stalling': (_, response) => {
        response.writeHead(200, { 'content-type': 'text/html' }).write('<!doctype html><p>The start, and');
        stalled.add(response);
      },
    }));
    const entries = plain(await entriesOf({ seeds: [site.url('/')], timeoutMs: 200, retries: 1 }));
    expect(entries.slice(1).map(({ url, error }) => ({ url, error }))).toEqual([
      { url: site.url('/slow'), error: 'timed out after 200 ms (2 tries)' },
      { url: site.url('/stalling'), error: 'timed out after 200 ms (2 tries)' },
    ]);
    expect([site.hits('/slow'), site.hits('/stalling')]).toEqual([2, 2]);
  });
});

describe('crawl: what is read of a page', () => {
  it('skips a page that is not HTML without reading its body', async () => {
    let sent = 0;
    let isClosed = false;
    const site = await startSite(() => ({
      '/': page('Home', ['/logo.png']),
      '/logo.png': (_, response) => {
        response.on('close', () => (isClosed = true));
        response.writeHead(200, { 'content-type': 'image/png' });
        const chunk = Buffer.alloc(64 * 1024);
        const pump = (): void => {
          while (sent < 64e6) {
            sent += chunk.length;
            if (!response.write(chunk)) return void response.once('drain', pump);
          }
          response.end();
        };
        pump();
      },
    }));
    const entries = plain(await entriesOf({ seeds: [site.url('/')] }));
    expect(entries[1]).toEqual({ url: site.url('/logo.png'), status: 200, contentType: 'image/png', skipped: 'not HTML (image/png)' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    // The body was cancelled, which closed the connection: what the sockets' buffers took was sent, not 64 MB.
    expect(isClosed).toBe(true);
    expect(sent).toBeLessThan(16e6);
  });

  it('sniffs a page sent with no Content-Type: checked when its first bytes are HTML, else skipped', async () => {
    const untyped = `\n  ${page('Untyped')}`;
    const site = await startSite(() => ({
      '/': page('Home', ['/untyped', '/blob']),
      '/untyped': serve(200, {}, untyped),
      '/blob': serve(200, {}, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a])),
      '/seed': serve(200, {}, untyped),
    }));
    expect(plain(await entriesOf({ seeds: [site.url('/'), site.url('/seed')] })).slice(1)).toEqual([
      { url: site.url('/blob'), status: 200, skipped: 'not HTML (no `Content-Type`, and its first bytes are not those of HTML)' },
      { url: site.url('/seed'), status: 200, text: untyped, links: [] },
      { url: site.url('/untyped'), status: 200, text: untyped, links: [] },
    ]);
  });

  it('sniffs a page sent with a type WHATWG calls unknown (unknown/unknown, application/unknown, */*), as a browser does one with none', async () => {
    const html = page('Unknown');
    const site = await startSite(() => ({
      '/': page('Home', ['/unknown', '/application-unknown', '/any', '/blob']),
      '/unknown': serve(200, { 'content-type': 'unknown/unknown' }, html),
      '/application-unknown': serve(200, { 'content-type': 'application/unknown; charset=utf-8' }, html),
      '/any': serve(200, { 'content-type': '*/*' }, html),
      '/blob': serve(200, { 'content-type': 'unknown/unknown' }, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a])),
    }));
    expect(plain(await entriesOf({ seeds: [site.url('/')] })).slice(1)).toEqual([
      { url: site.url('/any'), status: 200, contentType: '*/*', text: html, links: [] },
      { url: site.url('/application-unknown'), status: 200, contentType: 'application/unknown; charset=utf-8', text: html, links: [] },
      { url: site.url('/blob'), status: 200, contentType: 'unknown/unknown', skipped: 'not HTML (unknown/unknown, and its first bytes are not those of HTML)' },
      { url: site.url('/unknown'), status: 200, contentType: 'unknown/unknown', text: html, links: [] },
    ]);
  });

  it('skips a page over the size cap, by its Content-Length or by reading past the cap', async () => {
    const big = page('Big', [], `<meta name="description" content="${'x'.repeat(10_000)}">`);
    const site = await startSite(() => ({
      '/': page('Home', ['/declared', '/streamed', '/small']),
      '/declared': serve(200, { 'content-type': 'text/html', 'content-length': String(Buffer.byteLength(big)) }, big),
      '/streamed': (_, response) => {
        response.writeHead(200, { 'content-type': 'text/html' });
        response.write(big.slice(0, 5000));
        response.end(big.slice(5000));
      },
      '/small': page('Small'),
    }));
    const entries = plain(await entriesOf({ seeds: [site.url('/')], maxBytes: 4096 }));
    expect(entries.map(({ url, skipped, text }) => ({ url, skipped, isRead: text !== undefined }))).toEqual([
      { url: site.url('/'), skipped: undefined, isRead: true },
      { url: site.url('/declared'), skipped: `larger than the size limit (${Buffer.byteLength(big)} bytes, limit 4096)`, isRead: false },
      { url: site.url('/small'), skipped: undefined, isRead: true },
      { url: site.url('/streamed'), skipped: 'larger than the size limit (over 4096 bytes, limit 4096)', isRead: false },
    ]);
  });

  it('reports a page answered 206 Partial Content, one part of it, as an error, and part of an image as what it is', async () => {
    const part = '<!doctype html><title>Talks</title><p>PARIS (AFP) - The talks';
    const site = await startSite(() => ({
      '/': page('Home', ['/part', '/photo.jpg']),
      '/part': serve(206, { 'content-type': 'text/html', 'content-range': 'bytes 0-59/4000' }, part),
      '/photo.jpg': serve(206, { 'content-type': 'image/jpeg', 'content-range': 'bytes 0-3/4000' }, 'jpeg'),
    }));
    expect(plain(await entriesOf({ seeds: [site.url('/')] })).slice(1)).toEqual([
      { url: site.url('/part'), status: 206, contentType: 'text/html', error: 'HTTP 206 Partial Content to a request for the whole page: the server sent one part of it (`Content-Range: bytes 0-59/4000`)' },
      { url: site.url('/photo.jpg'), status: 206, contentType: 'image/jpeg', skipped: 'not HTML (image/jpeg)' },
    ]);
  });

  it('reports a page or a sitemap whose compressed body breaks off before its end as an error, after the retries, though its Content-Length was met; a whole one is read', async () => {
    const story = page('Talks', [], '<meta name="description" content="PARIS (AFP) - The talks went on">');
    const cut = (bytes: Uint8Array): Uint8Array => bytes.subarray(0, bytes.length - 12);
    const encoded = (coding: string, body: Uint8Array, type = 'text/html'): Route => serve(200, { 'content-type': type, 'content-encoding': coding, 'content-length': String(body.length) }, body);
    const site = await startSite((s) => ({
      '/': page('Home', ['/gzip', '/deflate', '/br', '/whole']),
      '/gzip': encoded('gzip', cut(gzipSync(story))),
      '/deflate': encoded('deflate', cut(deflateSync(story))),
      '/br': encoded('br', cut(brotliCompressSync(story))),
      '/whole': encoded('gzip', gzipSync(story)),
      '/sitemap.xml': encoded('gzip', cut(gzipSync(urlset([s.url('/a'), s.url('/b')]))), 'application/xml'),
    }));
    const pages = plain(await entriesOf({ seeds: [site.url('/')] }));
    expect(pages.map(({ url, error, text }) => ({ url, error, text }))).toEqual([
      { url: site.url('/'), error: undefined, text: page('Home', ['/gzip', '/deflate', '/br', '/whole']) },
      { url: site.url('/br'), error: expect.stringMatching(/^network error: /), text: undefined },
      { url: site.url('/deflate'), error: expect.stringMatching(/^network error: its `Content-Encoding: deflate` body is broken or breaks off before its end \(unexpected end of file\) \(3 tries\)$/), text: undefined },
      { url: site.url('/gzip'), error: 'network error: its `Content-Encoding: gzip` body is broken or breaks off before its end (unexpected end of file) (3 tries)', text: undefined },
      { url: site.url('/whole'), error: undefined, text: story },
    ]);
    expect(site.hits('/gzip')).toBe(3);
    expect(plain(await entriesOf({ seeds: [site.url('/sitemap.xml')], follow: false })).map(({ url, error }) => ({ url, error }))).toEqual([
      { url: site.url('/sitemap.xml'), error: 'network error: its `Content-Encoding: gzip` body is broken or breaks off before its end (unexpected end of file) (3 tries)' },
    ]);
  });

  it('reports a sitemap answered 206 Partial Content as an error: the pages of its other parts would go unmet', async () => {
    const site = await startSite((s) => ({
      '/sitemap.xml': serve(206, { 'content-type': 'application/xml', 'content-range': 'bytes 0-199/9000' }, urlset([s.url('/a')])),
      '/a': page('A'),
    }));
    expect(plain(await entriesOf({ seeds: [site.url('/sitemap.xml')], follow: false }))).toEqual([
      { url: site.url('/sitemap.xml'), status: 206, contentType: 'application/xml', error: 'Cannot read the sitemap: HTTP 206 Partial Content, one part of it (`Content-Range: bytes 0-199/9000`)' },
    ]);
  });

  it('yields a page that is not an HTML page, though XML, as skipped', async () => {
    const site = await startSite(() => ({ '/': page('Home', ['/data.xml']), '/data.xml': serve(200, { 'content-type': 'application/xml' }, urlset([])) }));
    expect(plain(await entriesOf({ seeds: [site.url('/')] }))[1]).toEqual({ url: site.url('/data.xml'), status: 200, contentType: 'application/xml', skipped: 'not HTML (application/xml)' });
  });
});

describe('crawl: links', () => {
  it('follows the links of a page in scope, resolved against <base href>, without fragments, each once', async () => {
    const port = (origin: string): string => origin.slice(origin.lastIndexOf(':'));
    const site = await startSite((s) => ({
      '/': `<!doctype html><html><head><base href="/docs/"><title>Home</title></head><body>
        <a href="intro">Intro</a> <a href="/about#team">Team</a> <a href="/about">About</a>
        <a href="http://localhost${port(s.origin)}/out">Out</a> <a href="mailto:desk@example.org">Mail</a>
        <a rel="nofollow" href="/sponsored">Sponsored</a> <map><area href="map-target" alt=""></map>
        <template><a href="/in-a-template">Not a link of the page</a></template></body></html>`,
      '/docs/intro': page('Intro', ['/docs/hidden'], '<meta name="robots" content="noindex, nofollow">'),
      '/about': (_, response) => response.writeHead(200, { 'content-type': 'text/html', 'x-robots-tag': 'otherbot: nofollow' }).end(page('About', ['/team'])),
      '/sponsored': (_, response) => response.writeHead(200, { 'content-type': 'text/html', 'x-robots-tag': 'none' }).end(page('Sponsored', ['/secret'])),
      '/docs/map-target': page('Map'),
      '/team': page('Team'),
    }));
    const entries = plain(await entriesOf({ seeds: [site.url('/')] }));
    expect(entries.map(({ url, links }) => ({ url, links }))).toEqual([
      { url: site.url('/'), links: ['/docs/intro', '/about', '/sponsored', '/docs/map-target'].map(site.url) },
      { url: site.url('/about'), links: [site.url('/team')] },
      { url: site.url('/docs/intro'), links: [] },
      { url: site.url('/docs/map-target'), links: [] },
      { url: site.url('/sponsored'), links: [] },
      { url: site.url('/team'), links: [] },
    ]);
    expect(site.requests.map((request) => request.path).sort()).toEqual(['/', '/about', '/docs/intro', '/docs/map-target', '/robots.txt', '/sponsored', '/team']);
  });

  it('keeps to the scope globs, exclusions included, but crawls the seed whatever the scope', async () => {
    const site = await startSite(() => ({
      '/': page('Home', ['/news/a', '/news/drafts/b', '/sport/c']),
      '/news/a': page('A', ['/news/more/d']),
      '/news/more/d': page('D'),
    }));
    const entries = await entriesOf({ seeds: [site.url('/')], scope: [site.url('/news/**'), `!${site.url('/news/drafts/**')}`] });
    expect(urlsOf(entries)).toEqual(['/', '/news/a', '/news/more/d'].map(site.url));
    expect(site.hits('/news/drafts/b') + site.hits('/sport/c')).toBe(0);
  });

  it('reads no links without `follow`', async () => {
    const site = await startSite(() => ({ '/': page('Home', ['/a']), '/a': page('A') }));
    expect(plain(await entriesOf({ seeds: [site.url('/')], follow: false }))).toEqual([
      { url: site.url('/'), status: 200, contentType: 'text/html; charset=utf-8', text: page('Home', ['/a']) },
    ]);
    expect(site.hits('/a')).toBe(0);
  });
});

describe('crawl: shards and resumed audits', () => {
  it('with `follow`, fetches the pages a shard does not keep for their links, and yields only those it keeps', async () => {
    const site = await startSite(() => ({ '/': page('Home', ['/b']), '/b': page('B', ['/c']), '/c': page('C') }));
    const entries = await entriesOf({ seeds: [site.url('/')], keep: (url) => !url.endsWith('/b') });
    expect(urlsOf(entries)).toEqual([site.url('/'), site.url('/c')]);
    expect(site.hits('/b')).toBe(1);
  });

  it('without `follow`, never fetches the pages a shard does not keep', async () => {
    const site = await startSite((s) => ({ '/sitemap.xml': serve(200, { 'content-type': 'application/xml' }, urlset(['/a', '/b', '/c'].map(s.url))), '/a': page('A'), '/b': page('B'), '/c': page('C') }));
    const entries = await entriesOf({ seeds: [site.url('/sitemap.xml')], follow: false, keep: (url) => !url.endsWith('/b') });
    expect(urlsOf(entries)).toEqual([site.url('/a'), site.url('/c')]);
    expect(site.hits('/b')).toBe(0);
  });

  it('splits a site with redirects between shards with each page yielded once', async () => {
    const site = await startSite(() => ({
      '/': page('Home', ['/a', '/old-b', '/c']),
      '/a': page('A', ['/b', '/old-c']),
      '/old-b': serve(301, { location: '/b' }),
      '/b': page('B', ['/d']),
      '/c': page('C'),
      '/old-c': serve(301, { location: '/c' }),
      '/d': page('D'),
    }));
    const pages = ['/', '/a', '/b', '/c', '/d'].map(site.url);
    const whole = (await entriesOf({ seeds: [site.url('/')] })).filter((entry) => !entry.skipped);
    expect(urlsOf(whole)).toEqual(pages);
    for (const slice of [['/', '/b'], ['/a', '/c', '/d']]) {
      const kept = new Set(slice.map(site.url));
      const shard = await entriesOf({ seeds: [site.url('/')], keep: (url) => kept.has(url) });
      expect(urlsOf(shard.filter((entry) => !entry.skipped))).toEqual([...kept].sort());
    }
  });

  it('resumes: never fetches nor yields a URL done, and visits the saved queue', async () => {
    const site = await startSite(() => ({ '/': page('Home', ['/a', '/b']), '/a': page('A', ['/x']), '/b': page('B'), '/c': page('C'), '/done-seed': page('Done') }));
    const entries = await entriesOf({
      seeds: [site.url('/'), site.url('/done-seed')],
      done: new Set([site.url('/a'), site.url('/done-seed')]),
      queue: [site.url('/c'), site.url('/a')],
    });
    expect(urlsOf(entries)).toEqual(['/', '/b', '/c'].map(site.url));
    expect(['/', '/a', '/b', '/c', '/done-seed', '/x'].map((path) => site.hits(path))).toEqual([1, 0, 1, 1, 0, 0]);
  });

  it('asks with the validators kept, and on 304 yields the page as not modified and follows the links kept', async () => {
    const site = await startSite(() => ({
      '/': (request, response) => {
        if (request.headers['if-none-match'] === '"v1"' && request.headers['if-modified-since'] === 'Tue, 01 Jul 2025 10:00:00 GMT') return void response.writeHead(304, { etag: '"v1"' }).end();
        response.writeHead(200, { 'content-type': 'text/html' }).end(page('Changed'));
      },
      '/kept-link': (_, response) => response.writeHead(200, { 'content-type': 'text/html', etag: '"k2"', 'last-modified': 'Wed, 02 Jul 2025 10:00:00 GMT' }).end(page('Kept')),
    }));
    const entries = plain(await entriesOf({
      seeds: [site.url('/')],
      validators: (url) => (url === site.url('/') ? { etag: '"v1"', lastModified: 'Tue, 01 Jul 2025 10:00:00 GMT', links: [site.url('/kept-link')] } : undefined),
    }));
    expect(entries).toEqual([
      { url: site.url('/'), status: 304, notModified: true, etag: '"v1"', lastModified: 'Tue, 01 Jul 2025 10:00:00 GMT', links: [site.url('/kept-link')] },
      { url: site.url('/kept-link'), status: 200, contentType: 'text/html', etag: '"k2"', lastModified: 'Wed, 02 Jul 2025 10:00:00 GMT', links: [], text: page('Kept') },
    ]);
    expect(site.requests.find((request) => request.path === '/kept-link')?.headers['if-none-match']).toBeUndefined();
  });
});

describe('crawl: flow', () => {
  const manyLinks = Array.from({ length: 30 }, (_, i) => `/p${i}`);
  const manyPages = (delayMs = 0): Record<string, Route> => ({
    '/': page('Home', manyLinks),
    ...Object.fromEntries(manyLinks.map((path) => [path, ((_, response) => {
      setTimeout(() => response.writeHead(200, { 'content-type': 'text/html' }).end(page(path)), delayMs);
    }) satisfies Route])),
  });

  it('stops on abort: no request after it, the iteration ends, and pending() holds every page not yielded', async () => {
    const site = await startSite(() => manyPages(50));
    const controller = new AbortController();
    const run = crawl({ ...FAST, seeds: [site.url('/')], concurrency: 2, signal: controller.signal });
    const yielded: string[] = [];
    for await (const entry of run) {
      yielded.push(entry.url);
      if (yielded.length === 3) controller.abort();
    }
    // A request sent just before the abort may still come in just after it: the count settles, then holds.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const requested = site.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(site.requests.length).toBe(requested);
    // robots.txt, the three pages yielded, and two in the buffer and two in flight at most.
    expect(requested).toBeLessThanOrEqual(1 + 3 + 2 + 2);
    expect(yielded).toHaveLength(3);
    expect([...run.pending(), ...yielded].sort()).toEqual([site.url('/'), ...manyLinks.map(site.url)].sort());
  });

  it('yields no more than maxPages entries, and fetches no page beyond them', async () => {
    const site = await startSite(() => manyPages());
    const run = crawl({ ...FAST, seeds: [site.url('/')], maxPages: 4 });
    const yielded: string[] = [];
    for await (const entry of run) yielded.push(entry.url);
    expect(yielded).toHaveLength(4);
    expect(site.requests.filter((request) => request.path !== '/robots.txt')).toHaveLength(4);
    expect(run.pending()).toHaveLength(27);
  });

  it('keeps at most `concurrency` requests in flight, and runs no further ahead of a slow consumer than its buffer', async () => {
    const site = await startSite(() => manyPages(100));
    const run = crawl({ ...FAST, seeds: [site.url('/')], concurrency: 3 });
    let count = 0;
    for await (const _ of run) {
      if (++count === 2) await new Promise((resolve) => setTimeout(resolve, 400));
      if (count === 2) {
        // Two yielded; three waiting in the buffer and three in flight at most, which end while the consumer sleeps.
        expect(site.requests.filter((request) => request.path !== '/robots.txt').length).toBeLessThanOrEqual(2 + 3 + 3);
      }
    }
    expect(count).toBe(31);
    expect(site.maxInFlight).toBe(3);
  });

  it('refuses a seed that is not an http(s) URL, naming each', () => {
    expect(() => crawl({ seeds: ['ftp://example.org/', 'https://example.org/', 'not a url'] })).toThrow('Cannot crawl `ftp://example.org/`, `not a url`: not an http or https URL');
  });
});
