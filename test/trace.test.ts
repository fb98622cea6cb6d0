import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../src/config/policy.js';
import { detectHolders } from '../src/detect/holders.js';
import { findEvidence } from '../src/detect/signals.js';
import type { Evidence } from '../src/detect/evidence.js';
import { readPage } from '../src/document/page.js';
import { main } from '../src/cli/main.js';
import { tracePage } from '../src/index.js';
import type { PageTrace, TracedCandidate } from '../src/index.js';
import { runCli } from './support/run-cli.js';
import { copyOfFixture } from './support/scratch.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const PAGE = 'trace/harbour-strike.html';
const AS_OF = '2026-01-15';

/** A candidate as a line a reader can compare: position, signal, text, verdict and reason. */
function shown(candidate: TracedCandidate): string {
  return `${candidate.line}:${candidate.column} ${candidate.signal} "${candidate.text}" ${candidate.kept ? 'kept' : 'dropped'}: ${candidate.reason}`;
}

describe('tracePage', () => {
  it('gives every candidate on a page with where it stands and why it was kept or dropped', async () => {
    const trace = await tracePage(PAGE, { cwd: FIXTURES, asOf: AS_OF });
    expect(trace.candidates.map(shown)).toEqual([
      '7:64 getty/asset-file "GettyImages-481827878" dropped: weak: one weak signal proves nothing, two are needed',
      '13:4 afp/dateline "MARSEILLE, France (AFP)" kept: strong: proves afp text content',
      '13:23 afp/dateline "AFP" dropped: duplicate of afp/dateline at 13:4',
      '16:73 afp/photo-credit "AFP" kept: strong: proves afp photo content',
      '16:73 afp/credit-line "AFP" dropped: duplicate of afp/photo-credit at 16:73',
      '20:64 reuters/photo-credit "Reuters" dropped: excluded as a citation ("told Reuters")',
      '24:44 laif/credit-line "laif" kept: strong: proves laif photo content',
      '30:4 ap/dateline "WASHINGTON (AP)" kept: aside: only in page furniture (judged at the policy\'s `asides` severity)',
      '30:16 ap/dateline "AP" dropped: duplicate of ap/dateline at 30:4',
    ]);
    const [weak, dateline] = trace.candidates;
    expect(weak?.region).toEqual({ index: 2, kind: 'meta', field: 'og:image', line: 7, column: 36, container: 'html > head > meta', isInStory: false, isAside: false });
    expect(dateline).toMatchObject({ holder: 'afp', type: 'dateline', kind: 'text', strength: 'strong', endLine: 13, endColumn: 27, verdict: 'proven' });
    expect(dateline?.region).toMatchObject({ kind: 'body', line: 13, column: 4, isInStory: true, isAside: false });
    expect(trace.candidates.find((c) => c.holder === 'ap' && c.kept)?.region).toMatchObject({ kind: 'body', isInStory: false, isAside: true });
  });

  it('says how the page was read, and reports the holders and the findings of check', async () => {
    const trace = await tracePage(PAGE, { cwd: FIXTURES, asOf: AS_OF });
    // The page as the policy's folder sees it, as check names it.
    expect(trace.path).toBe('harbour-strike.html');
    expect(trace.policy).toBe('trace/rightslint.yaml');
    expect(trace.page).toEqual({
      format: 'html',
      encoding: 'utf-8',
      published: { date: '2025-10-02', source: 'meta' },
      publishers: ['The Lantern Post'],
      regions: { title: 1, meta: 3, heading: 2, body: 3, alt: 2, src: 2, caption: 3 },
      hasStory: true,
      prefilter: 'everything',
    });
    expect(trace.check).toEqual({ status: 'scanned' });
    expect(trace.holders.map((h) => [h.holder, h.kinds, h.aside ?? false])).toEqual([['afp', ['photo', 'text'], false], ['ap', ['text'], true], ['laif', ['photo'], false]]);
    expect(trace.findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.holder}`)).toEqual([
      '16:73 error unlicensed-content afp',
      '24:44 error unlicensed-content laif',
      '30:4 warning unlicensed-content ap',
    ]);
    const checked = await runCli(['check', PAGE, '--format', 'json', '--as-of', AS_OF], FIXTURES);
    const [file] = (JSON.parse(checked.stdout) as { files: Array<{ holders: unknown; findings: unknown }> }).files;
    expect(trace.findings).toEqual(file?.findings);
    expect(trace.holders).toEqual(file?.holders);
  });

  it('drops the evidence of a holder that publishes the page as first party', async () => {
    const trace = await tracePage('agency-own-page/pages/agency-site.html', { cwd: FIXTURES, asOf: AS_OF });
    expect(trace.candidates.filter((c) => c.verdict === 'first-party').map(shown)).toEqual([
      '13:4 afp/dateline "STRASBOURG, France (AFP)" dropped: first party: the page\'s publisher is the holder',
      '15:4 afp/notice "© Agence France-Presse" dropped: first party: the page\'s publisher is the holder',
    ]);
    expect(trace.holders).toMatchObject([{ holder: 'afp', firstParty: true }]);
    expect(trace.findings).toEqual([]);
  });
});

describe('the detectors\' recorder', () => {
  it('leaves the evidence and the holders as they are, and keeps exactly the evidence', async () => {
    const policy = await loadPolicy(join(FIXTURES, 'trace/rightslint.yaml'), FIXTURES);
    const page = await readPage(PAGE, readFileSync(join(FIXTURES, PAGE), 'utf8'));
    const plain = findEvidence(page, policy.catalogue);
    const verdicts = new Map<Evidence, boolean>();
    const traced = findEvidence(page, policy.catalogue, (candidate, verdict) => verdicts.set(candidate, verdict.kept));
    expect(traced).toEqual(plain);
    // The same items, whatever the order the detectors heard of them in (credit lines after signals).
    const kept = [...verdicts].filter(([, isKept]) => isKept).map(([item]) => item);
    expect(new Set(kept)).toEqual(new Set(traced));
    expect(kept).toHaveLength(traced.length);
    expect(detectHolders(traced, new Set(), () => undefined)).toEqual(detectHolders(plain));
  });
});

describe('rightslint trace', () => {
  it('prints the candidates grouped by region, with reasons, and exits 0 over unlicensed content', async () => {
    const { code, stdout, stderr } = await runCli(['trace', PAGE, '--as-of', AS_OF], FIXTURES);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^harbour-strike\.html\n {2}html, utf-8; published 2025-10-02 \(meta\); publisher "The Lantern Post"$/m);
    expect(stdout).toContain('  policy: trace/rightslint.yaml; check: scanned\n');
    expect(stdout).toContain([
      '  caption at 20:13 in html > body > article > figure > figcaption, in the story',
      '    20:64   reuters/photo-credit  photo, strong  "Reuters"  dropped: excluded as a citation ("told Reuters")',
    ].join('\n'));
    expect(stdout).toContain('  body at 30:4 in html > body > aside.related-stories > p, page furniture\n    30:4    ap/dateline  text, strong  "WASHINGTON (AP)"  kept: aside:');
    expect(stdout).toMatch(/^ {4}16:73 {2}error {2}Agence France-Presse photo content is not covered/m);
    // Not a terminal: no colour codes.
    expect(stdout).not.toContain('\u001b[');
  });

  it('dims dropped candidates on a terminal, and keeps kept ones plain', async () => {
    let stdout = '';
    const write = (text: string) => (stdout += text);
    const code = await main(['trace', PAGE, '--as-of', AS_OF], { cwd: FIXTURES, env: {}, stdout: { write, isTTY: true }, stderr: { write } });
    expect(code).toBe(0);
    expect(stdout).toContain('\u001b[2m    20:64   reuters/photo-credit  photo, strong  "Reuters"  dropped: excluded as a citation ("told Reuters")\u001b[22m');
    expect(stdout).toMatch(/^ {4}13:4 {4}afp\/dateline {2}text, strong {2}"MARSEILLE, France \(AFP\)" {2}kept: strong: proves afp text content$/m);
  });

  it('prints the trace as JSON with --format json', async () => {
    const { code, stdout } = await runCli(['trace', PAGE, '--format', 'json', '--as-of', AS_OF], FIXTURES);
    expect(code).toBe(0);
    const trace = JSON.parse(stdout) as PageTrace;
    expect(Object.keys(trace)).toEqual(['path', 'policy', 'page', 'check', 'candidates', 'holders', 'findings']);
    expect(trace).toEqual(await tracePage(PAGE, { cwd: FIXTURES, asOf: AS_OF }));
  });

  it('exits 2 with one line for a missing page, a folder, or a bad option', async () => {
    for (const [args, message] of [
      [['trace', 'trace/nowhere.html'], 'rightslint: Cannot trace `trace/nowhere.html`: no such file\n'],
      [['trace', 'trace'], 'rightslint: Cannot trace `trace`: not a file (name one page)\n'],
      [['trace', PAGE, '--format', 'sarif'], 'rightslint: Cannot use --format `sarif`: expected one of stylish, json\n'],
      [['trace'], 'rightslint: Cannot trace nothing: name one page\n'],
    ] as const) {
      const { code, stdout, stderr } = await runCli([...args], FIXTURES);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.split('\n')[0]).toBe(message.trimEnd());
    }
  });

  it('exits 2 when the policy is invalid', async () => {
    const folder = copyOfFixture('trace');
    writeFileSync(join(folder, 'rightslint.yaml'), 'licenses:\n  - id: afp-wire\n    holder: afpp\n');
    const { code, stdout, stderr } = await runCli(['trace', 'harbour-strike.html'], folder);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^rightslint: the policy has 1 problem:\n.*rightslint\.yaml:3:13: `licenses\[0\]\.holder`/);
  });
});
