import * as z from 'zod';
import { holderSchema } from '../catalogue/schema.js';
import { policySchema } from './schema.js';

/** The JSON Schemas shipped in `schema/`, generated from the zod schemas the loader validates with. */
export function jsonSchemas(): Record<string, unknown> {
  return {
    'rightslint.schema.json': { title: 'rightslint policy (rightslint.yaml)', ...z.toJSONSchema(policySchema, { io: 'input' }) },
    'holder.schema.json': { title: 'rightslint rights holder (rules/holders/*.yaml)', ...z.toJSONSchema(holderSchema, { io: 'input' }) },
  };
}
