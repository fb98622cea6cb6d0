import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';
import { scratchFolder } from './support/scratch.js';

const AS_OF = ['--as-of', '2026-01-15'];
const STORY = join(import.meta.dirname, 'fixtures/wire-unlicensed/world');
// A policy that licenses every AFP story: left in a home folder, it would wave the repository's pages through.
const PERMISSIVE = 'licenses:\n  - id: all-afp\n    holder: afp\n';

function git(folder: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'protocol.file.allow=always', ...args], { cwd: folder, stdio: 'pipe' });
}

/** A folder holding the permissive policy and, below it, `site/` with an unlicensed AFP story. */
function siteUnderPermissivePolicy(name: string): { home: string; site: string } {
  const home = scratchFolder(name);
  writeFileSync(join(home, 'rightslint.yaml'), PERMISSIVE);
  const site = join(home, 'site');
  cpSync(STORY, join(site, 'world'), { recursive: true });
  return { home, site };
}

describe('the search for a policy file', () => {
  it('stops at the top of the repository: a policy above it does not judge its pages, and the run says so', async () => {
    const { site } = siteUnderPermissivePolicy('above-repo');
    git(site, 'init', '-q');
    const { code, stdout, stderr } = await runCli(['check', ...AS_OF], site);
    expect(code).toBe(1);
    expect(stdout).toContain('13:21  error  Agence France-Presse text content is not covered by any licence for `world/harbour-talks.html`');
    expect(stderr).toContain('Not using `../rightslint.yaml`: it stands above the repository checked');
  });

  it('goes on to the file system\'s root outside any repository', async () => {
    const { site } = siteUnderPermissivePolicy('no-repo');
    const { code, stderr } = await runCli(['check', ...AS_OF], site);
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });

  it('goes on from a submodule to its superproject\'s policy', async () => {
    const folder = scratchFolder('submodule');
    const sub = join(folder, 'sub');
    cpSync(STORY, join(sub, 'world'), { recursive: true });
    git(sub, 'init', '-q');
    git(sub, 'add', '.');
    git(sub, 'commit', '-qm', 'story');
    const superproject = join(folder, 'super');
    mkdirSync(superproject);
    git(superproject, 'init', '-q');
    writeFileSync(join(superproject, 'rightslint.yaml'), PERMISSIVE);
    git(superproject, 'submodule', 'add', '-q', '../sub', 'content');
    const { code, stderr } = await runCli(['check', ...AS_OF], join(superproject, 'content'));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
