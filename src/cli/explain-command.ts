import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ALL_RULES, PACKAGE_ROOT, suggest } from '../index.js';
import { CommandLineError, parseCommandLine, type CommandUsage } from './args.js';
import { EXIT, type Io } from './io.js';

const DOCS = join(PACKAGE_ROOT, 'docs/rules');
const IDS = ALL_RULES.map((rule) => rule.id);

/** `rightslint explain`: its usage, for `--help` (it has no options of its own). */
export const EXPLAIN_USAGE = {
  name: 'explain',
  args: 'RULE',
  summary: 'Show a rule\'s documentation',
  options: {},
  examples: ['rightslint explain unlicensed-content'],
  details: [`Rules: ${IDS.join(', ')}.`],
} as const satisfies CommandUsage;

/** `rightslint explain RULE`: the rule's documentation page. */
export async function explainCommand(argv: readonly string[], io: Io): Promise<number> {
  const { positionals } = parseCommandLine(argv, EXPLAIN_USAGE.options);
  const [id, ...others] = positionals;
  if (!id || !IDS.includes(id)) {
    throw new CommandLineError(id ? `Cannot explain \`${id}\`: no such rule${suggest(id, IDS)}` : `Cannot explain: name a rule (${IDS.join(', ')})`);
  }
  if (others.length > 0) throw new CommandLineError(`Cannot explain ${positionals.length} rules at once: name one`);
  io.stdout.write(await readFile(join(DOCS, `${id}.md`), 'utf8'));
  return EXIT.clean;
}
