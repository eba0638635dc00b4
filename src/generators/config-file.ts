// Reading a site generator's own config file (_config.yml, hugo.toml, …) as data. YAML is read by js-yaml's
// default schema (no JavaScript types: nothing in a config is executed), TOML by smol-toml, JSON by JSON.parse.
// A config that cannot be read stops the run (exit 2) with the file and the reason: linting with a site's
// settings silently missing would give wrong dates and wrong verdicts.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import yaml from 'js-yaml';
import { parse as parseToml } from 'smol-toml';
import { ConfigError } from '../rules.js';

export async function readSiteConfig(file: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  } catch (err) {
    throw new ConfigError(`cannot read the site config ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  let data: unknown;
  try {
    const ext = path.extname(file).toLowerCase();
    data = ext === '.toml' ? parseToml(text) : ext === '.json' ? JSON.parse(text) : yaml.load(text);
  } catch (err) {
    throw new ConfigError(`cannot read the site config ${file}: ${(err as Error).message.split('\n')[0]}`);
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new ConfigError(`the site config ${file} is not a mapping of settings`);
  }
  return data as Record<string, unknown>;
}

/** A setting that is a string, or undefined. */
export function str(config: Record<string, unknown>, key: string): string | undefined {
  const v = config[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** A setting that is a glob or a list of globs (generators accept both), as a list. */
export function list(config: Record<string, unknown>, key: string): string[] {
  const v = config[key];
  if (typeof v === 'string') return v ? [v] : [];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== '') : [];
}

export function bool(config: Record<string, unknown>, key: string, fallback: boolean): boolean {
  const v = config[key];
  return typeof v === 'boolean' ? v : fallback;
}
