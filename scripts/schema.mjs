// Generates schema/minutes-1.schema.json from the TypeScript contract in src/types.ts.
// `node scripts/schema.mjs` writes it; `node scripts/schema.mjs --check` fails if the file is stale.
import { createGenerator } from 'ts-json-schema-generator';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export function generateSchema() {
  const schema = createGenerator({ path: root + 'src/types.ts', tsconfig: root + 'tsconfig.json', type: 'MinutesDocument', additionalProperties: false, skipTypeCheck: true }).createSchema('MinutesDocument');
  schema.$id = 'https://github.com/twminutes/twminutes/schema/minutes-1.schema.json';
  schema.title = 'MinutesDocument (minutes/1)';
  return JSON.stringify(schema, null, 2) + '\n';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = root + 'schema/minutes-1.schema.json';
  const text = generateSchema();
  if (process.argv.includes('--check')) {
    if (readFileSync(out, 'utf8') !== text) {
      console.error('schema/minutes-1.schema.json is stale: run npm run schema');
      process.exit(1);
    }
  } else writeFileSync(out, text);
}
