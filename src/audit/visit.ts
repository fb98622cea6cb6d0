import type { AuditPage } from './audit-page.js';
import { crawlUrl } from './crawl-url.js';
import { statusLine } from './exchange.js';
import { type Answer, politeFetch } from './polite-fetch.js';
import { readAnswer, readLimit } from './read-answer.js';
import type { SiteRobots } from './robots.js';
import { found, type Validators, type Visit, type VisitContext, type VisitTask } from './visit-context.js';

const MAX_REDIRECTS = 10;
const REDIRECTS: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/** The next hop of a redirect, or why the visit stops at this one. */
type Hop = { url: string; site: SiteRobots } | { skipped: string } | { error: string };

/**
 * Visits one URL: asks robots.txt first, fetches it (conditionally, where validators are known),
 * follows its redirects one hop at a time, and reads what the last hop answered (read-answer.ts).
 *
 * Each hop is checked as a page would be: in scope (a seed's and a sitemap's hops excepted: the
 * user named the one, and the other is no page), allowed by robots.txt, and new to the crawl. A
 * hop that fails one of them ends the visit with a `skipped` entry for the URL that redirected,
 * naming where it led, so that nothing is dropped unseen: a redirect to a URL the audit already
 * has is reported `redirects to <url>, already in the audit`, as that URL has an entry of its own.
 * Redirect loops and chains of more than ten redirects are errors.
 */
export async function visit(task: VisitTask, context: VisitContext): Promise<Visit> {
  let url = task.url;
  let site = await context.robots.of(url);
  const refusal = site.refusal(url);
  // A page robots.txt disallows is left out on purpose; one of a site whose robots.txt could not
  // be read is a page the audit failed to read.
  if (refusal) return found({ url, captured: new Date().toISOString(), ...(site.isUnreachable ? { error: refusal } : { skipped: refusal }) });
  const chain = [url];
  for (;;) {
    const cached = context.validators?.(url);
    const request = { headers: conditional(cached), readLimit: readLimit(task, context), delayMs: Math.max(context.delayMs, site.delayMs) };
    const answer = await politeFetch(url, request, context.politeness);
    const from = url === task.url ? {} : { redirectedFrom: task.url };
    if ('error' in answer) return found({ url, ...from, captured: answer.captured, ...(answer.status ? { status: answer.status } : {}), error: answer.error });
    if (!REDIRECTS.has(answer.status)) return readAnswer(answer, { task, context, site, cached, from });
    const hop = await nextHop(answer, chain, task, context);
    if (!('url' in hop)) return found({ url, ...from, captured: answer.captured, status: answer.status, ...hop } satisfies AuditPage);
    ({ url, site } = hop);
  }
}

async function nextHop(answer: Answer, chain: string[], task: VisitTask, context: VisitContext): Promise<Hop> {
  const location = answer.headers.get('location');
  const target = location === null ? undefined : crawlUrl(location, answer.url);
  if (target === undefined) return { error: `${statusLine(answer)} without an http(s) Location to follow` };
  if (chain.includes(target)) return { error: `redirect loop: ${[...chain, target].join(' -> ')}` };
  if (chain.length > MAX_REDIRECTS) return { error: `more than ${MAX_REDIRECTS} redirects` };
  if (task.kind === 'page' && !context.scope.has(target)) return { skipped: `redirects out of scope to ${target}` };
  const site = await context.robots.of(target);
  const refusal = site.refusal(target);
  if (refusal) return site.isUnreachable ? { error: `redirects to ${target}, ${refusal}` } : { skipped: `redirects to ${target}, ${refusal}` };
  if (!context.claim(target)) return { skipped: `redirects to ${target}, already in the audit` };
  if (task.kind === 'seed') context.scope.admit(target);
  chain.push(target);
  return { url: target, site };
}

/** The headers of a conditional request (RFC 9110 section 13.1), from what an earlier crawl kept. */
function conditional(cached: Validators | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (cached?.etag) headers['if-none-match'] = cached.etag;
  if (cached?.lastModified) headers['if-modified-since'] = cached.lastModified;
  return headers;
}
