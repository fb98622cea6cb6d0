import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkText } from '../src/engine/check-page.js';
import type { Run } from '../src/engine/run.js';
import { defaultPolicy } from '../src/config/policy.js';
import { buildHtmlTree } from '../src/document/html/html-tree.js';
import type { TreeElement, TreeNode } from '../src/document/tree.js';
import { formatJson } from '../src/report/json.js';
import { formatSarif } from '../src/report/sarif.js';
import { formatStylish } from '../src/report/stylish.js';
import type { CheckResult, FileResult } from '../src/workspace/result.js';
import { MAX_KEPT_EVIDENCE } from '../src/rules/finding.js';
import { summarise } from '../src/workspace/summary.js';

const PATH = 'photos/wall.html';
const CREDITS = 1_500;

/** A page of 1,500 `<img alt="AFP/X">`, one a line from line 2, and whatever `last` adds after them. */
function wall(last = ''): string {
  return `<!DOCTYPE html><html><head><title>Wall</title></head><body>\n${'<img alt="AFP/X">\n'.repeat(CREDITS)}${last}\n</body></html>\n`;
}

let run: Run;
beforeAll(async () => {
  run = { policy: await defaultPolicy(mkdtempSync(join(tmpdir(), 'rightslint-evidence-'))), asOf: '2026-01-15', displayPath: (path) => path };
});

const checked = (html: string): Promise<FileResult> => checkText(html, PATH, PATH, run);

describe('evidence a result keeps', () => {
  it('keeps the first thousand pieces of evidence of a finding and a holder, and counts them all', async () => {
    const result = await checked(wall());
    const [finding] = result.findings;
    const [holder] = result.holders;
    expect(finding).toMatchObject({ ruleId: 'unlicensed-content', holder: 'afp', line: 2, column: 11, evidenceCount: CREDITS });
    expect(finding?.evidence).toHaveLength(MAX_KEPT_EVIDENCE);
    expect(finding?.evidence[0]).toEqual({ signal: 'afp/photo-credit', text: 'AFP', line: 2, column: 11, endLine: 2, endColumn: 14 });
    expect(finding?.evidence.at(-1)).toMatchObject({ line: MAX_KEPT_EVIDENCE + 1, column: 11 });
    expect(holder).toMatchObject({ holder: 'afp', evidenceCount: CREDITS });
    expect(holder?.evidence).toHaveLength(MAX_KEPT_EVIDENCE);
    // Right after the list, where a bounded report puts it.
    expect(Object.keys(finding ?? {}).indexOf('evidenceCount')).toBe(Object.keys(finding ?? {}).indexOf('evidence') + 1);
  });

  it('sets no evidenceCount where all the evidence is kept', async () => {
    const result = await checked('<!DOCTYPE html><p>Text</p><img alt="AFP/X">');
    expect(result.findings[0]?.evidence).toHaveLength(1);
    expect(result.findings[0]).not.toHaveProperty('evidenceCount');
    expect(result.holders[0]).not.toHaveProperty('evidenceCount');
  });

  it('fingerprints a finding from all its evidence, not only the part it keeps', async () => {
    // Pinned: a change to how fingerprints are made reopens every finding a baseline accepted.
    const [finding] = (await checked(wall('<img alt="Jane Doe / Agence France-Presse">'))).findings;
    expect(finding).toMatchObject({ holder: 'afp', evidenceCount: CREDITS + 1, fingerprint: 'b04786afd135c32b95fd973093f2bd8b' });
    // The credit past the thousandth is part of it: without it the fingerprint is another.
    expect((await checked(wall())).findings[0]?.fingerprint).toBe('9067ea92465079603d3c0b552b5db16c');
  });

  it('reports the whole count of a result that keeps part of its evidence', async () => {
    const file = { ...(await checked(wall())), path: PATH };
    const result: CheckResult = { version: 1, files: [file], summary: summarise([file], '2026-01-15', null) };
    const options = { version: '0.0.0-test', color: false };
    const all = JSON.parse(formatJson(result, { ...options, maxEvidence: Number.POSITIVE_INFINITY })) as CheckResult;
    expect(all.files[0]?.findings[0]).toMatchObject({ evidenceCount: CREDITS });
    expect(all.files[0]?.findings[0]?.evidence).toHaveLength(MAX_KEPT_EVIDENCE);
    const bounded = JSON.parse(formatJson(result, options)) as CheckResult;
    expect(bounded.files[0]?.holders[0]).toMatchObject({ evidenceCount: CREDITS });
    expect(bounded.files[0]?.holders[0]?.evidence).toHaveLength(20);
    expect(formatStylish(result, options)).toContain('      … and 1,480 more');
    const sarif = JSON.parse(formatSarif(result, options)) as { runs: Array<{ results: Array<{ properties: { evidenceCount: number } }> }> };
    expect(sarif.runs[0]?.results[0]?.properties.evidenceCount).toBe(CREDITS);
  });
});

describe('pages of many nodes', () => {
  it('builds a page whose misnested block holds 200,000 children', () => {
    // `</b>` inside `<p>` moves the paragraph's content into a copy of `b` (the adoption agency
    // algorithm): spreading 200,000 children as arguments overflowed the stack.
    const html = `<!DOCTYPE html><body><b><p>${'<br>'.repeat(200_000)}</b>© AFP</p>`;
    const tree = buildHtmlTree(html);
    expect(tree).toBeDefined();
    const p = find(tree?.children ?? [], 'p');
    const [copy] = p?.children ?? [];
    expect(copy).toMatchObject({ type: 'element', tagName: 'b' });
    expect((copy as TreeElement).children).toHaveLength(200_000);
  });
});

/** The first element named `tagName`, depth first. */
function find(nodes: readonly TreeNode[], tagName: string): TreeElement | undefined {
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    if (node.tagName === tagName) return node;
    const found = find(node.children, tagName);
    if (found) return found;
  }
  return undefined;
}
