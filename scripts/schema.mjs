// npm run schema: writes schema/newslint.config.schema.json from the built sources (src/config/json-schema.ts).
import { writeFileSync } from 'node:fs';
import { configJsonSchemaText, SCHEMA_FILE } from '../dist/src/config/json-schema.js';
import { loadBuiltinRules } from '../dist/src/rules.js';

writeFileSync(new URL(`../${SCHEMA_FILE}`, import.meta.url), configJsonSchemaText(await loadBuiltinRules()));
console.log(`wrote ${SCHEMA_FILE}`);
