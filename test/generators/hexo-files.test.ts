// Hexo 8.1.2 itself decides: temp sites loaded by the real Hexo (with hexo-renderer-marked), and
// post-file-name flags exactly the posts Hexo leaves out; after --fix with "rename": true, Hexo publishes
// every renamed post.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { fullUrlFailure, routeOf } from '../../src/generators/hexo/permalink.js';
import { strayPercents } from '../../src/generators/post-files.js';
import { hexoSite, loadHexo, post, postFileName } from './helpers.js';

const require = createRequire(import.meta.url);

const PUBLISHED = [
  '_posts/ok.md',
  '_posts/新媒体/cnBeta/最新/(RED)发视频庆祝与苹果合作15周年.md',
  '_posts/a%41 %E4%B8%AD.md',
  '_posts/~tilde.md',
  '_posts/#hash.md',
  '_posts/q?x%zz.md',
  '_posts/excl.md',
  '_posts/x.markdown',
  '_posts/y.html',
];
/** What Hexo leaves out, and the name --fix gives the post (null: no rename makes Hexo publish it). */
const DROPPED: Record<string, string | null> = {
  '_posts/_under.md': '_posts/under.md',
  '_posts/.dot.md': '_posts/dot.md',
  '_posts/_hid/in.md': null,
  '_posts/UP.MD': '_posts/UP.md',
  '_posts/x.txt': null,
  '_posts/x.md~': '_posts/x.md',
  '_posts/skip.md': null,
  '_posts/ign/x.md': null,
  '_posts/a%zz.md': '_posts/a％zz.md',
  '_posts/100%.md': '_posts/100％.md',
  '_posts/pct%e4%b8.md': '_posts/pct％e4％b8.md',
  '_posts/_b%zz.md': '_posts/b％zz.md',
  '_posts/sub%zz/x.md': null,
  '_posts/fm-permalink.md': null,
  '_posts/number-permalink.md': null,
  'p%zz.md': 'p％zz.md',
  'page-permalink.md': null,
  'page-number.md': null,
};
const special: Record<string, string> = {
  '_posts/fm-permalink.md': post('t', 'permalink: 50%off/\n'),
  '_posts/number-permalink.md': post('t', 'permalink: 123\n'),
  'page-permalink.md': post('t', 'permalink: 50%off/\n'),
  'page-number.md': post('t', 'permalink: 2021\n'),
};

describe('Hexo drops exactly the posts post-file-name flags', () => {
  const files = [...PUBLISHED, ...Object.keys(DROPPED), 'about.md', '_hidden-page.md'];
  const dir = hexoSite("exclude: ['_posts/excl.md']\nskip_render: ['_posts/skip.md']\nignore: ['**/ign/**']\n", Object.fromEntries(files.map((f) => [f, special[f] ?? post()])));
  const source = `${dir}/source`;

  it('publishes, drops and renames as the rule says', async () => {
    const before = loadHexo(dir);
    expect(before.stopped).toBeNull();
    expect(before.posts).toEqual([...PUBLISHED].sort());
    expect(before.pages).toEqual(['about.md']);
    // the stray-% posts and pages are not silent: Hexo logs them and goes on
    expect(before.failed.map((f) => f.file).sort()).toEqual(['_posts/100%.md', '_posts/a%zz.md', '_posts/fm-permalink.md', '_posts/number-permalink.md', '_posts/pct%e4%b8.md', '_posts/sub%zz/x.md', 'p%zz.md', 'page-number.md', 'page-permalink.md']);
    expect(new Set(before.failed.map((f) => f.error))).toEqual(new Set(['URIError: URI malformed', 'TypeError: __permalink.startsWith is not a function', 'TypeError: data.path.endsWith is not a function']));

    const { flagged } = await postFileName(dir, source, files);
    // a hidden page is how a Hexo site hides a file: not flagged
    expect(Object.keys(flagged).sort()).toEqual(Object.keys(DROPPED).sort());
    expect(Object.fromEntries(Object.entries(flagged).map(([f, v]) => [f, v.rename && `${f.slice(0, f.lastIndexOf('/') + 1)}${v.rename}`]))).toEqual(DROPPED);

    const { renamed } = await postFileName(dir, source, files, { fix: true });
    const renames = Object.fromEntries(Object.entries(DROPPED).filter(([, to]) => to)) as Record<string, string>;
    expect(renamed).toEqual(renames);
    const after = loadHexo(dir);
    expect(after.stopped).toBeNull();
    expect(after.posts).toEqual([...PUBLISHED, ...Object.values(renames).filter((f) => f.startsWith('_posts/'))].sort());
    expect(after.pages).toEqual(['about.md', 'p％zz.md']);
    const still = await postFileName(dir, source, [...PUBLISHED, ...Object.keys(DROPPED).filter((f) => !DROPPED[f]), ...Object.values(renames)]);
    expect(Object.keys(still.flagged).sort()).toEqual(Object.keys(DROPPED).filter((f) => !DROPPED[f]).sort());
  });
});

describe('Hexo settings that make names matter', () => {
  it(':name, new_post_name and front-matter keys in the permalink', async () => {
    const files = { '2021-01-01-b%zz.md': post(), 'b%zz.md': post(), 'author.md': post('t', 'author: a%zz\n'), 'ok.md': post('t', 'author: me\n') };
    const dir = hexoSite("permalink: ':author/:name.html'\nnew_post_name: ':year-:month-:day-:title.md'\nurl: https://example.com/blog\n", Object.fromEntries(Object.entries(files).map(([f, t]) => [`_posts/${f}`, t])));
    const load = loadHexo(dir);
    expect(load.posts).toEqual(['_posts/b%zz.md', '_posts/ok.md']); // b%zz.md does not match new_post_name: slugized
    const { flagged } = await postFileName(dir, `${dir}/source/_posts`, Object.keys(files));
    expect(flagged).toEqual({
      '2021-01-01-b%zz.md': { message: expect.stringMatching(/the name "2021-01-01-b%zz\.md" holds "%zz"/), rename: '2021-01-01-b％zz.md' },
      'author.md': { message: expect.stringMatching(/its front-matter author "a%zz" \(the permalink's :author\) holds "%zz"/), rename: null },
    });
  });

  it('post_asset_folder: only new_post_name\'s extension renders, and no rename separates a post from its assets', async () => {
    const dir = hexoSite('post_asset_folder: true\n', { '_posts/ok.md': post(), '_posts/x.markdown': post(), '_posts/a%zz.md': post(), '_posts/a%zz/img.png': 'png' });
    expect(loadHexo(dir).posts).toEqual(['_posts/ok.md']);
    const { flagged } = await postFileName(dir, `${dir}/source/_posts`, ['ok.md', 'x.markdown', 'a%zz.md']);
    expect(flagged).toEqual({
      'x.markdown': { message: expect.stringMatching(/post_asset_folder is on, so Hexo renders only posts ending in "\.md"/), rename: null },
      'a%zz.md': { message: expect.stringMatching(/; rename it and its asset folder \(post_asset_folder is on\)$/), rename: null },
    });
  });

  it('a permalink that fails only when the site is generated stops the whole site', async () => {
    const dir = hexoSite('', { '_posts/ok.md': post(), '_posts/evil.md': post('t', 'permalink: //evil%zz/\n') });
    const load = loadHexo(dir);
    expect(load.failed).toEqual([]);
    expect(load.stopped).toBe('URIError: URI malformed');
    const { flagged } = await postFileName(dir, `${dir}/source/_posts`, ['ok.md', 'evil.md']);
    expect(flagged).toEqual({ 'evil.md': { message: expect.stringMatching(/^Hexo cannot build the site with this post: .* stops generating the whole site;/), rename: null } });
  });
});

describe("newslint's copy of hexo-util full_url_for", () => {
  const fullUrlFor = require('hexo-util').full_url_for as (this: { config: Record<string, unknown> }, p: string) => string;
  const throws = (url: string, p: string) => {
    try {
      fullUrlFor.call({ config: { url } }, p);
      return null;
    } catch (err) {
      return `${(err as Error).name}: ${(err as Error).message}`;
    }
  };
  const urls = ['http://example.com', 'https://example.com/blog/', 'http://例子.测试', 'example.com', 'http://example.com:4000/a%20b'];
  const paths = ['2021/01/01/ok/', 'a%zz/', '/a%zz/', '//evil%zz/', 'http:x%zz', 'q?x%zz', 'h#x%zz', '\\a%zz', 'a%e4%b8/', 'a%E4%B8%AD/', '%', '100%25', 'evil%zz/index.html', 'a b/c%2/', '/\\evil.com/%zz'];

  it('fails exactly where the real one throws', () => {
    for (const url of urls) {
      for (const p of paths) {
        expect(fullUrlFailure(url, p)?.error ?? null, `${url} + ${p}`).toBe(throws(url, p));
      }
    }
  });

  it('finds the stray % where decodeURI throws', () => {
    for (const s of ['a%zz', '%', 'a%4', '%e4%b8', '%C0%AF', '%ED%A0%80', '%F8%80%80%80', '%41%e4%b8%ad%2F', '100%25']) {
      let fails = false;
      try {
        decodeURI(s);
      } catch {
        fails = true;
      }
      expect(strayPercents(s).length > 0, s).toBe(fails);
    }
    expect(routeOf('//evil%zz/')).toBe('evil%zz/index.html');
  });
});
