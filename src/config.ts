// Configuration: found upward from the working directory (newslint.config.json, .newslintrc.json, or a
// "newslint" key in package.json) or named with --config. Always read as JSON data, never executed.

import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { ConfigError, loadPluginRules } from './rules.js';
import { isValidTimeZone } from './util/dates.js';
import type { ConfiguredRule } from './engine/linter.js';
import type { Rule, SeverityName } from './types.js';
import { GENERATOR_NAMES, type GeneratorName, type SiteOverrides } from './generators/index.js';

export { ConfigError };

export type RuleSetting = SeverityName | 0 | 1 | 2 | [SeverityName | 0 | 1 | 2, Record<string, unknown>?];

export interface ConfigData {
  extends?: string | string[];
  rules?: Record<string, RuleSetting>;
  plugins?: string[];
  ignorePatterns?: string[];
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

const SEVERITY = { enum: ['off', 'warn', 'error', 0, 1, 2] };
const CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    extends: { anyOf: [{ enum: PRESETS }, { type: 'array', items: { enum: PRESETS } }] },
    rules: {
      type: 'object',
      additionalProperties: {
        anyOf: [SEVERITY, { type: 'array', minItems: 1, maxItems: 2, items: [SEVERITY, { type: 'object' }] }],
      },
    },
    plugins: { type: 'array', items: { type: 'string' } },
    ignorePatterns: { type: 'array', items: { type: 'string' } },
    generator: { enum: GENERATOR_NAMES },
    reportUnusedDisableDirectives: { enum: ['off', 'warn', 'error', true, false] },
    site: {
      type: 'object',
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

export function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .map((e) => {
      const where = e.instancePath || 'options';
      const extra = e.params && 'additionalProperty' in e.params ? ` "${e.params.additionalProperty}"` : '';
      const allowed = e.params && 'allowedValues' in e.params ? `: ${JSON.stringify(e.params.allowedValues)}` : '';
      return `${where} ${e.message}${extra}${allowed}`;
    })
    .join('; ');
}

function severityOf(s: SeverityName | 0 | 1 | 2): 0 | 1 | 2 {
  return s === 'off' || s === 0 ? 0 : s === 'warn' || s === 1 ? 1 : 2;
}

const optionValidators = new WeakMap<Rule, ReturnType<typeof ajv.compile>>();

function ruleOptions(rule: Rule, given: Record<string, unknown> | undefined, where: string): Record<string, unknown> {
  const options = structuredClone(given ?? {});
  const schema = rule.meta.schema ?? { type: 'object', additionalProperties: false, properties: {} };
  let validate = optionValidators.get(rule);
  if (!validate) optionValidators.set(rule, (validate = ajv.compile(schema)));
  const problem = validate(options) ? (rule.validateOptions?.(options) ?? null) : describeErrors(validate.errors);
  if (problem) throw new ConfigError(`${where}: invalid options for rule "${rule.meta.id}": ${problem}`);
  return options;
}

export interface ResolveInput {
  config: LoadedConfig;
  rules: Rule[];
  /** Settings from the command line (--rule id:severity), applied last. */
  overrides?: Record<string, RuleSetting>;
}

/** Turns config data into the list of rules to run, with severities and validated options. */
export async function resolveRules({ config, rules, overrides = {} }: ResolveInput): Promise<{ all: Rule[]; enabled: ConfiguredRule[] }> {
  const where = config.filePath ?? 'default config';
  const all = [...rules];
  if (config.data.plugins?.length) {
    all.push(...(await loadPluginRules(config.data.plugins, path.dirname(config.filePath!), where)));
  }
  const byId = new Map<string, Rule>();
  for (const rule of all) {
    if (byId.has(rule.meta.id)) throw new ConfigError(`${where}: two rules share the id "${rule.meta.id}"`);
    byId.set(rule.meta.id, rule);
  }
  const presets = [config.data.extends ?? 'newslint:recommended'].flat();
  const settings = new Map<string, { severity: 0 | 1 | 2; options?: Record<string, unknown>; where: string }>();
  for (const rule of all) {
    const strict = presets.includes('newslint:strict') && rule.meta.severity !== 'off';
    settings.set(rule.meta.id, { severity: strict ? 2 : severityOf(rule.meta.severity), where: 'preset' });
  }
  const apply = (source: Record<string, RuleSetting>, origin: string) => {
    for (const [id, setting] of Object.entries(source)) {
      if (!byId.has(id)) {
        throw new ConfigError(`${origin}: unknown rule "${id}" (run \`newslint rules\` to list the rules)`);
      }
      const [sev, opts] = Array.isArray(setting) ? setting : [setting, undefined];
      const prev = settings.get(id)!;
      settings.set(id, { severity: severityOf(sev), options: opts ?? prev.options, where: origin });
    }
  };
  apply(config.data.rules ?? {}, where);
  apply(overrides, 'command line');
  const enabled: ConfiguredRule[] = [];
  for (const rule of all) {
    const s = settings.get(rule.meta.id)!;
    if (s.severity === 0) continue;
    enabled.push({ rule, severity: s.severity, options: ruleOptions(rule, s.options, s.where) });
  }
  return { all, enabled };
}
