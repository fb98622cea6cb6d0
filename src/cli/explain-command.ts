import { readFile } from 'node:fs/promises';
import { suggest } from '../config/yaml-file.js';
import { UsageError } from '../errors.js';
import { ALL_RULES } from '../rules/index.js';
import { EXIT, type Io } from './io.js';

const DOCS = new URL('../../docs/rules/', import.meta.url);

/** `rightslint explain RULE`: the rule's documentation page. */
export async function runExplain(argv: readonly string[], io: Io): Promise<number> {
  const [id] = argv;
  const ids = ALL_RULES.map((rule) => rule.id);
  if (!id || !ids.includes(id)) {
    throw new UsageError(id ? `Cannot explain \`${id}\`: no such rule${suggest(id, ids)}` : `Cannot explain: name a rule (${ids.join(', ')})`);
  }
  io.stdout.write(await readFile(new URL(`${id}.md`, DOCS), 'utf8'));
  return EXIT.clean;
}
