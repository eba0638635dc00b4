// Nothing executes, nothing phones home: front matter in code languages and code-shaped YAML tags are never
// run, only JSON config files are read (a .js config beside them is ignored), and every CLI path runs with
// the network made to fail without attempting a single connection.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, copyWritable, REAL_POSTS, tempDir } from './helpers.js';

const PRELOAD = path.join(import.meta.dirname, 'no-network.mjs');

function withNetworkBlocked(args: string[], cwd: string) {
  const log = path.join(tempDir(), 'net.log');
  const r = cli(args, cwd, { NODE_OPTIONS: `--import=${PRELOAD}`, NEWSLINT_NET_LOG: log });
  return { ...r, attempts: existsSync(log) ? readFileSync(log, 'utf8') : '' };
}

describe('no network', () => {
  it('the preload does catch a connection attempt (so the test below can fail)', () => {
    const dir = tempDir();
    const script = path.join(dir, 'phone-home.mjs');
    writeFileSync(script, "import net from 'node:net';\ntry { net.connect(9, '127.0.0.1'); } catch {}\ntry { await fetch('http://127.0.0.1:9/'); } catch {}\n");
    const log = path.join(dir, 'net.log');
    spawnSync(process.execPath, [`--import=${PRELOAD}`, script], { env: { ...process.env, NEWSLINT_NET_LOG: log } });
    expect(readFileSync(log, 'utf8')).toMatch(/net\.connect[\s\S]*fetch/);
  });

  it('check, --fix, --fix-dry-run, json, rules over posts full of URLs: no connection attempted', () => {
    const dir = tempDir();
    copyWritable(REAL_POSTS, path.join(dir, '_posts'));
    const runs = [
      ['check', '_posts'],
      ['check', '--format', 'json', '_posts'],
      ['check', '--fix-dry-run', '_posts'],
      ['check', '--fix-dry-run', '--format', 'json', '_posts'],
      ['check', '--fix', '_posts'],
      ['rules'],
      ['rules', '--format', 'json'],
      ['--help'],
    ];
    for (const args of runs) {
      const r = withNetworkBlocked(args, dir);
      expect(r.stderr, args.join(' ')).not.toMatch(/network access blocked|internal error/);
      expect([0, 1], `${args.join(' ')}: ${r.stderr}`).toContain(r.status);
      expect(r.attempts, args.join(' ')).toBe('');
    }
  }, 300_000);
});

describe('nothing executes', () => {
  const marker = (dir: string) => path.join(dir, 'EXECUTED');
  const payload = (dir: string) => `require('fs').writeFileSync(${JSON.stringify(marker(dir))}, 'x')`;

  it('---js, ---javascript, ---coffee and ---cson blocks are not front matter (as to Hexo) and never run', () => {
    const dir = tempDir();
    const posts = {
      'js.md': `---js\n{ title: ${payload(dir)} }\n---\n\nbody\n`,
      'javascript.md': `---javascript\n({ title: (${payload(dir)}) })\n---\n\nbody\n`,
      'coffee.md': `---coffee\ntitle: ${payload(dir)}\n---\n\nbody\n`,
      'cson.md': `---cson\ntitle: ${payload(dir)}\n---\n\nbody\n`,
      'leading-blank.md': `\n---js\n{ title: ${payload(dir)} }\n---\n\nbody\n`,
    };
    for (const [n, t] of Object.entries(posts)) writeFileSync(path.join(dir, n), t);
    for (const args of [['check', '--format', 'json', '.'], ['check', '--fix', '--format', 'json', '.']]) {
      const r = cli(args, dir);
      expect(existsSync(marker(dir))).toBe(false);
      const results = JSON.parse(r.stdout);
      expect(results).toHaveLength(5);
      // Hexo's fences are dashes alone: `---js` opens nothing, the block is body text, and the post has no front
      // matter; after a blank line Hexo reads the text up to the `---` line as YAML, fails, and drops the post.
      for (const res of results) {
        if (res.filePath.endsWith('leading-blank.md')) {
          expect(res.messages).toMatchObject([{ fatal: true, message: expect.stringMatching(/Hexo cannot read it either/) }]);
          continue;
        }
        expect(res.messages.filter((m: { fatal?: boolean }) => m.fatal)).toEqual([]);
        expect(res.messages).toContainEqual(expect.objectContaining({ ruleId: 'front-matter-required', message: expect.stringMatching(/no front matter/) }));
      }
    }
    for (const [n, t] of Object.entries(posts)) expect(readFileSync(path.join(dir, n), 'utf8')).toBe(t);
  });

  it('YAML tags that would build functions or objects elsewhere stay data', () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, 'tags.md'),
      `---\ntitle: !!js/function "function () { ${payload(dir)} }"\nx: !!js/eval "${payload(dir)}"\ny: !!python/object/apply:os.system ["touch ${marker(dir)}"]\n---\n\n<p></p>\n`,
    );
    for (const args of [['check', '.'], ['check', '--fix', '.']]) cli(args, dir);
    expect(existsSync(marker(dir))).toBe(false);
  });

  it('config is JSON only: newslint.config.js, .newslintrc.js, .newslintrc.cjs beside the posts are never loaded', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'posts'));
    writeFileSync(path.join(dir, 'posts/a.md'), '---\ntitle: x\n---\n\n<p></p>\n');
    for (const n of ['newslint.config.js', 'newslint.config.mjs', '.newslintrc.js', '.newslintrc.cjs', '.newslintrc']) {
      writeFileSync(path.join(dir, n), `${payload(dir)};\nmodule.exports = {};\n`);
    }
    const r = cli(['check', 'posts'], dir);
    expect(r.status).toBe(1);
    expect(existsSync(marker(dir))).toBe(false);
    // and a JSON config that tries to smuggle code is just invalid data
    writeFileSync(path.join(dir, 'newslint.config.json'), JSON.stringify({ rules: { 'no-empty-paragraph': `${payload(dir)}` } }));
    const bad = cli(['check', 'posts'], dir);
    expect(bad.status).toBe(2);
    expect(existsSync(marker(dir))).toBe(false);
  });
});
