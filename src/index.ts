export { check, type CheckOptions } from './check.js';
export { loadPolicy, type Policy } from './config/policy.js';
export { policySchema, type PolicySpec, type LicenseSpec } from './config/schema.js';
export { holderSchema, type HolderSpec } from './catalogue/schema.js';
export { PolicyError, UsageError, type Problem } from './errors.js';
export { readPage, type Page } from './document/page.js';
export { RULES } from './rules/index.js';
export type { CheckResult, FileResult, Finding, HolderEntry, EvidenceEntry } from './result.js';
export { run } from './cli/main.js';
