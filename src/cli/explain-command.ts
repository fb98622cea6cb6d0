import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';
import { suggest } from '../config/yaml-file.js';
import { UsageError } from '../errors.js';
import { ALL_RULES } from '../rules/index.js';
import { EXIT, type Io } from './io.js';

const DOCS = join(PACKAGE_ROOT, 'docs/rules');

/** `rightslint explain RULE`: the rule's documentation page. */
export async function runExplain(argv: readonly string[], io: Io): Promise<number> {
  const [id] = argv;
  const ids = ALL_RULES.map((rule) => rule.id);
  if (!id || !ids.includes(id)) {
    throw new UsageError(id ? `Cannot explain \`${id}\`: no such rule${suggest(id, ids)}` : `Cannot explain: name a rule (${ids.join(', ')})`);
  }
  io.stdout.write(await readFile(join(DOCS, `${id}.md`), 'utf8'));
  return EXIT.clean;
}
