// Hostile input: each must finish within a bound and not crash, in-process (all bundled rules on) and
// through the CLI for what only the file system can do (FIFOs, devices, links, odd file names).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixText, lintText, type ConfiguredRule } from '../../src/engine/linter.js';
import { allRulesOn, cli, realPosts, tempDir } from './helpers.js';
import { checkInvariants } from './fuzz-props.js';

let rules: ConfiguredRule[];
beforeAll(async () => {
  rules = await allRulesOn();
});

/** Lints and fixes; returns the time taken. Throws when anything escapes. */
function run(text: string, filePath = 'post.md'): number {
  const t = Date.now();
  lintText(text, { rules, filePath });
  fixText(text, { rules, filePath });
  return Date.now() - t;
}

const HEAD = '\n---\ntitle: t\ndate: Sun, 31 Oct 2021 00:06:29 GMT\nheadimg: https://a.com/x.jpg\n---\n\n';

describe('backtracking: long runs in every place a rule reads (all bundled rules)', () => {
  // A regular expression that backtracks is quadratic or worse on these: 20,000 repeats take 4·10^8 steps
  // (seconds) or more then, against well under a second when linear.
  const N = 20_000;
  const RUNS = [' ', '\t', '"', "'", '?http://', 'http://', 'https://cors.zfour.workers.dev/?', '&#123;', '<', '-', '　', '，',
    '“', 'a', '1', ':', '/', '.', '`', '*', '_', '[', '(', '\\', '=', '%', '&', ' alt', '<p>', '<br>', '△', 'Win11_', '\u200b'];
  const CONTEXTS: [string, (s: string) => string][] = [
    ['title', (s) => `---\ntitle: '${s.replace(/'/g, "''")}'\n---\n\nx`],
    ['date', (s) => `---\ndate: Sun, 31 Oct 2021 ${s}\n---\n\nx`],
    ['headimg', (s) => `---\nheadimg: https://a.com/${s}x.jpg\n---\n\nx`],
    ['text', (s) => `${HEAD}正文${s}正文\n`],
    ['paragraph', (s) => `${HEAD}<p>${s}</p>\n`],
    ['alt', (s) => `${HEAD}<img src="https://a.com/x.jpg" alt="${s.replace(/"/g, '&quot;')}">\n`],
    ['src', (s) => `${HEAD}<img src="https://cors.zfour.workers.dev/?${s.replace(/"/g, '&quot;')}">\n`],
    ['markdown image', (s) => `${HEAD}![${s.replace(/[\]\n]/g, '')}](https://a.com/${s.replace(/[\s()]/g, '')})\n`],
  ];
  for (const [where, wrap] of CONTEXTS) {
    it(`${N} repeats of ${RUNS.length} sequences in ${where}: each under 8 s`, () => {
      const slow: string[] = [];
      for (const unit of RUNS) {
        const t = Date.now();
        lintText(wrap(unit.repeat(Math.ceil(N / unit.length))), { rules });
        const ms = Date.now() - t;
        if (ms > 8_000) slow.push(`${JSON.stringify(unit)}: ${ms} ms`);
      }
      expect(slow).toEqual([]);
    }, 600_000);
  }
});

describe('size and shape', () => {
  it('100,000 nested elements: no stack overflow, under 60 s', () => {
    const n = 100_000;
    const ms = run(`${HEAD}${'<div><span>'.repeat(n / 2)}正文<img src="x.jpg">${'</span></div>'.repeat(n / 2)}\n`);
    expect(ms).toBeLessThan(60_000);
    const unclosed = run(`${HEAD}${'<div>'.repeat(n)}x\n`);
    expect(unclosed).toBeLessThan(60_000);
    const blockquotes = run(`${HEAD}${'> '.repeat(10_000)}x\n`);
    expect(blockquotes).toBeLessThan(60_000);
  }, 300_000);

  it('1 MB lines (text, markup, one attribute) finish under 60 s each', () => {
    const mb = 1 << 20;
    for (const line of [
      '新闻正文，'.repeat(mb / 5),
      '<p>正文</p><p></p>'.repeat(mb / 16),
      `<img src="https://a.com/x.jpg" alt="${'图'.repeat(mb)}">`,
      `<img srcset="${'https://a.com/x.jpg 1x, '.repeat(mb / 24)}">`,
      `[link](https://a.com/${'a'.repeat(mb)})`,
    ]) {
      expect(run(`${HEAD}${line}\n`)).toBeLessThan(60_000);
    }
  }, 600_000);

  it('a 50 MB post through the CLI: finishes and reports within 5 minutes', () => {
    const dir = tempDir();
    const block = `${'这是一段很长的新闻正文，讲述了 2021 年的事情。'.repeat(40)}\n\n`;
    const parts = [HEAD];
    let size = HEAD.length;
    let i = 0;
    while (size < 50 * 1024 * 1024) {
      const piece = i++ % 100 === 0 ? `<p><img src="https://cors.zfour.workers.dev/?http://a.com/${i}.jpg"></p>\n\n` : block;
      parts.push(piece);
      size += Buffer.byteLength(piece);
    }
    writeFileSync(path.join(dir, 'big.md'), parts.join(''));
    const r = cli(['check', '--format', 'json', 'big.md'], dir, {}, 300_000);
    expect(r.signal, `timed out after ${r.ms} ms`).toBeNull();
    expect(r.status, r.stderr).toBe(1);
    expect(JSON.parse(r.stdout)[0].messages.length).toBeGreaterThan(0);
    console.log(`[hostile] 50 MB post checked in ${r.ms} ms`);
  }, 400_000);
});

describe('Markdown shapes micromark tokenizes in superlinear time: bounded, the body left alone', () => {
  // Before the bound: 100 kB of `[a](b (` in one paragraph took ~15 s, `[[]](` 4 s, lines of `[a]: <b` 2 s,
  // 5,000 lines of `=` 20 s, one line of `- > ` nested 10,000 deep minutes.
  const SIZE = 100_000;
  const SHAPES = ['[a](b (', '[[]](', '[a]: <b\n', '=\n', 'a\n', '- > ', '&amp;\n\n', 'see [a link](http://x.com/y) and '];
  for (const unit of SHAPES) {
    it(`${SIZE / 1000} kB of ${JSON.stringify(unit)}: linted and fixed under 5 s, the body unchanged`, () => {
      const body = `${unit.repeat(Math.ceil(SIZE / unit.length))}\n`;
      const t = Date.now();
      const messages = lintText(HEAD + body, { rules, filePath: 'post.md' });
      const { output } = fixText(HEAD + body, { rules, filePath: 'post.md' });
      expect(Date.now() - t).toBeLessThan(5_000);
      expect(output.endsWith(body)).toBe(true);
      expect(messages.some((m) => m.ruleId === null && m.severity === 1 && /the body was not checked/.test(m.message))).toBe(true);
    }, 60_000);
  }
});

describe('odd characters and line breaks keep every fixing invariant', () => {
  const posts = realPosts().slice(0, 12).map(([, t]) => t);
  const variants: [string, (t: string) => string][] = [
    ['CR-only line breaks', (t) => t.replace(/\r?\n/g, '\r')],
    ['CRLF line breaks', (t) => t.replace(/\r?\n/g, '\r\n')],
    ['U+2028 / U+2029 separators in the body', (t) => t.replace(/。/g, '。\u2028').replace(/<\/p>/g, '</p>\u2029')],
    ['NUL bytes', (t) => t.replace(/，/g, '，\u0000').replace(/<p>/g, '<p>\u0000')],
    ['lone surrogates', (t) => t.replace(/。/g, '。\ud800').replace(/<\/p>/g, '\udc00</p>')],
    ['a BOM and zero-width characters', (t) => `\ufeff${t.replace(/ /g, '\u200b ')}`],
  ];
  for (const [name, change] of variants) {
    it(name, () => {
      for (const p of posts) checkInvariants(change(p), rules);
    }, 300_000);
  }
});

describe('front matter attacks', () => {
  it('a YAML alias bomb is read quickly, as Hexo reads it (aliases are shared, never expanded)', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      bomb.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const t = Date.now();
    const messages = lintText(`---\n${bomb.join('\n')}\n---\n\nx\n`, { rules });
    expect(Date.now() - t).toBeLessThan(5_000);
    expect(messages.filter((m) => m.fatal)).toEqual([]);
    expect(messages.map((m) => m.ruleId)).toContain('front-matter-required'); // no title: linted as usual
  });

  it('__proto__, constructor and prototype keys pollute nothing', () => {
    const text = '---\n__proto__:\n  polluted: yes\nconstructor:\n  prototype:\n    polluted: yes\ntitle: x\n"__proto__": {isAdmin: true}\n---\n\n<p></p>\n';
    const fixed = fixText(text, { rules });
    lintText(fixed.output, { rules });
    expect(({} as any).polluted).toBeUndefined();
    expect(({} as any).isAdmin).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    checkInvariants(text, rules);
  });

  it('unknown and code-shaped YAML tags are data, never run', () => {
    for (const tag of ['!!js/function "function () { globalThis.__pwned = 1 }"', '!!js/undefined ""', '!!python/object:os.system "id"', '!<tag:yaml.org,2002:js/regexp> /x/', '!!binary aGVsbG8=']) {
      const text = `---\ntitle: ${tag}\ndate: 2021-10-31 08:06:29\n---\n\nx\n`;
      expect(() => run(text)).not.toThrow();
      expect((globalThis as any).__pwned).toBeUndefined();
    }
  });
});

describe('the file system', () => {
  it('symbolic link loops and links out of the tree are not followed; FIFOs, devices, odd names do not hang or crash', () => {
    const outside = tempDir();
    writeFileSync(path.join(outside, 'secret.md'), '---\ntitle: secret\n---\n\n<p></p>\n');
    const dir = tempDir();
    mkdirSync(path.join(dir, 'posts/sub'), { recursive: true });
    writeFileSync(path.join(dir, 'posts/ok.md'), '---\ntitle: ok\n---\n\n<p></p>\n');
    symlinkSync('..', path.join(dir, 'posts/sub/up'));
    symlinkSync('loop-b', path.join(dir, 'posts/loop-a.md'));
    symlinkSync('loop-a.md', path.join(dir, 'posts/loop-b'));
    symlinkSync(outside, path.join(dir, 'posts/outside'));
    symlinkSync(path.join(outside, 'secret.md'), path.join(dir, 'posts/secret-link.md'));
    spawnSync('mkfifo', [path.join(dir, 'posts/pipe.md')]);
    const long = `${'长'.repeat(80)}.md`; // 80 × 3 bytes + 3 = 243 bytes, near NAME_MAX
    writeFileSync(path.join(dir, 'posts', long), '---\ntitle: long\n---\n\n<p></p>\n');
    const badName = Buffer.concat([Buffer.from(path.join(dir, 'posts/')), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from('.md')]);
    writeFileSync(badName, '---\ntitle: bad name\n---\n\n<p></p>\n');
    const ctl = path.join(dir, 'posts', 'name\u001b[31mred\nnext.md');
    // an impossible date is reported and never fixed, so the name is still printed after --fix
    writeFileSync(ctl, '---\ntitle: ctl\ndate: 2021-02-30\n---\n\n<p></p>\n');

    const r = cli(['check', '--fix', 'posts'], dir, {}, 60_000);
    expect(r.signal).toBeNull();
    expect([1, 2]).toContain(r.status);
    expect(r.stdout).not.toContain('secret');
    expect(readFileSync(path.join(outside, 'secret.md'), 'utf8')).toContain('<p></p>');
    expect(readFileSync(path.join(dir, 'posts/ok.md'), 'utf8')).not.toContain('<p></p>');
    expect(readFileSync(path.join(dir, 'posts', long), 'utf8')).not.toContain('<p></p>');
    expect(r.stdout).toContain('not valid UTF-8');
    expect(r.stdout).not.toMatch(/\u001b/);
    expect(r.stdout).toContain('name\\u001b[31mred\\nnext.md');

    // named explicitly: a FIFO and a device are skipped with a note instead of blocking forever
    const named = cli(['check', 'posts/pipe.md', '/dev/zero'], dir, {}, 60_000);
    expect(named.signal).toBeNull();
    expect(named.stdout).toMatch(/skipped: a FIFO/);
    expect(named.stdout).toMatch(/skipped: a character device/);
  }, 120_000);
});
