// --print-config FILE: the config in force for one file, as JSON data (ESLint's flag). The file need not
// exist: what it would be checked with is known from its path.

import type { NewsLint } from '../api.js';

const SEVERITY_NAMES = ['off', 'warn', 'error'] as const;

export interface EffectiveConfig {
  filePath: string;
  /** The newslint config file read, or null for the built-in defaults. */
  configFile: string | null;
  /** Why the file would not be checked (the config's `ignores` or .newslintignore), or null. */
  ignoredBy: string | null;
  /** The indexes of the config's `overrides` entries that apply, in order. */
  overrides: number[];
  /** The generator the post is read as, and the site settings that read it. */
  generator: string;
  site: { root: string | null; configFile: string | null; reason: string; settings: Record<string, unknown> };
  /** Every rule by id: "off", or [severity, options after defaults]. */
  rules: Record<string, 'off' | [string, Record<string, unknown>]>;
}

/** The config in force for `file` (an absolute path). */
export async function effectiveConfig(linter: NewsLint, file: string): Promise<EffectiveConfig> {
  const site = await linter.siteFor(file);
  const { raw: _raw, ...settings } = site.settings;
  const enabled = new Map(linter.rulesFor(file).map((c) => [c.rule.meta.id, c]));
  const ids = linter.rules.map((r) => r.meta.id).sort();
  return {
    filePath: file,
    configFile: linter.config.filePath,
    ignoredBy: linter.ignoredBy(file),
    overrides: linter.overridesFor(file),
    generator: site.generator.name,
    site: { root: site.root, configFile: site.configFile, reason: site.reason, settings },
    rules: Object.fromEntries(ids.map((id) => {
      const c = enabled.get(id);
      return [id, c ? [SEVERITY_NAMES[c.severity], c.options] : 'off'];
    })),
  };
}
