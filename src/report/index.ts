import type { CheckResult } from '../workspace/result.js';
import type { ReportChunks } from './chunks.js';
import { csvChunks } from './csv.js';
import { githubChunks } from './github.js';
import { htmlChunks } from './html.js';
import { jsonChunks } from './json.js';
import { junitChunks } from './junit.js';
import type { ReportOptions } from './options.js';
import { sarifChunks } from './sarif.js';
import { stylishChunks } from './stylish.js';

/** Every output format's name, sorted: what `--format` takes. */
export const FORMAT_NAMES = ['csv', 'github', 'html', 'json', 'junit', 'sarif', 'stylish'] as const;

export type FormatName = (typeof FORMAT_NAMES)[number];

/**
 * Every output format by name, in chunks: a writer that writes them one by one never holds the
 * whole report in one string, which V8 caps at about 512 MB.
 */
export const REPORTS: Record<FormatName, (result: CheckResult, options: ReportOptions) => ReportChunks> = {
  csv: (result, options) => csvChunks(result, options),
  github: (result, options) => githubChunks(result, options),
  html: (result, options) => htmlChunks(result, options),
  json: (result, options) => jsonChunks(result, options),
  junit: (result) => junitChunks(result),
  sarif: (result, options) => sarifChunks(result, options),
  stylish: (result, options) => stylishChunks(result, options),
};

export { DEFAULT_MAX_EVIDENCE, type LicenseClause, type ReportOptions } from './options.js';
export type { ReportChunks } from './chunks.js';
