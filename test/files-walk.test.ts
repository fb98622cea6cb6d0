import { readdirSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { defaultPolicy } from '../src/config/policy.js';
import { findTargets } from '../src/workspace/files.js';
import { scratchSite } from './support/scratch.js';

// Every folder the walks for pages and for .gitignore files read, as they read it.
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return { ...fs, readdirSync: vi.fn(fs.readdirSync) };
});

describe('checking a folder inside the policy\'s', () => {
  it('reads that folder and the .gitignore files above it, not the rest of the site', async () => {
    const folder = scratchSite('site', {
      '.gitignore': 'drafts/\n',
      'content/.gitignore': '*.tmp.html\n',
      'content/news/a.html': 'a',
      'content/news/drafts/b.html': 'b',
      'content/news/c.tmp.html': 'c',
      'content/sport/d.html': 'd',
      'archive/2019/old.html': 'o',
      'archive/2019/deep/older.html': 'o',
    });
    const policy = await defaultPolicy(folder);
    vi.mocked(readdirSync).mockClear();
    const found = await findTargets(['content/news'], policy, folder);
    // The .gitignore files above the folder still apply: the root's to drafts/, content/'s to *.tmp.html.
    expect(found.map((target) => target.policyPath)).toEqual(['content/news/a.html']);
    const read = vi.mocked(readdirSync).mock.calls.map(([path]) => relative(folder, resolve(folder, String(path))).split('\\').join('/'));
    expect(read).toContain('content/news');
    expect(read.filter((path) => !path.startsWith('content/news'))).toEqual([]);
    // The whole site, asked for, is walked whole.
    vi.mocked(readdirSync).mockClear();
    expect((await findTargets([folder], policy, folder)).map((target) => target.policyPath)).toEqual(['archive/2019/deep/older.html', 'archive/2019/old.html', 'content/news/a.html', 'content/sport/d.html']);
  });
});
