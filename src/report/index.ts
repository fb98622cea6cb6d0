import type { CheckResult } from '../result.js';
import { formatJson } from './json.js';
import { formatStylish } from './stylish.js';

/** Every output format by name. */
export const FORMATS = {
  json: (result: CheckResult) => formatJson(result),
  stylish: (result: CheckResult, options: { color: boolean }) => formatStylish(result, options),
} as const;

export type FormatName = keyof typeof FORMATS;
