import type * as z from 'zod';
import type { FieldPath } from './yaml-file.js';

/** The parts of a zod schema's definition that plain-word messages look at. */
export interface SchemaDef {
  type?: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  format?: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
}

/** The definition of a schema, seen through `optional`, `default`, `nullable` and `pipe`. */
export function defOf(schema: z.ZodType | undefined): SchemaDef | undefined {
  let def = (schema as { def?: SchemaDef } | undefined)?.def;
  while (def && ['default', 'optional', 'pipe', 'nullable', 'prefault'].includes(def.type ?? '')) {
    def = ((def.innerType ?? def.in) as { def?: SchemaDef } | undefined)?.def;
  }
  return def;
}

/** The schema a value at `path` is validated with, or undefined where the path leaves the schema. */
export function schemaAt(schema: z.ZodType, path: FieldPath): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  for (const segment of path) {
    const def = defOf(current);
    if (def?.type === 'object' && typeof segment === 'string') current = def.shape?.[segment];
    else if (def?.type === 'array' && typeof segment === 'number') current = def.element;
    else if (def?.type === 'record') current = def.valueType;
    else return undefined;
  }
  return current;
}

/** The field names an object schema accepts, as written in the file (`$schema` left out: it is for editors). */
export function fieldNames(schema: z.ZodType | undefined): string[] {
  return Object.keys(defOf(schema)?.shape ?? {}).filter((name) => !name.startsWith('$'));
}
