// The Hexo plugin (packages/hexo-newslint) as a user gets it: both packages packed with `npm pack` and
// installed from the tarballs into a Hexo site in a temp folder, next to the real hexo 8.1.2 and its Markdown
// renderer; `hexo generate` and `hexo newslint` run by the site's own node_modules/.bin/hexo. Scraped posts
// from fixtures/real (proxied images, empty paragraphs, captions) are the site's posts.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { pack } from '../helpers/pack.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const REAL = path.join(ROOT, 'fixtures/real/_posts/新媒体/ZAKER');
/** The posts, by their name in the site: the first has proxied images and empty paragraphs, the second captions too. */
const POSTS: Record<string, string> = {
  'zaker.md': path.join(REAL, 'channel/微软正式禁用 Win11_10 MSIX AppX 安装器协议链接.md'),
  'g20.md': path.join(REAL, 'source/G20领导人峰会 习近平提出这一目标.md'),
};

let temp: string;
let site: string;
const posts = () => path.join(site, 'source/_posts');
const hashes = () => Object.fromEntries(Object.keys(POSTS).map((name) => [name, createHash('sha256').update(readFileSync(path.join(posts(), name))).digest('hex')]));
const page = (url: string) => readFileSync(path.join(site, 'public', url, 'index.html'), 'utf8');

beforeAll(() => {
  temp = mkdtempSync(path.join(os.tmpdir(), 'newslint-hexo-plugin-'));
  const packs = path.join(temp, 'packs');
  mkdirSync(packs);
  for (const dir of [ROOT, path.join(ROOT, 'packages/hexo-newslint')]) pack(dir, packs);
  site = path.join(temp, 'site');
  mkdirSync(site);
  writeFileSync(
    path.join(site, 'package.json'),
    JSON.stringify({
      name: 'site',
      version: '0.0.0',
      private: true,
      hexo: { version: '8.1.2' },
      dependencies: {
        hexo: '8.1.2',
        'hexo-renderer-marked': '7.0.1',
        'hexo-server': '3.0.0',
        newslint: `file:${path.join(packs, 'newslint-0.1.0.tgz')}`,
        'hexo-newslint': `file:${path.join(packs, 'hexo-newslint-0.1.0.tgz')}`,
      },
    }),
  );
  npm(['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts'], site); // npm 11 runs no unapproved install script anyway (hexo-util's build:highlight)
  cpSync(path.join(ROOT, 'fixtures/sites/hexo/themes'), path.join(site, 'themes'), { recursive: true });
  mkdirSync(posts(), { recursive: true });
  for (const [name, from] of Object.entries(POSTS)) cpSync(from, path.join(posts(), name));
  // a newslint config outside the site's source, for the `config` option
  mkdirSync(path.join(site, 'lint'));
  writeFileSync(path.join(site, 'lint/newslint.json'), JSON.stringify({ rules: { 'cjk-punctuation': 'off' } }));
}, 150_000);

afterAll(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
});

function npm(args: string[], cwd: string): void {
  const r = spawnSync('npm', args, { cwd, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`npm ${args.join(' ')} failed in ${cwd}: ${r.stderr || r.error}`);
}

/** Writes the site's _config.yml with these lines for `newslint:` (none: no key) and removes the last build. */
function configure(newslint: string | null): void {
  const key = newslint === null ? '' : `newslint:\n${newslint.replace(/^/gm, '  ')}\n`;
  writeFileSync(path.join(site, '_config.yml'), `title: t\nurl: http://example.com\ntheme: oracle\npermalink: :title/\n${key}`);
  for (const p of ['public', 'db.json']) rmSync(path.join(site, p), { recursive: true, force: true });
}

function hexo(...args: string[]): { status: number | null; log: string } {
  const r = spawnSync(path.join(site, 'node_modules/.bin/hexo'), args, {
    cwd: site,
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC', NO_COLOR: '1' },
    timeout: 60_000,
  });
  if (r.error) throw r.error;
  return { status: r.status, log: stripVTControlCharacters(r.stdout + r.stderr) };
}

describe('hexo-newslint installed from its tarball into a Hexo site', () => {
  it('is the packed plugin, beside the packed newslint (not one from the registry)', () => {
    const manifest = (dir: string) => JSON.parse(readFileSync(path.join(site, 'node_modules', dir, 'package.json'), 'utf8'));
    expect(manifest('hexo-newslint')).toMatchObject({ name: 'hexo-newslint', version: '0.1.0' });
    expect(manifest('newslint')).toMatchObject({ name: 'newslint', version: '0.1.0', main: 'dist/src/api.js' });
    expect(existsSync(path.join(site, 'node_modules/hexo-newslint/node_modules/newslint'))).toBe(false);
  });

  it('hexo generate renders the posts fixed, and the source files stay byte-identical', () => {
    const zaker = readFileSync(POSTS['zaker.md'], 'utf8');
    // what the fixes must remove is there to begin with
    expect(zaker).toContain('src="https://cors.zfour.workers.dev/?http://zkres2.myzaker.com/202202/61fe317bb15ec077a77c4dde_1024.jpg"');
    expect(zaker).toContain('<p></p>');
    expect(readFileSync(POSTS['g20.md'], 'utf8')).not.toContain('alt="新罗马会议中心摆放的旗阵。"');
    configure(null);
    const before = hashes();
    const { status, log } = hexo('generate');
    expect(status, log).toBe(0);
    const html = page('zaker') + page('g20');
    expect(html).toContain('src="http://zkres2.myzaker.com/202202/61fe317bb15ec077a77c4dde_1024.jpg"');
    expect(html).not.toContain('cors.zfour.workers.dev');
    expect(html).not.toMatch(/<p>\s*<\/p>/);
    expect(page('g20')).toContain('alt="新罗马会议中心摆放的旗阵。"'); // from the caption under the image
    expect(log).toMatch(/INFO {2}newslint: 2 posts checked, 2 fixed in memory, \d+ errors and \d+ warnings left/);
    expect(log).toMatch(/WARN {2}newslint: source\/_posts\/zaker\.md:\d+:\d+ .*\(cjk-punctuation\)/); // turned off below
    expect(hashes()).toEqual(before);
  });

  it('hexo server serves the posts fixed, rendered on request, and the source files stay byte-identical', async () => {
    configure(null);
    const before = hashes();
    const server = spawn(path.join(site, 'node_modules/.bin/hexo'), ['server', '--port', '0', '--ip', '127.0.0.1'], {
      cwd: site,
      env: { ...process.env, TZ: 'UTC', NO_COLOR: '1' },
    });
    let log = '';
    try {
      // hexo-server logs where it listens once the site is loaded (and the posts filtered)
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`hexo server did not start:\n${log}`)), 60_000);
        const onData = (chunk: Buffer) => {
          log += stripVTControlCharacters(chunk.toString('utf8'));
          const m = /Hexo is running at (http:\/\/[^\s]+?)\/? \./.exec(log) ?? /(http:\/\/127\.0\.0\.1:\d+)/.exec(log);
          if (m) {
            clearTimeout(timer);
            resolve(m[1].replace(/\/$/, ''));
          }
        };
        server.stdout.on('data', onData);
        server.stderr.on('data', onData);
        server.on('exit', (code) => reject(new Error(`hexo server exited (${code}):\n${log}`)));
      });
      const zaker = await (await fetch(`${url}/zaker/`)).text();
      expect(zaker).toContain('src="http://zkres2.myzaker.com/202202/61fe317bb15ec077a77c4dde_1024.jpg"');
      expect(zaker).not.toContain('cors.zfour.workers.dev');
      expect(zaker).not.toMatch(/<p>\s*<\/p>/);
      expect(await (await fetch(`${url}/g20/`)).text()).toContain('alt="新罗马会议中心摆放的旗阵。"');
    } finally {
      server.kill();
    }
    expect(log).toMatch(/newslint: source\/_posts\/zaker\.md:\d+:\d+ /);
    expect(hashes()).toEqual(before);
  }, 90_000);

  it('logs the problems left with file:line, and with failOn: error hexo generate exits 1', () => {
    configure('failOn: error');
    const before = hashes();
    const { status, log } = hexo('generate');
    expect(status, log).toBe(1);
    // zaker.md's first image has no caption: its missing alt is left, on line 16 of the file, where the image is
    const left = /ERROR newslint: source\/_posts\/zaker\.md:(\d+):\d+ Image has no alt text; no caption found to write \(image-alt\)/.exec(log);
    expect(left, log).not.toBeNull();
    expect(readFileSync(path.join(posts(), 'zaker.md'), 'utf8').split('\n')[Number(left![1]) - 1]).toContain('<img');
    // a front-matter fix (the date) is not applied in memory: its problem is reported where it is in the file
    expect(log).toMatch(/ERROR newslint: source\/_posts\/zaker\.md:11:7 "date" "Sat, 05 Feb 2022 00:16:12 GMT" .*\(date-format\)/);
    expect(log).toContain('ERROR newslint: 2 posts with problems at failOn level "error": exit code 1');
    expect(existsSync(path.join(site, 'public/zaker/index.html'))).toBe(true); // the site is still built
    expect(hashes()).toEqual(before);
    // again, with Hexo's cache (db.json) from that build: Hexo would not render the unchanged posts again
    const again = hexo('generate');
    expect(again.status, again.log).toBe(1);
    expect(again.log).toContain('INFO  newslint: 2 posts checked');
  });

  it('with fix: false, renders the posts as they are and only reports (with the config file named in _config.yml)', () => {
    configure('fix: false\nconfig: lint/newslint.json');
    const { status, log } = hexo('generate');
    expect(status, log).toBe(0);
    expect(page('zaker')).toContain('cors.zfour.workers.dev');
    expect(log).toMatch(/ERROR newslint: source\/_posts\/zaker\.md:\d+:\d+ URL goes through proxy "cors\.zfour\.workers\.dev"/);
    expect(log).toMatch(/newslint: 2 posts checked, 0 fixed in memory/);
    expect(log).not.toContain('cjk-punctuation');
  });

  it('an invalid option stops the build with exit 2 and says what is wrong', () => {
    configure('failOn: sometimes');
    const { status, log } = hexo('generate');
    expect(status, log).toBe(2);
    expect(log).toContain('newslint.failOn in _config.yml must be error, warn or never, not "sometimes"');
  });

  it('hexo newslint reports on the source folder (exit 1), with the config file named in _config.yml; hexo newslint --fix writes the fixes', () => {
    configure('config: lint/newslint.json');
    const before = hashes();
    const check = hexo('newslint');
    expect(check.status, check.log).toBe(1);
    expect(check.log).toContain('source/_posts/zaker.md');
    expect(check.log).toMatch(/\d+:\d+ +error +URL goes through proxy "cors\.zfour\.workers\.dev".*no-proxied-url/);
    expect(check.log).not.toContain('cjk-punctuation');
    expect(hashes()).toEqual(before);

    const fix = hexo('newslint', '--fix');
    expect(fix.status, fix.log).toBe(1); // images without captions keep their missing alt: problems remain
    const fixed = readFileSync(path.join(posts(), 'zaker.md'), 'utf8');
    expect(fixed).not.toContain('cors.zfour.workers.dev');
    expect(fixed).not.toContain('<p></p>');
    expect(fixed).toContain("date: '2022-02-05T00:16:12+00:00'");
  });
});
