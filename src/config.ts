// Configuration: found upward from the working directory (newslint.config.json, .newslintrc.json, or a
// "newslint" key in package.json) or named with --config. Always read as JSON data, never executed.

import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { ConfigError, loadPluginRules } from './rules.js';
import { isValidTimeZone } from './util/dates.js';
import { describeErrors, RuleSets, type Override, type RuleSetting } from './config/rule-sets.js';
import type { ConfiguredRule } from './engine/linter.js';
import type { Rule } from './types.js';
import { GENERATOR_NAMES, type GeneratorName, type SiteOverrides } from './generators/index.js';

export { ConfigError, describeErrors };
export type { Override, RuleSetting };

export interface ConfigData {
  extends?: string | string[];
  rules?: Record<string, RuleSetting>;
  plugins?: string[];
  ignorePatterns?: string[];
  /** Rules for the files that globs match (relative to the config file's folder), applied in order. */
  overrides?: Override[];
  /** Files never checked, in .gitignore syntax, relative to the config file's folder. */
  ignores?: string[];
  /** The site generator, whatever the files say (detected from the site's files otherwise; Hexo by default). */
  generator?: GeneratorName;
  /** Settings applied over what the site's own config says. */
  site?: SiteOverrides;
  /** Report inline directives that suppress nothing (docs/directives.md): a severity, or true for "warn". */
  reportUnusedDisableDirectives?: 'off' | 'warn' | 'error' | boolean;
}

export interface LoadedConfig {
  /** The file it came from, or null for the built-in defaults. */
  filePath: string | null;
  data: ConfigData;
}

export const CONFIG_FILES = ['newslint.config.json', '.newslintrc.json', 'package.json'];
export const PRESETS = ['newslint:recommended', 'newslint:strict'] as const;

// The config's schema: what loadConfig validates with, and (with every rule's options added for editors) the
// JSON Schema shipped in schema/ (src/config/json-schema.ts writes it). Descriptions are for editors.
const SEVERITY = { enum: ['off', 'warn', 'error', 0, 1, 2], description: '"off" (or 0), "warn" (or 1), "error" (or 2)' };
const RULES = {
  type: 'object',
  description: 'Rule settings: a severity, or [severity, options]. `newslint rules` lists the rules.',
  additionalProperties: {
    anyOf: [SEVERITY, { type: 'array', minItems: 1, maxItems: 2, items: [SEVERITY, { type: 'object' }] }],
  },
};
const GLOBS = { type: 'array', items: { type: 'string' } };
export const CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string', description: 'The JSON Schema of this file, for editors: ./node_modules/newslint/schema/newslint.config.schema.json' },
    extends: {
      description: 'The preset the rules start from: newslint:recommended (the default) or newslint:strict',
      anyOf: [{ enum: PRESETS }, { type: 'array', items: { enum: PRESETS } }],
    },
    rules: RULES,
    overrides: {
      type: 'array',
      description: 'Rules for some files: every entry whose globs match a file applies to it, in order (later entries win; --rule wins over all)',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['files'],
        properties: {
          files: { ...GLOBS, minItems: 1, description: 'Globs (picomatch), relative to the config file\'s folder, e.g. "feeds/rss/**"' },
          excludedFiles: { ...GLOBS, description: 'Globs of files the entry does not apply to, among those `files` matches' },
          rules: RULES,
        },
      },
    },
    plugins: { type: 'array', items: { type: 'string' }, description: 'Packages, rule files or folders that add rules: a package newslint-plugin-foo adds foo/<id>, @scope/newslint-plugin-bar @scope/bar/<id>' },
    ignorePatterns: { ...GLOBS, description: 'Globs (picomatch) of files not to check, relative to the working directory' },
    ignores: { ...GLOBS, description: 'Files not to check, in .gitignore syntax ("drafts/", "*.tmp.md", "!keep.md"), relative to the config file\'s folder' },
    generator: { enum: GENERATOR_NAMES, description: 'The site generator, whatever the site\'s files say' },
    reportUnusedDisableDirectives: {
      enum: ['off', 'warn', 'error', true, false],
      description: 'Report inline directives (<!-- newslint-disable … -->) that suppress nothing, at this severity (true: "warn")',
    },
    site: {
      type: 'object',
      description: 'Settings applied over what the site\'s own config says',
      additionalProperties: false,
      properties: {
        timezone: { type: 'string', minLength: 1 },
        contentDir: { type: 'string', minLength: 1 },
        exclude: { type: 'array', items: { type: 'string' } },
        include: { type: 'array', items: { type: 'string' } },
        skipRender: { type: 'array', items: { type: 'string' } },
        ignore: { type: 'array', items: { type: 'string' } },
        renderDrafts: { type: 'boolean' },
        permalink: { type: 'string' },
        url: { type: 'string' },
      },
    },
  },
};

const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: false });
const validateConfig = ajv.compile(CONFIG_SCHEMA);

/** Finds the config for `cwd`, or reads `explicit`. Throws ConfigError for unreadable or invalid files. */
export async function loadConfig(cwd: string, explicit?: string): Promise<LoadedConfig> {
  if (explicit) {
    const file = path.resolve(cwd, explicit);
    if (!existsSync(file)) throw new ConfigError(`config file not found: ${file}`);
    return { filePath: file, data: await readConfigFile(file, true) };
  }
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    for (const name of CONFIG_FILES) {
      const file = path.join(dir, name);
      if (!existsSync(file)) continue;
      const data = await readConfigFile(file, false);
      if (data) return { filePath: file, data };
    }
    if (path.dirname(dir) === dir) return { filePath: null, data: {} };
  }
}

async function readConfigFile(file: string, explicit: boolean): Promise<ConfigData> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`cannot read config file ${file}: ${(err as Error).message}`);
  }
  let json: any;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new ConfigError(`config file ${file} is not valid JSON: ${(err as Error).message}`);
  }
  if (path.basename(file) === 'package.json' && !explicit) {
    json = json?.newslint;
    if (json === undefined) return undefined as any; // a package.json without a "newslint" key is not a config
  } else if (path.basename(file) === 'package.json') {
    json = json?.newslint ?? {};
  }
  if (!validateConfig(json)) {
    throw new ConfigError(`invalid config in ${file}: ${describeErrors(validateConfig.errors)}`);
  }
  const zone = (json as ConfigData).site?.timezone;
  if (zone !== undefined && !isValidTimeZone(zone)) {
    throw new ConfigError(`invalid config in ${file}: /site/timezone "${zone}" is not an IANA time zone name (such as "Asia/Shanghai" or "UTC")`);
  }
  return json as ConfigData;
}

export interface ResolveInput {
  config: LoadedConfig;
  rules: Rule[];
  /** Settings from the command line (--rule id:severity), applied last. */
  overrides?: Record<string, RuleSetting>;
}

/**
 * Turns config data into the rules to run: `ruleSets` gives them for each file (src/config/rule-sets.ts),
 * `enabled` for a file that no override matches. Throws ConfigError for an unknown rule or invalid options.
 */
export async function resolveRules({ config, rules, overrides = {} }: ResolveInput): Promise<{ all: Rule[]; enabled: ConfiguredRule[]; ruleSets: RuleSets }> {
  const where = config.filePath ?? 'default config';
  const baseDir = config.filePath === null ? null : path.dirname(config.filePath);
  const all = [...rules];
  if (config.data.plugins?.length) all.push(...(await loadPluginRules(config.data.plugins, baseDir!, where)));
  const ruleSets = new RuleSets({
    all,
    presets: [config.data.extends ?? 'newslint:recommended'].flat(),
    rules: config.data.rules ?? {},
    where,
    overrides: config.data.overrides ?? [],
    baseDir,
    cli: overrides,
  });
  return { all, enabled: ruleSets.base, ruleSets };
}
