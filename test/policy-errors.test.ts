import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../src/config/policy.js';
import { PolicyError, UsageError } from '../src/errors.js';
import { scratchFolder } from './support/scratch.js';

function mkfifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

/** Writes the files of a policy (the first is `rightslint.yaml`) and returns what loading it throws. */
async function rejectionOf(files: Record<string, string>): Promise<unknown> {
  const folder = scratchFolder('policy-errors');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return loadPolicy('rightslint.yaml', folder).then(
    () => undefined,
    (error: unknown) => error,
  );
}

/** The problems of a rejected policy as `file:line:column field message` lines. */
async function problemLines(files: Record<string, string>): Promise<string[]> {
  const error = await rejectionOf(files);
  if (!(error instanceof PolicyError)) throw new Error(`expected a PolicyError, got ${String(error)}`);
  return error.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.field} ${p.message}`);
}

// The policy of issue #18: before, its problems came in three rounds, out of order, in zod's words.
const ISSUE_POLICY = [
  'include: ["**/*.html"]',
  'licenses:',
  '  - id: afp-photos',
  '    holder: afpp',
  '    kinds: [text, fotos]',
  '    from: 2024-13-01',
  '    paths: "news/**"',
  '    until: yesterday',
  'suppressions:',
  '  - rule: unlicensed-contnet',
  'rules:',
  '  unlicensed-contnet: warning',
  '',
].join('\n');

describe('policy errors', () => {
  it('reports schema, date, kind, holder and rule problems in one round, sorted by line and column', async () => {
    expect(await problemLines({ 'rightslint.yaml': ISSUE_POLICY })).toEqual([
      'rightslint.yaml:4:13 licenses[0].holder `afpp` is not a known holder; did you mean `afp`?',
      'rightslint.yaml:5:19 licenses[0].kinds[1] `fotos` is not a content kind; expected text, photo, video or graphic; did you mean `photo`?',
      'rightslint.yaml:6:11 licenses[0].from `2024-13-01` is not a date; expected a date as YYYY-MM-DD, such as 2025-01-31',
      'rightslint.yaml:7:12 licenses[0].paths `"news/**"` is a single value, not a list; expected a list, such as `paths: ["news/**"]`',
      'rightslint.yaml:8:12 licenses[0].until `yesterday` is not a date; expected a date as YYYY-MM-DD, such as 2025-01-31',
      'rightslint.yaml:9:1 suppressions Unknown field `suppressions`; expected extends, include, exclude, gitignore, holders, self, asides, licenses, rules, overrides or maxFileSize',
      'rightslint.yaml:12:3 rules.unlicensed-contnet `unlicensed-contnet` is not a rule; did you mean `unlicensed-content`?',
    ]);
  });

  it('quotes the offending YAML line under each problem, with carets under the value', async () => {
    const error = (await rejectionOf({ 'rightslint.yaml': ISSUE_POLICY })) as PolicyError;
    expect(error.message.split('\n').slice(0, 6)).toEqual([
      'rightslint.yaml:4:13: `licenses[0].holder` `afpp` is not a known holder; did you mean `afp`?',
      '  4 |     holder: afpp',
      '    |             ^^^^',
      'rightslint.yaml:5:19: `licenses[0].kinds[1]` `fotos` is not a content kind; expected text, photo, video or graphic; did you mean `photo`?',
      '  5 |     kinds: [text, fotos]',
      '    |                   ^^^^^',
    ]);
    expect(error.message.split('\n').slice(-3)).toEqual([
      'rightslint.yaml:12:3: `rules.unlicensed-contnet` `unlicensed-contnet` is not a rule; did you mean `unlicensed-content`?',
      '  12 |   unlicensed-contnet: warning',
      '     |   ^^^^^^^^^^^^^^^^^^',
    ]);
    expect(error.problems[0]).toEqual({ file: 'rightslint.yaml', line: 4, column: 13, field: 'licenses[0].holder', message: '`afpp` is not a known holder; did you mean `afp`?', excerpt: '  4 |     holder: afpp\n    |             ^^^^' });
  });

  it('says what was found and the form expected, for each kind of wrong value', async () => {
    const policy = [
      'self: afp',
      'maxFileSize: 0',
      'gitignore: yes',
      'include: []',
      'licenses:',
      '  - id: a',
      '    kinds: text',
      '    retention: 30 days',
      '  - holder: [afp]',
      '    id: 42',
      '  - reuters',
      '  - id: b',
      '    holder:',
      'rules:',
      '  unknown-notice: warn',
      'overrides:',
      '  - rules: { unused-supression: "off" }',
      '    encoding: latin-9',
      '',
    ].join('\n');
    expect(await problemLines({ 'rightslint.yaml': policy })).toEqual([
      'rightslint.yaml:1:7 self `afp` is a single value, not a list; expected a list, such as `self: [afp]`',
      'rightslint.yaml:2:14 maxFileSize `0` is too small; expected a whole number above 0, such as `maxFileSize: 5242880`',
      'rightslint.yaml:3:12 gitignore `yes` is text, not true or false; expected `gitignore: true` or `gitignore: false`',
      'rightslint.yaml:4:10 include `include` is an empty list; expected at least one entry, such as `include: ["content/**/*.html"]`',
      'rightslint.yaml:6:5 licenses[0].holder Missing field `holder`; expected a holder id, such as `afp`',
      'rightslint.yaml:7:12 licenses[0].kinds `text` is a single value, not a list; expected a list, such as `kinds: [text]`',
      'rightslint.yaml:8:16 licenses[0].retention `30 days` is not a duration; expected a number and d, w, m or y (days, weeks, months, years), such as `30d`, `6w`, `12m` or `1y`',
      'rightslint.yaml:9:13 licenses[1].holder `holder` is a list, not a holder id; expected a holder id, such as `afp`',
      'rightslint.yaml:10:9 licenses[1].id `42` is a number, not text; expected text, such as `id: "42"`',
      'rightslint.yaml:11:5 licenses[2] `reuters` is text, not a set of fields; expected fields such as `id:` and `holder:`',
      'rightslint.yaml:13:12 licenses[3].holder `holder` is empty; expected a holder id, such as `afp`',
      'rightslint.yaml:15:19 rules.unknown-notice `warn` is not a severity; expected error, warning or off; did you mean `warning`?',
      'rightslint.yaml:17:5 overrides[0].files Missing field `files`; expected a list, such as `files: ["blog/**"]`',
      'rightslint.yaml:17:14 overrides[0].rules.unused-supression `unused-supression` is not a rule; did you mean `unused-suppression`?',
      'rightslint.yaml:18:15 overrides[0].encoding `latin-9` is not an encoding; expected a label such as `windows-1252`, `iso-8859-15`, `shift_jis` or `utf-16le`',
    ]);
  });

  it('judges a list given to a field that also takes one value by its entries, and shows lists and maps by example', async () => {
    expect(await problemLines({ 'rightslint.yaml': 'extends: [1, ""]\nlicenses: {}\nrules: [a]\n' })).toEqual([
      'rightslint.yaml:1:11 extends[0] `1` is a number, not a preset or file name; expected a preset or file name, such as `rightslint:recommended` or `./base.yaml`',
      'rightslint.yaml:1:14 extends[1] An entry of `extends` is empty; expected a preset or file name, such as `rightslint:recommended` or `./base.yaml`',
      'rightslint.yaml:2:11 licenses `licenses` is a set of fields, not a list; expected a list, such as `licenses: [{ id: afp-wire, holder: afp }]`',
      'rightslint.yaml:3:8 rules `rules` is a list, not rule ids with severities; expected rule ids with severities, such as `rules: { unknown-notice: warning }`',
    ]);
  });

  it('checks the ids of a licence even where another licence breaks the schema', async () => {
    const policy = 'licenses:\n  - id: a\n    holder: afp\n    kinds: [fotos]\n  - id: b\n    holder: reutres\n    until: 2025-02-30x\n';
    expect(await problemLines({ 'rightslint.yaml': policy })).toEqual([
      'rightslint.yaml:4:13 licenses[0].kinds[0] `fotos` is not a content kind; expected text, photo, video or graphic; did you mean `photo`?',
      'rightslint.yaml:6:13 licenses[1].holder `reutres` is not a known holder; did you mean `reuters`?',
      'rightslint.yaml:7:12 licenses[1].until `2025-02-30x` is not a date; expected a date as YYYY-MM-DD, such as 2025-01-31',
    ]);
  });

  it('reports the problems of extended files and holder files with those of the policy, sorted by file', async () => {
    const files = {
      'rightslint.yaml': 'extends: [./base.yaml, ./missing.yaml, rightslint:strikt]\nholders: [own.yaml, nothere.yaml]\nrules:\n  unknown-notise: warning\n',
      'base.yaml': 'licenses:\n  - id: c\n    holder: afp\n    untill: 2025-01-01\n',
      'own.yaml': 'id: own\nname: Own\nkinds: [text]\nsignals:\n  - id: x\n    type: notise\n    kind: text\n    regions: [footer]\n    pattern: "©"\n',
    };
    expect(await problemLines(files)).toEqual([
      'base.yaml:4:5 licenses[0].untill Unknown field `untill`; did you mean `until`?',
      'own.yaml:6:11 signals[0].type `notise` is not a signal type; expected dateline, trailer, credit, notice or metadata; did you mean `notice`?',
      'rightslint.yaml:1:24 extends[1] Cannot extend `./missing.yaml`: no such file',
      'rightslint.yaml:1:40 extends[2] Unknown preset `rightslint:strikt`; did you mean `rightslint:strict`?',
      'rightslint.yaml:2:21 holders[1] Cannot read holder file `nothere.yaml`: no such file',
      'rightslint.yaml:4:3 rules.unknown-notise `unknown-notise` is not a rule; did you mean `unknown-notice`?',
    ]);
  });

  it('does not call a holder unknown when a holder file that may define it cannot be read', async () => {
    const policy = 'holders: [nothere.yaml]\nself: [my-site]\nlicenses:\n  - id: a\n    holder: afpp\n';
    expect(await problemLines({ 'rightslint.yaml': policy })).toEqual(['rightslint.yaml:1:11 holders[0] Cannot read holder file `nothere.yaml`: no such file']);
  });

  it('lists the choices where no name is near', async () => {
    const policy = 'licenses:\n  - id: a\n    holder: zzzzzz\n    kinds: [audio]\nrules:\n  zzzzzz: error\n';
    expect(await problemLines({ 'rightslint.yaml': policy })).toEqual([
      "rightslint.yaml:3:13 licenses[0].holder `zzzzzz` is not a known holder; expected an id that `rightslint holders` lists, or one from a file in the policy's `holders`",
      'rightslint.yaml:4:13 licenses[0].kinds[0] `audio` is not a content kind; expected text, photo, video or graphic',
      expect.stringMatching(/^rightslint\.yaml:6:3 rules\.zzzzzz `zzzzzz` is not a rule; expected one of invalid-suppression, .*unused-suppression$/),
    ]);
  });

  it('names what a whole file should be, and keeps the policy\'s words out of holder files', async () => {
    expect(await problemLines({ 'rightslint.yaml': '- afp\n' })).toEqual([
      'rightslint.yaml:1:1  The file is a list, not a policy; expected fields such as `include:`, `licenses:` and `rules:`',
    ]);
    const holder = 'id: own\nname: Own\nkinds: [text]\nsignals: []\nexclude: [citation]\n';
    expect(await problemLines({ 'rightslint.yaml': 'holders: [own.yaml]\n', 'own.yaml': holder })).toEqual([
      'own.yaml:4:10 signals `signals` is an empty list; expected at least one entry',
      'own.yaml:5:11 exclude[0] `citation` is text, not a set of fields; expected fields such as `pattern:` and `reason:`',
    ]);
  });

  it('points at a holder file that takes the id of a shipped holder', async () => {
    const holder = 'id: afp\nname: Not AFP\nkinds: [text]\nsignals:\n  - id: x\n    type: notice\n    kind: text\n    regions: [footer]\n    pattern: "©"\n';
    expect(await problemLines({ 'rightslint.yaml': 'holders: [own.yaml]\n', 'own.yaml': holder })).toEqual([
      expect.stringMatching(/^own\.yaml:1:5 id Holder `afp` is already defined in .*rules\/holders\/afp\.yaml$/),
    ]);
  });

  it('keeps a relative extends inside the project, reads a file named by its absolute path without quoting it, and never waits on a pipe', async () => {
    const outside = scratchFolder('policy-errors-outside');
    writeFileSync(join(outside, 'secrets.txt'), 'root:x:0:0:root:/root:/bin/bash\n');
    mkfifo(join(outside, 'pipe.yaml'));
    const folder = scratchFolder('policy-errors');
    mkdirSync(join(folder, '.git'));
    mkdirSync(join(folder, 'site'));
    writeFileSync(join(folder, 'base.yaml'), 'rules:\n  unknown-notice: error\n');
    const climbing = relative(join(folder, 'site'), join(outside, 'secrets.txt'));
    writeFileSync(join(folder, 'site', 'rightslint.yaml'), `extends: [../base.yaml, ${climbing}, ${join(outside, 'secrets.txt')}, ${join(outside, 'pipe.yaml')}]\n`);
    const error = await loadPolicy('site/rightslint.yaml', folder).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PolicyError);
    const lines = (error as PolicyError).message.split('\n');
    // ../base.yaml stays in the repository and is read; the climb out of it is refused.
    expect(lines).toContain(`site/rightslint.yaml:1:25: \`extends[1]\` Cannot extend \`${climbing}\`: it is outside the project (\`.\`, the repository or folder of the policy); name a file outside it by its absolute path`);
    expect(lines).toContainEqual(expect.stringMatching(/^site\/rightslint\.yaml:1:\d+: `extends\[3\]` Cannot extend `.*pipe\.yaml`: not a regular file \(a named pipe\)$/));
    expect(lines.filter((line) => /^[^ ].*base\.yaml/.test(line))).toEqual([]);
    // The file named by its absolute path is judged, but nothing of it is shown.
    expect(lines).toContainEqual(expect.stringMatching(/^site\/rightslint\.yaml:1:\d+: `extends\[2\]` Cannot extend `.*secrets\.txt`: it is not a valid policy \(1 problem, not shown as the file lies outside the project; `rightslint check -c .*secrets\.txt` shows them\)$/));
    expect((error as PolicyError).message).not.toContain('/bin/bash');
  });

  it('keeps holder files in the project as extends, through links too, and never quotes one outside it', async () => {
    const outside = scratchFolder('policy-errors-outside');
    writeFileSync(join(outside, 'secrets.yaml'), 'password: hunter2\n');
    const folder = scratchFolder('policy-errors');
    mkdirSync(join(folder, '.git'));
    symlinkSync(join(outside, 'secrets.yaml'), join(folder, 'linked.yaml'));
    const climbing = relative(folder, join(outside, 'secrets.yaml'));
    writeFileSync(join(folder, 'rightslint.yaml'), `holders: [${climbing}, linked.yaml, ${join(outside, 'secrets.yaml')}]\n`);
    const error = await loadPolicy('rightslint.yaml', folder).catch((e: unknown) => e);
    const problems = (error as PolicyError).problems.map((p) => `${p.file}:${p.field} ${p.message}`);
    expect(problems).toEqual([
      `rightslint.yaml:holders[0] Cannot read holder file \`${climbing}\`: it is outside the project (\`.\`, the repository or folder of the policy); name a file outside it by its absolute path`,
      'rightslint.yaml:holders[1] Cannot read holder file `linked.yaml`: it is outside the project (`.`, the repository or folder of the policy); name a file outside it by its absolute path',
      `rightslint.yaml:holders[2] Cannot read holder file \`${join(outside, 'secrets.yaml')}\`: it is not a valid holder file (5 problems, not shown as the file lies outside the project)`,
    ]);
    expect((error as PolicyError).message).not.toContain('hunter2');
  });

  it('reports a holder file that is a named pipe at its place, rather than waiting for a writer', async () => {
    const folder = scratchFolder('policy-errors');
    mkdirSync(join(folder, 'holders'));
    mkfifo(join(folder, 'holders', 'pipe.yaml'));
    writeFileSync(join(folder, 'rightslint.yaml'), 'holders: [holders]\n');
    const error = await loadPolicy('rightslint.yaml', folder).catch((e: unknown) => e);
    expect((error as PolicyError).problems?.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`)).toEqual(['holders/pipe.yaml:1:1 Cannot read holder file: not a regular file (a named pipe)']);
  });

  it('reads a missing policy as one line, with no position', async () => {
    const folder = scratchFolder('policy-errors');
    const error = await loadPolicy('nope.yaml', folder).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toBe('Cannot read policy `nope.yaml`: no such file');
    const folderAsPolicy = await loadPolicy('.', folder).catch((e: unknown) => e);
    expect((folderAsPolicy as UsageError).message).toBe(`Cannot read policy \`${folder}\`: a folder, not a file`);
  });
});
