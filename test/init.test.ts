import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../src/engine/check.js';
import { loadPolicy } from '../src/config/policy.js';
import { runCli } from './support/run-cli.js';
import { copyOfFixture, scratchFolder } from './support/scratch.js';

const DAY = '2026-01-15';

/** A small site: AFP stories of two years, a Reuters note with no date, the site's name on its pages. */
function site(pages: Record<string, string>): string {
  const folder = scratchFolder('init');
  for (const [path, text] of Object.entries(pages)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  return folder;
}

function story(date: string | undefined, siteName: string | undefined, lead: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8"><title>A story</title>',
    ...(date ? [`<meta property="article:published_time" content="${date}T08:00:00Z">`] : []),
    ...(siteName ? [`<meta property="og:site_name" content="${siteName}">`] : []),
    '</head><body><article><h1>A story</h1>',
    `<p>${lead}</p>`,
    '<p>Officials said more details would follow later in the week.</p>',
    '</article></body></html>',
    '',
  ].join('\n');
}

const TIDELINE = {
  'world/2024/ferries.html': story('2024-03-05', 'Tideline Daily', 'GENEVA (AFP) - Lake ferries will run a winter timetable for the first time this year, operators said on Tuesday.'),
  'world/2025/trains.html': story('2025-06-01', 'Tideline Daily', 'VIENNA (AFP) - A night train linking Vienna and Rome made its first run in a decade on Sunday.'),
  'local/harbour.html': story('2025-02-10', 'Tideline Daily', 'The harbour board met on Monday to discuss the new berths.'),
  'notes/freight.md': [
    '---',
    'title: Freight rates',
    '---',
    '',
    'The cost of shipping a container from East Asia to northern Europe fell for a sixth week.',
    '',
    '(Reporting by Tomasz Wren; Editing by Helen Marsh)',
    '',
    '© 2025 Tideline Daily',
    '',
  ].join('\n'),
};

/** The policy text with the commented line at `index` uncommented, as an editor's toggle does (`# `) or by hand (`#`). */
function uncomment(text: string, indexes: readonly number[], mark: '# ' | '#'): string {
  const lines = text.split('\n');
  for (const index of indexes) lines[index] = (lines[index] as string).replace(mark, '');
  return lines.join('\n');
}

function licenceItems(text: string): number[] {
  return text.split('\n').flatMap((line, index) => (/^\s*# \{ id: /.test(line) ? [index] : []));
}

describe('rightslint init', () => {
  it('writes a starter policy naming the holders found, and will not overwrite it', async () => {
    const folder = copyOfFixture('markdown-photo');
    rmSync(join(folder, 'rightslint.yaml'));
    const { code, stdout } = await runCli(['init'], folder);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ {2}afp +1 {2}photo +\d{4}-\d\d-\d\d$/m);
    const written = readFileSync(join(folder, 'rightslint.yaml'), 'utf8');
    expect(written).toMatch(/^ {2}# afp: 1 page \(photo\), the earliest dated \d{4}-\d\d-\d\d/m);
    // The starter policy is valid: checking with it reports the unlicensed photo.
    expect((await runCli(['check', '--as-of', DAY], folder)).code).toBe(1);
    const again = await runCli(['init'], folder);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('Cannot write `rightslint.yaml`: it exists');
  });

  it('writes licences that stay a valid policy when any of them, or all, are uncommented', async () => {
    const folder = site(TIDELINE);
    expect((await runCli(['init'], folder)).code).toBe(0);
    const file = join(folder, 'rightslint.yaml');
    const written = readFileSync(file, 'utf8');
    const items = licenceItems(written);
    expect(items).toHaveLength(2);
    for (const mark of ['# ', '#'] as const) {
      for (const chosen of [...items.map((index) => [index]), items]) {
        writeFileSync(file, uncomment(written, chosen, mark));
        const policy = await loadPolicy(file, folder);
        expect(policy.spec.licenses.map((license) => license.holder)).toEqual(chosen.map((index) => (/holder: ([a-z-]+)/.exec(written.split('\n')[index] as string) as RegExpExecArray)[1]));
      }
    }
  });

  it("dates each licence from its holder's earliest dated page, so the pages already online are in force", async () => {
    const folder = site(TIDELINE);
    const { stderr } = await runCli(['init'], folder);
    const file = join(folder, 'rightslint.yaml');
    const written = readFileSync(file, 'utf8');
    expect(written).toContain('  # afp: 2 pages (text), the earliest dated 2024-03-05 (world/2024/ferries.html)\n  # { id: afp-licence, holder: afp, kinds: [text], paths: ["**"], from: 2024-03-05 },');
    // No page with Reuters content is dated: the file and standard error say what to do.
    expect(written).toContain('  # reuters: 1 page (text), none with a publication date: set `from:` to the date the licence began\n  # { id: reuters-licence, holder: reuters, kinds: [text], paths: ["**"] },');
    expect(stderr).toBe('No page of `reuters` gives a publication date: in rightslint.yaml, set `from:` to the date the licence began.\n');
    writeFileSync(file, uncomment(written, licenceItems(written), '# '));
    const result = await check({ cwd: folder, asOf: DAY });
    expect(result.files.flatMap((entry) => entry.findings.map((finding) => `${entry.path} ${finding.ruleId}`))).toEqual([]);
  });

  it("puts the site's own publisher name under `self`, through a holder file written for it", async () => {
    const folder = site(TIDELINE);
    const { stdout } = await runCli(['init'], folder);
    expect(stdout).toContain('Wrote rightslint-holders/tideline-daily.yaml: the site\'s own holder ("Tideline Daily"), listed under `self`.');
    const written = readFileSync(join(folder, 'rightslint.yaml'), 'utf8');
    expect(written).toContain('# The pages name their publisher "Tideline Daily" (3 of 4 pages) in og:site_name or a JSON-LD\n');
    expect(written).toContain('\nholders: [rightslint-holders]\nself: [tideline-daily]\n');
    const policy = await loadPolicy(join(folder, 'rightslint.yaml'), folder);
    expect(policy.catalogue.holders.get('tideline-daily')).toMatchObject({ name: 'Tideline Daily', aliases: ['Tideline Daily'] });
    // The Markdown note names no publisher: its "© 2025 Tideline Daily" is the site's own, no unknown notice.
    const result = await check({ cwd: folder, asOf: DAY });
    const note = result.files.find((entry) => entry.path === 'notes/freight.md');
    expect(note?.findings.map((finding) => finding.ruleId)).toEqual(['unlicensed-content']);
    expect(note?.holders.map((entry) => entry.holder).sort()).toEqual(['reuters', 'tideline-daily']);
  });

  it('never makes an agency that pages name as publisher `self`, and says when to add it', async () => {
    const folder = site({
      'copied/wire.html': story('2025-04-02', 'Reuters', 'LONDON (Reuters) - Shares rose on Wednesday as investors weighed the central bank\'s outlook.'),
      'own/story.html': story('2025-04-03', 'Tideline Daily', 'PARIS (AFP) - The city will close three bridges for repairs this summer, the mayor said.'),
    });
    expect((await runCli(['init'], folder)).code).toBe(0);
    const written = readFileSync(join(folder, 'rightslint.yaml'), 'utf8');
    expect(written).toContain('\nself: [tideline-daily]\n');
    expect(written).toContain('# 1 page names the agency `reuters` as publisher, so its marks there are its own. Add `reuters`\n');
    // The Reuters page is Reuters' own by its publisher name: it needs no licence item.
    expect(written).not.toContain('holder: reuters');
  });

  it('writes no holder file where no page names a publisher, and says how to fill `self`', async () => {
    const folder = site({ 'a.html': story('2025-04-03', undefined, 'PARIS (AFP) - The city will close three bridges for repairs this summer, the mayor said.') });
    const { stdout } = await runCli(['init'], folder);
    expect(stdout).not.toContain('rightslint-holders');
    const written = readFileSync(join(folder, 'rightslint.yaml'), 'utf8');
    expect(written).toContain('\nself: []\n');
    await expect(loadPolicy(join(folder, 'rightslint.yaml'), folder)).resolves.toBeDefined();
  });

  it("will not replace the site's holder file without --force", async () => {
    const folder = site(TIDELINE);
    mkdirSync(join(folder, 'rightslint-holders'));
    writeFileSync(join(folder, 'rightslint-holders/tideline-daily.yaml'), 'kept');
    const refused = await runCli(['init'], folder);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Cannot write `rightslint-holders/tideline-daily.yaml`: it exists (use --force to replace it)');
    expect(() => readFileSync(join(folder, 'rightslint.yaml'))).toThrow();
    expect((await runCli(['init', '--force'], folder)).code).toBe(0);
    expect(readFileSync(join(folder, 'rightslint-holders/tideline-daily.yaml'), 'utf8')).toContain('id: tideline-daily');
  });
});
