import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, resolveRules, ConfigError } from '../../src/config.js';
import type { Rule } from '../../src/types.js';

const mk = (id: string, severity: 'off' | 'warn' | 'error', schema?: Record<string, unknown>): Rule => ({
  meta: { id, description: id, fixable: false, severity, docs: '', schema },
  check: () => {},
});
const rules = [
  mk('breakage', 'error'),
  mk('style', 'warn'),
  mk('opinion', 'off'),
  mk('opts', 'error', { type: 'object', additionalProperties: false, properties: { n: { type: 'integer', default: 3 } } }),
];
const resolve = (data: object, overrides = {}) => resolveRules({ config: { filePath: '/x/newslint.config.json', data }, rules, overrides });
const summary = async (data: object, overrides = {}) =>
  Object.fromEntries((await resolve(data, overrides)).enabled.map((c) => [c.rule.meta.id, c.severity]));

describe('presets and severities', () => {
  it('recommended uses each rule\'s declared severity', async () => {
    expect(await summary({})).toEqual({ breakage: 2, style: 1, opts: 2 });
    expect(await summary({ extends: 'newslint:recommended' })).toEqual({ breakage: 2, style: 1, opts: 2 });
  });

  it('strict makes every enabled rule an error and keeps opinionated ones off', async () => {
    expect(await summary({ extends: 'newslint:strict' })).toEqual({ breakage: 2, style: 2, opts: 2 });
  });

  it('config rules, then command-line overrides, win', async () => {
    expect(await summary({ rules: { opinion: 'warn', breakage: 0 } }, { style: 'off' })).toEqual({ opinion: 1, opts: 2 });
  });

  it('fills option defaults and keeps options when only the severity is overridden', async () => {
    const { enabled } = await resolve({ rules: { opts: ['warn', { n: 5 }] } }, { opts: 'error' });
    expect(enabled.find((c) => c.rule.meta.id === 'opts')!.options).toEqual({ n: 5 });
    const { enabled: d } = await resolve({});
    expect(d.find((c) => c.rule.meta.id === 'opts')!.options).toEqual({ n: 3 });
  });

  it('names the file, the rule and what was expected', async () => {
    await expect(resolve({ rules: { nope: 'error' } })).rejects.toThrow(/newslint.config.json: unknown rule "nope"/);
    await expect(resolve({ rules: { opts: ['error', { n: 'x' }] } })).rejects.toThrow(/newslint.config.json: invalid options for rule "opts": \/n must be integer/);
  });
});

describe('loadConfig', () => {
  it('searches upward: newslint.config.json, .newslintrc.json, then package.json with a newslint key', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'newslint-config-'));
    const deep = path.join(root, 'a/b/c');
    mkdirSync(deep, { recursive: true });
    writeFileSync(path.join(root, 'a/package.json'), JSON.stringify({ name: 'x' })); // no "newslint" key: skipped
    writeFileSync(path.join(root, '.newslintrc.json'), JSON.stringify({ rules: { x: 'off' } }));
    expect((await loadConfig(deep)).filePath).toBe(path.join(root, '.newslintrc.json'));
    writeFileSync(path.join(root, 'a/b/package.json'), JSON.stringify({ newslint: { rules: { y: 'warn' } } }));
    expect(await loadConfig(deep)).toEqual({ filePath: path.join(root, 'a/b/package.json'), data: { rules: { y: 'warn' } } });
    writeFileSync(path.join(root, 'a/b/c/newslint.config.json'), '{}');
    expect((await loadConfig(deep)).filePath).toBe(path.join(deep, 'newslint.config.json'));
    await expect(loadConfig(deep, 'nope.json')).rejects.toThrow(ConfigError);
  });
});

describe('validateOptions', () => {
  it('runs when the config is read and names file, rule and problem', async () => {
    const picky: Rule = { ...mk('picky', 'error', { type: 'object', properties: { zone: { type: 'string' } } }), validateOptions: (o: any) => (o.zone === 'bad' ? 'zone "bad" is not a zone' : null) };
    const run = (zone: string) => resolveRules({ config: { filePath: '/x/newslint.config.json', data: { rules: { picky: ['error', { zone }] } } }, rules: [picky] });
    await expect(run('bad')).rejects.toThrow('/x/newslint.config.json: invalid options for rule "picky": zone "bad" is not a zone');
    await expect(run('UTC')).resolves.toBeTruthy();
  });
});
