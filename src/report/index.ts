import type { CheckResult } from '../result.js';
import { joinChunks, type ReportChunks } from './chunks.js';
import { githubChunks } from './github.js';
import { jsonChunks } from './json.js';
import { junitChunks } from './junit.js';
import type { ReportOptions } from './options.js';
import { sarifChunks } from './sarif.js';
import { stylishChunks } from './stylish.js';

/**
 * Every output format by name, in chunks: a writer that writes them one by one never holds the
 * whole report in one string, which V8 caps at about 512 MB.
 */
export const REPORTS: Record<'github' | 'json' | 'junit' | 'sarif' | 'stylish', (result: CheckResult, options: ReportOptions) => ReportChunks> = {
  github: (result, options) => githubChunks(result, options),
  json: (result, options) => jsonChunks(result, options),
  junit: (result) => junitChunks(result),
  sarif: (result, options) => sarifChunks(result, options),
  stylish: (result, options) => stylishChunks(result, options),
};

export type FormatName = keyof typeof REPORTS;

/** Every output format by name, as one string (see `REPORTS` for reports too large for one). */
export const FORMATS: Record<FormatName, (result: CheckResult, options: ReportOptions) => string> = {
  github: (result, options) => joinChunks(REPORTS.github(result, options)),
  json: (result, options) => joinChunks(REPORTS.json(result, options)),
  junit: (result, options) => joinChunks(REPORTS.junit(result, options)),
  sarif: (result, options) => joinChunks(REPORTS.sarif(result, options)),
  stylish: (result, options) => joinChunks(REPORTS.stylish(result, options)),
};

export { DEFAULT_MAX_EVIDENCE, type ReportOptions } from './options.js';
export type { ReportChunks } from './chunks.js';
