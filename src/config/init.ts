// `newslint init`: writes a starter newslint.config.json in a folder, with the generator found there, and
// refuses when the folder already has a config (any of the files loadConfig reads).

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILES, ConfigError, type ConfigData } from '../config.js';
import { SiteFinder } from '../generators/site.js';

export const INIT_FILE = 'newslint.config.json';
/** Where the package's JSON Schema is, from a config beside node_modules: what `$schema` points editors at. */
export const SCHEMA_PATH = './node_modules/newslint/schema/newslint.config.schema.json';

/** Writes the starter config in `dir`; returns its path, its content and why the generator was chosen. */
export async function initConfig(dir: string): Promise<{ file: string; data: ConfigData & { $schema: string }; reason: string }> {
  const existing = CONFIG_FILES.map((name) => path.join(dir, name)).find(isConfig);
  if (existing) throw new ConfigError(`${existing} already holds a newslint config: init never overwrites one`);
  const site = await new SiteFinder().forDir(dir);
  const data: ConfigData & { $schema: string } = { $schema: SCHEMA_PATH };
  // the generator found from the site's files; none found: left out, so that each post's site still decides
  if (site.root !== null) data.generator = site.generator.name;
  data.extends = 'newslint:recommended';
  data.rules = {};
  const file = path.join(dir, INIT_FILE);
  try {
    writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`, { flag: 'wx' }); // wx: never over a file made meanwhile
  } catch (err) {
    throw new ConfigError(`cannot write ${file}: ${(err as Error).message}`);
  }
  return { file, data, reason: site.root !== null ? site.reason : 'no site config found' };
}

/** Whether a file is a config loadConfig reads: any of its names, a package.json only with a "newslint" key. */
function isConfig(file: string): boolean {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return false;
  }
  if (path.basename(file) !== 'package.json') return true;
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''))?.newslint !== undefined;
  } catch {
    return false; // a package.json that is not JSON holds no newslint config
  }
}
