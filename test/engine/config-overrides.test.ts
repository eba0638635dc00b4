// The config's `overrides`: which entries match a file (globs relative to the config file's folder, dot files
// included, excludedFiles), the order they apply in (preset, top level, each match in order, --rule last),
// options replaced whole (a severity alone keeps them), errors naming overrides[i], the memoised rule sets
// never mixing files, and the cache key covering the overrides.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadConfig, resolveRules, ConfigError, type ConfigData, type RuleSetting } from '../../src/config.js';
import { runKey } from '../../src/cache/key.js';
import type { ConfiguredRule } from '../../src/engine/linter.js';
import type { Rule } from '../../src/types.js';
import { fuzzSeed } from '../helpers/seed.js';
import { tempDir } from '../e2e/helpers.js';

const mk = (id: string, severity: 'off' | 'warn' | 'error', schema?: Record<string, unknown>): Rule => ({
  meta: { id, description: id, fixable: false, severity, docs: '', schema },
  check: () => {},
});
const OPTS = { type: 'object', additionalProperties: false, properties: { n: { type: 'integer', default: 3 }, s: { type: 'string' } } };
const rules = [mk('alt', 'error'), mk('style', 'warn'), mk('opinion', 'off'), mk('opts', 'error', OPTS)];
const CONFIG = '/site/newslint.config.json';

const sets = async (data: ConfigData, cli: Record<string, RuleSetting> = {}) =>
  (await resolveRules({ config: { filePath: CONFIG, data }, rules, overrides: cli })).ruleSets;
/** id -> severity, or [severity, options] for rules with options. */
const summary = (list: ConfiguredRule[]) =>
  Object.fromEntries(list.map((c) => [c.rule.meta.id, Object.keys(c.options).length ? [c.severity, c.options] : c.severity]));

describe('overrides: which files', () => {
  it('match globs relative to the config file\'s folder, dot files included, never files outside it', async () => {
    const s = await sets({ overrides: [{ files: ['feeds/a/**', '*.html'], rules: { alt: 'off' } }] });
    expect(s.matching('/site/feeds/a/post.md')).toEqual([0]);
    expect(s.matching('/site/feeds/a/deep/.hidden.md')).toEqual([0]);
    expect(s.matching('/site/page.html')).toEqual([0]);
    expect(s.matching('/site/feeds/b/post.md')).toEqual([]);
    expect(s.matching('/site/feeds/b/page.html')).toEqual([]); // no slash: the config's folder only, as picomatch reads it
    expect(s.matching('/other/feeds/a/post.md')).toEqual([]); // the same relative path, elsewhere
    expect(s.matching('/feeds/a/post.md')).toEqual([]);
    expect(summary(s.for('/site/feeds/a/post.md'))).toEqual({ style: 1, opts: [2, { n: 3 }] });
    expect(summary(s.for('/site/feeds/b/post.md'))).toEqual({ alt: 2, style: 1, opts: [2, { n: 3 }] });
  });

  it('excludedFiles removes files from an entry; "./" in a glob is the config\'s folder', async () => {
    const s = await sets({ overrides: [{ files: ['./feeds/**'], excludedFiles: ['feeds/keep/**', '**/*.html'], rules: { alt: 'off' } }] });
    expect(s.matching('/site/feeds/x/p.md')).toEqual([0]);
    expect(s.matching('/site/feeds/keep/p.md')).toEqual([]);
    expect(s.matching('/site/feeds/x/p.html')).toEqual([]);
  });

  it('the built-in defaults (no config file) have no overrides', async () => {
    const { ruleSets } = await resolveRules({ config: { filePath: null, data: {} }, rules });
    expect(ruleSets.for('/anything.md')).toBe(ruleSets.base);
  });
});

describe('overrides: order and options', () => {
  it('preset, then top-level rules, then each matching override in order, later ones winning', async () => {
    const s = await sets({
      rules: { opinion: 'warn', style: 'error' },
      overrides: [
        { files: ['**'], rules: { opinion: 'error', alt: 'warn' } },
        { files: ['b/**'], rules: { opinion: 'off', alt: 'error' } },
        { files: ['b/c/**'], rules: { opinion: 1 } },
      ],
    });
    expect(summary(s.for('/site/x.md'))).toEqual({ alt: 1, style: 2, opinion: 2, opts: [2, { n: 3 }] });
    expect(summary(s.for('/site/b/x.md'))).toEqual({ alt: 2, style: 2, opts: [2, { n: 3 }] });
    expect(summary(s.for('/site/b/c/x.md'))).toEqual({ alt: 2, style: 2, opinion: 1, opts: [2, { n: 3 }] });
    expect(s.matching('/site/b/c/x.md')).toEqual([0, 1, 2]);
  });

  it('options given replace the earlier options whole; a severity alone keeps them (ESLint)', async () => {
    const s = await sets({
      rules: { opts: ['warn', { n: 5, s: 'top' }] },
      overrides: [
        { files: ['sev/**'], rules: { opts: 'error' } },
        { files: ['new/**'], rules: { opts: ['error', { s: 'new' }] } },
      ],
    });
    expect(summary(s.for('/site/x.md')).opts).toEqual([1, { n: 5, s: 'top' }]);
    expect(summary(s.for('/site/sev/x.md')).opts).toEqual([2, { n: 5, s: 'top' }]);
    expect(summary(s.for('/site/new/x.md')).opts).toEqual([2, { n: 3, s: 'new' }]); // n back to its default, not merged
  });

  it('--rule wins over every override', async () => {
    const s = await sets({ overrides: [{ files: ['**'], rules: { alt: 'off', opts: ['warn', { n: 9 }] } }] }, { alt: 'warn', opts: 'error' });
    expect(summary(s.for('/site/a.md'))).toEqual({ alt: 1, style: 1, opts: [2, { n: 9 }] });
  });
});

describe('overrides: errors, when the config is read', () => {
  it('an unknown rule or invalid options name the file and overrides[i]', async () => {
    const ok = { files: ['**'], rules: { alt: 'off' as const } };
    await expect(sets({ overrides: [ok, ok, { files: ['x/**'], rules: { nope: 'warn' } }] })).rejects.toThrow(
      `${CONFIG}: overrides[2]: unknown rule "nope"`,
    );
    // options that no file's rule set may ever use (this entry matches nothing) are checked all the same
    await expect(sets({ overrides: [ok, { files: ['never/**'], rules: { opts: ['off', { n: 'x' }] } }] })).rejects.toThrow(
      `${CONFIG}: overrides[1]: invalid options for rule "opts": /n must be integer`,
    );
    await expect(sets({ overrides: [ok] }, { nope: 'off' })).rejects.toThrow(ConfigError);
  });

  it('a malformed entry is a schema error naming /overrides/i', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'newslint.config.json');
    const bad = async (overrides: unknown) => {
      writeFileSync(file, JSON.stringify({ overrides }));
      return loadConfig(dir);
    };
    await expect(bad([{ files: ['a'] }, { rules: {} }])).rejects.toThrow(/\/overrides\/1 must have required property 'files'/);
    await expect(bad([{ files: [] }])).rejects.toThrow(/\/overrides\/0\/files must NOT have fewer than 1 items/);
    await expect(bad([{ files: ['a'], generator: 'hugo' }])).rejects.toThrow(/\/overrides\/0 must NOT have additional properties "generator"/);
    await expect(bad([{ files: ['a'], rules: { alt: 'loud' } }])).rejects.toThrow(/\/overrides\/0\/rules\/alt/);
    await expect(bad([{ files: ['a'], excludedFiles: ['b'], rules: { alt: ['warn', {}] } }])).resolves.toBeTruthy();
  });
});

describe('overrides: memoised rule sets', () => {
  it('one rule list per distinct set of matching overrides, built once', async () => {
    const s = await sets({ overrides: [{ files: ['a/**'], rules: { alt: 'off' } }, { files: ['**/*.html'], rules: { style: 'off' } }] });
    expect(s.for('/site/a/1.md')).toBe(s.for('/site/a/2/3.md'));
    expect(s.for('/site/b/1.md')).toBe(s.base);
    expect(s.for('/site/a/1.html')).not.toBe(s.for('/site/a/1.md'));
    expect(s.for('/site/a/1.html')).not.toBe(s.for('/site/b/1.html'));
  });

  it('files asked for in any order get what a fresh resolution gives each alone', async () => {
    const data: ConfigData = {
      rules: { opts: ['warn', { n: 4 }] },
      overrides: [
        { files: ['a/**'], rules: { alt: 'off', opts: ['error', { s: 'a' }] } },
        { files: ['**/*.html'], rules: { style: 'error', opts: 'warn' } },
        { files: ['a/b/**'], excludedFiles: ['**/keep*'], rules: { opinion: 'warn' } },
      ],
    };
    const files = ['a/x.md', 'a/x.html', 'a/b/y.md', 'a/b/keep.md', 'a/b/y.html', 'c.md', 'c.html', '.d/a/x.md'].map((f) => `/site/${f}`);
    const alone = new Map<string, unknown>();
    for (const f of files) alone.set(f, summary((await sets(data)).for(f)));
    const shared = await sets(data);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...files), { maxLength: 40 }), (order) => {
        for (const f of order) expect(summary(shared.for(f))).toEqual(alone.get(f));
      }),
      { seed: fuzzSeed('config-overrides memo'), numRuns: 200 },
    );
  });
});

describe('overrides: the cache key', () => {
  const key = async (data: ConfigData, cli: Record<string, RuleSetting> = {}) => {
    const s = await sets(data, cli);
    return runKey(s.base, s.scope());
  };
  it('is the same for the same config, and changes with any override, though the base rules stay', async () => {
    const data: ConfigData = { overrides: [{ files: ['a/**'], rules: { alt: 'off' } }] };
    const base = await key(data);
    expect(await key(structuredClone(data))).toBe(base);
    const changed = [
      await key({}),
      await key({ overrides: [{ files: ['b/**'], rules: { alt: 'off' } }] }),
      await key({ overrides: [{ files: ['a/**'], rules: { alt: 'warn' } }] }),
      await key({ overrides: [{ files: ['a/**'], excludedFiles: ['a/x.md'], rules: { alt: 'off' } }] }),
      await key({ overrides: [{ files: ['a/**'], rules: { alt: 'off' } }, { files: ['a/**'], rules: { alt: 'warn' } }] }),
      // --rule alt:off equals the preset for no file but those the override turns alt on for
      await key({ rules: { alt: 'off' }, overrides: [{ files: ['a/**'], rules: { alt: 'warn' } }] }, { alt: 'off' }),
      await key({ rules: { alt: 'off' }, overrides: [{ files: ['a/**'], rules: { alt: 'warn' } }] }),
    ];
    expect(new Set([base, ...changed]).size).toBe(changed.length + 1);
  });
});
