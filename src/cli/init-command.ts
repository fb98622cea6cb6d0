import { access, mkdir } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { defaultPolicy, POLICY_FILE, proposeSelf, SELF_HOLDERS_FOLDER, siteHolderFile, surveySite, today, UsageError, writeAtomic } from '../index.js';
import { parseCommandLine } from './args.js';
import { SET_FROM, starterPolicy } from './init-policy.js';
import { INIT_USAGE } from './init-usage.js';
import { EXIT, type Io } from './io.js';

/**
 * `rightslint init [folder]`: writes a starter policy from what the pages show: a licence to
 * uncomment for each holder found, dated from its earliest page, and the site's own names under
 * `self` (in a holder file written beside it), so that a first `check` judges the site's real
 * history rather than reporting every page.
 */
export async function initCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, INIT_USAGE.options);
  const folder = resolve(io.cwd, positionals[0] ?? '.');
  const shown = (absolute: string) => relative(io.cwd, absolute).split(sep).join('/') || absolute;
  const policyFile = join(folder, POLICY_FILE);
  const policy = await defaultPolicy(folder);
  const survey = await surveySite(folder, policy, (absolute) => relative(folder, absolute).split(sep).join('/'));
  const self = proposeSelf(survey.publishers, policy.catalogue);
  const holderFile = self.site && join(folder, SELF_HOLDERS_FOLDER, `${self.site.id}.yaml`);
  // Refuse before writing anything, so a refused run leaves no half of a starter policy.
  for (const file of [policyFile, holderFile]) {
    if (file && !values.force && (await access(file).then(() => true, () => false))) {
      throw new UsageError(`Cannot write \`${shown(file)}\`: it exists (use --force to replace it)`);
    }
  }
  const day = today();
  if (self.site && holderFile) {
    await mkdir(join(folder, SELF_HOLDERS_FOLDER), { recursive: true });
    await writeAtomic(holderFile, siteHolderFile(self.site, survey.pages));
  }
  await writeAtomic(policyFile, starterPolicy({ survey, self, today: day }));
  io.stdout.write(`Wrote ${shown(policyFile)}.\n`);
  if (self.site && holderFile) io.stdout.write(`Wrote ${shown(holderFile)}: the site's own holder ("${self.site.name}"), listed under \`self\`.\n`);
  const holders = [...survey.holders].sort(([a, x], [b, y]) => y.pages - x.pages || a.localeCompare(b));
  if (holders.length === 0) io.stdout.write('No agency content found in the pages.\n');
  else {
    io.stdout.write('Holders found (pages, kinds, earliest date): uncomment the licence of each one you have a contract with.\n');
    for (const [holder, { pages, kinds, earliest }] of holders) {
      io.stdout.write(`  ${holder.padEnd(18)} ${String(pages).padStart(5)}  ${[...kinds].sort().join(', ').padEnd(20)}  ${earliest?.date ?? 'no date'}\n`);
    }
  }
  const undated = holders.filter(([, entry]) => !entry.earliest).map(([holder]) => `\`${holder}\``);
  if (undated.length > 0) {
    io.stderr.write(`No page of ${undated.join(', ')} gives a publication date: in ${shown(policyFile)}, ${SET_FROM}.\n`);
  }
  return EXIT.clean;
}
