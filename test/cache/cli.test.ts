// --cache through the real CLI: a warm run's report is byte for byte a cold run's; editing a post (its bytes,
// or only its mtime, under each strategy), the newslint config, a plugin rule file, a site's config file or
// the time zone re-lints exactly the files it should (counted by NEWSLINT_DEBUG=cache, which the report does
// not show); a damaged, foreign or truncated cache is a warning and a cold run; --fix leaves entries that
// describe what it wrote, and --fix-dry-run none as if it had written.
import { cpSync, mkdirSync, readFileSync, readdirSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, FIXTURES, newslint, tempDir, type Run } from '../e2e/helpers.js';

/** A fixed moment long past: files set to it are not "racy" (modified just before they were seen). */
const PAST = new Date('2024-03-01T08:00:00Z');

/** Every .md file under a folder, relative to it. */
const mdFiles = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .sort();

/** Sets every file under a folder to PAST (or `when`). */
function age(dir: string, when = PAST): void {
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) utimesSync(path.join(dir, f), when, when);
}

/** The real posts and every rule's fixtures, then a few hundred posts made from them (each its own bytes). */
function corpus(dir: string): number {
  cpSync(path.join(FIXTURES, 'real/_posts'), path.join(dir, 'real'), { recursive: true });
  cpSync(path.join(FIXTURES, 'rules'), path.join(dir, 'rules'), { recursive: true });
  const sources = [...mdFiles(path.join(dir, 'real')).map((f) => `real/${f}`), ...mdFiles(path.join(dir, 'rules')).map((f) => `rules/${f}`)];
  mkdirSync(path.join(dir, 'made'));
  for (let i = 0; i < 120; i++) {
    const text = readFileSync(path.join(dir, sources[i % sources.length]), 'utf8');
    const extra = i % 3 === 0 ? `\n<p>第 ${i} 段 with  two spaces</p>\n` : i % 3 === 1 ? `\n<img src="http://x.example/${i}.png">\n` : `\n\n<p></p>\n`;
    writeFileSync(path.join(dir, 'made', `${i} ${path.basename(sources[i % sources.length])}`), text + extra);
  }
  return mdFiles(dir).length;
}

interface CacheRun extends Run {
  replayed: number;
  linted: number;
}

/** newslint check with the cache's debug counts. */
function check(dir: string, args: string[], env: Record<string, string> = {}): CacheRun {
  const r = newslint(['check', '--format', 'json', ...args], dir, { NEWSLINT_DEBUG: 'cache', ...env });
  const m = /^newslint:cache (\d+) replayed, (\d+) linted$/m.exec(r.stderr);
  return { ...r, replayed: m ? Number(m[1]) : NaN, linted: m ? Number(m[2]) : NaN };
}

/** The warnings a run printed (not the debug lines). */
const warnings = (r: Run) => r.stderr.split('\n').filter((l) => l.startsWith('newslint: warning:'));

describe('--cache: a warm run', () => {
  it("replays every file, and its report is byte for byte a cold run's (each strategy, JSON and stylish)", () => {
    const dir = tempDir();
    const count = corpus(dir);
    expect(count).toBeGreaterThan(200);
    age(dir); // files that fall back on their times (no date) would be linted again when aged later
    const fresh = newslint(['check', '--format', 'json', '.'], dir);
    expect(fresh.status).toBe(1);
    for (const strategy of ['metadata', 'content']) {
      const args = ['--cache', '--cache-strategy', strategy, '--cache-location', strategy, '.'];
      const cold = check(dir, args);
      expect([strategy, cold.replayed, cold.linted]).toEqual([strategy, 0, count]);
      expect(cold.stdout).toBe(fresh.stdout);
      const warm = check(dir, args);
      expect([strategy, warm.replayed, warm.linted]).toEqual([strategy, count, 0]);
      expect(warm.stdout).toBe(fresh.stdout);
      expect(warm.status).toBe(fresh.status);
      expect(warnings(warm)).toEqual([]);
    }
    expect(newslint(['check', '--cache', '--cache-location', 'metadata', '.'], dir).stdout).toBe(newslint(['check', '.'], dir).stdout);
  }, 300_000);
});

describe('--cache: what invalidates what', () => {
  /** Three posts, aged, cached under `strategy`. */
  function setUp(strategy: string, config: object = {}) {
    const dir = tempDir();
    const posts = ['a.md', 'b.md', 'c.md'];
    for (const p of posts) writeFileSync(path.join(dir, p), `---\ntitle: ${p}\ndate: 2024-01-02 03:04:05\n---\n<p>正文 text ${p}</p>\n`);
    writeFileSync(path.join(dir, 'newslint.config.json'), JSON.stringify(config));
    age(dir);
    const args = ['--cache', '--cache-strategy', strategy, ...posts];
    const cold = check(dir, args);
    expect([cold.replayed, cold.linted]).toEqual([0, 3]);
    return { dir, args };
  }

  for (const strategy of ['metadata', 'content']) {
    it(`an edited post is linted again, and only it (${strategy})`, () => {
      const { dir, args } = setUp(strategy);
      writeFileSync(path.join(dir, 'b.md'), `---\ntitle: b.md\n---\n<p>新的 new</p><img src="x.png">\n`);
      age(dir);
      const r = check(dir, args);
      expect([r.replayed, r.linted]).toEqual([2, 1]);
      expect(r.stdout).toBe(newslint(['check', '--format', 'json', 'a.md', 'b.md', 'c.md'], dir).stdout);
      expect(r.stdout).toMatch(/image-alt/);
    });
  }

  it('a post with only a new mtime: linted again under metadata, replayed under content', () => {
    for (const [strategy, linted] of [['metadata', 1], ['content', 0]] as const) {
      const { dir, args } = setUp(strategy);
      const later = new Date(PAST.getTime() + 60_000);
      utimesSync(path.join(dir, 'c.md'), later, later);
      const r = check(dir, args);
      expect([strategy, r.replayed, r.linted]).toEqual([strategy, 3 - linted, linted]);
    }
  });

  it('content: the same size and mtime with other bytes is linted again', () => {
    const { dir, args } = setUp('content');
    const file = path.join(dir, 'a.md');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('正文', '文正'));
    expect(statSync(file).size).toBe(Buffer.byteLength(text));
    utimesSync(file, PAST, PAST);
    const r = check(dir, args);
    expect([r.replayed, r.linted]).toEqual([2, 1]);
    expect(r.stdout).toBe(newslint(['check', '--format', 'json', 'a.md', 'b.md', 'c.md'], dir).stdout);
  });

  it('a changed newslint config lints everything again; changed back, its own cache is gone', () => {
    const { dir, args } = setUp('metadata');
    writeFileSync(path.join(dir, 'newslint.config.json'), JSON.stringify({ rules: { 'date-format': 'off' } }));
    const r = check(dir, args);
    expect([r.replayed, r.linted]).toEqual([0, 3]);
    expect(r.stdout).toBe(newslint(['check', '--format', 'json', 'a.md', 'b.md', 'c.md'], dir).stdout);
    expect(check(dir, args).linted).toBe(0);
    // --rule on the command line is part of the effective config too
    expect(check(dir, [...args, '--rule', 'image-alt:warn']).linted).toBe(3);
  });

  it("a plugin rule file's new content lints everything again, though its path and id stay", () => {
    const plugin = (message: string) =>
      `export default { meta: { id: 'shout', description: 'd', fixable: false, severity: 'warn', docs: 'x' }, check(ctx) { ctx.report({ message: ${JSON.stringify(message)}, range: [0, 1] }); } };\n`;
    const dir0 = tempDir();
    writeFileSync(path.join(dir0, 'shout.mjs'), plugin('one'));
    const { dir, args } = setUp('metadata', { plugins: [path.join(dir0, 'shout.mjs')] });
    expect(check(dir, args).stdout).toMatch(/"one"/);
    writeFileSync(path.join(dir0, 'shout.mjs'), plugin('two'));
    const r = check(dir, args);
    expect([r.replayed, r.linted]).toEqual([0, 3]);
    expect(r.stdout).toMatch(/"two"/);
    expect(r.stdout).not.toMatch(/"one"/);
  });

  it("a site's config file lints that site's posts again, and no other site's", () => {
    const dir = tempDir();
    for (const site of ['one', 'two']) {
      for (const f of ['_config.yml', 'package.json']) cpSync(path.join(FIXTURES, 'sites/hexo', f), path.join(dir, site, f));
      mkdirSync(path.join(dir, site, 'source/_posts'), { recursive: true });
      for (const p of ['a', 'b']) writeFileSync(path.join(dir, site, 'source/_posts', `${p}.md`), `---\ntitle: ${p}\ndate: 2024-01-02 03:04:05\n---\n<p>${p}</p>\n`);
    }
    age(dir);
    const args = ['--cache', 'one', 'two'];
    expect(check(dir, args).linted).toBe(4);
    expect(check(dir, args).linted).toBe(0);
    const config = path.join(dir, 'two/_config.yml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('timezone: Asia/Shanghai', 'timezone: America/New_York'));
    const r = check(dir, args);
    expect([r.replayed, r.linted]).toEqual([2, 2]);
    expect(r.stderr).toMatch(/lint ".*two\/source\/_posts\/a\.md": its site changed/);
    expect(r.stdout).toBe(newslint(['check', '--format', 'json', 'one', 'two'], dir).stdout);
  });

  it('another time zone lints everything again', () => {
    const { dir, args } = setUp('metadata');
    expect(check(dir, args, { TZ: 'Asia/Shanghai' }).linted).toBe(3);
    expect(check(dir, args, { TZ: 'Asia/Shanghai' }).linted).toBe(0);
    expect(check(dir, args, { TZ: 'America/New_York' }).linted).toBe(3);
  });

  it('a post whose missing date falls back to its mtime is linted again when only its mtime moves (content)', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'nodate.md'), '---\ntitle: t\n---\n<p>x</p>\n');
    writeFileSync(path.join(dir, 'dated.md'), '---\ntitle: t\ndate: 2024-01-02 03:04:05\n---\n<p>x</p>\n');
    age(dir);
    const args = ['--cache', '--cache-strategy', 'content', '--rule', 'date-format:error', 'nodate.md', 'dated.md'];
    expect(check(dir, args).linted).toBe(2);
    const later = new Date(PAST.getTime() + 86_400_000);
    for (const f of ['nodate.md', 'dated.md']) utimesSync(path.join(dir, f), later, later);
    const r = check(dir, args);
    expect([r.replayed, r.linted]).toEqual([1, 1]);
    expect(r.stdout).toBe(newslint(['check', '--format', 'json', '--rule', 'date-format:error', 'nodate.md', 'dated.md'], dir).stdout);
  });
});

describe('--cache: a cache that cannot be used', () => {
  function setUp() {
    const dir = tempDir();
    cpSync(path.join(FIXTURES, 'real/_posts'), path.join(dir, 'posts'), { recursive: true });
    age(dir);
    const fresh = newslint(['check', '--format', 'json', 'posts'], dir);
    return { dir, fresh, count: mdFiles(path.join(dir, 'posts')).length };
  }

  it('damaged (truncated, or a byte changed) or empty: a warning, a cold run, and a new cache', () => {
    const { dir, fresh, count } = setUp();
    const cache = path.join(dir, '.newslintcache');
    expect(check(dir, ['--cache', 'posts']).linted).toBe(count);
    const whole = readFileSync(cache);
    const damage: [string, () => void][] = [
      ['cut in half', () => truncateSync(cache, Math.floor(whole.length / 2))],
      ['cut at its end', () => truncateSync(cache, whole.length - 3)],
      ['a byte changed in the index', () => writeFileSync(cache, Buffer.concat([whole.subarray(0, -100), Buffer.from('x'), whole.subarray(-99)]))],
      ['empty', () => writeFileSync(cache, '')],
    ];
    for (const [what, spoil] of damage) {
      writeFileSync(cache, whole);
      spoil();
      const r = check(dir, ['--cache', 'posts']);
      expect([what, r.status, r.linted]).toEqual([what, fresh.status, count]);
      expect(r.stdout).toBe(fresh.stdout);
      expect(warnings(r)).toEqual([expect.stringMatching(/warning: the cache .*\.newslintcache cannot be used: it is damaged \(.*\); every file is linted$/)]);
    }
    expect(check(dir, ['--cache', 'posts']).replayed).toBe(count); // replaced by a good one
  }, 180_000);

  it("an entry's messages changed on disk: that file is linted, with a warning; never a wrong replay", () => {
    const { dir, fresh, count } = setUp();
    const cache = path.join(dir, '.newslintcache');
    check(dir, ['--cache', 'posts']);
    const bytes = readFileSync(cache);
    const at = bytes.indexOf('"ruleId"');
    expect(at).toBeGreaterThan(0);
    bytes.write('"ruleID"', at, 'latin1');
    writeFileSync(cache, bytes);
    const r = check(dir, ['--cache', 'posts']);
    expect([r.replayed, r.linted]).toEqual([count - 1, 1]);
    expect(r.stdout).toBe(fresh.stdout);
    expect(warnings(r)).toEqual([expect.stringMatching(/cannot be used for .*: an entry does not match its checksum; the file is linted$/)]);
    expect(check(dir, ['--cache', 'posts']).replayed).toBe(count);
  });

  it("another tool's file, junk, a folder's name clash, or another version: a warning or a new cache, never a crash", () => {
    const { dir, fresh, count } = setUp();
    const cache = path.join(dir, 'c');
    const args = ['--cache', '--cache-location', 'c', 'posts'];
    for (const foreign of ['{"eslint":"cache"}\n', Buffer.from([0, 1, 2, 0xff, 0xfe, 10, 13])]) {
      writeFileSync(cache, foreign);
      const r = check(dir, args);
      expect([r.status, r.linted]).toEqual([fresh.status, count]);
      expect(r.stdout).toBe(fresh.stdout);
      expect(warnings(r)).toEqual([expect.stringMatching(/it is not a newslint cache file; it is left as it is; every file is linted$/)]);
      expect(readFileSync(cache)).toEqual(Buffer.isBuffer(foreign) ? foreign : Buffer.from(foreign)); // not ours to replace
    }
    writeFileSync(cache, 'newslint-cache 999\nwhatever');
    const other = check(dir, args);
    expect(other.stdout).toBe(fresh.stdout);
    expect(warnings(other)).toEqual([expect.stringMatching(/written by another version of newslint/)]);
    expect(check(dir, args).replayed).toBe(count);
    // a folder: the cache goes inside it, as ESLint does
    const folder = tempDir();
    expect(check(dir, ['--cache', '--cache-location', folder, 'posts']).linted).toBe(count);
    expect(readdirSync(folder)).toEqual([expect.stringMatching(/^\.cache_[0-9a-f]{16}$/)]);
    expect(check(dir, ['--cache', '--cache-location', `${folder}/`, 'posts']).replayed).toBe(count);
  }, 180_000);

  it('two runs sharing a cache at once: the last to finish wins, the file is never broken', async () => {
    const { dir, fresh, count } = setUp();
    const run = (args: string[]) =>
      new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [BIN, 'check', '--format', 'json', '--cache', ...args, 'posts'], { cwd: dir });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += d));
        child.stderr.on('data', (d) => (stderr += d));
        child.on('close', (status) => resolve({ status, stdout, stderr }));
      });
    const both = await Promise.all([run([]), run(['--cache-strategy', 'content'])]);
    for (const r of both) {
      expect(r.stdout).toBe(fresh.stdout);
      expect(r.stderr).toBe('');
    }
    const after = check(dir, ['--cache', 'posts']);
    expect([after.replayed, after.linted, warnings(after)]).toEqual([count, 0, []]);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  }, 180_000);

  it('a cache that cannot be written: a warning, the report as ever', () => {
    const { dir, fresh, count } = setUp();
    const r = check(dir, ['--cache', '--cache-location', 'no/such/folder/cache', 'posts']);
    expect([r.status, r.linted]).toEqual([fresh.status, count]);
    expect(r.stdout).toBe(fresh.stdout);
    expect(warnings(r)).toEqual([expect.stringMatching(/cannot write the cache .*no\/such\/folder\/cache \(ENOENT\); it is left as it was$/)]);
  });

  it('an unknown strategy is a usage error (exit 2)', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'posts.md'), 'x\n');
    const r = newslint(['check', '--cache', '--cache-strategy', 'mtime', 'posts'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--cache-strategy.*mtime.*metadata, content/s);
  });
});

describe('--cache with --fix', () => {
  it('entries describe what --fix wrote: the next run replays them all, as a fresh run reports', () => {
    const dir = tempDir();
    cpSync(path.join(FIXTURES, 'real/_posts'), path.join(dir, 'real'), { recursive: true });
    cpSync(path.join(FIXTURES, 'rules'), path.join(dir, 'rules'), { recursive: true });
    age(dir);
    const args = ['--cache', '.'];
    const fixed = check(dir, ['--fix', ...args]);
    expect(fixed.status).not.toBe(2);
    expect(fixed.stdout).toMatch(/"ruleId"/);
    const files = mdFiles(dir).length;
    const fresh = newslint(['check', '--format', 'json', '.'], dir);
    // the files --fix wrote were seen moments ago: checked by content now, replayed all the same
    const warm = check(dir, args);
    expect([warm.replayed, warm.linted]).toEqual([files, 0]);
    expect(warm.stdout).toBe(fresh.stdout);
    // fixing again lints only the files whose messages still offer fixes (a rename refused, say)
    const offering = JSON.parse(fresh.stdout).filter((r: { fixableErrorCount: number; fixableWarningCount: number }) => r.fixableErrorCount + r.fixableWarningCount > 0);
    const again = check(dir, ['--fix', ...args]);
    expect([again.replayed, again.linted]).toEqual([files - offering.length, offering.length]);
  }, 180_000);

  it("a renamed file's entry moves to its new name; a refused rename is linted again", () => {
    const dir = tempDir();
    const post = '---\ntitle: "t"\ndate: 2024-01-02 03:04:05\n---\n<p>a</p><p></p>\n';
    writeFileSync(path.join(dir, 'newslint.config.json'), JSON.stringify({ rules: { 'post-file-name': ['error', { rename: true }] } }));
    mkdirSync(path.join(dir, '_posts'));
    for (const f of ['_under.md', '_x.md', 'x.md', 'ok.md']) writeFileSync(path.join(dir, '_posts', f), f === 'ok.md' ? post.replace('<p></p>', '') : post);
    age(dir);
    const fixed = check(dir, ['--fix', '--cache', '.']);
    expect(JSON.parse(fixed.stdout).map((r: { renamedTo?: string }) => r.renamedTo && path.relative(dir, r.renamedTo))).toEqual(['_posts/under.md', undefined, undefined, undefined]);
    const warm = check(dir, ['--cache', '.']);
    expect([warm.replayed, warm.linted]).toEqual([3, 1]);
    expect(warm.stderr).toMatch(/lint ".*_posts\/_x\.md": not in the cache/);
    expect(warm.stdout).toBe(newslint(['check', '--format', 'json', '.'], dir).stdout);
  });

  it('--fix-dry-run records no entry as if it had written', () => {
    const dir = tempDir();
    cpSync(path.join(FIXTURES, 'rules'), path.join(dir, 'rules'), { recursive: true });
    age(dir);
    const dry = check(dir, ['--fix-dry-run', '--cache', 'rules']);
    expect(dry.status).not.toBe(2);
    const fresh = newslint(['check', '--format', 'json', 'rules'], dir);
    const warm = check(dir, ['--cache', 'rules']);
    expect(warm.stdout).toBe(fresh.stdout);
    expect(warm.linted).toBeGreaterThan(0); // the files with fixes were not recorded
    expect(check(dir, ['--cache', 'rules']).linted).toBe(0);
  });
});
