// The oracle scenario of issue 7 item 9, one per generator (test/e2e/generators-*.test.ts): a fixture site is
// built by the real generator, checked and fixed by the real CLI (`newslint check --fix`, no paths, from the
// site root, as a user runs it), and built again. What the generator published before is the reference: a fix
// must keep it. Each promise is its own test, so that a failure names the promise and lists the posts.

import { realpathSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { newslint, tempDir, type Run } from '../e2e/helpers.js';
import { buildSite, listFiles, type Build, type OracleName, type PublishedPost } from './build.js';
import { copySite } from './sites.js';

export interface Expectations {
  /** The build machine's zone, for the generator and for newslint (they run on the same machine). */
  tz: string;
  /** Post files the generator does not publish, each with what its log says (or that it says nothing). */
  dropped: Record<string, RegExp>;
  /** Generated files other than the published posts' own pages. */
  otherPages: string[];
  /** Text a post renders before --fix that it must still render after: templates, links and anchors. */
  renders: Record<string, string[]>;
  /** Where `newslint check` without paths must look: the site's content folder ('' for the site root). */
  contentDir: string;
  /** Folders `newslint check .` at the site root must never walk (generated output, caches, themes, templates). */
  neverChecked: string[];
}

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; fatal?: boolean; severity: number; message: string; line: number; column: number }[];
}

/** Proxies that wrap the fixtures' images (fixtures/real and the hand-written cases). */
const PROXIED = /https?:\/\/cors\.zfour\.workers\.dev\//;
const EMPTY_P = /<p(?:\s[^>]*)?>\s*<\/p>/;

export function describeOracle(name: OracleName, title: string, x: Expectations): void {
  describe(title, () => {
    let site: string;
    let sources: string[];
    let before: Build;
    let after: Build;
    let checked: JsonResult[];
    let checkedDot: JsonResult[];
    let fixed: JsonResult[];
    let fixRun: Run;
    let secondFix: Run;

    beforeAll(async () => {
      site = realpathSync(copySite(name, tempDir()));
      sources = listFiles(site).filter((f) => /\.(?:md|markdown|html?)$/i.test(f) && !f.startsWith('node_modules/'));
      const env = { TZ: x.tz };
      before = buildSite(name, site, { tz: x.tz });
      checked = json(newslint(['check', '--format', 'json'], site, env));
      checkedDot = json(newslint(['check', '--format', 'json', '.'], site, env));
      // A post dated by its file's creation time (Hexo, no readable date) moves if a fix re-creates the file
      // and keeps nothing of that time: let a second pass so that such a move shows at the second.
      await sleep(1100);
      fixRun = newslint(['check', '--fix'], site, env);
      secondFix = newslint(['check', '--fix'], site, env);
      fixed = json(newslint(['check', '--format', 'json'], site, env));
      after = buildSite(name, site, { tz: x.tz });
    });

    const published = (b: Build) => b.posts.filter((p) => p.published);
    const resultOf = (results: JsonResult[], source: string) => results.find((r) => r.filePath === path.join(site, source));
    /**
     * For each post published before --fix, what `differs` says about it before and after (null: nothing), or
     * that it is gone: a post that is no longer published keeps none of its promises.
     */
    const changes = (differs: (b: PublishedPost, a: PublishedPost) => string | null) =>
      published(before).flatMap((p) => {
        const a = after.posts.find((q) => q.source === p.source)?.published;
        const gone = after.pages.includes(p.published!.page)
          ? 'its page is still generated, without what the layout printed: did --fix break a layout?'
          : 'not published after --fix';
        const d = a ? differs(p.published!, a) : gone;
        return d ? [`${p.source}: ${d}`] : [];
      });

    it('builds the site before and after --fix', () => {
      expect(before.ok, before.log).toBe(true);
      expect(fixRun.status, fixRun.stderr).not.toBe(2);
      expect(after.ok, after.log).toBe(true);
    });

    it('drops exactly the expected posts before --fix, saying why (the oracle itself)', () => {
      const dropped = before.posts.filter((p) => !p.published);
      expect(dropped.map((p) => p.source)).toEqual(Object.keys(x.dropped).sort());
      for (const p of dropped) expect(p.reason, p.source).toMatch(x.dropped[p.source]);
      expect(published(before).length).toBeGreaterThan(0);
    });

    it('newslint check without paths, after a build, checks exactly the site content', () => {
      const content = sources.filter((f) => f.startsWith(x.contentDir) && !x.neverChecked.some((d) => f.startsWith(`${d}/`)));
      expect(checked.map((r) => path.relative(site, r.filePath)).sort()).toEqual(content);
      expect(before.pages.length).toBeGreaterThan(0); // the generated pages were there to be skipped
    });

    it('newslint check . never walks the generated output, caches or themes', () => {
      const walked = checkedDot.map((r) => path.relative(site, r.filePath));
      expect(walked.filter((f) => x.neverChecked.some((d) => f.startsWith(`${d}/`)))).toEqual([]);
      expect(walked).toEqual(expect.arrayContaining(checked.map((r) => path.relative(site, r.filePath))));
    });

    it('no post the generator reads is fatal, before or after --fix', () => {
      const fatal = (results: JsonResult[]) =>
        published(before).flatMap((p) => (resultOf(results, p.source)?.messages ?? []).filter((m) => m.fatal).map((m) => `${p.source}: ${m.message}`));
      expect(fatal(checked)).toEqual([]);
      expect(fatal(fixed)).toEqual([]);
    });

    it('every post the generator drops carries a post-file-name problem', () => {
      const silent = before.posts
        .filter((p) => !p.published)
        .filter((p) => !resultOf(checked, p.source)?.messages.some((m) => m.ruleId === 'post-file-name'))
        .map((p) => p.source);
      expect(silent).toEqual([]);
    });

    it('every post published before --fix is published after it', () => {
      expect(changes(() => null)).toEqual([]);
    });

    it('--fix keeps each post\'s date, to the second', () => {
      expect(changes((b, a) => (a.date === b.date ? null : `${b.date} → ${a.date}`))).toEqual([]);
    });

    it('--fix keeps each post\'s title, typography aside', () => {
      const title = (b: PublishedPost, a: PublishedPost) =>
        typographyAside(a.title) === typographyAside(b.title) ? null : `${JSON.stringify(b.title)} → ${JSON.stringify(a.title)}`;
      expect(changes(title)).toEqual([]);
    });

    it('--fix keeps each post\'s categories', () => {
      const categories = (b: PublishedPost, a: PublishedPost) =>
        JSON.stringify(a.categories) === JSON.stringify(b.categories) ? null : `${b.categories.join('/')} → ${a.categories.join('/')}`;
      expect(changes(categories)).toEqual([]);
    });

    it('after --fix the rendered HTML holds no proxied URL (before, it did)', () => {
      expect(withHtml(before, PROXIED).length).toBeGreaterThan(0);
      expect(changes((_, a) => (PROXIED.test(a.html) ? `renders ${PROXIED.exec(a.html)![0]}…` : null))).toEqual([]);
    });

    it('after --fix the rendered HTML holds no empty <p></p> (before, it did)', () => {
      expect(withHtml(before, EMPTY_P).length).toBeGreaterThan(0);
      expect(changes((_, a) => (EMPTY_P.test(a.html) ? `renders ${EMPTY_P.exec(a.html)![0]}` : null))).toEqual([]);
    });

    it('--fix keeps the templates, links and anchors the posts render', () => {
      const lost = (b: Build) =>
        Object.entries(x.renders).flatMap(([source, texts]) => {
          const post = b.posts.find((p) => p.source === source)?.published;
          if (!post) return [`${source}: not published`];
          return texts.filter((t) => !post.html.includes(t)).map((t) => `${source}: no longer renders ${t}`);
        });
      expect(lost(before)).toEqual([]); // what the fixtures promise, checked against the generator itself
      expect(lost(after)).toEqual([]);
    });

    it('generates a page for each published post and the same pages before and after --fix', () => {
      const expected = [...published(before).map((p) => p.published!.page), ...x.otherPages].sort();
      expect(before.pages).toEqual(expected);
      expect(after.pages).toEqual(before.pages);
    });

    it('a second --fix writes nothing', () => {
      expect(secondFix.stderr).toMatch(/^newslint: fixed 0 of \d+ files$/m);
    });

    it('counts what was published, dropped, fatal and reported, before and after --fix', () => {
      const count = (b: Build, results: JsonResult[]) => ({
        published: published(b).length,
        dropped: b.posts.length - published(b).length,
        fatal: results.filter((r) => r.messages.some((m) => m.fatal)).length,
        problems: results.reduce((n, r) => n + r.messages.length, 0),
      });
      const counts = { before: count(before, checked), after: count(after, fixed) };
      console.log(`${title}: ${JSON.stringify(counts)}`);
      expect(counts.before.published + counts.before.dropped).toBe(before.posts.length);
      expect(after.posts.map((p) => p.source)).toEqual(before.posts.map((p) => p.source));
    });
  });
}

function json(r: Run): JsonResult[] {
  try {
    return JSON.parse(r.stdout);
  } catch {
    throw new Error(`newslint printed no JSON (exit ${r.status}): ${r.stderr}`);
  }
}

/** Sources of the published posts whose rendered HTML matches `pattern`. */
function withHtml(b: Build, pattern: RegExp): string[] {
  return b.posts.filter((p) => p.published && pattern.test(p.published.html)).map((p) => p.source);
}

/**
 * A title with typography set aside: full-width and half-width forms (NFKC), CJK quotes and the ideographic
 * full stop and comma, and spacing. What cjk-punctuation and cjk-spacing may change; nothing else.
 */
export function typographyAside(title: string): string {
  return title
    .normalize('NFKC')
    .replace(/[“”「」『』]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/。/g, '.')
    .replace(/、/g, ',')
    .replace(/\s+/g, '');
}
