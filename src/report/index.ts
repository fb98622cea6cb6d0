import type { CheckResult } from '../result.js';
import { formatJson } from './json.js';
import type { ReportOptions } from './options.js';
import { formatStylish } from './stylish.js';

/** Every output format by name. */
export const FORMATS: Record<'json' | 'stylish', (result: CheckResult, options: ReportOptions) => string> = {
  json: (result) => formatJson(result),
  stylish: (result, options) => formatStylish(result, options),
};

export type FormatName = keyof typeof FORMATS;
