import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../src/config/json-schema.js';

describe('shipped JSON Schemas', () => {
  it.each(Object.entries(jsonSchemas()))('schema/%s matches the loader (run `npm run schemas` after changing it)', (name, schema) => {
    const shipped: unknown = JSON.parse(readFileSync(join(import.meta.dirname, '../schema', name), 'utf8'));
    expect(shipped).toEqual(schema);
  });
});
