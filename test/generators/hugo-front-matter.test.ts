// Differential test: newslint's Hugo front-matter reader against the real hugo 0.111.3. Posts newslint reads
// are built together in one site whose layout prints each page's RawContent (what Hugo renders from); a
// build that fails names the post it failed on. `hugo convert toYAML` then writes the data Hugo loaded for
// each post. Posts newslint calls fatal are built one by one: each must fail the build.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { readHugoFrontMatter } from '../../src/generators/hugo/front-matter.js';
import { ArticleError } from '../../src/parse/errors.js';
import { comparable, samplePosts } from './corpus.js';

const TMP = mkdtempSync(path.join(os.tmpdir(), 'newslint-hugo-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const CONFIG = `baseURL = "http://example.org/"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404", "home", "section"]
buildDrafts = true
buildFuture = true
buildExpired = true
`;
const LAYOUT = '{{ jsonify (dict "file" .File.BaseFileName "raw" .RawContent) }}';

let sites = 0;
/** A site holding `posts` as content/posts/p<i>.md. */
function site(posts: Map<string, string>): string {
  const dir = path.join(TMP, `site${sites++}`);
  mkdirSync(path.join(dir, 'content/posts'), { recursive: true });
  mkdirSync(path.join(dir, 'layouts/_default'), { recursive: true });
  writeFileSync(path.join(dir, 'hugo.toml'), CONFIG);
  writeFileSync(path.join(dir, 'layouts/_default/single.html'), LAYOUT);
  for (const [name, text] of posts) writeFileSync(path.join(dir, 'content/posts', `${name}.md`), text);
  return dir;
}

function hugo(dir: string, ...args: string[]) {
  return spawnSync('hugo', ['--quiet', ...args], { cwd: dir, encoding: 'utf8' });
}

/** Builds, dropping each post a build fails on; returns those posts (name → Hugo's error) and each page's RawContent. */
function buildAll(dir: string): { failed: Map<string, string>; raw: Map<string, string> } {
  const failed = new Map<string, string>();
  for (;;) {
    const r = hugo(dir);
    if (r.status === 0) break;
    const m = /content\/posts\/(p\d+)\.md[^"]*": (.*)/.exec(r.stderr);
    if (!m) throw new Error(`hugo failed without naming a post: ${r.stderr}`);
    failed.set(m[1], m[2]);
    rmSync(path.join(dir, 'content/posts', `${m[1]}.md`));
  }
  const raw = new Map<string, string>();
  const pages = path.join(dir, 'public/posts');
  for (const name of existsSync(pages) ? readdirSync(pages) : []) {
    const page = JSON.parse(readFileSync(path.join(pages, name, 'index.html'), 'utf8'));
    raw.set(page.file, page.raw);
  }
  return { failed, raw };
}

/** The data Hugo loaded for each post, as `hugo convert toYAML` writes it (yaml.v2's canonical output). */
function convertedData(dir: string): Map<string, unknown> {
  const out = path.join(dir, 'converted');
  const r = hugo(dir, 'convert', 'toYAML', '--unsafe', '-o', out);
  if (r.status !== 0) throw new Error(`hugo convert failed: ${r.stderr}`);
  const data = new Map<string, unknown>();
  const posts = path.join(out, 'content/posts');
  for (const file of readdirSync(posts)) {
    const text = readFileSync(path.join(posts, file), 'utf8');
    const end = text.indexOf('\n---\n', 3);
    data.set(file.replace(/\.md$/, ''), yaml.load(text.slice(4, end + 1)) ?? {});
  }
  return data;
}


/**
 * RawContent is the source after the front matter, with three quirks: the whole file (BOM included) when
 * that is empty or there is no front matter, and the `-->` of a comment around the front matter, which Hugo
 * skips when it renders.
 */
function sameBody(text: string, raw: string, body: string): boolean {
  const file = text.replace(/^\ufeff/, '');
  if (raw.replace(/^\ufeff/, '') === body) return true;
  if (body === '' && raw === text) return true;
  return /^[ \t\r\n]*<!--/.test(file) && raw.slice(raw.indexOf('-->') + 3) === body;
}

/**
 * Hugo's data as `hugo convert` writes it, shaped like ours: TOML dates as instants; and where convert
 * turned a top-level string that reads as a date into a time (written as `{}` by yaml.v2, or as its own
 * date text), our string stands.
 */
function theirsComparable(value: unknown, like: unknown, top = true): unknown {
  if (like instanceof Date && typeof value === 'string') return { instant: Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value) };
  if (top && value && typeof value === 'object' && !Array.isArray(value)) {
    const l = like && typeof like === 'object' ? (like as Record<string, unknown>) : {};
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => {
        const convertedDate = typeof l[k] === 'string' && ((v && typeof v === 'object' && !Object.keys(v).length) || (typeof v === 'string' && v !== l[k] && !Number.isNaN(Date.parse(v))));
        return [k, convertedDate ? l[k] : theirsComparable(v, l[k], false)];
      }),
    );
  }
  if (Array.isArray(value)) return value.map((v, i) => theirsComparable(v, Array.isArray(like) ? like[i] : undefined, false));
  if (value && typeof value === 'object') {
    const l = like && typeof like === 'object' ? (like as Record<string, unknown>) : {};
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, theirsComparable(v, l[k], false)]));
  }
  return value;
}

/**
 * The one known difference (src/generators/libyaml.ts): yaml.v2, like libyaml, refuses a tab where a line's
 * content would start in block context; js-yaml reads past it.
 */
function knownTabGap(text: string, error: string): boolean {
  return error.includes('tab character') || (error.includes('cannot start any token') && /^ *\t/m.test(text));
}

function ours(text: string): { throws: string } | { body: string; data: unknown } {
  try {
    const loaded = readHugoFrontMatter(text);
    return loaded ? { body: text.slice(loaded.block.bodyStart), data: loaded.data } : { body: text, data: {} };
  } catch (err) {
    expect(err).toBeInstanceOf(ArticleError);
    expect((err as Error).message).toMatch(/^front matter: Hugo cannot read it either \(.+\); the build fails$/);
    return { throws: (err as Error).message };
  }
}

/** Runs the differential check over `posts` (file texts as Hugo reads them); returns the disagreements. */
function differences(posts: string[]): unknown[] {
  const mine = posts.map((p) => ours(p.replace(/^\ufeff/, '')));
  const readable = new Map<string, string>();
  const fatal: number[] = [];
  mine.forEach((m, i) => ('throws' in m ? fatal.push(i) : readable.set(`p${i}`, posts[i])));
  const wrong: unknown[] = [];
  const dir = site(readable);
  const { failed, raw } = buildAll(dir);
  for (const [name, error] of failed) {
    // a body's shortcode with no template in this bare site fails the build, whatever the front matter
    if (knownTabGap(readable.get(name)!, error) || error.includes('failed to extract shortcode')) continue;
    wrong.push({ post: readable.get(name), newslint: 'reads it', hugo: error });
  }
  const data = convertedData(dir);
  for (const [name, text] of readable) {
    if (failed.has(name)) continue;
    const m = mine[Number(name.slice(1))] as { body: string; data: unknown };
    if (!sameBody(text, raw.get(name)!, m.body)) wrong.push({ post: text, newslint: { body: m.body }, hugo: { body: raw.get(name) } });
    const theirs = theirsComparable(data.get(name), m.data);
    try {
      expect(comparable(m.data)).toEqual(theirs);
    } catch {
      wrong.push({ post: text, newslint: comparable(m.data), hugo: theirs });
    }
  }
  // every post newslint calls fatal fails the build: all in one site, each build must fail on one of them
  const unreadable = new Map(fatal.map((i) => [`p${i}`, posts[i]]));
  const built = buildAll(site(unreadable));
  for (const [name, text] of unreadable) {
    if (!built.failed.has(name)) wrong.push({ post: text, newslint: (mine[Number(name.slice(1))] as { throws: string }).throws, hugo: 'builds it' });
  }
  return wrong;
}

describe('Hugo front matter: newslint reads what hugo 0.111.3 reads', () => {
  it('agrees on the cases that decide the split', () => {
    expect(
      differences([
        '---\ntitle: x\n---\nbody\n',
        '\n\n  \t---\ntitle: lead\n---\nbody\n',
        '\ufeff---\ntitle: bom\n---\nbody\n',
        '---\r\ntitle: crlf\r\n---\r\nbody\r\n',
        '---\ntitle: cr\r---\rbody\r',
        '---\ntitle: c4\n----\nbody\n',
        '---\ntitle: ct\n--- trailing\nbody\n',
        '------\ntitle: six\n---\nbody\n',
        '----\ntitle: four\n---\nbody\n',
        '---title: same line\n---\nbody\n',
        '---\n---\nbody\n',
        '---\ntitle: eof\n---',
        '---\ntitle: unclosed\n',
        '- a list first\n- b\n',
        '+ a list first\n',
        '--x\n',
        '+++\ntitle = "t"\nn = 1_000\nd = 2021-10-31\nt = 2021-10-31T08:06:29Z\n[sub]\nk = [1, 2]\n+++\nbody\n',
        '+++\ntitle = "x"\ntitle = "y"\n+++\nbody\n',
        '+++\ntitle = "x\n+++\nbody\n',
        '{"title": "j", "a": "}", "b": "\\"{"}\nbody\n',
        '{"title": "j",\n"n": 1}\r\nbody\n',
        '{"title": \n',
        '[1, 2]\n',
        '<!--\n---\ntitle: in a comment\n---\n-->\nbody\n',
        '<!-- one line -->\nbody\n',
        '<p>html first</p>\n',
        '# heading\nbody\n',
        'just text\n',
        '---\n- a\n---\nbody\n',
        '---\njust text\n---\nbody\n',
        '---\n  a: 1\nb: 2\n---\nbody\n',
        "---\ntitle: '## 入手umi\n对于路由的考虑真心全乎，666'\n---\nbody\n",
        '---\ntitle: a\ntitle: b\n---\nbody\n',
        '---\nn: 1\ny: 2\n010: 3\n~: 4\nnull: 5\nyes: 6\nsub:\n  n: 1\n  010: 2\n  yes: 3\n---\nbody\n',
        '---\nTitle: X\nnested:\n  Key: [y, N, on, Off, ~, 010, 08, 0o10, 0x1F, 0b101, 1_000, 1e3, +.5, .5, 1:30, ._5, 1e400, 2021-10-31, "yes"]\n  sym: :sym\n---\nbody\n',
      ]),
    ).toEqual([]);
  });

  it('agrees over real, mutated and generated posts', () => {
    const posts = samplePosts(Number(process.env.NEWSLINT_HUGO_RUNS ?? 100), Number(process.env.NEWSLINT_SEED ?? 5)).map((p) => p.text);
    expect(differences(posts)).toEqual([]);
  });
});
