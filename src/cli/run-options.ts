import { FORMAT_NAMES } from '../report/index.js';
import type { OptionSpec } from './args.js';

/** The options of the commands that judge pages and report on them (check, audit): policy, reports, day, threshold. */
export const JUDGING_OPTIONS = {
  config: { type: 'string', short: 'c', value: 'FILE', description: 'Policy file (default: the nearest rightslint.yaml)' },
  format: { type: 'string', short: 'f', multiple: true, value: 'NAME', choices: FORMAT_NAMES, description: 'Report format (default stylish); repeatable' },
  'output-file': { type: 'string', short: 'o', multiple: true, value: 'FILE', description: 'Write the report to FILE (pairs with --format)' },
  'as-of': { type: 'string', value: 'DATE', description: 'Judge retention as of DATE (default today)' },
  'max-warnings': { type: 'string', value: 'N', description: 'Exit 1 when there are more than N warnings' },
} as const satisfies Record<string, OptionSpec>;

/** Where `--cache` keeps results unless `--cache-location` says otherwise. */
const DEFAULT_CACHE = '.rightslintcache';

/** `--cache` and `--cache-location`, for the commands that can reuse results. */
export const CACHE_OPTIONS = {
  cache: { type: 'boolean', description: `Reuse results of unchanged pages (${DEFAULT_CACHE}/)` },
  'cache-location': { type: 'string', value: 'DIR', description: 'Keep the cache in DIR (implies --cache)' },
} as const satisfies Record<string, OptionSpec>;

/** The cache folder the options ask for, if any. */
export function cacheLocation(values: { cache?: boolean | undefined; 'cache-location'?: string | undefined }): string | undefined {
  return values['cache-location'] ?? (values.cache ? DEFAULT_CACHE : undefined);
}
