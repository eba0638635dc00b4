// Config that scales, through the real CLI: a Hexo site with two feed folders under different rules
// (overrides), at concurrency off and 2 alike; the cache lints again when an override changes; ignores and
// .newslintignore (negation included) and the warning for an ignored file named on the command line;
// --print-config; newslint init (writes a config the shipped schema validates, refuses a second time).
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, newslint, tempDir, type Run } from './helpers.js';

const POSTS = 'source/_posts';

/** A Hexo site with `count` posts in each of feed-a and feed-b, each with an image without alt text. */
function site(count = 3, config: unknown = {}): string {
  const dir = tempDir();
  writeFileSync(path.join(dir, '_config.yml'), 'title: Feeds\n');
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'feeds', dependencies: { hexo: '8.1.2' } }));
  for (const feed of ['feed-a', 'feed-b']) {
    mkdirSync(path.join(dir, POSTS, feed), { recursive: true });
    for (let i = 1; i <= count; i++) {
      const text = `---\ntitle: Post ${i} of ${feed}\ndate: 2024-01-0${(i % 9) + 1} 10:00:00\n---\n\n<p>Text ${i}.</p>\n\n<img src="https://example.com/${feed}/${i}.png">\n`;
      writeFileSync(path.join(dir, POSTS, feed, `post-${i}.md`), text);
    }
  }
  writeConfig(dir, config);
  return dir;
}

const writeConfig = (dir: string, config: unknown) => writeFileSync(path.join(dir, 'newslint.config.json'), JSON.stringify(config));

interface Result {
  filePath: string;
  messages: { ruleId: string | null; severity: number }[];
}

/** `check --format json`: the run, and each file (relative, /-separated) with the ids of its rules' messages. */
function check(dir: string, args: string[] = [], env: Record<string, string> = {}): Run & { byFile: Record<string, string[]> } {
  const r = newslint(['check', '--format', 'json', ...args], dir, env);
  const results: Result[] = r.stdout ? JSON.parse(r.stdout) : [];
  const byFile = Object.fromEntries(
    results.map((res) => [path.relative(dir, res.filePath).split(path.sep).join('/'), res.messages.map((m) => `${m.ruleId}:${m.severity}`).sort()]),
  );
  return { ...r, byFile };
}

const FEED_A_OFF = { overrides: [{ files: [`${POSTS}/feed-a/**`], rules: { 'image-alt': 'off' } }] };
const schema = JSON.parse(readFileSync(path.join(ROOT, 'schema/newslint.config.schema.json'), 'utf8'));

describe('overrides: two feeds, two rule sets', () => {
  it('one feed has image-alt off, the other keeps it; --rule wins over the override', () => {
    const dir = site(3, FEED_A_OFF);
    const r = check(dir);
    expect(r.status).toBe(1);
    expect(Object.keys(r.byFile)).toHaveLength(6);
    for (const [file, ids] of Object.entries(r.byFile)) {
      if (file.includes('feed-a/')) expect(ids, file).not.toContain('image-alt:2');
      else expect(ids, file).toContain('image-alt:2');
    }
    const forced = check(dir, ['--rule', 'image-alt:warn']);
    for (const [file, ids] of Object.entries(forced.byFile)) expect(ids, file).toContain('image-alt:1');
  });

  it('the same report, byte for byte, on 2 worker threads as in one thread', () => {
    const dir = site(40, FEED_A_OFF);
    const off = newslint(['check', '--format', 'json', '--concurrency', 'off'], dir);
    const two = newslint(['check', '--format', 'json', '--concurrency', '2'], dir);
    expect(off.status).toBe(1);
    expect(two.stderr).toBe('');
    expect(two.stdout).toBe(off.stdout);
    const results: Result[] = JSON.parse(two.stdout);
    expect(results).toHaveLength(80);
    const alt = results.filter((res) => res.messages.some((m) => m.ruleId === 'image-alt'));
    expect(alt.map((res) => path.basename(path.dirname(res.filePath)))).toEqual(Array(40).fill('feed-b'));
  });

  it('a bad override stops the run with exit 2, naming the file and the entry', () => {
    const dir = site(1, { overrides: [FEED_A_OFF.overrides[0], { files: ['x/**'], rules: { 'image-alts': 'off' } }] });
    const r = newslint(['check'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${path.join(dir, 'newslint.config.json')}: overrides[1]: unknown rule "image-alts"`);
  });
});

describe('overrides and the cache', () => {
  it('changing an override lints again, with the new rules; changed back, the first results', () => {
    const dir = site(3, FEED_A_OFF);
    const cached = (env = {}) => check(dir, ['--cache'], { NEWSLINT_DEBUG: 'cache', ...env });
    const first = cached();
    expect(first.byFile[`${POSTS}/feed-a/post-1.md`]).not.toContain('image-alt:2');
    expect(cached().stderr).toMatch(/^newslint:cache 6 replayed, 0 linted$/m);
    writeConfig(dir, { overrides: [{ files: [`${POSTS}/feed-a/**`], rules: { 'image-alt': 'warn' } }] });
    const changed = cached();
    expect(changed.stderr).toMatch(/^newslint:cache 0 replayed, 6 linted$/m);
    expect(changed.byFile[`${POSTS}/feed-a/post-1.md`]).toContain('image-alt:1');
    expect(changed.byFile[`${POSTS}/feed-b/post-1.md`]).toContain('image-alt:2');
    writeConfig(dir, FEED_A_OFF);
    const back = cached();
    expect(back.stderr).toMatch(/^newslint:cache 0 replayed, 6 linted$/m); // one cache, one key: the old entries are gone
    expect(back.byFile).toEqual(first.byFile);
  });
});

describe('ignores and .newslintignore', () => {
  it('.newslintignore in the working directory, with a negation, as git reads it', () => {
    const dir = site(2);
    writeFileSync(path.join(dir, '.newslintignore'), `# the importer's feed\n${POSTS}/feed-b/*\n!${POSTS}/feed-b/post-2.md\n`);
    const r = check(dir);
    expect(Object.keys(r.byFile).sort()).toEqual([`${POSTS}/feed-a/post-1.md`, `${POSTS}/feed-a/post-2.md`, `${POSTS}/feed-b/post-2.md`]);
    // read from the working directory only: from a folder below, it is not there
    const below = check(path.join(dir, POSTS), ['.']);
    expect(Object.keys(below.byFile)).toHaveLength(4);
  });

  it('ignores in the config, relative to the config file\'s folder wherever newslint runs', () => {
    const dir = site(2, { ignores: [`${POSTS}/feed-a/`, 'post-2.md'] });
    const fromRoot = check(dir);
    expect(Object.keys(fromRoot.byFile)).toEqual([`${POSTS}/feed-b/post-1.md`]);
    const fromBelow = check(path.join(dir, POSTS), ['.']);
    expect(Object.keys(fromBelow.byFile)).toEqual(['feed-b/post-1.md']);
  });

  it('a file named on the command line that is ignored: not checked, a warning naming the pattern, exit 0', () => {
    const dir = site(1, { ignores: [`${POSTS}/feed-b/`] });
    const r = check(dir, [`${POSTS}/feed-b/post-1.md`]);
    expect(r.status).toBe(0);
    expect(r.byFile).toEqual({});
    expect(r.stderr).toBe(
      `newslint: warning: ${POSTS}/feed-b/post-1.md: file ignored because of a matching ignore pattern (the config's "ignores": ${POSTS}/feed-b/)\n`,
    );
    // with another file that has problems, the run is as that file makes it
    const both = check(dir, [`${POSTS}/feed-b/post-1.md`, `${POSTS}/feed-a/post-1.md`]);
    expect(both.status).toBe(1);
    expect(Object.keys(both.byFile)).toEqual([`${POSTS}/feed-a/post-1.md`]);
    // --ignore-pattern warns alike
    const pattern = check(dir, ['--ignore-pattern', '**/feed-a/**', `${POSTS}/feed-a/post-1.md`]);
    expect(pattern.status).toBe(0);
    expect(pattern.stderr).toMatch(/warning: .*feed-a\/post-1\.md: file ignored because of a matching ignore pattern/);
  });
});

describe('--print-config', () => {
  const print = (dir: string, args: string[]) => {
    const r = newslint(['check', '--print-config', ...args], dir);
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(r.stdout);
  };

  it('prints the rules, overrides, generator and site for a file, with options after defaults', () => {
    const dir = site(1, { rules: { 'date-format': ['warn', { format: 'generator' }] }, ...FEED_A_OFF });
    const a = print(dir, [`${POSTS}/feed-a/post-1.md`]);
    expect(a.filePath).toBe(path.join(dir, POSTS, 'feed-a/post-1.md'));
    expect(a.configFile).toBe(path.join(dir, 'newslint.config.json'));
    expect(a.overrides).toEqual([0]);
    expect(a.ignoredBy).toBeNull();
    expect(a.generator).toBe('hexo');
    expect(a.site.root).toBe(dir);
    expect(a.site.settings.contentDir).toBe(path.join(dir, 'source'));
    expect(a.rules['image-alt']).toBe('off');
    expect(a.rules['date-format']).toEqual(['warn', { format: 'generator', required: true }]);
    const b = print(dir, [`${POSTS}/feed-b/post-1.md`]);
    expect(b.overrides).toEqual([]);
    expect(b.rules['image-alt']).toEqual(['error', { allowEmpty: false }]);
    const ids = JSON.parse(newslint(['rules', '--format', 'json']).stdout).map((m: { id: string }) => m.id).sort();
    expect(Object.keys(b.rules)).toEqual(ids);
  });

  it('needs no file there; --rule, --config and ignores show; other paths are a usage error', () => {
    const dir = site(1, FEED_A_OFF);
    writeFileSync(path.join(dir, '.newslintignore'), 'drafts/\n');
    const ghost = print(dir, ['drafts/not-yet.md', '--rule', 'image-alt:warn']);
    expect(ghost.rules['image-alt']).toEqual(['warn', { allowEmpty: false }]);
    expect(ghost.ignoredBy).toBe('.newslintignore: drafts/');
    writeFileSync(path.join(dir, 'other.json'), JSON.stringify({ generator: 'jekyll', rules: { 'image-alt': 'off' } }));
    const other = print(dir, [`${POSTS}/feed-b/post-1.md`, '--config', 'other.json']);
    expect(other.generator).toBe('jekyll');
    expect(other.rules['image-alt']).toBe('off');
    const r = newslint(['check', '--print-config', `${POSTS}/feed-a/post-1.md`, `${POSTS}/feed-b/post-1.md`], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--print-config takes one file');
  });
});

describe('newslint init', () => {
  const validate = new Ajv({ allErrors: true, strictTuples: false }).compile(schema);

  it('writes newslint.config.json with $schema and the detected generator; the schema validates it; refuses a second time', () => {
    const dir = tempDir();
    cpSync(path.join(FIXTURES, 'sites/hugo'), dir, { recursive: true });
    rmSync(path.join(dir, 'newslint.config.json'));
    const r = newslint(['init'], dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('wrote newslint.config.json (generator hugo');
    const file = path.join(dir, 'newslint.config.json');
    const text = readFileSync(file, 'utf8');
    const data = JSON.parse(text);
    expect(data).toEqual({ $schema: './node_modules/newslint/schema/newslint.config.schema.json', generator: 'hugo', extends: 'newslint:recommended', rules: {} });
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(newslint(['check', '--print-config', 'content/x.md'], dir).status).toBe(0); // newslint reads what it wrote
    const again = newslint(['init'], dir);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain(`${file} already holds a newslint config`);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('refuses where .newslintrc.json or a package.json "newslint" key is; a package.json without one is no config', () => {
    const rc = tempDir();
    writeFileSync(path.join(rc, '.newslintrc.json'), '{}');
    expect(newslint(['init'], rc).status).toBe(2);
    expect(existsSync(path.join(rc, 'newslint.config.json'))).toBe(false);
    const pkg = tempDir();
    writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'x', newslint: {} }));
    const r = newslint(['init'], pkg);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('package.json already holds a newslint config');
    const plain = tempDir();
    writeFileSync(path.join(plain, 'package.json'), JSON.stringify({ name: 'x' }));
    const ok = newslint(['init'], plain);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('no generator set');
    expect(JSON.parse(readFileSync(path.join(plain, 'newslint.config.json'), 'utf8')).generator).toBeUndefined();
  });
});
