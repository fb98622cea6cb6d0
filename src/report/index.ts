import type { CheckResult } from '../result.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import type { ReportOptions } from './options.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

/** Every output format by name. */
export const FORMATS: Record<'github' | 'json' | 'junit' | 'sarif' | 'stylish', (result: CheckResult, options: ReportOptions) => string> = {
  github: (result) => formatGithub(result),
  json: (result) => formatJson(result),
  junit: (result) => formatJunit(result),
  sarif: (result, options) => formatSarif(result, options),
  stylish: (result, options) => formatStylish(result, options),
};

export type FormatName = keyof typeof FORMATS;
