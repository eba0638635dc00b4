// The generators as oracles: builds a site with the real Hexo, Jekyll or Hugo and reports, for every post
// file, whether the generator published it (and if not, what it logged about it), with the title, date,
// categories, URL and rendered HTML it published, and every file it generated.
//
// - Hexo 8.1.2 (devDependency): hexo-build.cjs loads the site in a child node process and reads Hexo's own
//   model (hexo.locals posts), then writes public/.
// - Jekyll 4.3.1 and Hugo 0.111.3 (Debian's /usr/bin/jekyll and /usr/bin/hugo): the fixture sites' post layouts
//   print what the generator published into each page, between ORACLE_* markers, and the harness reads it back.
//
// Every build is clean (the output and caches of an earlier build are removed first), runs with TZ pinned and
// a timeout, and throws when the generator is not installed: a missing oracle never passes silently.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';

export type OracleName = 'hexo' | 'jekyll' | 'hugo';

export interface PublishedPost {
  title: string;
  /** The instant published, ISO 8601 in UTC, to the second. */
  date: string;
  categories: string[];
  url: string;
  /** The generated file it is served from, relative to the output folder. */
  page: string;
  /** The post's body as rendered, without the layout around it. */
  html: string;
}

export interface PostOutcome {
  /** The post's file, relative to the site root, with `/`. */
  source: string;
  /** What the generator published for it; null when it published nothing. */
  published: PublishedPost | null;
  /** Why not: the generator's log lines about the file, or that it said nothing. Null when published. */
  reason: string | null;
}

export interface Build {
  /** The generator finished without an error. */
  ok: boolean;
  /** Every post file (Hexo source/_posts, Jekyll _posts, Hugo content), sorted by source. */
  posts: PostOutcome[];
  /** Every file generated, relative to the output folder, sorted. */
  pages: string[];
  /** What the generator printed, colours removed. */
  log: string;
}

export interface BuildOptions {
  /** The build machine's zone (TZ). Hexo reads dates in it before applying the site's `timezone`. */
  tz?: string;
  timeoutMs?: number;
}

/** Where each generator keeps a site's posts and writes its output (the fixture sites use the defaults). */
export const LAYOUT: Record<OracleName, { posts: string; output: string; caches: string[] }> = {
  hexo: { posts: 'source/_posts', output: 'public', caches: ['db.json'] },
  jekyll: { posts: '_posts', output: '_site', caches: ['.jekyll-cache'] },
  hugo: { posts: 'content', output: 'public', caches: ['resources'] },
};

/** The file names newslint checks in folders (src/files/walk.ts DEFAULT_EXTENSIONS). */
const POST_FILE = /\.(?:md|markdown|html?)$/i;

export const ORACLE_DATA = 'newslint-oracle-data';
export const ORACLE_CONTENT = ['<!--newslint-oracle-content-->', '<!--/newslint-oracle-content-->'] as const;

export function buildSite(name: OracleName, site: string, { tz = 'UTC', timeoutMs = 120_000 }: BuildOptions = {}): Build {
  const { output, caches } = LAYOUT[name];
  for (const p of [output, ...caches]) rmSync(path.join(site, p), { recursive: true, force: true });
  const built = BUILDERS[name](site, { tz, timeoutMs });
  const reasons = (source: string) => {
    const lines = built.log.split('\n').filter((line) => line.includes(path.posix.basename(source)));
    return lines.length ? lines.join('\n') : `${name} published nothing for it and logged nothing about it`;
  };
  const posts = listFiles(path.join(site, LAYOUT[name].posts))
    .filter((f) => POST_FILE.test(f))
    .map((f) => path.posix.join(LAYOUT[name].posts, f))
    .map((source): PostOutcome => {
      const published = built.published.get(source) ?? null;
      return { source, published, reason: published ? null : reasons(source) };
    });
  const pages = built.ok && existsSync(path.join(site, output)) ? listFiles(path.join(site, output)) : [];
  return { ok: built.ok, posts, pages, log: built.log };
}

interface Built {
  ok: boolean;
  /** By source, relative to the site root. */
  published: Map<string, PublishedPost>;
  log: string;
}

const BUILDERS: Record<OracleName, (site: string, opts: Required<BuildOptions>) => Built> = {
  hexo(site, opts) {
    const r = run(process.execPath, [path.join(import.meta.dirname, 'hexo-build.cjs'), site], site, opts);
    if (r.status !== 0) return { ok: false, published: new Map(), log: r.stdout + r.stderr };
    const out = JSON.parse(r.stdout) as { posts: (Omit<PublishedPost, 'page'> & { source: string })[]; log: string[] };
    // Hexo processes the source box on load and again on generate: the same failure is logged twice.
    const log = [...new Set(out.log)].join('\n');
    const published = out.posts.map(({ source, ...p }) => [source, { ...p, date: toSecond(p.date), page: pageOf(p.url) }] as const);
    return { ok: true, published: new Map(published), log };
  },

  jekyll(site, opts) {
    // The fixture's Gemfile is what marks the folder as a Jekyll site for newslint; the oracle runs Debian's
    // jekyll directly, not through Bundler (which would resolve gems and write a Gemfile.lock into the site).
    const r = run('jekyll', ['build', '--source', site, '--destination', path.join(site, '_site')], site, opts, {
      JEKYLL_NO_BUNDLER_REQUIRE: 'true',
    });
    return { ok: r.status === 0, published: readPages(path.join(site, '_site'), ''), log: r.stdout + r.stderr };
  },

  hugo(site, opts) {
    const r = run('hugo', ['--source', site, '--destination', path.join(site, 'public')], site, opts);
    // Hugo's .File.Path is relative to the content folder.
    return { ok: r.status === 0, published: readPages(path.join(site, 'public'), 'content/'), log: r.stdout + r.stderr };
  },
};

function run(command: string, args: string[], cwd: string, { tz, timeoutMs }: Required<BuildOptions>, env: Record<string, string> = {}) {
  const r = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, TZ: tz, NO_COLOR: '1', ...env },
    timeout: timeoutMs,
    maxBuffer: 256 * 1024 * 1024,
  });
  if ((r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    throw new Error(`${command} is not installed, and the oracle tests need it: .ci/run installs jekyll and hugo (apt-get)`);
  }
  if (r.error) throw r.error;
  if (r.signal) throw new Error(`${command} ${args.join(' ')} was stopped by ${r.signal} (timeout ${timeoutMs} ms)`);
  return { status: r.status, stdout: r.stdout, stderr: stripVTControlCharacters(r.stderr) };
}

/**
 * What the post layouts of the Jekyll and Hugo fixture sites printed: a JSON script with the post's source,
 * title, date, categories and URL, and the rendered content between the ORACLE_CONTENT comments.
 */
function readPages(output: string, sourcePrefix: string): Map<string, PublishedPost> {
  const published = new Map<string, PublishedPost>();
  if (!existsSync(output)) return published;
  for (const file of listFiles(output).filter((f) => f.endsWith('.html'))) {
    const page = readFileSync(path.join(output, file), 'utf8');
    const data = between(page, `<script type="application/json" id="${ORACLE_DATA}">`, '</script>');
    if (data === null) continue;
    const { source, date, categories, ...rest } = JSON.parse(data) as Omit<PublishedPost, 'html' | 'page'> & { source: string };
    const html = between(page, ...ORACLE_CONTENT) ?? '';
    published.set(sourcePrefix + source, { ...rest, date: toSecond(date), categories: categories ?? [], page: file, html });
  }
  return published;
}

function between(text: string, start: string, end: string): string | null {
  const from = text.indexOf(start);
  if (from < 0) return null;
  const to = text.indexOf(end, from + start.length);
  return to < 0 ? null : text.slice(from + start.length, to);
}

/** The file a URL is served from: decoded, below the output folder, `index.html` for a folder URL. */
function pageOf(url: string): string {
  const decoded = decodeURI(url).replace(/^\//, '');
  return decoded === '' || decoded.endsWith('/') ? `${decoded}index.html` : decoded;
}

/** ISO 8601 in UTC to the second, whatever offset the generator printed. */
export function toSecond(date: string): string {
  const d = new Date(date);
  if (Number.isNaN(d.getTime())) throw new Error(`the generator published a date that is not one: ${JSON.stringify(date)}`);
  return `${d.toISOString().slice(0, 19)}Z`;
}

/** Files below `dir`, relative, with `/`, sorted; symbolic links are not followed. */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)).split(path.sep).join('/'))
    .sort();
}
