// Real sites for the generators' file rules: temp sites of Hexo, Jekyll and Hugo, built by the real
// generators (Hexo from node_modules, in a child process; Debian's jekyll and hugo), and post-file-name run
// on them through the API, as `newslint check` (and `--fix`) would.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { NewsLint } from '../../src/api.js';
import { loadBuiltinRules } from '../../src/rules.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

/** Writes files (paths relative to `dir`) and returns `dir`. */
export function writeFiles(dir: string, files: Record<string, string>): string {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

export const post = (title = 't', extra = '') => `---\ntitle: ${title}\n${extra}---\n<p>body</p>\n`;

/** A Hexo site: _config.yml, a package.json that depends on hexo and its Markdown renderer, node_modules. */
export function hexoSite(config: string, files: Record<string, string>): string {
  const dir = tempDir('newslint-hexo-');
  writeFiles(dir, {
    '_config.yml': `title: t\n${/^url:/m.test(config) ? '' : 'url: http://example.com\n'}${config}`,
    'package.json': JSON.stringify({ name: 'site', version: '0.0.0', private: true, hexo: { version: '8.1.2' }, dependencies: { hexo: '8.1.2', 'hexo-renderer-marked': '7.0.1' } }),
  });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return writeFiles(path.join(dir, 'source'), files) && dir;
}

export interface HexoLoad {
  posts: string[];
  pages: string[];
  failed: { file: string; error: string }[];
  stopped: string | null;
}

export function loadHexo(dir: string): HexoLoad {
  const r = spawnSync(process.execPath, [path.join(import.meta.dirname, 'hexo-load.cjs'), dir], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' }, timeout: 60_000 });
  if (r.status !== 0) throw new Error(`hexo did not load the site: ${r.stderr || r.error}`);
  return JSON.parse(r.stdout);
}

/** A Jekyll site whose every page prints its source path. */
export function jekyllSite(config: string, files: Record<string, string>): string {
  return writeFiles(tempDir('newslint-jekyll-'), {
    '_config.yml': `defaults:\n  - scope: { path: "" }\n    values: { layout: p }\n${config}`,
    Gemfile: 'source "https://rubygems.org"\ngem "jekyll"\n',
    '_layouts/p.html': 'SOURCE:{{ page.path }}\n',
    ...files,
  });
}

/** The sources of the pages a build wrote (each prints SOURCE:<path>), or the build's error. */
function printedSources(dest: string): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dest, { recursive: true, encoding: 'utf8' })) {
    if (!f.endsWith('.html')) continue;
    for (const m of readFileSync(path.join(dest, f), 'utf8').matchAll(/^SOURCE:(.*)$/gm)) out.push(m[1]);
  }
  return out.sort();
}

export function buildJekyll(dir: string): { published: string[]; error: string | null } {
  const dest = tempDir('newslint-jekyll-site-');
  const r = spawnSync('jekyll', ['build', '--source', dir, '--destination', dest], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC', JEKYLL_NO_BUNDLER_REQUIRE: 'true' }, timeout: 120_000 });
  if (r.error) throw new Error(`jekyll did not run: ${r.error.message}`);
  if (r.status !== 0) return { published: [], error: `${r.stdout}${r.stderr}` };
  return { published: printedSources(dest), error: null };
}

/** A Hugo site whose every page prints its content file's path. */
export function hugoSite(config: string, files: Record<string, string>): string {
  const dir = writeFiles(tempDir('newslint-hugo-'), {
    'hugo.toml': `baseURL = "http://example.com/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n${config}`,
    'layouts/_default/single.html': 'SOURCE:{{ .File.Path }}\n',
    'layouts/_default/list.html': '{{ range .Pages }}{{ end }}\n',
  });
  return writeFiles(path.join(dir, 'content'), files) && dir;
}

export function buildHugo(dir: string): { published: string[]; error: string | null } {
  const dest = tempDir('newslint-hugo-site-');
  const r = spawnSync('hugo', ['--source', dir, '--destination', dest, '--quiet'], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' }, timeout: 120_000 });
  if (r.error) throw new Error(`hugo did not run: ${r.error.message}`);
  if (r.status !== 0) return { published: [], error: `${r.stdout}${r.stderr}` };
  return { published: printedSources(dest), error: null };
}

export interface Flag {
  message: string;
  /** The new name the rename fix offers, or null. */
  rename: string | null;
}

/**
 * post-file-name alone (rename on) on the given files of a site, found as `newslint check` finds it (paths
 * relative to `base`). With `fix`, --fix: the files are renamed, and the result says where each went.
 */
export async function postFileName(site: string, base: string, files: string[], { fix = false } = {}): Promise<{ flagged: Record<string, Flag>; renamed: Record<string, string> }> {
  const configFile = path.join(tempDir('newslint-config-'), 'newslint.config.json');
  const off = Object.fromEntries((await loadBuiltinRules()).map((r) => [r.meta.id, 'off']));
  writeFileSync(configFile, JSON.stringify({ rules: { ...off, 'post-file-name': ['error', { rename: true }] } }));
  const linter = await NewsLint.create({ cwd: site, configFile, fix, write: fix });
  const results = await linter.lintFiles(files.map((f) => path.join(base, f)));
  const flagged: Record<string, Flag> = {};
  const renamed: Record<string, string> = {};
  for (const r of results) {
    const rel = path.relative(base, r.filePath);
    if (r.renamedTo) renamed[rel] = path.relative(base, r.renamedTo);
    for (const m of r.messages) {
      if (m.ruleId !== 'post-file-name' && !m.fatal) continue;
      flagged[rel] = { message: m.message, rename: m.rename ? path.relative(path.dirname(r.filePath), m.rename.to) : null };
    }
  }
  return { flagged, renamed };
}
