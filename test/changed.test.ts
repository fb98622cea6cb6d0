import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changedSince, policySources, versionPins } from '../src/workspace/changed.js';
import { loadPolicy } from '../src/config/policy.js';
import type { CheckResult } from '../src/workspace/result.js';
import { runCli } from './support/run-cli.js';
import { copyOfFixture, scratchFolder, scratchSite } from './support/scratch.js';

/** Writes `files` (paths relative to `folder`, folders made as needed) into an existing folder. */
function scratchFiles(folder: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
}

function git(folder: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd: folder, stdio: 'pipe' });
}

describe('--changed-since', () => {
  it('checks only the pages changed since the ref, plus untracked ones', async () => {
    const folder = copyOfFixture('overrides');
    git(folder, 'init', '-q');
    git(folder, 'add', '.');
    git(folder, 'commit', '-qm', 'first');
    writeFileSync(join(folder, 'news/wire.md'), '# Bridge\n\nLYON (AFP) - Edited after the first commit.\n');
    git(folder, 'commit', '-qam', 'edit one page');
    writeFileSync(join(folder, 'news/draft.md'), '# Draft\n\nNothing from the wires.\n');

    const { stdout } = await runCli(['check', '--changed-since', 'HEAD~1', '--format', 'json'], folder);
    expect((JSON.parse(stdout) as CheckResult).files.map((f) => f.path)).toEqual(['news/draft.md', 'news/wire.md']);
  });

  it('checks a page whose type changed: a link made a file of its own', async () => {
    const folder = copyOfFixture('overrides');
    symlinkSync('wire.md', join(folder, 'news/alias.md'));
    git(folder, 'init', '-q');
    git(folder, 'add', '.');
    git(folder, 'commit', '-qm', 'first');
    rmSync(join(folder, 'news/alias.md'));
    writeFileSync(join(folder, 'news/alias.md'), '# Port\n\nOSLO (AFP) - A page of its own now.\n');
    git(folder, 'commit', '-qam', 'the link becomes a page');
    const { stdout } = await runCli(['check', '--changed-since', 'HEAD~1', '--format', 'json'], folder);
    expect((JSON.parse(stdout) as CheckResult).files.map((f) => f.path)).toEqual(['news/alias.md']);
  });

  it('checks pages git ignores, which it cannot compare with the ref, where the policy checks them', async () => {
    // A built site kept out of git (`public/`) that the policy checks with `gitignore: false`, and
    // a page ignored by .git/info/exclude, which git reads and the policy does not.
    const folder = scratchSite('changed-ignored', {
      'rightslint.yaml': 'gitignore: false\n',
      '.gitignore': 'public/\n',
      'news/calm.html': '<p>Nothing from the wires.</p>',
    });
    git(folder, 'init', '-q');
    git(folder, 'add', '.');
    git(folder, 'commit', '-qm', 'first');
    scratchFiles(folder, {
      'public/news/built.html': '<p>PARIS (AFP) - Talks resumed on Tuesday.</p>',
      '.git/info/exclude': 'local.html\n',
      'local.html': '<p>OSLO (AFP) - Ferries resumed on Tuesday.</p>',
    });
    const { code, stdout } = await runCli(['check', '--changed-since', 'HEAD', '--format', 'json'], folder);
    expect((JSON.parse(stdout) as CheckResult).files.map((f) => f.path)).toEqual(['local.html', 'public/news/built.html']);
    expect(code).toBe(1);
  });

  it('checks a page that is a link whose target changed, though git saw the link itself unchanged', async () => {
    // A page kept as a link to a shared part that no pattern of `include` names: a pull request
    // that edits the part changes what the page serves.
    const folder = scratchSite('changed-link', { 'parts/story.inc': '<p>Calm.</p>', 'parts/calm.inc': '<p>Calm.</p>', 'parts/hop.inc': '' });
    rmSync(join(folder, 'parts/hop.inc'));
    symlinkSync('story.inc', join(folder, 'parts/hop.inc'));
    mkdirSync(join(folder, 'news'));
    symlinkSync('../parts/hop.inc', join(folder, 'news/story.html'));
    symlinkSync('../parts/calm.inc', join(folder, 'news/calm.html'));
    git(folder, 'init', '-q');
    git(folder, 'add', '.');
    git(folder, 'commit', '-qm', 'first');
    writeFileSync(join(folder, 'parts/story.inc'), '<p>PARIS (AFP) - Talks resumed on Tuesday.</p>');
    const { code, stdout } = await runCli(['check', '--changed-since', 'HEAD', '--format', 'json'], folder);
    expect((JSON.parse(stdout) as CheckResult).files.map((f) => f.path)).toEqual(['news/story.html']);
    expect(code).toBe(1);
  });

  it('exits 2 naming the ref when git cannot resolve it', async () => {
    const folder = copyOfFixture('overrides');
    git(folder, 'init', '-q');
    const { code, stderr } = await runCli(['check', '--changed-since', 'no-such-ref'], folder);
    expect(code).toBe(2);
    expect(stderr).toContain('Cannot list the files changed since `no-such-ref`');
  });
});

describe('--changed-since when the policy changed', () => {
  /** A repository with two licensed AFP pages, a policy that extends a base file and loads a holder file, committed. */
  function repository(): string {
    const folder = scratchFolder('changed-policy');
    const files: Record<string, string> = {
      'rightslint.yaml': 'extends: base.yaml\nholders: [own.yaml]\nlicenses:\n  - id: afp-all\n    holder: afp\n',
      'base.yaml': 'include: ["**/*.html"]\n',
      'own.yaml': 'id: tideline\nname: Tideline Daily\nkinds: [text]\nsignals:\n  - id: notice\n    type: notice\n    kind: text\n    regions: [footer]\n    pattern: "© Tideline"\n',
      'news/one.html': '<article><h1>T</h1><p>PARIS (AFP) - Talks resumed.</p></article>',
      'news/two.html': '<article><h1>T</h1><p>OSLO (AFP) - Ferries resumed.</p></article>',
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(folder, path, '..'), { recursive: true });
      writeFileSync(join(folder, path), text);
    }
    git(folder, 'init', '-q');
    git(folder, 'add', '.');
    git(folder, 'commit', '-qm', 'first');
    return folder;
  }
  const paths = (stdout: string) => (JSON.parse(stdout) as CheckResult).files.map((f) => [f.path, f.findings.map((x) => x.ruleId)]);

  it('checks no page, and says so, when nothing changed', async () => {
    const { code, stdout, stderr } = await runCli(['check', '--changed-since', 'HEAD', '--format', 'json'], repository());
    expect(code).toBe(0);
    expect(paths(stdout)).toEqual([]);
    expect(stderr).toBe('rightslint: No page to check has changed since `HEAD`.\n');
  });

  it('checks every page when a licence is removed from the policy', async () => {
    const folder = repository();
    writeFileSync(join(folder, 'rightslint.yaml'), 'extends: base.yaml\nholders: [own.yaml]\n');
    const { code, stdout, stderr } = await runCli(['check', '--changed-since', 'HEAD', '--format', 'json'], folder);
    expect(code).toBe(1);
    expect(paths(stdout)).toEqual([['news/one.html', ['unlicensed-content']], ['news/two.html', ['unlicensed-content']]]);
    expect(stderr).toBe('rightslint: What every page is judged by changed since `HEAD` (`rightslint.yaml`): checking every page, not only the changed ones.\n');
  });

  it('checks every page when a file the policy extends, or a holder file it loads, changed', async () => {
    for (const [file, text] of [['base.yaml', 'include: ["**/*.html"]\nrules: { unknown-notice: error }\n'], ['own.yaml', 'id: tideline\nname: Tideline Daily\nkinds: [text]\nsignals:\n  - id: notice\n    type: notice\n    kind: text\n    regions: [footer]\n    pattern: "© Tideline Daily"\n']] as const) {
      const folder = repository();
      writeFileSync(join(folder, file), text);
      const { stdout, stderr } = await runCli(['check', '--changed-since', 'HEAD', '--format', 'json'], folder);
      expect(paths(stdout).map(([path]) => path)).toEqual(['news/one.html', 'news/two.html']);
      expect(stderr).toContain(`What every page is judged by changed since \`HEAD\` (\`${file}\`)`);
    }
  });

  it('checks every page when a policy is added below the one in force, and the page only where a page changed', async () => {
    const folder = repository();
    writeFileSync(join(folder, 'news/two.html'), '<article><h1>T</h1><p>OSLO (AFP) - Ferries resumed on Monday.</p></article>');
    expect(paths((await runCli(['check', '--changed-since', 'HEAD', '--format', 'json'], folder)).stdout)).toEqual([['news/two.html', []]]);
    writeFileSync(join(folder, 'news/rightslint.yaml'), 'include: ["**/*.html"]\n');
    const { stdout, stderr } = await runCli(['check', 'news', '--changed-since', 'HEAD', '--format', 'json'], folder);
    // Paths are relative to the folder of the policy in force, news/.
    expect(paths(stdout)).toEqual([['one.html', ['unlicensed-content']], ['two.html', ['unlicensed-content']]]);
    expect(stderr).toContain('(`news/rightslint.yaml (not tracked by git)`)');
  });

  it('counts an upgrade of rightslint, installed as the project\'s dependency, as a change to every page\'s verdict', async () => {
    const folder = repository();
    writeFileSync(join(folder, 'package.json'), '{"devDependencies": {"rightslint": "0.1.0"}}\n');
    writeFileSync(join(folder, 'package-lock.json'), '{"packages": {"node_modules/rightslint": {"version": "0.1.0"}}}\n');
    git(folder, 'add', '.');
    git(folder, 'commit', '-qm', 'install');
    const policy = await loadPolicy(join(folder, 'rightslint.yaml'), folder);
    const changes = async (installed: string) => changedSince({ ref: 'HEAD', folder, sources: await policySources(policy, folder, folder), pins: await versionPins(installed) });
    const installed = join(folder, 'node_modules', 'rightslint');
    expect(await versionPins(installed)).toEqual([join(folder, 'package.json'), join(folder, 'package-lock.json')]);
    expect((await changes(installed)).sources).toEqual([]);
    writeFileSync(join(folder, 'package-lock.json'), '{"packages": {"node_modules/rightslint": {"version": "0.2.0"}}}\n');
    expect((await changes(installed)).sources).toEqual(['package-lock.json']);
    // A copy that is no project's dependency (a clone) pins nothing; npx's cache, outside the
    // repository, is no concern of its: neither makes every run a full one.
    expect(await versionPins(join(folder, 'elsewhere'))).toEqual([]);
    const npxCache = scratchFolder('npx-cache');
    writeFileSync(join(npxCache, 'package.json'), '{}\n');
    writeFileSync(join(npxCache, 'package-lock.json'), '{}\n');
    git(folder, 'checkout', '-q', '--', 'package-lock.json');
    expect((await changes(join(npxCache, 'node_modules', 'rightslint'))).sources).toEqual([]);
  });

  it('runs git in the checked path\'s repository, not the working folder', async () => {
    const folder = repository();
    writeFileSync(join(folder, 'news/two.html'), '<article><h1>T</h1><p>OSLO (AFP) - Ferries resumed on Monday.</p></article>');
    const elsewhere = scratchFolder('not-a-repository');
    const { code, stdout, stderr } = await runCli(['check', folder, '--changed-since', 'HEAD', '--format', 'json'], elsewhere);
    expect([code, stderr]).toEqual([0, '']);
    expect(paths(stdout)).toEqual([['news/two.html', []]]);
  });
});

describe('--changed-since across a submodule', () => {
  const OLD = '<article><h1>T</h1><p>Local news, nothing from the wires.</p></article>';
  const NEW = '<article><h1>T</h1><p>PARIS (AFP) - Talks resumed on Tuesday.</p></article>';

  /**
   * A site with a policy, then `content/archive` as a submodule recorded at a first commit of
   * the archive (`old.html`), then bumped to a second that adds `new.html`, an unlicensed AFP story.
   */
  function siteWithBumpedSubmodule(): { site: string; archive: string } {
    const folder = scratchFolder('submodule');
    const archive = join(folder, 'archive');
    mkdirSync(archive);
    git(archive, 'init', '-q');
    writeFileSync(join(archive, 'old.html'), OLD);
    git(archive, 'add', '.');
    git(archive, 'commit', '-qm', 'old');
    const site = join(folder, 'site');
    mkdirSync(site);
    git(site, 'init', '-q');
    writeFileSync(join(site, 'rightslint.yaml'), 'include: ["**/*.html"]\n');
    git(site, 'add', '.');
    git(site, 'commit', '-qm', 'policy');
    git(site, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', `file://${archive}`, 'content/archive');
    git(site, 'commit', '-qm', 'the archive');
    writeFileSync(join(archive, 'new.html'), NEW);
    git(archive, 'add', '.');
    git(archive, 'commit', '-qm', 'new');
    git(join(site, 'content/archive'), 'pull', '-q');
    git(site, 'commit', '-qam', 'bump the archive');
    return { site, archive };
  }
  const checked = (stdout: string) => (JSON.parse(stdout) as CheckResult).files.map((f) => [f.path, f.findings.map((x) => `${x.line}:${x.column} ${x.ruleId}`)]);

  it('checks the pages a bump of the submodule\'s commit changed, and only those', async () => {
    const { site } = siteWithBumpedSubmodule();
    const { code, stdout, stderr } = await runCli(['check', '--changed-since', 'HEAD~1', '--format', 'json'], site);
    expect([code, stderr]).toEqual([1, '']);
    expect(checked(stdout)).toEqual([['content/archive/new.html', ['1:23 unlicensed-content']]]);
  });

  it('checks every page of a submodule added since the ref', async () => {
    const { site } = siteWithBumpedSubmodule();
    const { code, stdout } = await runCli(['check', '--changed-since', 'HEAD~2', '--format', 'json'], site);
    expect(code).toBe(1);
    expect(checked(stdout)).toEqual([['content/archive/new.html', ['1:23 unlicensed-content']], ['content/archive/old.html', []]]);
  });

  it('checks an untracked page in a submodule whose commit did not move', async () => {
    const { site } = siteWithBumpedSubmodule();
    writeFileSync(join(site, 'content/archive/draft.html'), NEW);
    const { code, stdout } = await runCli(['check', '--changed-since', 'HEAD', '--format', 'json'], site);
    expect(code).toBe(1);
    expect(checked(stdout)).toEqual([['content/archive/draft.html', ['1:23 unlicensed-content']]]);
  });

  it('checks every page of a submodule whose clone lacks its commit at the ref, and says why', async () => {
    const { site } = siteWithBumpedSubmodule();
    // A shallow clone of the submodule, as CI makes one, holds the bumped commit alone.
    git(site, 'submodule', 'deinit', '-q', '-f', 'content/archive');
    rmSync(join(site, '.git/modules/content/archive'), { recursive: true, force: true });
    git(site, '-c', 'protocol.file.allow=always', 'submodule', 'update', '-q', '--init', '--depth', '1');
    const { code, stdout, stderr } = await runCli(['check', '--changed-since', 'HEAD~1', '--format', 'json'], site);
    expect(code).toBe(1);
    expect(checked(stdout)).toEqual([['content/archive/new.html', ['1:23 unlicensed-content']], ['content/archive/old.html', []]]);
    expect(stderr).toMatch(/Cannot compare submodule `content\/archive` with its commit at `HEAD~1` \([0-9a-f]{12}\): .+; checking all its pages\./);
  });
});
