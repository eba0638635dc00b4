// The config's JSON Schema shipped in schema/: exactly what `npm run schema` generates from CONFIG_SCHEMA
// and the built-in rules; a valid schema (ajv, strict); every built-in rule under `rules` with its options'
// schema for editors; the fixtures' configs, the documentation's examples and init's output valid; it agrees
// with what newslint itself accepts; and it is inside the npm package.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { loadConfig, resolveRules, CONFIG_SCHEMA } from '../../src/config.js';
import { configJsonSchema, configJsonSchemaText, SCHEMA_FILE } from '../../src/config/json-schema.js';
import { initConfig, SCHEMA_PATH } from '../../src/config/init.js';
import { loadBuiltinRules } from '../../src/rules.js';
import { FIXTURES, ROOT, tempDir } from '../e2e/helpers.js';

const builtin = await loadBuiltinRules();
const committed = readFileSync(path.join(ROOT, SCHEMA_FILE), 'utf8');
const schema = JSON.parse(committed);
const validate = new Ajv({ allErrors: true, strict: true, strictTuples: false }).compile(schema);

/** Whether newslint itself takes a config: it loads, and its rules resolve. */
async function newslintTakes(data: unknown): Promise<boolean> {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'newslint.config.json'), JSON.stringify(data));
  try {
    await resolveRules({ config: await loadConfig(dir), rules: builtin });
    return true;
  } catch {
    return false;
  }
}

describe('the shipped JSON Schema', () => {
  it('is what `npm run schema` writes from CONFIG_SCHEMA and the built-in rules (run it after changing either)', () => {
    expect(committed).toBe(configJsonSchemaText(builtin));
    expect(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.schema).toMatch(/scripts\/schema\.mjs/);
  });

  it('keeps every key CONFIG_SCHEMA has, and lists every built-in rule with its description and options schema', () => {
    expect(Object.keys(schema.properties)).toEqual(Object.keys(CONFIG_SCHEMA.properties));
    const ruleProps = schema.definitions.rules.properties;
    expect(Object.keys(ruleProps).sort()).toEqual(builtin.map((r) => r.meta.id).sort());
    for (const { meta } of builtin) {
      expect(ruleProps[meta.id].description).toContain(meta.description);
      const tuple = ruleProps[meta.id].anyOf.find((s: any) => s.type === 'array');
      expect(tuple.items[1]).toEqual(meta.schema ?? { type: 'object', additionalProperties: false, properties: {} });
    }
    expect(schema.properties.overrides.items.properties.rules).toEqual({ $ref: '#/definitions/rules' });
  });

  it('validates the fixtures\' configs, the documentation\'s examples and what init writes', async () => {
    const sites = path.join(FIXTURES, 'sites');
    const configs = readdirSync(sites).map((s) => path.join(sites, s, 'newslint.config.json'));
    expect(configs.length).toBeGreaterThan(2);
    for (const file of configs) expect(validate(JSON.parse(readFileSync(file, 'utf8'))), file).toBe(true);
    const docs = readFileSync(path.join(ROOT, 'docs/configuration.md'), 'utf8');
    const examples = [...docs.matchAll(/^```json\n([\s\S]*?)^```$/gm)].map((m) => JSON.parse(m[1]));
    expect(examples.length).toBeGreaterThan(2);
    for (const example of examples) {
      expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
      expect(await newslintTakes(example), JSON.stringify(example)).toBe(true);
    }
    const { data } = await initConfig(tempDir());
    expect(data.$schema).toBe(SCHEMA_PATH);
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
  });

  it('agrees with newslint on what is a valid config, option names included', async () => {
    const samples: [unknown, boolean][] = [
      [{}, true],
      [{ extends: ['newslint:strict'], rules: { 'image-alt': 'warn', 'date-format': ['error', { format: 'generator' }] } }, true],
      [{ overrides: [{ files: ['feeds/**'], excludedFiles: ['feeds/x.md'], rules: { 'image-alt': 0 } }], ignores: ['drafts/', '!drafts/keep.md'] }, true],
      [{ rules: { 'date-format': ['error', { formt: 'iso' }] } }, false], // a misspelt option name
      [{ rules: { 'date-format': ['error', { format: 'whenever' }] } }, false],
      [{ overrides: [{ files: ['a/**'], rules: { 'prefer-https': ['warn', { nope: true }] } }] }, false],
      [{ rules: { 'image-alt': 'loud' } }, false],
      [{ overrides: [{ rules: {} }] }, false],
      [{ overrides: [{ files: [] }] }, false],
      [{ overrides: [{ files: ['a'], site: {} }] }, false],
      [{ ignores: 'drafts/' }, false],
      [{ extends: 'eslint:recommended' }, false],
      [{ generator: 'gatsby' }, false],
      [{ $schema: SCHEMA_PATH, generator: 'hugo', site: { contentDir: 'content' } }, true],
    ];
    for (const [config, valid] of samples) {
      expect(validate(config), JSON.stringify(config)).toBe(valid);
      expect(await newslintTakes(config), JSON.stringify(config)).toBe(valid);
    }
  });

  it('is inside the npm package', () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const files = JSON.parse(out)[0].files.map((f: { path: string }) => f.path);
    expect(files).toContain(SCHEMA_FILE);
  });

  it('is generated fresh: a rule\'s options schema changed shows in it', () => {
    const changed = builtin.map((r) => (r.meta.id === 'image-alt' ? { ...r, meta: { ...r.meta, schema: { type: 'object', properties: { x: { type: 'string' } } } } } : r));
    expect(configJsonSchemaText(changed)).not.toBe(committed);
    expect((configJsonSchema(changed) as any).definitions.rules.properties['image-alt'].anyOf[1].items[1].properties.x).toEqual({ type: 'string' });
  });
});
