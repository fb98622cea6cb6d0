import { resolve } from 'node:path';
import { defaultPolicy, findPolicyFile, loadPolicy } from '../index.js';
import { CommandLineError, parseCommandLine, type CommandUsage } from './args.js';
import { EXIT, type Io } from './io.js';

/** `rightslint holders`: its options, each described once for parsing and for `--help`. */
export const HOLDERS_USAGE = {
  name: 'holders',
  summary: 'List the holder catalogue (with the policy\'s own holders)',
  options: {
    config: { type: 'string', short: 'c', value: 'FILE', description: 'Policy file (default: the nearest rightslint.yaml)' },
    format: { type: 'string', short: 'f', value: 'NAME', choices: ['table', 'json'], description: 'Output format, table by default' },
  },
  examples: ['rightslint holders', 'rightslint holders --format json'],
} as const satisfies CommandUsage;

/** `rightslint holders`: the catalogue (with the policy's own holders), as a table or JSON. */
export async function holdersCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, HOLDERS_USAGE.options);
  if (positionals[0] !== undefined) throw new CommandLineError(`Cannot use \`${positionals[0]}\`: \`holders\` takes no arguments (a policy is named with --config)`);
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
