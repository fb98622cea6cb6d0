import { createColors } from 'picocolors';
import type { PageTrace, TracedCandidate, TracedRegion } from '../trace/types.js';

type Colors = ReturnType<typeof createColors>;

/**
 * A page's trace for a terminal: the page's facts, then its candidates grouped by the region
 * they stand in, in source order, kept ones plain and dropped ones dim, each with its reason;
 * then the holders proven and `check`'s findings.
 */
export function formatTrace(trace: PageTrace, options: { color: boolean }): string {
  const c = createColors(options.color);
  const out = [c.underline(trace.path), ...pageLines(trace, c), ''];
  if (trace.candidates.length === 0) out.push('  no candidate match on this page', '');
  let region: number | undefined;
  for (const candidate of trace.candidates) {
    if (candidate.region.index !== region) {
      if (region !== undefined) out.push('');
      region = candidate.region.index;
      out.push(`  ${c.bold(regionTitle(candidate.region))}`);
    }
    out.push(candidateLine(candidate, c));
  }
  if (trace.candidates.length > 0) out.push('');
  out.push(c.bold('  holders'));
  if (trace.holders.length === 0) out.push('    none proven');
  for (const holder of trace.holders) {
    const marks = [holder.firstParty ? 'first party' : '', holder.aside ? 'aside' : ''].filter(Boolean);
    out.push(`    ${holder.holder}  ${holder.kinds.join(', ')}${marks.length > 0 ? `  (${marks.join(', ')})` : ''}`);
  }
  out.push(c.bold('  findings'));
  if (trace.findings.length === 0) out.push('    none');
  for (const finding of trace.findings) {
    const severity = finding.severity === 'error' ? c.red('error') : c.yellow('warning');
    const accepted = finding.suppression ? c.dim(`  (accepted: ${finding.suppression.justification})`) : '';
    out.push(`    ${finding.line}:${finding.column}  ${severity}  ${finding.message}  ${c.dim(finding.ruleId)}${accepted}`);
  }
  return `${out.join('\n')}\n`;
}

/** What the page was read as: format, date, publisher, regions, policy and what `check` does. */
function pageLines({ page, policy, check }: PageTrace, c: Colors): string[] {
  const published = page.published ? `published ${page.published.date} (${page.published.source})` : 'no publication date';
  const publishers = page.publishers.length > 0 ? `publisher ${page.publishers.map((name) => `"${name}"`).join(', ')}` : 'no publisher named';
  const regions = Object.entries(page.regions).map(([kind, count]) => `${kind} ${count}`).join(', ') || 'none';
  const lines = [
    `  ${page.format}, ${page.encoding}; ${published}; ${publishers}`,
    `  regions: ${regions}; ${page.hasStory ? 'a story was found' : 'no story was found'}`,
    `  policy: ${policy ?? 'the built-in default'}; check: ${check.status}${check.reason ? ` (${check.reason})` : ''}`,
  ];
  if (page.prefilter === 'nothing') lines.push(c.yellow('  check\'s prefilter finds no holder named here, and reads no further than that'));
  if (page.prefilter === 'notices') lines.push(c.yellow('  check\'s prefilter finds only notices here, and reads nothing else'));
  return lines.map((line) => c.dim(line));
}

function regionTitle(region: TracedRegion): string {
  const place = region.isAside ? 'page furniture' : region.isInStory ? 'in the story' : 'outside the story';
  const container = region.container ? ` in ${region.container}` : '';
  return `${region.kind}${region.field ? ` ${region.field}` : ''} at ${region.line}:${region.column}${container}, ${place}`;
}

function candidateLine(candidate: TracedCandidate, c: Colors): string {
  const { line, column, signal, kind, strength, text, kept, reason } = candidate;
  const restrictions = candidate.restrictions ? `  [${candidate.restrictions.join(', ')}]` : '';
  const shown = `    ${`${line}:${column}`.padEnd(8)}${signal}  ${kind}, ${strength}  "${text}"${restrictions}  ${kept ? 'kept' : 'dropped'}: ${reason}`;
  return kept ? shown : c.dim(shown);
}
