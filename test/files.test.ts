import { execFileSync } from 'node:child_process';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../src/engine/check.js';
import { defaultPolicy, loadPolicy } from '../src/config/policy.js';
import { DEFAULT_INCLUDE, formatOf } from '../src/document/format.js';
import { UsageError } from '../src/errors.js';
import { baseOf, findTargets } from '../src/workspace/files.js';
import { scratchSite } from './support/scratch.js';

describe('finding the pages to check', () => {
  it('leaves out what .gitignore files ignore, each below its own folder', async () => {
    const folder = scratchSite('site', { '.gitignore': 'drafts/\n# a comment\n', 'a.html': 'a', 'drafts/b.html': 'b', 'sub/.gitignore': '*.tmp.html\n!keep.tmp.html\n', 'sub/c.tmp.html': 'c', 'sub/keep.tmp.html': 'k', 'sub/d.html': 'd', 'other/e.tmp.html': 'e' });
    const policy = await defaultPolicy(folder);
    const found = await findTargets([folder], policy, folder);
    expect(found.map((target) => target.policyPath)).toEqual(['a.html', 'other/e.tmp.html', 'sub/d.html', 'sub/keep.tmp.html']);
    // A file named outright is reported skipped, with the reason.
    const [named] = await findTargets([join(folder, 'drafts/b.html')], policy, folder);
    expect(named).toMatchObject({ policyPath: 'drafts/b.html', skipped: 'ignored by .gitignore' });
  });

  it('applies every .gitignore of the policy\'s folder, whether the path asked for is above it or a glob', async () => {
    const folder = scratchSite('site', {
      'site/rightslint.yaml': '',
      'site/.gitignore': 'drafts/\n*.draft.html\n',
      'site/a.html': 'a',
      'site/drafts/b.html': 'b',
      'site/content/news/.gitignore': '!x.draft.html\n',
      'site/content/news/x.draft.html': 'x',
      'site/content/news/y.draft.html': 'y',
      'site/content/sport/2024/z.html': 'z',
    });
    const policy = await loadPolicy(join(folder, 'site/rightslint.yaml'), folder);
    // Asked from above the policy's folder: its .gitignore files still apply.
    expect((await findTargets(['.'], policy, folder)).map((target) => target.policyPath)).toEqual(['a.html', 'content/news/x.draft.html', 'content/sport/2024/z.html']);
    // A glob whose fixed start is no folder (braces across segments): the nested .gitignore still applies.
    expect((await findTargets(['site/content/{news,sport/2024}/*.html'], policy, folder)).map((target) => target.policyPath)).toEqual(['content/news/x.draft.html', 'content/sport/2024/z.html']);
  });

  it('takes the pages in dot folders and dot files, as a web server serves them, but not .git or node_modules', async () => {
    const folder = scratchSite('site', {
      'rightslint.yaml': 'include: ["content/**/*.html"]\n',
      'content/.well-known/about.html': 'w',
      'content/world/.hidden/a.html': 'h',
      'content/world/.draft.html': 'd',
      'content/world/ok.html': 'o',
      'content/.git/x.html': 'g',
      'content/node_modules/pkg/y.html': 'n',
    });
    const policy = await loadPolicy(join(folder, 'rightslint.yaml'), folder);
    const paths = async (asked: string) => (await findTargets([asked], policy, folder)).map((target) => target.policyPath);
    const all = ['content/.well-known/about.html', 'content/world/.draft.html', 'content/world/.hidden/a.html', 'content/world/ok.html'];
    expect(await paths('.')).toEqual(all);
    // Named outright, or by a glob: the same pages.
    expect(await paths('content/.well-known')).toEqual(['content/.well-known/about.html']);
    expect(await paths('content/**/*.html')).toEqual(all);
    // `exclude` is the way to leave them out.
    writeFileSync(join(folder, 'excluding.yaml'), 'include: ["content/**/*.html"]\nexclude: ["content/.well-known/**"]\n');
    const excluding = await loadPolicy(join(folder, 'excluding.yaml'), folder);
    expect((await findTargets(['.'], excluding, folder)).map((target) => target.policyPath)).toEqual(all.slice(1));
  });

  it('takes every page where no .gitignore stands, or the policy turns them off', async () => {
    const bare = scratchSite('site', { 'a.html': 'a', 'drafts/b.html': 'b' });
    expect((await findTargets([bare], await defaultPolicy(bare), bare)).map((target) => target.policyPath)).toEqual(['a.html', 'drafts/b.html']);
    const ignoring = scratchSite('site', { '.gitignore': 'drafts/\n', 'a.html': 'a', 'drafts/b.html': 'b' });
    const policy = await defaultPolicy(ignoring);
    const off = { ...policy, spec: { ...policy.spec, gitignore: false } };
    expect((await findTargets([ignoring], off, ignoring)).map((target) => target.policyPath)).toEqual(['a.html', 'drafts/b.html']);
  });

  it('takes by default every file the page reader reads, Markdown as MDX and the rarer extensions included', async () => {
    const folder = scratchSite('site', {
      'a.html': 'a', 'b.htm': 'b', 'c.md': 'c', 'd.markdown': 'd', 'e.mdx': 'e', 'f.mdown': 'f', 'g.mkd': 'g', 'h.txt': 'h', 'i.json': '{}',
      'j.xhtml': 'j', 'k.shtml': 'k', 'l.xht': 'l', 'm.mkdn': 'm', 'n.mdwn': 'n', 'o.mkdown': 'o', 'p.php': 'p', 'Q.HTM': 'q', 'R.MD': 'r',
    });
    const found = await findTargets([folder], await defaultPolicy(folder), folder);
    expect(found.map((target) => target.policyPath)).toEqual([
      'Q.HTM', 'R.MD', 'a.html', 'b.htm', 'c.md', 'd.markdown', 'e.mdx', 'f.mdown', 'g.mkd', 'j.xhtml', 'k.shtml', 'l.xht', 'm.mkdn', 'n.mdwn', 'o.mkdown',
    ]);
    expect(['k.shtml', 'm.mkdn', 'R.MD'].map(formatOf)).toEqual(['html', 'markdown', 'markdown']);
  });
});

describe('files a site may serve as pages that `include` leaves out', () => {
  it('are listed as passed over, by the folders walked, but for those excluded, ignored or under node_modules', async () => {
    const folder = scratchSite('passed-over', {
      'rightslint.yaml': 'include: ["content/**/*.html"]\nexclude: ["content/legacy/**"]\n',
      '.gitignore': 'content/tmp/\n',
      'content/a.html': 'a', 'content/b.php': 'b', 'content/old/INDEX.Html': 'i', 'content/c.njk': 'c', 'content/notes.txt': 't',
      'content/photo.jpg': 'j', 'content/legacy/d.asp': 'd', 'content/tmp/e.php': 'e', 'content/node_modules/f.html': 'f', 'scripts/g.php': 'g',
    });
    const passedOver: string[] = [];
    const found = await findTargets([folder], await loadPolicy(join(folder, 'rightslint.yaml'), folder), folder, { passedOver });
    expect(found.map((target) => target.policyPath)).toEqual(['content/a.html']);
    expect(passedOver).toEqual(['content/b.php', 'content/c.njk', 'content/old/INDEX.Html'].map((path) => join(folder, path)));
  });

  it('are named in the notices of the run, by extension, with the first paths of each', async () => {
    const folder = scratchSite('passed-over-notice', {
      'news/calm.html': '<p>Nothing from the wires.</p>',
      'news/wire.php': '<p>PARIS (AFP) - Talks resumed on Tuesday.</p>',
      'news/more.php': '<p>OSLO (AFP) - Ferries resumed on Tuesday.</p>',
      'OLD/STORY.Html': '<p>LYON (AFP) - Trams resumed on Tuesday.</p>',
      // A mirror of a dynamic site saves each page with its query; a server-side include page; a WAP deck.
      'mirror/index.php?id=12': '<p>ROME (AFP) - Buses resumed on Tuesday.</p>',
      'ssi/story.shtm': '<p>BERN (AFP) - Trains resumed on Tuesday.</p>',
      'wap/news.wml': '<wml><card><p>LONDON (Reuters) - Shares rose.</p></card></wml>',
    });
    const result = await check({ paths: [folder], cwd: folder });
    expect(result.files.map((file) => file.path)).toEqual(['news/calm.html', 'ssi/story.shtm']);
    expect(result.notices).toEqual([
      'Passed over 5 files that `include` leaves out, of kinds a site may serve as pages: 1 `.Html` (`OLD/STORY.Html`), 3 `.php` (`mirror/index.php?id=12`, `news/more.php`, `news/wire.php`), 1 `.wml` (`wap/news.wml`); ' +
        'name them in `include` to check them (read as HTML, or as Markdown by a Markdown extension), or in `exclude` to pass over them without this notice.',
    ]);
  });
});

describe('files git tracks', () => {
  it('are checked though a .gitignore matches them: git ignores no file it tracks', async () => {
    const folder = scratchSite('tracked', { '.gitignore': '*.html\n', 'kept.html': 'a', 'loose.html': 'b', 'page.md': 'c' });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: folder, stdio: 'pipe' });
    git('init', '-q');
    git('add', '.gitignore', 'page.md');
    git('add', '-f', 'kept.html');
    const found = await findTargets([folder], await defaultPolicy(folder), folder);
    expect(found.map((target) => target.policyPath)).toEqual(['kept.html', 'page.md']);
  });
});

describe('the pre-commit hook', () => {
  it('passes every file the default policy includes, its extension in either case', () => {
    const files = /^\s*files:\s*(\S+)$/m.exec(readFileSync(join(import.meta.dirname, '../.pre-commit-hooks.yaml'), 'utf8'))?.[1] ?? '';
    // Python's inline flag, as pre-commit reads the pattern, is the `i` flag here.
    const pattern = new RegExp(files.replace(/^\(\?i\)/, ''), files.startsWith('(?i)') ? 'i' : '');
    const extensions = DEFAULT_INCLUDE.slice(DEFAULT_INCLUDE.indexOf('{') + 1, -1).split(',');
    expect(extensions.filter((extension) => !pattern.test(`a.${extension}`))).toEqual([]);
    expect(pattern.test('a.php')).toBe(false);
  });
});

describe('paths and patterns that match no file', () => {
  it('are a usage error naming each path that matched nothing and the policy\'s patterns', async () => {
    const folder = scratchSite('site', { 'content/a.html': 'a', 'images/logo.svg': '<svg/>', 'drafts/b.html': 'b' });
    const policy = await defaultPolicy(folder);
    const typo = { ...policy, spec: { ...policy.spec, include: ['contnet/**/*.html'], exclude: ['drafts/**'] } };
    await expect(findTargets([folder], typo, folder)).rejects.toThrow(new UsageError(
      `Cannot check \`${folder}\`: no file there is included by the default policy (\`include\`: \`contnet/**/*.html\`; \`exclude\`: \`drafts/**\`; .gitignore files apply); correct the path or the patterns, or pass --allow-empty to accept a run that checks nothing`,
    ));
    await expect(findTargets(['content', 'images', 'drafts'], { ...policy, spec: { ...policy.spec, exclude: ['drafts/**'] } }, folder)).rejects.toThrow(/^Cannot check `images`, `drafts`: no file there is included/);
    expect(await findTargets([folder], typo, folder, { allowEmpty: true })).toEqual([]);
  });

  it('are a usage error where a pattern of `include` starts from a folder that is not there, in a run over the whole site', async () => {
    const folder = scratchSite('site', { 'content/a.html': 'a', '_posts/b.md': 'b' });
    const policy = await defaultPolicy(folder);
    // The posts moved to `_posts/`: the other pattern still finds pages, the moved ones none.
    const renamed = { ...policy, spec: { ...policy.spec, include: ['content/**/*.html', 'posts/**/*.md'] } };
    await expect(findTargets([folder], renamed, folder)).rejects.toThrow(/^Cannot check the site: a pattern of `include` in the default policy starts from a folder that is not there: `posts\/\*\*\/\*\.md` \(no folder `posts`\)/);
    expect((await findTargets([folder], renamed, folder, { allowEmpty: true })).map((target) => target.policyPath)).toEqual(['content/a.html']);
    // A folder that is there and holds none of a pattern's pages yet is no mistake, nor is a run over a part of the site.
    const ahead = { ...policy, spec: { ...policy.spec, include: ['content/**/*.html', 'content/**/*.md', '_posts/**/*.md'] } };
    expect((await findTargets([folder], ahead, folder)).map((target) => target.policyPath)).toEqual(['_posts/b.md', 'content/a.html']);
    expect((await findTargets(['content'], renamed, folder)).map((target) => target.policyPath)).toEqual(['content/a.html']);
  });

  it('do not include a folder named inside another one, nor a file named twice', async () => {
    const folder = scratchSite('site', { 'content/a.html': 'a' });
    const policy = await defaultPolicy(folder);
    const found = await findTargets(['.', 'content', 'content/a.html', 'content/a.html'], policy, folder);
    expect(found.map((target) => target.policyPath)).toEqual(['content/a.html']);
  });

  it('are refused when they fall under two different policies, rather than judged by the first one\'s', async () => {
    const folder = scratchSite('site', { 'site/rightslint.yaml': '', 'site/a.html': 'a', 'det/rightslint.yaml': '', 'det/b.html': 'b' });
    await expect(check({ cwd: folder, paths: ['site/a.html', 'det'] })).rejects.toThrow(new UsageError(
      'Cannot check `site/a.html` and `det` in one run: they fall under different policies (`site/rightslint.yaml`, `det/rightslint.yaml`); run rightslint once for each, or name one with --config',
    ));
    expect((await check({ cwd: folder, paths: ['site/a.html', 'site'], workers: 1 })).files.map((file) => file.path)).toEqual(['a.html']);
    // A path under no policy file, first or not, does not make the run forget the others' policy.
    const loose = scratchSite('site', { 'page.html': 'p' });
    for (const paths of [[join(loose, 'page.html'), 'site'], ['site', join(loose, 'page.html')]]) {
      const result = await check({ cwd: folder, paths, workers: 1 });
      expect(result.summary.policy).toBe('site/rightslint.yaml');
      expect(result.files.find((file) => file.path.endsWith('page.html'))?.reason).toMatch(/^outside the folder of the policy/);
    }
  });

  it('take a glob the shell left unexpanded as the files it matches that the policy includes', async () => {
    const folder = scratchSite('site', { 'rightslint.yaml': 'exclude: ["news/drafts/**"]\n', 'news/a.html': 'a', 'news/b.md': 'b', 'news/drafts/c.html': 'c', 'world/d.html': 'd', 'news/node_modules/x/e.html': 'e' });
    symlinkSync(join(folder, 'world/d.html'), join(folder, 'news/linked.html'));
    const policy = await loadPolicy('rightslint.yaml', folder);
    // As a folder gives them: node_modules left out, a link checked where it leads.
    expect((await findTargets(['news/**/*.html', 'world/*'], policy, folder)).map((target) => target.policyPath)).toEqual(['news/a.html', 'news/linked.html', 'world/d.html']);
    await expect(findTargets(['nwes/**/*.html'], policy, folder)).rejects.toThrow(/^Cannot check `nwes\/\*\*\/\*\.html`: no file there is included by `rightslint\.yaml`/);
    expect(baseOf('news/**/*.html')).toBe('news');
    expect(baseOf('*.md')).toBe('.');
    expect((await check({ cwd: folder, paths: ['news/*.html'], workers: 1 })).files.map((file) => file.path)).toEqual(['news/a.html', 'news/linked.html']);
  });

  it('leave a file named outside the policy\'s folder unjudged, with the reason', async () => {
    const outside = scratchSite('site', { 'page.html': 'p' });
    const folder = scratchSite('site', { 'rightslint.yaml': '', 'a.html': 'a' });
    const found = await findTargets([join(outside, 'page.html')], await loadPolicy('rightslint.yaml', folder), folder);
    expect(found).toEqual([expect.objectContaining({
      absolute: join(outside, 'page.html'),
      unjudged: 'outside the folder of the policy `rightslint.yaml`, whose globs cannot match it (check it with its own policy: --config)',
    })]);
  });
});
