// Rule discovery: every module in the bundled rules/ folder, plus the rule files, folders and packages a
// config names under "plugins". The engine knows no rule by name.

import { readdir, stat } from 'node:fs/promises';
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

async function loadRuleModule(file: string, origin: string): Promise<Rule[]> {
  let mod: any;
  try {
    mod = await import(pathToFileURL(file).href);
  } catch (err) {
    throw new ConfigError(`${origin}: cannot load rule module ${file}: ${(err as Error).message}`);
  }
  const exported = mod.default ?? mod;
  const list: unknown[] = Array.isArray(exported?.rules) ? exported.rules : [exported];
  const rules = list.map((r) => checkRule(r, `${origin} (${file})`));
  for (const rule of rules) moduleFiles.set(rule, file);
  return rules;
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
 * Loads the rules a config's "plugins" names: a rule file, a folder of rule files, or a package whose main
 * module exports a rule or `{ rules: [...] }`. Relative paths are resolved from the config's folder.
 */
export async function loadPluginRules(specs: string[], baseDir: string, configPath: string): Promise<Rule[]> {
  const rules: Rule[] = [];
  for (const spec of specs) {
    const origin = `${configPath}: plugin "${spec}"`;
    const isPath = spec.startsWith('.') || path.isAbsolute(spec);
    let target: string;
    if (isPath) target = path.resolve(baseDir, spec);
    else {
      try {
        target = createRequire(path.join(baseDir, 'noop.js')).resolve(spec);
      } catch {
        throw new ConfigError(`${origin}: package not found from ${baseDir}`);
      }
    }
    let info;
    try {
      info = await stat(target);
    } catch {
      throw new ConfigError(`${origin}: no such file or folder ${target}`);
    }
    rules.push(...(info.isDirectory() ? await loadRuleDir(target, origin) : await loadRuleModule(target, origin)));
  }
  return rules;
}
