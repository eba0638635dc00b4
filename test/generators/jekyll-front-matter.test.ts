// Differential test: newslint's Jekyll front-matter reader against the real Jekyll 4.3.1 (Debian) and Psych
// 4.0.3. One `ruby` run reads a batch of posts with Jekyll's own YAML_FRONT_MATTER_REGEXP and
// Jekyll::Utils.safe_load_yaml (test/generators/jekyll-oracle.rb); for each, newslint must find the same
// block, the same body and the same data, and fail to load exactly where Psych fails.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readJekyllFrontMatter } from '../../src/generators/jekyll/front-matter.js';
import { siteWithoutRoot } from '../../src/generators/index.js';
import { ArticleError } from '../../src/parse/errors.js';
import { samplePosts } from './corpus.js';

const ORACLE = path.join(import.meta.dirname, 'jekyll-oracle.rb');

type Tagged = null | boolean | string | Tagged[] | { int: string } | { float: string } | { date: string } | { time: number } | { map: [Tagged, Tagged][] } | { binary: number[] } | { other: string };
type Oracle = { match: false } | { match: true; body: string; data?: Tagged; error?: string; message?: string };
type Outcome = { match: boolean; body?: string; data?: unknown; unreadable?: boolean };

/** Runs Jekyll's reader (jekyll-oracle.rb) over a batch of posts, in one ruby process. */
function jekyll(posts: string[]): Oracle[] {
  const r = spawnSync('ruby', [ORACLE], { input: JSON.stringify(posts), encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`ruby failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** Jekyll's data in JS terms: what newslint should load. Ruby hash keys become JS property names. */
function untag(v: Tagged): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(untag);
  if ('int' in v) return Number(v.int);
  if ('float' in v) return Number(v.float);
  if ('date' in v) return { instant: Date.parse(`${v.date}T00:00:00Z`) };
  if ('time' in v) return { instant: v.time };
  if ('binary' in v) return Buffer.from(v.binary).toString('latin1');
  if ('map' in v) return Object.fromEntries(v.map.map(([k, x]) => [keyName(k), untag(x)]));
  return v;
}

function keyName(k: Tagged): string {
  const v = untag(k);
  return v && typeof v === 'object' && 'instant' in v ? new Date((v as { instant: number }).instant).toString() : String(v);
}

/** Dates as instants. */
function comparable(value: unknown): unknown {
  if (value instanceof Date) return { instant: value.getTime() };
  if (Array.isArray(value)) return value.map(comparable);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, comparable(v)]));
  return value;
}

function ours(text: string): Outcome {
  const loaded = readJekyllFrontMatter(text);
  if (!loaded) return { match: false };
  const body = text.slice(loaded.block.bodyStart);
  return loaded.unreadable ? { match: true, body, unreadable: true } : { match: true, body, data: comparable(loaded.data) };
}

function theirs(o: Oracle): Outcome {
  if (!o.match) return { match: false };
  if (o.error) return { match: true, body: o.body, unreadable: true };
  const data = untag(o.data ?? null);
  // a value that is not a mapping: Jekyll's merge_data! fails ("could not read file"), the data is dropped
  if (data !== null && (typeof data !== 'object' || Array.isArray(data) || 'instant' in (data as object))) return { match: true, body: o.body, unreadable: true };
  return { match: true, body: o.body, data: data ?? {} };
}

/**
 * The one known difference (src/generators/jekyll/front-matter.ts): libyaml refuses a tab where a line's
 * content would start in block context; js-yaml, newslint's parser, reads past it.
 */
function knownTabGap(text: string, o: Oracle): boolean {
  if (!o.match || !o.message) return false;
  if (o.message.includes('tab character')) return true;
  const m = /found character that cannot start any token.* at line (\d+) column (\d+)/.exec(o.message);
  return m !== null && (text.split('\n')[Number(m[1]) - 1] ?? '')[Number(m[2]) - 1] === '\t';
}

describe('Jekyll front matter: newslint reads what Jekyll 4.3.1 and Psych 4.0.3 read', () => {
  it('agrees on the split, the body, the data and the failures over real, mutated and generated posts', () => {
    const seed = Number(process.env.NEWSLINT_SEED ?? 7);
    const posts = samplePosts(Number(process.env.NEWSLINT_PROPERTY_RUNS ?? 1500), seed).map((p) => p.text.replace(/^\ufeff/, ''));
    const oracle = jekyll(posts);
    const wrong = posts.flatMap((text, i) => {
      if (knownTabGap(text, oracle[i])) return [];
      const a = ours(text);
      const b = theirs(oracle[i]);
      try {
        expect(a).toEqual(b);
        return [];
      } catch {
        return [{ text, ours: a, jekyll: b, psych: oracle[i] }];
      }
    });
    if (process.env.SHOW) console.log(JSON.stringify(wrong.map((w) => [w.text, w.psych.match && (w.psych.error ? w.psych.message : w.psych.data), w.ours]), null, 1));
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('reads plain scalars as Psych::ScalarScanner does: YAML 1.1 booleans, numbers, base 60, dates, times', () => {
    const chars = fc.constantFrom(...'0123456789+-:._,eExXbBoTtZz yYnNoOfF~:'.split(''));
    const shaped = fc.constantFrom(
      '1,000', '0b101', '0x1F', '-0x1f', '010', '08', '0o10', '1_000', '1__0', '+.5', '.5', '1.', '-.', '1e3', '1.5e+3', '1.5e3', '1:30', '1:30:15', '-1:30',
      '1:30.5', '1:60', '.inf', '-.Inf', '+.INF', '.NaN', 'yes', 'Yes', 'YES', 'yEs', 'y', 'n', 'on', 'ON', 'off', 'No', 'nULL', '~', 'null', 'TRUE', 'tRue',
      '2021-1-5', '2021-02-29', '2020-02-29', '2021-00-10', '2021-13-01', '0099-01-01', '2021-10-31 08:06:29', '2021-10-31t08:06:29.5Z', '2021-10-31 8:06:29 +8',
      '2021-10-31 08:06:29 -00:30', '2021-10-31 08:06:29+0800', '2021-10-31 08:06:29 +800', '2021-02-30 10:00:00', '2021-02-32 10:00:00', '2021-01-01 24:00:00',
      '2021-01-01 24:00:01', '2021-01-01 23:59:60', '2021-01-01 23:60:00', '-2021-01-01 00:00:00', '2021-10-31T08:06:29.123456789-05:30', 'Sun, 31 Oct 2021',
    );
    const scalar = fc.oneof(shaped, fc.string({ unit: chars, minLength: 1, maxLength: 12 }).map((x) => x.trim()).filter((x) => x !== ''));
    const values = [...new Set(fc.sample(scalar, { numRuns: 1500, seed: Number(process.env.NEWSLINT_SEED ?? 11) }))];
    const posts = values.map((v) => `---\nv: ${v}\n---\n`);
    const oracle = jekyll(posts);
    const wrong = posts.flatMap((text, i) => {
      const a = ours(text);
      const b = theirs(oracle[i]);
      const [x, y] = [(a.data as { v?: unknown })?.v, (b.data as { v?: unknown })?.v];
      // JSON writes NaN and ±Infinity as null: numbers are compared as they are
      const same = JSON.stringify(a) === JSON.stringify(b) && (typeof x !== 'number' || Object.is(x, y));
      return same ? [] : [{ value: values[i], ours: a, psych: oracle[i] }];
    });
    expect(wrong).toEqual([]);
  });

  describe('what a real `jekyll build` does with posts in _posts', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'newslint-jekyll-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const posts: Record<string, string> = {
      '2021-01-01-ok.md': '---\nlayout: page\ntitle: ok\n---\nbody ok\n',
      '2021-01-02-none.md': 'no front matter\n',
      '2021-01-03-syntax.md': '---\nlayout: page\ntitle: foo\nbar\n---\nbody syntax\n',
      '2021-01-04-list.md': '---\n- a\n---\nbody list\n',
      '2021-01-05-symbol.md': '---\nlayout: page\ns: :smile\n---\nbody symbol\n',
      '2021-01-06-lead.md': '\n---\nlayout: page\ntitle: lead\n---\nbody lead\n',
    };
    function build(config: string) {
      rmSync(path.join(dir, '_site'), { recursive: true, force: true });
      mkdirSync(path.join(dir, '_posts'), { recursive: true });
      mkdirSync(path.join(dir, '_layouts'), { recursive: true });
      writeFileSync(path.join(dir, '_config.yml'), config);
      writeFileSync(path.join(dir, '_layouts/page.html'), 'LAYOUT {{ page.title }} [{{ content }}]');
      for (const [name, text] of Object.entries(posts)) writeFileSync(path.join(dir, '_posts', name), text);
      const r = spawnSync('jekyll', ['build', '--source', dir, '--destination', path.join(dir, '_site')], { encoding: 'utf8' });
      const pages = new Map<string, string>();
      const site = path.join(dir, '_site');
      for (const f of existsSync(site) ? readdirSync(site, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')) : []) {
        pages.set(path.basename(f, '.html'), `${path.dirname(f)}: ${readFileSync(path.join(dir, '_site', f), 'utf8').trim()}`);
      }
      return { status: r.status, log: r.stdout + r.stderr, pages };
    }

    it('publishes a post whose front matter it cannot read: the body alone, no layout, the build date; newslint lints it, noting why', () => {
      const { status, log, pages } = build('title: t\n');
      expect(status).toBe(0);
      expect(pages.get('ok')).toBe('2021/01/01: LAYOUT ok [<p>body ok</p>\n]');
      expect(pages.get('none')).toBe('2021/01/02: <p>no front matter</p>');
      expect(pages.get('lead')).toBe('2021/01/06: <hr />\n<p>layout: page\ntitle: lead\n—\nbody lead</p>');
      for (const name of ['syntax', 'list', 'symbol']) {
        const page = [...pages].find(([k]) => k.endsWith(name));
        expect(page?.[1]).toMatch(new RegExp(`^(?!2021/01)\\d{4}/\\d{2}/\\d{2}: <p>body ${name}</p>$`));
      }
      expect(log).toMatch(/YAML Exception reading .*2021-01-03-syntax\.md/);
      expect(log).toMatch(/could not read file .*2021-01-04-list\.md/);
      expect(log).toMatch(/could not read file .*2021-01-05-symbol\.md: Tried to load unspecified class: Symbol/);

      expect(readJekyllFrontMatter(posts['2021-01-01-ok.md'])?.data).toEqual({ layout: 'page', title: 'ok' });
      expect(readJekyllFrontMatter(posts['2021-01-02-none.md'])).toBeNull();
      expect(readJekyllFrontMatter(posts['2021-01-06-lead.md'])).toBeNull();
      for (const name of ['2021-01-03-syntax.md', '2021-01-04-list.md', '2021-01-05-symbol.md']) {
        const loaded = readJekyllFrontMatter(posts[name])!;
        expect(loaded.data).toEqual({});
        expect(loaded.unreadable?.reason).toBeTruthy();
        expect(posts[name].slice(loaded.block.bodyStart)).toMatch(/^body /);
      }
    });

    it('fails the build on such a post with strict_front_matter; newslint then calls the post fatal', () => {
      const { status, log } = build('title: t\nstrict_front_matter: true\n');
      expect(status).not.toBe(0);
      expect(log).toMatch(/2021-01-0[345]/);
      const settings = siteWithoutRoot('jekyll').settings;
      const strict = { ...settings, raw: { strict_front_matter: true } };
      expect(() => readJekyllFrontMatter(posts['2021-01-03-syntax.md'], strict)).toThrow(ArticleError);
      expect(() => readJekyllFrontMatter(posts['2021-01-03-syntax.md'], strict)).toThrow(/^front matter: Jekyll cannot read it either \(.+\); with strict_front_matter the build fails$/);
    });
  });
});
