import { resolve } from 'node:path';
import { findPolicyFile } from '../config/find.js';
import { defaultPolicy, loadPolicy } from '../config/policy.js';
import { parseCommandLine } from './args.js';
import { EXIT, type Io } from './io.js';

/** `rightslint holders`: the catalogue (with the policy's own holders), as a table or JSON. */
export async function runHolders(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parseCommandLine(argv, { config: { type: 'string', short: 'c' }, format: { type: 'string', short: 'f' } });
  const found = values.config ?? (await findPolicyFile(resolve(io.cwd)));
  const policy = found ? await loadPolicy(found, io.cwd) : await defaultPolicy(io.cwd);
  const holders = [...policy.catalogue.holders.values()];
  if (values.format === 'json') {
    io.stdout.write(`${JSON.stringify(holders, null, 2)}\n`);
    return EXIT.clean;
  }
  const rows = holders.map((h) => [h.id, h.name, h.kinds.join(', '), [...new Set(h.signals.map((s) => s.type))].join(', ')]);
  const header = ['id', 'name', 'kinds', 'signals'];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)));
  for (const row of [header, ...rows]) io.stdout.write(`${row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd()}\n`);
  return EXIT.clean;
}
