import type { CommandUsage } from './args.js';

/**
 * `rightslint init`: its options, each described once for parsing and for `--help`. `initCommand`
 * parses with `INIT_USAGE.options`, so that help and what is accepted cannot drift apart.
 */
export const INIT_USAGE = {
  name: 'init',
  args: '[folder]',
  summary: 'Write a starter rightslint.yaml listing the holders found in the pages',
  options: {
    force: { type: 'boolean', description: 'Replace an existing rightslint.yaml' },
  },
  examples: ['rightslint init', 'rightslint init site/ --force'],
} as const satisfies CommandUsage;
