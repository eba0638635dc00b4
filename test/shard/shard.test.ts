// --shard i/n: the split itself (parsing, the key, the hash, how even the shares are) and NewsLint's select step.
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NewsLint, UsageError } from '../../src/api.js';
import { checkShard, parseShard, selectShard, shardKey, shardOf } from '../../src/run/shard.js';
import { fuzzSeed } from '../helpers/seed.js';
import { tempDir } from '../e2e/helpers.js';

describe('parseShard', () => {
  it('reads i/n, 1-based, as Jest and Playwright do', () => {
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard('04/10')).toEqual({ index: 4, count: 10 });
    expect(parseShard(' 3/3 ')).toEqual({ index: 3, count: 3 });
  });

  it('refuses anything else with a usage error that says what was expected', () => {
    const refused = (text: string) => {
      try {
        parseShard(text);
      } catch (err) {
        expect(err).toBeInstanceOf(UsageError);
        return (err as Error).message;
      }
      throw new Error(`accepted "${text}"`);
    };
    expect(refused('0/3')).toBe('--shard 0/3: shards are counted from 1 (the first of 3 is 1/3)');
    expect(refused('4/3')).toBe('--shard 4/3: there is no shard 4 of 3 (i must be at most n)');
    expect(refused('1/0')).toBe('--shard 1/0: there must be at least one shard');
    expect(refused('a/b')).toBe('--shard expects i/n, shard i of n counted from 1 (e.g. 2/4), got "a/b"');
    for (const bad of ['', '1', '1/', '/3', '1/2/3', '-1/3', '1.5/3', '1 / 3', '1/3x', '１/３']) {
      expect(refused(bad)).toMatch(/^--shard expects i\/n/);
    }
    expect(refused('1/99999999999999999999')).toMatch(/whole numbers/);
  });

  it('checks a shard given through the API the same way', async () => {
    for (const bad of [{ index: 0, count: 3 }, { index: 4, count: 3 }, { index: 1.5, count: 3 }, { index: NaN, count: 3 }, { index: 1, count: 0 }]) {
      expect(() => checkShard(bad)).toThrow(UsageError);
      await expect(NewsLint.create({ shard: bad })).rejects.toThrow(UsageError);
    }
  });
});

describe('the key and the hash', () => {
  it('is the path relative to the working directory, with / separators, in Unicode NFC', () => {
    expect(shardKey('/site/source/_posts/a.md', '/site')).toBe('source/_posts/a.md');
    expect(shardKey('/elsewhere/a.md', '/site')).toBe('../elsewhere/a.md');
    expect(shardKey('/site/a.md', '/site/')).toBe('a.md');
    expect(shardKey('C:\\site\\source\\_posts\\a.md', 'C:\\site', path.win32)).toBe('source/_posts/a.md');
    expect(shardKey('C:\\other\\a.md', 'C:\\site', path.win32)).toBe('../other/a.md');
    // macOS may list a name decomposed: café, 한글, が as NFD are the same key as the NFC names
    for (const name of ['café.md', '한글 제목.md', 'がぎぐ.md']) {
      const nfd = name.normalize('NFD');
      expect(nfd).not.toBe(name);
      expect(shardKey(`/site/${nfd}`, '/site')).toBe(name);
    }
  });

  it('gives the same shard on every machine, OS and Node version: SHA-1 of the key\'s UTF-8, first 48 bits, mod n', () => {
    // computed once with `createHash('sha1')` by hand; a change here splits CI runs differently (and wrongly,
    // while shards run different versions)
    const pinned: [string, number[]][] = [
      ['source/_posts/你好世界.md', [1, 2, 1, 1, 5]],
      ['source/_posts/2023-01-02-hello-world.md', [1, 3, 1, 7, 13]],
      ['_posts/한글 제목.md', [1, 1, 3, 1, 11]],
      ['content/posts/がぎぐ.md', [2, 3, 2, 5, 6]],
    ];
    for (const [key, shards] of pinned) {
      expect([2, 3, 4, 7, 16].map((n) => shardOf(`/work/site/${key}`, '/work/site', n))).toEqual(shards);
      expect([2, 3, 4, 7, 16].map((n) => shardOf(`D:\\site\\${key.split('/').join('\\')}`, 'D:\\site', n, path.win32))).toEqual(shards);
      expect(shardOf(`/work/site/${key.normalize('NFD')}`, '/work/site', 16)).toBe(shards[4]);
    }
  });

  it('splits any list into disjoint shares that together hold every file once, each in the list\'s order', () => {
    const name = fc.stringMatching(/^[a-z0-9\u4e00-\u4e20\uac00-\uac10 ._-]{1,12}$/);
    fc.assert(
      fc.property(fc.uniqueArray(fc.array(name, { minLength: 1, maxLength: 3 }), { maxLength: 60 }), fc.integer({ min: 1, max: 9 }), (parts, n) => {
        const files = [...new Set(parts.map((p) => path.join('/site', ...p)))].sort();
        const shares = Array.from({ length: n }, (_, i) => selectShard(files, { index: i + 1, count: n }, '/site'));
        expect(shares.flat().sort()).toEqual(files);
        for (const share of shares) expect(share).toEqual(files.filter((f) => share.includes(f)));
      }),
      { seed: fuzzSeed('shard partition'), numRuns: 300 },
    );
  });

  it('gives each shard its n-th of the files, to within four standard deviations of a fair split', () => {
    const slugs = Array.from({ length: 20_000 }, (_, i) => `source/_posts/2019-${String((i % 12) + 1).padStart(2, '0')}-${i}-post-title.md`);
    const cjk = Array.from({ length: 5_000 }, (_, i) => `source/_posts/${String.fromCodePoint(0x4e00 + ((i * 7) % 20000), 0x4e00 + i)}新闻.md`);
    for (const keys of [slugs, cjk]) {
      const files = keys.map((k) => `/site/${k}`);
      for (const n of [2, 3, 4, 5, 8, 16]) {
        const sizes = Array.from({ length: n }, () => 0);
        for (const f of files) sizes[shardOf(f, '/site', n) - 1]++;
        const fair = files.length / n;
        const sd = Math.sqrt(files.length * (1 / n) * (1 - 1 / n));
        for (const size of sizes) expect(Math.abs(size - fair), `n=${n}: ${sizes}`).toBeLessThan(4 * sd);
      }
    }
  });
});

describe('NewsLint with a shard', () => {
  const dir = tempDir();
  const names = ['a.md', 'b.md', '中文标题.md', '한글.md', 'がぎぐ.md', 'x y.md', 'sub/c.md', 'sub/日本語/d.md'];
  for (let i = 0; i < 30; i++) names.push(`posts/2020-01-${i}-t.md`);
  for (const n of names) {
    mkdirSync(path.dirname(path.join(dir, n)), { recursive: true });
    writeFileSync(path.join(dir, n), `---\ntitle: ${n}\ndate: 2020-01-01 00:00:00\n---\n<p></p>\n`);
  }
  const lint = async (cwd: string, inputs: string[], shard?: { index: number; count: number }) => {
    const linter = await NewsLint.create({ cwd, shard });
    return (await linter.lintFiles(inputs)).map((r) => ({ ...r, filePath: path.relative(dir, r.filePath) }));
  };

  it('checks disjoint shares whose union is the unsharded run, result for result', async () => {
    const all = await lint(dir, ['.']);
    expect(all.length).toBe(names.length);
    for (const n of [1, 2, 3, 5]) {
      const shares = [];
      for (let i = 1; i <= n; i++) shares.push(await lint(dir, ['.'], { index: i, count: n }));
      const union = shares.flat().sort((a, b) => (a.filePath < b.filePath ? -1 : 1));
      expect(union).toEqual(all);
    }
  });

  it('picks the same share whatever the spelling of the working directory and of the inputs', async () => {
    const link = path.join(tempDir(), 'link');
    symlinkSync(dir, link);
    const shard = { index: 2, count: 3 };
    const expected = (await lint(dir, ['.'], shard)).map((r) => r.filePath);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(names.length);
    const entries = readdirSync(dir); // a symbolic link named as an input is not walked (src/files/walk.ts): what is below it is
    for (const cwd of [dir, `${dir}/`, `${dir}/./sub/..`, link]) {
      for (const inputs of cwd === link ? [entries, entries.map((e) => `./${e}/`)] : [['.'], ['./'], [cwd], ['sub', '.']]) {
        const linter = await NewsLint.create({ cwd, shard });
        const got = (await linter.lintFiles(inputs)).map((r) => path.relative(cwd, r.filePath));
        expect(got, `${cwd} ${inputs}`).toEqual(expected);
      }
    }
  });

  it('tells the caller how many files come before the first result, and an empty share is no error', async () => {
    const starts: { files: number; found: number }[] = [];
    const linter = await NewsLint.create({ cwd: dir, shard: { index: 3, count: 3 } });
    let results = 0;
    for await (const _ of linter.lintFilesStream(['.'], { onStart: (c) => starts.push(c) })) {
      expect(starts.length).toBe(1);
      results++;
    }
    expect(starts).toEqual([{ files: results, found: names.length }]);
    // one file in three shards: two of them are empty
    const one = await Promise.all([1, 2, 3].map(async (i) => (await NewsLint.create({ cwd: dir, shard: { index: i, count: 3 } })).lintFiles(['a.md'])));
    expect(one.map((r) => r.length).sort()).toEqual([0, 0, 1]);
  });
});
