// Rule discovery: every module in the bundled rules/ folder, plus the rule files, folders and packages a
// config names under "plugins". The engine knows no rule by name.

import { readFile, readdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Rule } from './types.js';

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** The bundled rules folder: rules/ beside src/ (sources under vitest, dist/ once built). */
export const BUILTIN_RULES_DIR = fileURLToPath(new URL('../rules/', import.meta.url));

const RULE_FILE = /^[^.].*\.(?:js|mjs|ts)$/;

export async function loadBuiltinRules(): Promise<Rule[]> {
  return loadRuleDir(BUILTIN_RULES_DIR, 'bundled rules');
}

async function loadRuleDir(dir: string, origin: string): Promise<Rule[]> {
  const names = (await readdir(dir)).filter((n) => RULE_FILE.test(n) && !n.endsWith('.d.ts')).sort();
  const rules: Rule[] = [];
  for (const name of names) rules.push(...(await loadRuleModule(path.join(dir, name), origin)));
  return rules;
}

async function loadRuleModule(file: string, origin: string, prefix?: string | null): Promise<Rule[]> {
  let mod: any;
  try {
    mod = await import(pathToFileURL(file).href);
  } catch (err) {
    throw new ConfigError(`${origin}: cannot load rule module ${file}: ${(err as Error).message}`);
  }
  const exported = mod.default ?? mod;
  const where = `${origin} (${file})`;
  const named = typeof exported?.meta?.name === 'string' && typeof exported?.check !== 'function' ? pluginPrefix(exported.meta.name) : null;
  const listed = exported?.rules;
  const list: unknown[] = Array.isArray(listed) ? listed : listed && typeof listed === 'object' ? keyedRules(listed, where) : [exported];
  const rules = list.map((r) => prefixed(checkRule(r, where), named ?? prefix ?? null));
  for (const rule of rules) {
    moduleFiles.set(rule, file);
    origins.set(rule, origin);
  }
  return rules;
}

/** `rules: { id: rule }` (ESLint's plugin shape): the key is the rule's id; a meta.id, when given, must agree. */
function keyedRules(rules: Record<string, any>, where: string): unknown[] {
  return Object.entries(rules).map(([id, rule]) => {
    if (rule?.meta?.id !== undefined && rule.meta.id !== id) throw new ConfigError(`${where}: rule "${id}" has meta.id "${rule.meta.id}"`);
    return rule && typeof rule === 'object' ? { ...rule, meta: { ...rule.meta, id } } : rule;
  });
}

/** A copy of the rule under its full id: the module's own object is left as it is (a second load sees it unchanged). */
function prefixed(rule: Rule, prefix: string | null): Rule {
  if (prefix === null) return rule;
  return { ...rule, meta: { ...rule.meta, id: `${prefix}/${rule.meta.id}` } };
}

/**
 * The prefix of a plugin's rule ids, from its package name, as ESLint names plugins: `newslint-plugin-foo` →
 * `foo`, `@scope/newslint-plugin` → `@scope`, `@scope/newslint-plugin-bar` → `@scope/bar`; any other name
 * is its own prefix.
 */
export function pluginPrefix(packageName: string): string {
  const m = /^(@[^/]+\/)?newslint-plugin(?:-(.+))?$/.exec(packageName);
  if (!m) return packageName;
  const [, scope, rest] = m;
  if (!scope) return rest ?? packageName;
  return rest ? `${scope}${rest}` : scope.slice(0, -1);
}

const origins = new WeakMap<Rule, string>();

/** Where a loaded rule came from, for messages: the bundled rules, or the config and plugin that named it. */
export function ruleOrigin(rule: Rule): string {
  return origins.get(rule) ?? 'a rule given directly';
}

const moduleFiles = new WeakMap<Rule, string>();

/** The file a loaded rule came from (its own module: what a cache must know changed). */
export function ruleModuleFile(rule: Rule): string | undefined {
  return moduleFiles.get(rule);
}

function checkRule(rule: any, where: string): Rule {
  const m = rule?.meta;
  const problems: string[] = [];
  if (typeof rule?.check !== 'function') problems.push('has no check(context) function');
  if (!m || typeof m !== 'object') problems.push('has no meta');
  else {
    if (typeof m.id !== 'string' || !/^[a-z0-9@/_-]+$/.test(m.id)) problems.push('meta.id must be a kebab-case string');
    if (typeof m.description !== 'string') problems.push('meta.description must be a string');
    if (typeof m.fixable !== 'boolean') problems.push('meta.fixable must be true or false');
    if (!['off', 'warn', 'error'].includes(m.severity)) problems.push('meta.severity must be "off", "warn" or "error"');
    if (typeof m.docs !== 'string') problems.push('meta.docs must be a URL string');
  }
  if (problems.length) throw new ConfigError(`${where}: not a newslint rule: ${problems.join('; ')}`);
  return rule as Rule;
}

/**
 * Loads the rules a config's "plugins" names: a package, a rule file, or a folder. Relative paths are resolved
 * from the config's folder. A package's rules are named `prefix/id` (pluginPrefix: from the package name, or
 * the plugin's own `meta.name`); so are those of a folder that holds a package.json (its "name"), loaded
 * through its main module. A plain rule file or a folder of rule files keeps bare ids, unless the module
 * exports `{ meta: { name }, rules }`. A module exports a rule, `{ rules: [rule, …] }` or `{ rules: { id: rule } }`.
 */
export async function loadPluginRules(specs: string[], baseDir: string, configPath: string): Promise<Rule[]> {
  const rules: Rule[] = [];
  for (const spec of specs) {
    const origin = `${configPath}: plugin "${spec}"`;
    const isPath = spec.startsWith('.') || path.isAbsolute(spec);
    let target = isPath ? path.resolve(baseDir, spec) : resolvePackage(spec, baseDir, origin);
    let prefix = isPath ? null : pluginPrefix(packageNameOf(spec));
    let info;
    try {
      info = await stat(target);
    } catch {
      throw new ConfigError(`${origin}: no such file or folder ${target}`);
    }
    const pkg = isPath && info.isDirectory() ? await readPackageName(target, origin) : null;
    if (pkg !== null) {
      prefix = pluginPrefix(pkg);
      target = resolvePackage(target, baseDir, origin);
    }
    rules.push(...(info.isDirectory() && pkg === null ? await loadRuleDir(target, origin) : await loadRuleModule(target, origin, prefix)));
  }
  return rules;
}

function resolvePackage(spec: string, baseDir: string, origin: string): string {
  try {
    return createRequire(path.join(baseDir, 'noop.js')).resolve(spec);
  } catch {
    throw new ConfigError(`${origin}: package not found from ${baseDir}`);
  }
}

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
function packageNameOf(spec: string): string {
  return spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');
}

/** The "name" of a folder's package.json; null when the folder has none. */
async function readPackageName(dir: string, origin: string): Promise<string | null> {
  let text: string;
  try {
    text = await readFile(path.join(dir, 'package.json'), 'utf8');
  } catch {
    return null;
  }
  let name: unknown;
  try {
    name = JSON.parse(text).name;
  } catch (err) {
    throw new ConfigError(`${origin}: ${path.join(dir, 'package.json')} is not valid JSON: ${(err as Error).message}`);
  }
  if (typeof name !== 'string' || !name) throw new ConfigError(`${origin}: ${path.join(dir, 'package.json')} has no "name"`);
  return name;
}
