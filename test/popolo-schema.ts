import { readdirSync, readFileSync } from 'node:fs';
import { Ajv, type AnySchema } from 'ajv';
import addFormats from 'ajv-formats';
import { ROOT } from './helpers.js';

/** The vendored draft-03 Popolo schemas, translated mechanically for Ajv (draft-07): `id` → `$id`, `required: true` → the parent's list. */
export function popoloAjv(): Ajv {
  const dir = ROOT + 'test/fixtures/popolo/';
  const translate = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(translate);
    if (!node || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === '$schema') continue;
      if (k === 'id' && typeof v === 'string') out.$id = v;
      else if (k === 'required' && v === true) continue;
      else out[k] = translate(v);
    }
    const props = (node as { properties?: Record<string, { required?: unknown }> }).properties;
    const required = props ? Object.keys(props).filter((p) => props[p]!.required === true) : [];
    if (required.length) out.required = required;
    return out;
  };
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats.default(ajv);
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.json'))) ajv.addSchema(translate(JSON.parse(readFileSync(dir + f, 'utf8'))) as AnySchema);
  return ajv;
}
