import { ALL_RULES, docsUrl } from '../rules/meta.js';
import type { EvidenceEntry, FileResult, Finding } from '../workspace/result.js';
import { moreText, shownEvidence } from './bound.js';
import { pageExcerpts, type Excerpt, type Span } from './excerpt.js';
import { escapeHtml, messageHtml } from './html-escape.js';
import type { PlacedFinding } from './html-tables.js';
import type { LicenseClause, ReportOptions } from './options.js';

/** What the details of findings are written with. */
export interface DetailContext {
  limit: number;
  nameOf: (holder: string) => string;
  pageText: ReportOptions['pageText'];
  licenses: ReportOptions['licenses'];
}

const RULE_META = new Map(ALL_RULES.map((rule) => [rule.id, rule]));

/**
 * The details of one page's findings: for each, its message and place, each piece of evidence
 * highlighted in the page's text around it (where the text is at hand), the licence clause it
 * names, and what its rule means, with a link to the rule's documentation.
 */
export function pageDetails(file: FileResult, placed: readonly PlacedFinding[], context: DetailContext): string {
  const text = context.pageText?.(file.path, file.encoding);
  const excerptOf = text === undefined ? undefined : pageExcerpts(text);
  const findings = placed.map(({ finding, anchor }) => findingDetails(finding, anchor, excerptOf, context));
  return `<section class="page"><h3 class="path">${escapeHtml(file.path)}</h3>\n${findings.join('\n')}</section>`;
}

function findingDetails(finding: Finding, anchor: string, excerptOf: ((span: Span) => Excerpt | undefined) | undefined, context: DetailContext): string {
  const { shown, omitted } = shownEvidence(finding, context.limit);
  const evidence = shown.map((item) => evidenceItem(item, excerptOf?.(item)));
  // A finding with no evidence (a notice of an unknown owner, a suppression comment) is shown where it stands.
  const place = evidence.length === 0 ? excerptOf?.(finding) : undefined;
  if (omitted > 0) evidence.push(`<li class="note">${escapeHtml(moreText(omitted))}</li>`);
  const suppression = finding.suppression
    ? `<p class="accepted">Accepted ${finding.suppression.kind === 'inSource' ? 'by a comment in the page' : 'by the baseline'}: ${escapeHtml(finding.suppression.justification)}</p>`
    : '';
  return [
    `<article class="finding finding-${finding.severity}" id="${anchor}">`,
    `<p class="finding-head"><span class="badge badge-${finding.severity}">${finding.severity}</span> <code>${escapeHtml(finding.ruleId)}</code> at line ${finding.line}, column ${finding.column}${finding.holder ? ` · ${escapeHtml(context.nameOf(finding.holder))}` : ''}</p>`,
    `<p class="message">${messageHtml(finding.message)}</p>`,
    finding.expected ? `<p>Expected: ${messageHtml(finding.expected)}</p>` : '',
    suppression,
    place ? `<h4>In the page</h4>${excerptHtml(place)}` : '',
    evidence.length > 0 ? `<h4>Evidence</h4><ol class="evidence">${evidence.join('')}</ol>` : '',
    licenseDetails(finding, context.licenses),
    ruleDetails(finding.ruleId),
    '</article>',
  ].filter(Boolean).join('\n');
}

function evidenceItem(item: EvidenceEntry, excerpt: Excerpt | undefined): string {
  const restrictions = item.restrictions ? ` <span class="note">(${escapeHtml(item.restrictions.join(', '))})</span>` : '';
  const head = `<p><code>${escapeHtml(item.signal)}</code> at ${item.line}:${item.column}: “${escapeHtml(item.text)}”${restrictions}</p>`;
  if (!excerpt) return `<li>${head}</li>`;
  return `<li>${head}${excerptHtml(excerpt)}</li>`;
}

/** The page's source around a span, the span highlighted. */
function excerptHtml(excerpt: Excerpt): string {
  const source = `${escapeHtml(excerpt.before)}<mark>${escapeHtml(excerpt.match)}</mark>${escapeHtml(excerpt.after)}`;
  return `<pre class="excerpt" aria-label="The page’s source from line ${excerpt.line}">${source}</pre>`;
}

/** The licence a finding names, quoted as the policy grants it. */
function licenseDetails(finding: Finding, licenses: ReadonlyMap<string, LicenseClause> | undefined): string {
  const parts: string[] = [];
  if (finding.license) {
    const clause = licenses?.get(finding.license);
    parts.push(`<p>Licence <code>${escapeHtml(finding.license)}</code>${clause ? '' : ' (its clause is not at hand: the policy was not read for this report)'}</p>`);
    if (clause) parts.push(clauseList(clause));
  }
  return parts.length > 0 ? `<div class="license"><h4>Licence</h4>${parts.join('')}</div>` : '';
}

function clauseList(clause: LicenseClause): string {
  const fields: Array<[string, string | undefined]> = [
    ['holder', clause.holder],
    ['via', clause.via],
    ['kinds', clause.kinds?.join(', ')],
    ['paths', clause.paths.join(', ')],
    ['from', clause.from],
    ['until', clause.until],
    ['retention', clause.retention],
    ['attribution', clause.attribution],
  ];
  const rows = fields.filter(([, value]) => value !== undefined).map(([name, value]) => `<dt>${name}</dt><dd>${escapeHtml(value ?? '')}</dd>`);
  return `<dl class="clause">${rows.join('')}</dl>`;
}

/** The rule's own description and its documentation: the only links a report holds, to our docs. */
function ruleDetails(ruleId: string): string {
  const rule = RULE_META.get(ruleId);
  if (!rule) return '';
  return `<div class="rule"><h4>Rule</h4><p>${escapeHtml(rule.description)} <a href="${escapeHtml(docsUrl(rule.id))}">Read about <code>${escapeHtml(rule.id)}</code></a></p></div>`;
}
