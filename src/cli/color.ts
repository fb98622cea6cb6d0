import type { OptionSpec } from './args.js';
import type { Io } from './io.js';

/** `--color` and `--no-color`, for the commands that colour what they print; the last one given wins. */
export const COLOR_OPTIONS = {
  color: { type: 'boolean', description: 'Colour the output even when not on a terminal' },
  'no-color': { type: 'boolean', description: 'Never colour the output' },
} as const satisfies Record<string, OptionSpec>;

/**
 * Whether to colour standard output. The command line decides first; then FORCE_COLOR (`0` or
 * `false` turn colour off, any other value on), which wins over NO_COLOR as it does in Node.js
 * itself; then NO_COLOR when set and not empty (no-color.org); then a `dumb` terminal; else
 * colour exactly when standard output is a terminal. Files are never coloured.
 */
export function isColored(flag: boolean | undefined, io: Io): boolean {
  if (flag !== undefined) return flag;
  const env = io.env ?? process.env;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR) return false;
  if (env.TERM === 'dumb') return false;
  return io.stdout.isTTY === true;
}
