// What a file's results depend on besides its own bytes, path and times, as two keys. The run key: newslint's
// version, the Node.js build (its ICU and time-zone data), the process's time zone, and every enabled rule with
// its severity, its options after defaults and its module's content (a plugin edited in place changes it), and
// the config's `overrides` whole.
// The site key: the post's site as newslint resolved it, its generator, root, config file and every setting,
// the site config's whole content and newslint's `generator`/`site` overrides included.

import { createHash } from 'node:crypto';
import { readFileSync, readlinkSync } from 'node:fs';
import type { ConfiguredRule } from '../engine/linter.js';
import type { Site } from '../generators/index.js';
import type { Rule } from '../types.js';
import { ruleModuleFile } from '../rules.js';
import { VERSION } from '../version.js';

/** The layout of the cache file; a file of another layout is not read. */
export const CACHE_FORMAT = 1;

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * The time zone the process runs in (Hexo and Jekyll read a date without an offset in it), as the sources the
 * C library and ICU take it from: TZ, else /etc/localtime and /etc/timezone. Asking Intl for the zone's name
 * would cost a warm run ~80 ms of loading locale data; Intl is asked only where neither exists.
 */
export function processZone(): string {
  if (process.env.TZ !== undefined) return `TZ=${process.env.TZ}`;
  const sources: string[] = [];
  for (const file of ['/etc/localtime', '/etc/timezone']) {
    try {
      sources.push(`${file} -> ${readlinkSync(file)}`);
    } catch {
      try {
        sources.push(`${file}: ${sha256(readFileSync(file))}`);
      } catch {
        // not there
      }
    }
  }
  return sources.length ? sources.join('; ') : `zone ${Intl.DateTimeFormat().resolvedOptions().timeZone}`;
}

/**
 * The run key of a run with these rules and these other settings of the linting (plain data). With a config's
 * `overrides` (`scope`: see RuleSets.scope), the key covers them whole, as given, and the modules of the rules
 * they name: files linted under different rule sets never share results.
 */
export function runKey(
  enabled: readonly ConfiguredRule[],
  scope: { data: unknown; rules: readonly Rule[] } | null = null,
  settings: unknown = null,
): string {
  const { node, icu, tz } = process.versions;
  const rules = enabled.map(({ rule, severity, options }) => [rule.meta.id, severity, options, digestOf(rule)]);
  const overrides = scope ? { data: scope.data, modules: scope.rules.map((rule) => [rule.meta.id, digestOf(rule)]) } : undefined;
  return sha256(JSON.stringify({ format: CACHE_FORMAT, newslint: VERSION, node, icu, tz, zone: processZone(), rules, overrides, settings }));
}

function digestOf(rule: Rule): string | null {
  const file = ruleModuleFile(rule);
  return file ? moduleDigest(file) : null;
}

function moduleDigest(file: string): string {
  try {
    return sha256(readFileSync(file));
  } catch (err) {
    return `unreadable: ${(err as NodeJS.ErrnoException).code}`; // it was just imported: a later change of it is a race
  }
}

const siteKeys = new WeakMap<Site, string>();

/** The site key: the same for two sites only when newslint reads their posts alike. */
export function siteKey(site: Site): string {
  let key = siteKeys.get(site);
  if (key === undefined) {
    const { generator, root, configFile, reason, settings } = site;
    try {
      const json = JSON.stringify({ generator: generator.name, root, configFile, reason, settings }, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v));
      key = sha256(json).slice(0, 32);
    } catch {
      key = `unkeyable ${sha256(String(Math.random()))}`; // a site config with a cycle in it: its posts are never replayed
    }
    siteKeys.set(site, key);
  }
  return key;
}
