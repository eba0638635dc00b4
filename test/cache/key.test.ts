// The cache's keys: the run key changes with everything every result depends on (rules, severities, options
// after defaults, a plugin's module content, the process's time zone) and with nothing else; the site key
// with the site's every setting.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveRules } from '../../src/config.js';
import { loadBuiltinRules } from '../../src/rules.js';
import { processZone, runKey, siteKey } from '../../src/cache/key.js';
import { siteWithoutRoot, makeSite, GENERATORS } from '../../src/generators/index.js';
import type { RuleSetting } from '../../src/config.js';
import { tempDir } from '../e2e/helpers.js';

const builtin = await loadBuiltinRules();
const keyWith = async (rules: Record<string, RuleSetting> = {}, plugins?: string[], configDir = '/nowhere') =>
  runKey((await resolveRules({ config: { filePath: path.join(configDir, 'newslint.config.json'), data: { rules, plugins } }, rules: builtin })).enabled);

const PLUGIN = (message: string) =>
  `export default { meta: { id: 'my-rule', description: 'd', fixable: false, severity: 'warn', docs: 'https://x' }, check(ctx) { ctx.report({ message: ${JSON.stringify(message)}, range: [0, 0] }); } };\n`;

const savedTZ = process.env.TZ;
afterEach(() => {
  if (savedTZ === undefined) delete process.env.TZ;
  else process.env.TZ = savedTZ;
});

describe('the run key', () => {
  it('is the same for the same rules, and changes with a severity, an option, a rule turned off', async () => {
    const base = await keyWith();
    expect(await keyWith()).toBe(base);
    expect(await keyWith({ 'image-alt': 'error' })).toBe(base); // the preset's severity already
    const changed = [
      await keyWith({ 'image-alt': 'warn' }),
      await keyWith({ 'date-format': ['error', { format: 'generator' }] }),
      await keyWith({ 'no-empty-paragraph': 'off' }),
      await keyWith({ 'cjk-spacing': 'warn' }),
    ];
    expect(new Set([base, ...changed]).size).toBe(5);
  });

  it("changes with a plugin rule module's content, even under the same path and id", async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'rules'));
    const file = path.join(dir, 'rules/my-rule.mjs');
    writeFileSync(file, PLUGIN('one'));
    const before = await keyWith({}, ['./rules/my-rule.mjs'], dir);
    writeFileSync(file, PLUGIN('two'));
    // the module was imported once (Node keeps it); the key reads the file as it is now
    expect(await keyWith({}, ['./rules/my-rule.mjs'], dir)).not.toBe(before);
  });

  it('changes with the time zone the process runs in', async () => {
    delete process.env.TZ;
    const system = await keyWith();
    expect(processZone()).toMatch(/\/etc\/localtime|zone /);
    process.env.TZ = 'Asia/Shanghai';
    const shanghai = await keyWith();
    process.env.TZ = 'America/New_York';
    const newYork = await keyWith();
    expect(new Set([system, shanghai, newYork]).size).toBe(3);
    process.env.TZ = 'Asia/Shanghai';
    expect(await keyWith()).toBe(shanghai);
  });
});

describe('the site key', () => {
  it('is the same for two sites newslint reads alike, and differs with any setting or the generator', () => {
    const a = siteWithoutRoot('hexo');
    expect(siteKey(siteWithoutRoot('hexo'))).toBe(siteKey(a));
    expect(siteKey(siteWithoutRoot('jekyll'))).not.toBe(siteKey(a));
    expect(siteKey(siteWithoutRoot('hexo', { timezone: 'Asia/Shanghai' }))).not.toBe(siteKey(a));
    const hexo = GENERATORS.hexo;
    const site = (raw: Record<string, unknown>) => makeSite(hexo, '/site', '/site/_config.yml', 'r', hexo.settings('/site', raw), {});
    expect(siteKey(site({ new_post_name: ':title.md' }))).toBe(siteKey(site({ new_post_name: ':title.md' })));
    // a setting no field of SiteSettings names still reaches rules through settings.raw
    expect(siteKey(site({ new_post_name: ':year-:month-:day-:title.md' }))).not.toBe(siteKey(site({ new_post_name: ':title.md' })));
    expect(siteKey(site({ updated_option: 'date' }))).not.toBe(siteKey(site({})));
    expect(siteKey(site({ when: new Date(0) }))).not.toBe(siteKey(site({ when: new Date(1) })));
  });

  it('of a site config that cannot be written as JSON (a cycle, a bigint) is made without a crash', () => {
    const hexo = GENERATORS.hexo;
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const site = (raw: Record<string, unknown>) => makeSite(hexo, '/site', null, 'r', hexo.settings('/site', raw), {});
    const one = site(cyclic);
    expect(siteKey(one)).toBe(siteKey(one));
    expect(siteKey(site(cyclic))).not.toBe(siteKey(one)); // never the key of another site
    expect(siteKey(site({ big: 10n }))).not.toBe(siteKey(site({ big: 11n })));
  });
});
