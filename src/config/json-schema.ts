// The JSON Schema shipped in schema/newslint.config.schema.json, for editors: the CONFIG_SCHEMA that
// loadConfig validates with, and every built-in rule under `rules` (top level and in overrides) with its
// description and its options' schema, so that an editor completes rule ids and option names. `npm run
// schema` writes it (scripts/schema.mjs); a test fails when the committed file differs.

import { CONFIG_SCHEMA } from '../config.js';
import type { Rule } from '../types.js';

export const SCHEMA_FILE = 'schema/newslint.config.schema.json';

export function configJsonSchema(rules: readonly Rule[]): Record<string, unknown> {
  const schema = structuredClone(CONFIG_SCHEMA) as any;
  const severity = schema.properties.rules.additionalProperties.anyOf[0];
  const setting = (options: unknown) => ({
    anyOf: [{ $ref: '#/definitions/severity' }, { type: 'array', minItems: 1, maxItems: 2, items: [{ $ref: '#/definitions/severity' }, options] }],
  });
  const builtin = [...rules].sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0));
  const ruleProperties = Object.fromEntries(
    builtin.map(({ meta }) => [
      meta.id,
      {
        description: `${meta.description} (default: ${meta.severity}${meta.fixable ? ', fixable' : ''}) ${meta.docs}`,
        ...setting(meta.schema ?? { type: 'object', additionalProperties: false, properties: {} }),
      },
    ]),
  );
  const rulesSchema = {
    ...schema.properties.rules,
    properties: ruleProperties,
    additionalProperties: setting({ type: 'object' }), // a plugin's rule
  };
  schema.properties.rules = { $ref: '#/definitions/rules' };
  schema.properties.overrides.items.properties.rules = { $ref: '#/definitions/rules' };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'newslint configuration (newslint.config.json, .newslintrc.json, or "newslint" in package.json)',
    ...schema,
    definitions: { severity, rules: rulesSchema },
  };
}

/** The schema file's text. */
export function configJsonSchemaText(rules: readonly Rule[]): string {
  return `${JSON.stringify(configJsonSchema(rules), null, 2)}\n`;
}
