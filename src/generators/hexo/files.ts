// Which files Hexo 8.1.2 does not publish, and why (checked against its source, cited below, and real
// builds in test/generators/hexo-files.test.ts).
//
// Posts: plugins/processor/post.js takes a path below source/_posts/ (or _drafts/) unless
//   - box/index.js readDirWalker: it (or a folder above it) matches the `ignore` globs, tested by micromatch
//     against the absolute path: the file is never listed;
//   - common.js isTmpFile: the path ends with `%` or `~`;
//   - common.js isHiddenFile `/(^|\/)[_.]/` on the path below _posts/: a file or folder below it whose name
//     starts with `_` or `.` (no `include` brings a post back; include only makes it a page);
//   - it is not `renderable`: no renderer for its extension (extend/renderer.js looks the extension up as
//     written: `.MD` has none), it matches `skip_render`, or post_asset_folder is on and its extension is not
//     new_post_name's.
// Those are skipped silently. Then Post.insert evaluates the post's permalink, and a URL that decodeURI
// refuses makes it fail ("Process failed: … URIError: URI malformed"; see permalink.ts); a URL that only
// fails at generation stops the whole site. `exclude` does not apply to posts (the post processor never
// reads it).
//
// Pages (other renderable files in source/): hidden, excluded and ignored files are skipped on purpose (that
// is how a Hexo site hides a file), so only the URL failures are reported for them.

import path from 'node:path';
import picomatch from 'picomatch';
import { quote } from '../../util/quote.js';
import { publishableName, replaceStrayPercents, segmentsBelow, splitName, strayPercents, type DropProblem } from '../post-files.js';
import { fullUrlFailure, pagePath, permalinkKeys, postPath, routeOf, type UrlFailure } from './permalink.js';
import type { PostFile, Site, SiteSettings, Unpublished } from '../types.js';

/**
 * Extensions Hexo renders: its own renderers (plugins/renderer/index.js) and those of hexo-renderer-marked
 * 7.0.1, the Markdown renderer a new Hexo site installs. Looked up as written (case-sensitive).
 */
const RENDERABLE = new Set(['htm', 'html', 'css', 'js', 'json', 'yml', 'yaml', 'njk', 'j2', 'md', 'markdown', 'mkd', 'mkdn', 'mdwn', 'mdtxt', 'mdtext']);

interface Place {
  kind: 'post' | 'draft' | 'page';
  sourceDir: string;
  /** Path segments below the source folder. */
  segments: string[];
}

export function hexoUnpublished(file: PostFile, site: Site): Unpublished | null {
  const place = locate(file.path, site);
  if (!place) return null;
  const problem = problemOf(place, file, site.settings);
  if (!problem) return null;
  const assetFolder = place.kind !== 'page' && Boolean(site.settings.raw.post_asset_folder);
  return {
    effect: problem.effect,
    reason: problem.reason,
    rename: assetFolder ? null : rename(place, file, site.settings, problem),
    advice: assetFolder && problem.fix ? `${problem.advice} and its asset folder (post_asset_folder is on)` : problem.advice,
  };
}

/**
 * A name in the same folder under which Hexo publishes the post. (Not offered under post_asset_folder: a
 * post's images live in a folder named as the post, and renaming the file alone would separate them.)
 */
function rename(place: Place, file: PostFile, settings: SiteSettings, first: DropProblem): string | null {
  const folders = place.segments.slice(0, -1);
  return publishableName(place.segments[place.segments.length - 1], first, (name) =>
    problemOf({ ...place, segments: [...folders, name] }, { ...file, path: path.join(path.dirname(file.path), name) }, settings),
  );
}

function locate(file: string, site: Site): Place | null {
  const { contentDir } = site.settings;
  let sourceDir = contentDir;
  let segments = segmentsBelow(contentDir, file);
  if (!segments) {
    if (site.root !== null) return null; // outside the site's source folder: not content
    // No site found: the folder holding the first _posts (or _drafts) is taken for the source folder; any other
    // file is read as a page of its own folder.
    const parts = file.split(path.sep);
    const at = parts.findIndex((p, i) => i > 0 && i < parts.length - 1 && (p === '_posts' || p === '_drafts'));
    sourceDir = at > 0 ? parts.slice(0, at).join(path.sep) || path.sep : path.dirname(file);
    segments = at > 0 ? parts.slice(at) : [path.basename(file)];
  }
  const kind = segments.length < 2 ? 'page' : segments[0] === '_posts' ? 'post' : segments[0] === '_drafts' ? 'draft' : 'page';
  return { kind, sourceDir, segments };
}

function problemOf(place: Place, file: PostFile, settings: SiteSettings): DropProblem | null {
  // hexo-fs lists paths with `/`; box/index.js escapeBackslash turns a `\` in a name into `/` too
  const rel = place.segments.join('/').replace(/\\/g, '/');
  const name = place.segments[place.segments.length - 1];
  const ext = hexoExtension(name);
  if (place.kind === 'page') {
    // a file without a renderer is copied as it is; hidden, excluded or ignored pages are hidden on purpose
    if (!RENDERABLE.has(ext) || isMatch(rel, settings.skipRender) || isExcluded(rel, settings)) return null;
    if (ignoredBy(place, settings.ignore)) return null;
    const page = pagePath(rel, file.data);
    return urlProblem(place, file, settings, page, page);
  }
  const ignore = ignoredBy(place, settings.ignore);
  if (ignore) {
    return { effect: 'dropped', reason: `it matches the site's ignore pattern ${quote(ignore)}, so Hexo never reads it`, advice: 'take it out of "ignore" in _config.yml' };
  }
  if (rel.endsWith('%') || rel.endsWith('~')) {
    return {
      effect: 'dropped',
      reason: `the name ${quote(name)} ends with "${rel[rel.length - 1]}", which Hexo takes for an editor's temporary file`,
      fix: (n) => n.replace(/[%~]+$/, ''),
      advice: 'rename it',
    };
  }
  const below = rel.split('/').slice(1);
  const hidden = below.findIndex((s) => s.startsWith('_') || s.startsWith('.'));
  if (hidden !== -1) {
    const segment = below[hidden];
    const isName = hidden === below.length - 1;
    const shown = segment.replace(/^[_.]+/, '');
    return {
      effect: 'dropped',
      reason: `${isName ? 'the name' : 'the folder'} ${quote(segment)} starts with "${segment[0]}": Hexo hides files and folders below ${place.segments[0]}/ whose names start with "_" or "."`,
      fix: isName ? (n) => n.replace(/^[_.]+/, '') : undefined,
      advice: isName ? 'rename it' : `rename the folder ${quote(segment)}${shown ? ` (e.g. to ${quote(shown)})` : ''}`,
    };
  }
  if (!RENDERABLE.has(ext)) {
    const lower = ext.toLowerCase();
    const caseOnly = RENDERABLE.has(lower);
    return {
      effect: 'dropped',
      reason: `Hexo has no renderer for the extension ${quote(`.${ext}`)}${caseOnly ? ` (extensions are case-sensitive: ${quote(`.${lower}`)} has one)` : ''}, so the file is not a post`,
      fix: caseOnly ? (n) => n.slice(0, n.length - ext.length) + lower : undefined,
      advice: 'give it a Markdown extension (.md)',
    };
  }
  const skip = settings.skipRender.find((p) => isMatch(rel, [p]));
  if (skip) {
    return { effect: 'dropped', reason: `it matches skip_render ${quote(skip)}: Hexo copies it without rendering it, and not as a post`, advice: 'take it out of skip_render in _config.yml' };
  }
  const newPostName = typeof settings.raw.new_post_name === 'string' ? settings.raw.new_post_name : ':title.md';
  if (settings.raw.post_asset_folder && path.extname(name) !== path.extname(newPostName)) {
    return {
      effect: 'dropped',
      reason: `post_asset_folder is on, so Hexo renders only posts ending in ${quote(path.extname(newPostName))} (the extension of new_post_name)`,
      advice: `rename it (and its asset folder) to end in ${quote(path.extname(newPostName))}`,
    };
  }
  const input = { below: below.join('/'), source: rel, data: file.data, config: settings.raw, permalink: settings.permalink ?? ':year/:month/:day/:title/' };
  const atRoute = place.kind === 'post' || settings.renderDrafts ? postPath({ ...input, stage: 'route' }) : null;
  return urlProblem(place, file, settings, postPath({ ...input, stage: 'insert' }), atRoute);
}

/**
 * The permalink Hexo cannot build: at insert time (the file is dropped), or only for its generated page
 * (hexo/index.js _generateLocals, for files with a layout: the whole site stops).
 */
function urlProblem(place: Place, file: PostFile, settings: SiteSettings, atInsert: string | 'not-text', atRoute: string | 'not-text' | null): DropProblem | null {
  if (atInsert === 'not-text') {
    return {
      effect: 'dropped',
      reason: `its front-matter permalink is ${kindOf(file.data.permalink)}, not text: Hexo fails on it (TypeError) and drops the ${place.kind}`,
      advice: 'make permalink a quoted string',
    };
  }
  const url = settings.url ?? 'http://example.com';
  const inserted = fullUrlFailure(url, atInsert);
  const routed = inserted || atRoute === null || atRoute === 'not-text' || !hasLayout(file.data.layout, place.kind) ? null : fullUrlFailure(url, routeOf(atRoute));
  const failure = inserted ?? routed;
  if (!failure) return null;
  const consequence = inserted ? `drops the ${place.kind}` : 'stops generating the whole site';
  const culprit = culpritOf(place, file, settings, failure);
  return {
    effect: inserted ? 'dropped' : 'site-fails',
    reason: `${culprit.where} holds ${quote(culprit.text)}, which is not a %-escape: Hexo cannot decode the URL made from it (${failure.error}) and ${consequence}`,
    fix: culprit.inName ? (n) => { const { stem, ext } = splitName(n); return replaceStrayPercents(stem) + ext; } : undefined,
    advice: culprit.advice,
  };
}

/** Which part of the post gave its URL the stray `%`: its name, a folder, its front matter, or the site's settings. */
function culpritOf(place: Place, file: PostFile, settings: SiteSettings, failure: UrlFailure): { where: string; text: string; inName: boolean; advice: string } {
  const stray = (s: string) => strayPercents(s)[0]?.text;
  const own = file.data.permalink;
  if (typeof own === 'string' && own && stray(own)) {
    return { where: `its front-matter permalink ${quote(own)}`, text: stray(own)!, inName: false, advice: 'write the % in its permalink as %25, or remove it' };
  }
  const keys = place.kind === 'page' ? ['title'] : permalinkKeys(settings.permalink ?? '');
  const name = place.segments[place.segments.length - 1];
  if (keys.some((k) => k === 'title' || k === 'name' || k === 'slug' || k === 'source')) {
    const folder = place.segments.slice(place.kind === 'page' ? 0 : 1, -1).find((s) => stray(s));
    const fromName = stray(splitName(name).stem);
    if (fromName) return { where: `the name ${quote(name)}`, text: fromName, inName: true, advice: 'rename it' };
    if (folder) return { where: `the folder ${quote(folder)}`, text: stray(folder)!, inName: false, advice: `rename the folder ${quote(folder)}` };
  }
  for (const key of keys) {
    const value = file.data[key];
    if (typeof value === 'string' && stray(value)) {
      return { where: `its front-matter ${key} ${quote(value)} (the permalink's :${key})`, text: stray(value)!, inName: false, advice: `write the % in ${key} as %25, or remove it` };
    }
  }
  return { where: `its URL ${quote(failure.url)}`, text: stray(failure.url) ?? '%', inName: false, advice: "check the site's url and permalink settings" };
}

/** extend/renderer.js getExtname: the extension as written, or the whole name when it has none. */
function hexoExtension(name: string): string {
  const ext = path.extname(name) || name;
  return ext.startsWith('.') ? ext.slice(1) : ext;
}

/** plugins/generator/post.js and page.js render a route with a layout unless it is falsy or "false" (pages: or "off"). */
function hasLayout(layout: unknown, kind: Place['kind']): boolean {
  return layout === undefined || (Boolean(layout) && layout !== 'false' && (kind !== 'page' || layout !== 'off'));
}

/** common.js isMatch: micromatch.isMatch with its defaults. */
function isMatch(p: string, patterns: readonly string[]): boolean {
  return patterns.length > 0 && picomatch(patterns as string[])(p);
}

/** common.js isExcludedFile, for pages: excluded, or hidden and not included. */
function isExcluded(rel: string, settings: SiteSettings): boolean {
  return isMatch(rel, settings.exclude) || (/(^|\/)[_.]/.test(rel) && !isMatch(rel, settings.include));
}

/** box/index.js readDirWalker: the pattern of `ignore` matching the source folder (with a trailing /), a folder below it or the file, by absolute path. */
function ignoredBy(place: Place, ignore: readonly string[]): string | null {
  if (!ignore.length) return null;
  const paths = [place.sourceDir.endsWith(path.sep) ? place.sourceDir : place.sourceDir + path.sep];
  for (let i = 1; i <= place.segments.length; i++) paths.push(path.join(place.sourceDir, ...place.segments.slice(0, i)));
  for (const pattern of ignore) {
    const match = picomatch(pattern);
    if (paths.some((p) => match(p))) return pattern;
  }
  return null;
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (typeof value === 'object') return 'a mapping';
  return `the ${typeof value} ${String(value)}`;
}
