import { DEFAULT_INCLUDE, type HolderSurvey, SELF_HOLDERS_FOLDER, type SelfProposal, type SiteSurvey } from '../index.js';

/** What a starter policy is written from: the survey of the pages, and what `self` should hold. */
export interface StarterInput {
  survey: SiteSurvey;
  self: SelfProposal;
  /** The day `init` ran. */
  today: string;
}

/** What a newcomer is told when a holder's pages carry no date, in the file and on standard error. */
export const SET_FROM = 'set `from:` to the date the licence began';

/**
 * The starter `rightslint.yaml`. Licences are proposed as commented items of a flow sequence,
 * one a line: uncommenting any of them, or all, leaves valid YAML and a valid policy. A block
 * sequence cannot do that: with every item commented out, `licenses:` holds null, which the
 * schema refuses, and `licenses: []` before block items is a syntax error once one is uncommented.
 */
export function starterPolicy({ survey, self, today }: StarterInput): string {
  const holders = [...survey.holders].sort(([a, x], [b, y]) => y.pages - x.pages || a.localeCompare(b));
  return [
    `# rightslint policy, started by \`rightslint init\` on ${today}. Reference: docs/policy.md.`,
    '# yaml-language-server: $schema=node_modules/rightslint/schema/rightslint.schema.json',
    `include: ["${DEFAULT_INCLUDE}"]`,
    'exclude: []',
    '',
    ...selfLines(self, survey.pages),
    '',
    ...licenceLines(holders),
    '',
    'rules: {}',
    '',
  ].join('\n');
}

function selfLines({ site, agencies }: SelfProposal, pages: number): string[] {
  const lines = ["# The site's own content needs no licence: `self` lists the holders that are the site itself."];
  if (site) {
    const shown = site.names.map(({ name, pages: count }) => `"${name}" (${count} of ${pages} pages)`).join(', ');
    lines.push(
      `# The pages name their publisher ${shown} in og:site_name or a JSON-LD`,
      `# publisher, so init wrote a holder file for it in ${SELF_HOLDERS_FOLDER}/: check its names there.`,
      `holders: [${SELF_HOLDERS_FOLDER}]`,
    );
  } else {
    lines.push("# No page names a publisher of its own (og:site_name, a JSON-LD publisher): describe the site in a", '# holder file (docs/holders.md), list it under `holders:` and its id here.');
  }
  for (const { id, pages: count } of agencies) {
    lines.push(`# ${count} page${count === 1 ? '' : 's'} name${count === 1 ? 's' : ''} the agency \`${id}\` as publisher, so its marks there are its own. Add \`${id}\``, '# to `self` only if this is that agency\'s own site: a copy of its page elsewhere is reuse.');
  }
  lines.push(`self: [${site ? site.id : ''}]`);
  return lines;
}

function licenceLines(holders: ReadonlyArray<[string, HolderSurvey]>): string[] {
  if (holders.length === 0) return ['# Your licences (docs/policy.md). No agency content was found in the pages.', 'licenses: []'];
  const lines = [
    '# Your licences: for each holder you have a contract with, uncomment its item (remove the `#`)',
    '# and correct it to what the contract says (kinds, paths, until, attribution: docs/policy.md).',
    "# `from` is the holder's earliest dated page: a licence that begins later leaves the pages",
    '# before it unlicensed (license-not-yet-valid). Set it to the day your contract began.',
    'licenses: [',
  ];
  for (const [holder, { pages, kinds, earliest }] of holders) {
    const found = `${holder}: ${pages} page${pages === 1 ? '' : 's'} (${[...kinds].sort().join(', ')})`;
    lines.push(earliest
      ? `  # ${found}, the earliest dated ${earliest.date} (${earliest.path})`
      : `  # ${found}, none with a publication date: ${SET_FROM}`);
    const fields = [`id: ${holder}-licence`, `holder: ${holder}`, `kinds: [${[...kinds].sort().join(', ')}]`, 'paths: ["**"]'];
    if (earliest) fields.push(`from: ${earliest.date}`);
    lines.push(`  # { ${fields.join(', ')} },`);
  }
  lines.push(']');
  return lines;
}
