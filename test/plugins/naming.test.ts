// Plugin rules are named as ESLint names plugins' rules: `foo/<id>` for newslint-plugin-foo, `@scope/<id>` for
// @scope/newslint-plugin, `@scope/bar/<id>` for @scope/newslint-plugin-bar; a local folder that is a package
// takes its package.json name; a plain rule file or folder keeps bare ids. Every place an id is written takes
// the full id: config rules and overrides, --rule, directives, `newslint rules`, SARIF, the cache key.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRules, type RuleSetting } from '../../src/config.js';
import { loadBuiltinRules, pluginPrefix } from '../../src/rules.js';
import { runKey } from '../../src/cache/key.js';
import { newslint, tempDir } from '../e2e/helpers.js';

const builtin = await loadBuiltinRules();

/** A rule module's source: reports "foo" at the start of a line (fixable: "bar"). */
const RULE = (id: string, extra = '') => `{
  meta: { id: ${JSON.stringify(id)}, description: 'no foo', fixable: true, severity: 'error', docs: 'https://example.com/${id}'${extra} },
  check({ article, report }) {
    for (const m of article.text.matchAll(/^foo/gm)) report({ message: 'foo found', range: [m.index, m.index + 3], fix: (f) => f.replaceTextRange([m.index, m.index + 3], 'bar') });
  },
}`;

/** Writes a package into dir/node_modules/<name> whose main module exports `source`. */
function pkg(dir: string, name: string, source: string): void {
  const root = path.join(dir, 'node_modules', name);
  mkdirSync(root, { recursive: true });
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name, version: '1.0.0', type: 'module', main: 'index.js' }));
  writeFileSync(path.join(root, 'index.js'), `export default ${source};\n`);
}

const load = async (dir: string, plugins: string[], rules: Record<string, RuleSetting> = {}, cli: Record<string, RuleSetting> = {}) =>
  resolveRules({ config: { filePath: path.join(dir, 'newslint.config.json'), data: { plugins, rules } }, rules: builtin, overrides: cli });

const pluginIds = async (dir: string, plugins: string[]) =>
  (await load(dir, plugins)).all.slice(builtin.length).map((r) => r.meta.id);

describe('plugin prefixes', () => {
  it('follow ESLint: newslint-plugin-foo → foo, @scope/newslint-plugin → @scope, @scope/newslint-plugin-bar → @scope/bar', () => {
    expect(pluginPrefix('newslint-plugin-foo')).toBe('foo');
    expect(pluginPrefix('@scope/newslint-plugin')).toBe('@scope');
    expect(pluginPrefix('@scope/newslint-plugin-bar')).toBe('@scope/bar');
    expect(pluginPrefix('newslint-plugin-foo-bar')).toBe('foo-bar');
    expect(pluginPrefix('my-rules')).toBe('my-rules');
    expect(pluginPrefix('@scope/my-rules')).toBe('@scope/my-rules');
  });

  it('give package plugins full ids; a plain rule file keeps its bare id', async () => {
    const dir = tempDir();
    pkg(dir, 'newslint-plugin-foo', RULE('no-foo'));
    pkg(dir, '@acme/newslint-plugin', `{ rules: [${RULE('no-foo')}] }`);
    pkg(dir, '@acme/newslint-plugin-bar', `{ rules: { 'no-foo': ${RULE('no-foo')} } }`);
    writeFileSync(path.join(dir, 'plain.mjs'), `export default ${RULE('plain-rule')};\n`);
    expect(await pluginIds(dir, ['newslint-plugin-foo', '@acme/newslint-plugin', '@acme/newslint-plugin-bar', './plain.mjs'])).toEqual([
      'foo/no-foo',
      '@acme/no-foo',
      '@acme/bar/no-foo',
      'plain-rule',
    ]);
  });

  it('take a local package folder\'s package.json name, or the plugin\'s own meta.name', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'local'));
    writeFileSync(path.join(dir, 'local/package.json'), JSON.stringify({ name: 'newslint-plugin-local', type: 'module', main: 'main.js' }));
    writeFileSync(path.join(dir, 'local/main.js'), `export default { rules: [${RULE('no-foo')}] };\n`);
    writeFileSync(path.join(dir, 'named.mjs'), `export default { meta: { name: '@x/newslint-plugin-named' }, rules: { 'no-foo': ${RULE('no-foo')} } };\n`);
    pkg(dir, 'newslint-plugin-renamed', `{ meta: { name: 'newslint-plugin-other' }, rules: [${RULE('no-foo')}] }`);
    expect(await pluginIds(dir, ['./local', './named.mjs', 'newslint-plugin-renamed'])).toEqual(['local/no-foo', '@x/named/no-foo', 'other/no-foo']);
  });

  it('leave the module\'s own rule object as it was: a second load gives the same ids', async () => {
    const dir = tempDir();
    pkg(dir, 'newslint-plugin-foo', RULE('no-foo'));
    expect(await pluginIds(dir, ['newslint-plugin-foo'])).toEqual(['foo/no-foo']);
    expect(await pluginIds(dir, ['newslint-plugin-foo'])).toEqual(['foo/no-foo']);
    const mod = await import(path.join(dir, 'node_modules/newslint-plugin-foo/index.js'));
    expect(mod.default.meta.id).toBe('no-foo');
  });

  it('refuse two rules of one full id, naming both plugins', async () => {
    const dir = tempDir();
    pkg(dir, 'newslint-plugin-foo', RULE('no-foo'));
    writeFileSync(path.join(dir, 'other.mjs'), `export default { meta: { name: 'newslint-plugin-foo' }, rules: [${RULE('no-foo')}] };\n`);
    await expect(load(dir, ['newslint-plugin-foo', './other.mjs'])).rejects.toThrow(
      /two rules share the id "foo\/no-foo": one from .*plugin "newslint-plugin-foo", one from .*plugin "\.\/other\.mjs"/,
    );
    writeFileSync(path.join(dir, 'clash.mjs'), `export default ${RULE('image-alt')};\n`);
    await expect(load(dir, ['./clash.mjs'])).rejects.toThrow(/two rules share the id "image-alt": one from bundled rules, one from .*plugin "\.\/clash\.mjs"/);
  });

  it('refuse a keyed rule whose meta.id says otherwise, and suggest the full id for a bare one', async () => {
    const dir = tempDir();
    pkg(dir, 'newslint-plugin-foo', RULE('no-foo'));
    pkg(dir, 'newslint-plugin-bad', `{ rules: { 'no-bar': ${RULE('no-foo')} } }`);
    await expect(load(dir, ['newslint-plugin-bad'])).rejects.toThrow(/rule "no-bar" has meta.id "no-foo"/);
    await expect(load(dir, ['newslint-plugin-foo'], { 'no-foo': 'warn' })).rejects.toThrow(/unknown rule "no-foo"; did you mean "foo\/no-foo"\?/);
    await expect(load(dir, ['newslint-plugin-foo'], {}, { 'no-foo': 'warn' })).rejects.toThrow(/command line: unknown rule "no-foo"; did you mean "foo\/no-foo"\?/);
    const { enabled } = await load(dir, ['newslint-plugin-foo'], { 'foo/no-foo': 'warn' });
    expect(enabled.find((c) => c.rule.meta.id === 'foo/no-foo')?.severity).toBe(1);
  });

  it('key the cache on the plugin rule\'s module: editing the package changes the run key', async () => {
    const dir = tempDir();
    pkg(dir, 'newslint-plugin-foo', RULE('no-foo'));
    const key = async () => runKey((await load(dir, ['newslint-plugin-foo'])).enabled);
    const before = await key();
    expect(await key()).toBe(before);
    writeFileSync(path.join(dir, 'node_modules/newslint-plugin-foo/index.js'), `export default ${RULE('no-foo')};\n// edited\n`);
    expect(await key()).not.toBe(before);
  });
});

describe('a package plugin\'s full ids on the command line', () => {
  const site = () => {
    const dir = tempDir();
    pkg(dir, '@acme/newslint-plugin-bar', `{ rules: [${RULE('no-foo')}] }`);
    mkdirSync(path.join(dir, 'drafts'));
    writeFileSync(path.join(dir, 'a.md'), 'foo\n');
    writeFileSync(path.join(dir, 'drafts/b.md'), 'foo\n');
    writeFileSync(path.join(dir, 'c.md'), '<!-- newslint-disable-next-line @acme/bar/no-foo -->\nfoo\n');
    writeFileSync(path.join(dir, 'd.md'), '<!-- newslint-disable-next-line no-foo -->\nfoo\n');
    const rules = Object.fromEntries(builtin.map((r) => [r.meta.id, 'off']));
    const config = { plugins: ['@acme/newslint-plugin-bar'], rules, overrides: [{ files: ['drafts/**'], rules: { '@acme/bar/no-foo': 'warn' } }] };
    writeFileSync(path.join(dir, 'newslint.config.json'), JSON.stringify(config));
    return dir;
  };

  it('are listed by `newslint rules` with their docs link', () => {
    const r = newslint(['rules'], site());
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^@acme\/bar\/no-foo\s+error\s+yes\s+no foo \(https:\/\/example\.com\/no-foo\)$/m);
  });

  it('work in the config, overrides, directives, --rule, SARIF and --fix', () => {
    const dir = site();
    const json = newslint(['check', '-f', 'json', '.'], dir);
    expect(json.status).toBe(1);
    const results = JSON.parse(json.stdout) as { filePath: string; messages: { ruleId: string; severity: number }[] }[];
    const byFile = Object.fromEntries(results.map((r) => [path.relative(dir, r.filePath), r.messages.map((m) => `${m.ruleId}:${m.severity}`)]));
    expect(byFile).toEqual({ 'a.md': ['@acme/bar/no-foo:2'], 'c.md': [], 'd.md': ['null:2', '@acme/bar/no-foo:2'], [path.join('drafts', 'b.md')]: ['@acme/bar/no-foo:1'] });
    const d = results.find((r) => r.filePath.endsWith('d.md'))!.messages[0] as unknown as { message: string };
    expect(d.message).toBe("Definition for rule 'no-foo' was not found (newslint-disable-next-line directive); did you mean '@acme/bar/no-foo'?");

    expect(newslint(['check', '--rule', '@acme/bar/no-foo:off', 'a.md', 'c.md', 'drafts'], dir).status).toBe(0);
    const bare = newslint(['check', '--rule', 'no-foo:off', '.'], dir);
    expect(bare.status).toBe(2);
    expect(bare.stderr).toMatch(/unknown rule "no-foo"; did you mean "@acme\/bar\/no-foo"\?/);

    const sarif = JSON.parse(newslint(['check', '-f', 'sarif', 'a.md'], dir).stdout);
    const driver = sarif.runs[0].tool.driver;
    expect(driver.rules.map((r: { id: string }) => r.id)).toContain('@acme/bar/no-foo');
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['@acme/bar/no-foo']);

    expect(newslint(['check', '--fix', 'a.md'], dir).status).toBe(0);
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe('bar\n');
  });
});
