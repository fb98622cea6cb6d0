import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.md': 'text/markdown; charset=utf-8', '.yaml': 'text/yaml', '.xml': 'application/xml' };

/** A folder served over HTTP on 127.0.0.1 for a test, with a sitemap of the pages it names. */
export interface SiteServer {
  /** The site's origin, `http://127.0.0.1:PORT`. */
  origin: string;
  /** Every request's path, in the order they came. */
  requests: string[];
  /** The status of every answer, in the order they went. */
  statuses: number[];
  close(): Promise<void>;
}

export interface SiteOptions {
  /** The paths (from the folder, with `/`) the sitemap at `/sitemap.xml` lists. */
  sitemap: readonly string[];
  /** How long each page takes to answer, in milliseconds. */
  delayMs?: number;
}

/**
 * Serves `folder` as a static site: files by their paths, with types by their extensions and
 * ETags, 404 for anything else, and `/sitemap.xml` listing `options.sitemap`. Only 127.0.0.1 is
 * listened on.
 */
export async function serveFolder(folder: string, options: SiteOptions): Promise<SiteServer> {
  const requests: string[] = [];
  const statuses: number[] = [];
  let origin = '';
  const answer = (request: IncomingMessage, response: ServerResponse) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    requests.push(path);
    if (path === '/sitemap.xml') {
      const urls = options.sitemap.map((page) => `<url><loc>${origin}/${page}</loc></url>`).join('');
      response.writeHead(200, { 'content-type': 'application/xml' }).end(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls}</urlset>`);
      return;
    }
    const file = join(folder, normalize(path));
    const isFile = file.startsWith(folder) && statSync(file, { throwIfNoEntry: false })?.isFile();
    if (!isFile) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    // Each file has an ETag, and a request that names it is answered 304 Not Modified.
    const body = readFileSync(file);
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    const status = request.headers['if-none-match'] === etag ? 304 : 200;
    setTimeout(() => {
      if (response.destroyed) return;
      statuses.push(status);
      response.writeHead(status, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', etag }).end(status === 304 ? undefined : body);
    }, options.delayMs ?? 0);
  };
  const server: Server = createServer(answer);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requests,
    statuses,
    close: () => new Promise((done) => {
      server.closeAllConnections();
      server.close(() => done());
    }),
  };
}
