import { access } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { checkTarget } from '../check-page.js';
import { POLICY_FILE } from '../config/find.js';
import { defaultPolicy } from '../config/policy.js';
import { UsageError } from '../errors.js';
import { findTargets } from '../files.js';
import { today } from '../policy/dates.js';
import { writeAtomic } from '../write-atomic.js';
import { parseCommandLine } from './args.js';
import { EXIT, type Io } from './io.js';

/**
 * `rightslint init [folder]`: writes a starter policy and lists the holders already found in the
 * tree, with the pages and kinds of each, so that licences can be filled in.
 */
export async function runInit(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, { force: { type: 'boolean' } });
  const folder = resolve(io.cwd, positionals[0] ?? '.');
  const file = join(folder, POLICY_FILE);
  const shown = relative(io.cwd, file).split(sep).join('/') || POLICY_FILE;
  if (!values.force && (await access(file).then(() => true, () => false))) {
    throw new UsageError(`Cannot write \`${shown}\`: it exists (use --force to replace it)`);
  }
  const policy = await defaultPolicy(folder);
  const run = { policy, asOf: today(), displayPath: (absolute: string) => relative(folder, absolute).split(sep).join('/') };
  const found = new Map<string, { pages: number; kinds: Set<string> }>();
  for (const target of await findTargets([folder], policy, folder, { allowEmpty: true })) {
    for (const { holder, kinds } of (await checkTarget(target, run)).holders) {
      const entry = found.get(holder) ?? { pages: 0, kinds: new Set<string>() };
      entry.pages++;
      for (const kind of kinds) entry.kinds.add(kind);
      found.set(holder, entry);
    }
  }
  const holders = [...found].sort(([a, x], [b, y]) => y.pages - x.pages || a.localeCompare(b));
  await writeAtomic(file, starterPolicy(holders));
  io.stdout.write(`Wrote ${shown}.\n`);
  if (holders.length === 0) io.stdout.write('No agency content found in the pages.\n');
  else {
    io.stdout.write('Holders found (pages, kinds): add a licence for each one you have a contract with.\n');
    for (const [holder, { pages, kinds }] of holders) io.stdout.write(`  ${holder.padEnd(18)} ${String(pages).padStart(5)}  ${[...kinds].sort().join(', ')}\n`);
  }
  return EXIT.clean;
}

function starterPolicy(holders: Array<[string, { pages: number; kinds: Set<string> }]>): string {
  const lines = [
    `# rightslint policy, started by \`rightslint init\` on ${today()}. Reference: docs/policy.md.`,
    '# yaml-language-server: $schema=node_modules/rightslint/schema/rightslint.schema.json',
    'include: ["**/*.{html,htm,md,markdown}"]',
    'exclude: []',
    '',
    '# Your licences. Holders found in the pages when this file was written:',
    ...holders.map(([holder, { pages, kinds }]) => `#   ${holder}: ${pages} page${pages === 1 ? '' : 's'} (${[...kinds].sort().join(', ')})`),
    'licenses: []',
  ];
  for (const [holder, { kinds }] of holders) {
    lines.push(`#  - id: ${holder}-licence`, `#    holder: ${holder}`, `#    kinds: [${[...kinds].sort().join(', ')}]`, '#    paths: ["**"]', `#    from: ${today()}`);
  }
  lines.push('', 'rules: {}', '');
  return lines.join('\n');
}
