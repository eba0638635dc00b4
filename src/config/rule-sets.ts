// The rules in force for each file: a preset, the config's top-level rules, each of the config's `overrides`
// whose globs match the file (in order, later ones win), then the command line's --rule. Every setting is
// checked once, when the config is read; the rule list of each distinct set of matching overrides is built
// once and kept (a run of 20,000 files usually meets one to three of them).

import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import picomatch from 'picomatch';
import { ConfigError, ruleOrigin } from '../rules.js';
import type { ConfiguredRule } from '../engine/linter.js';
import type { Rule, SeverityName } from '../types.js';

export type RuleSetting = SeverityName | 0 | 1 | 2 | [SeverityName | 0 | 1 | 2, Record<string, unknown>?];

/** A config's `overrides` entry: rules for the files its globs match (relative to the config file's folder). */
export interface Override {
  files: string[];
  excludedFiles?: string[];
  rules?: Record<string, RuleSetting>;
}

export interface RuleSetsInput {
  /** Every rule there is (built in and from plugins). */
  all: Rule[];
  presets: string[];
  /** The config file's top-level rules, and where they come from (the file's path, for messages). */
  rules: Record<string, RuleSetting>;
  where: string;
  /** The config's overrides, and the folder their globs are relative to (the config file's). */
  overrides: Override[];
  baseDir: string | null;
  /** --rule settings: applied last, to every file. */
  cli: Record<string, RuleSetting>;
}

interface Setting {
  severity: 0 | 1 | 2;
  options?: Record<string, unknown>;
  where: string;
}

interface Scoped {
  rules: Record<string, RuleSetting>;
  where: string;
  matches: (rel: string) => boolean;
}

export class RuleSets {
  /** The rules in force for a file that no override matches. */
  readonly base: ConfiguredRule[];
  private readonly byId = new Map<string, Rule>();
  private readonly scoped: Scoped[];
  private readonly sets = new Map<string, ConfiguredRule[]>();

  constructor(private readonly input: RuleSetsInput) {
    for (const rule of input.all) {
      const other = this.byId.get(rule.meta.id);
      if (other) throw new ConfigError(`${input.where}: two rules share the id "${rule.meta.id}": one from ${ruleOrigin(other)}, one from ${ruleOrigin(rule)}`);
      this.byId.set(rule.meta.id, rule);
    }
    this.scoped = input.overrides.map((o, i) => {
      const where = `${input.where}: overrides[${i}]`;
      const files = picomatch(o.files, { dot: true });
      const excluded = o.excludedFiles?.length ? picomatch(o.excludedFiles, { dot: true }) : () => false;
      return { rules: o.rules ?? {}, where, matches: (rel: string) => files(rel) && !excluded(rel) };
    });
    this.check(input.rules, input.where);
    for (const s of this.scoped) this.check(s.rules, s.where);
    this.check(input.cli, 'command line');
    this.base = this.resolve([]);
    this.sets.set('', this.base);
  }

  /** The rules in force for a file (an absolute path). */
  for(file: string): ConfiguredRule[] {
    if (!this.scoped.length) return this.base;
    const matching = this.matching(file);
    const key = matching.join(',');
    let set = this.sets.get(key);
    if (!set) this.sets.set(key, (set = this.resolve(matching)));
    return set;
  }

  /** The indexes of the overrides that apply to a file (an absolute path), in order. */
  matching(file: string): number[] {
    const { baseDir } = this.input;
    if (!this.scoped.length || baseDir === null) return [];
    const rel = path.relative(baseDir, file).split(path.sep).join('/');
    if (rel === '' || rel === '..' || rel.startsWith('../') || path.isAbsolute(rel)) return []; // outside the config's folder
    const out: number[] = [];
    this.scoped.forEach((s, i) => s.matches(rel) && out.push(i));
    return out;
  }

  /**
   * What the rule sets depend on beyond the base set's rules, for a cache key: the overrides and the command
   * line as given, and the rules they name (whose modules the key reads). Null without overrides.
   */
  scope(): { data: unknown; rules: Rule[] } | null {
    if (!this.scoped.length) return null;
    const { overrides, baseDir, cli } = this.input;
    const named = new Set(overrides.flatMap((o) => Object.keys(o.rules ?? {})));
    return { data: { baseDir, overrides, cli }, rules: [...named].sort().map((id) => this.byId.get(id)!) };
  }

  /** Throws for an unknown rule id or invalid options in one layer of settings. */
  private check(rules: Record<string, RuleSetting>, where: string): void {
    for (const [id, setting] of Object.entries(rules)) {
      const rule = this.byId.get(id);
      if (!rule) throw new ConfigError(`${where}: unknown rule "${id}"${this.suggest(id)} (run \`newslint rules\` to list the rules)`);
      if (Array.isArray(setting) && setting[1] !== undefined) ruleOptions(rule, setting[1], where);
    }
  }

  /** For a bare id that a plugin's rule ends with: `; did you mean "foo/no-foo"?`. */
  private suggest(id: string): string {
    const near = [...this.byId.keys()].filter((full) => full.endsWith(`/${id}`));
    return near.length ? `; did you mean ${near.map((n) => `"${n}"`).join(' or ')}?` : '';
  }

  /** The rule list for the preset, the top-level rules, the overrides at `indexes` in order, then --rule. */
  private resolve(indexes: number[]): ConfiguredRule[] {
    const { all, presets, rules, where, cli } = this.input;
    const settings = new Map<string, Setting>();
    for (const rule of all) {
      const strict = presets.includes('newslint:strict') && rule.meta.severity !== 'off';
      settings.set(rule.meta.id, { severity: strict ? 2 : severityOf(rule.meta.severity), where: 'preset' });
    }
    const apply = (source: Record<string, RuleSetting>, origin: string) => {
      for (const [id, setting] of Object.entries(source)) {
        const [sev, opts] = Array.isArray(setting) ? setting : [setting, undefined];
        // a severity alone keeps the options set before it; options given replace them whole (as ESLint does)
        settings.set(id, { severity: severityOf(sev), options: opts ?? settings.get(id)!.options, where: origin });
      }
    };
    apply(rules, where);
    for (const i of indexes) apply(this.scoped[i].rules, this.scoped[i].where);
    apply(cli, 'command line');
    const enabled: ConfiguredRule[] = [];
    for (const rule of all) {
      const s = settings.get(rule.meta.id)!;
      if (s.severity === 0) continue;
      enabled.push({ rule, severity: s.severity, options: ruleOptions(rule, s.options, s.where) });
    }
    return enabled;
  }
}

export function severityOf(s: SeverityName | 0 | 1 | 2): 0 | 1 | 2 {
  return s === 'off' || s === 0 ? 0 : s === 'warn' || s === 1 ? 1 : 2;
}

const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: false });
const optionValidators = new WeakMap<Rule, ReturnType<typeof ajv.compile>>();

/** A rule's options, validated against its schema, with the schema's defaults filled in. */
function ruleOptions(rule: Rule, given: Record<string, unknown> | undefined, where: string): Record<string, unknown> {
  const options = structuredClone(given ?? {});
  const schema = rule.meta.schema ?? { type: 'object', additionalProperties: false, properties: {} };
  let validate = optionValidators.get(rule);
  if (!validate) optionValidators.set(rule, (validate = ajv.compile(schema)));
  const problem = validate(options) ? (rule.validateOptions?.(options) ?? null) : describeErrors(validate.errors);
  if (problem) throw new ConfigError(`${where}: invalid options for rule "${rule.meta.id}": ${problem}`);
  return options;
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
