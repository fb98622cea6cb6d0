// Writes schema/*.json from the zod schemas, so editors validate policies as the loader does.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemas } from '../src/config/json-schema.js';

for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(join(import.meta.dirname, '../schema', name), `${JSON.stringify(schema, null, 2)}\n`);
}
