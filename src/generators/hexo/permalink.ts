// A post's and a page's URL as Hexo 8.1.2 builds it, and whether Hexo can build it at all. Checked against
// the source (below) and against the real functions in test/generators/hexo-files.test.ts.
//
// - Post path: plugins/filter/post_permalink.js. A front-matter `permalink` is the path (with a leading `/`,
//   and a trailing `/` under post_asset_folder). Otherwise the site's `permalink` pattern is filled in:
//   :title is the path below _posts/ without its extension (as plugins/processor/post.js parseFilename reads
//   it with `new_post_name`), :name its last segment, :post_title, :category and the date parts are
//   slugized or digits, and any other :key is the front matter's value as it is.
// - Page path: plugins/processor/asset.js processPage: the front-matter `permalink` (+ `index` after a
//   trailing `/`, + `.html` without an extension), or the file's path with `.html` for its extension.
// - Both models' `permalink` (models/post.js, models/page.js) is hexo-util 4.0.0 full_url_for(path): URL
//   checks, then encode_url: `new URL(url + '/' + path)` and `decodeURI(pathname)`, which throws
//   "URIError: URI malformed" on a stray %. Post.insert/Page.insert evaluate it, so the file fails ("Process
//   failed") and is not published. A path that full_url_for leaves alone (`//host/…`) is inserted, but
//   hexo/index.js _generateLocals calls full_url_for again on the route (hexo/router.js format: leading
//   slashes and the query removed), and that throw stops `hexo generate` for the whole site.

import { splitName } from '../post-files.js';

/** Why Hexo cannot build this URL: the string it parsed, and the error it throws. */
export interface UrlFailure {
  url: string;
  error: string;
}

/** hexo-util full_url_for: null when Hexo builds the URL, or the failure it throws. */
export function fullUrlFailure(siteUrl: string, p: string): UrlFailure | null {
  if (/^(\/\/|https?:)/.test(p)) return null;
  // full_url_for takes the host from the legacy url.parse(config.url), or the whole setting when it has none
  let sitehost = '';
  try {
    sitehost = new URL(siteUrl).hostname;
  } catch {
    // a url setting without a scheme
  }
  sitehost ||= siteUrl;
  let data: URL;
  try {
    data = new URL(p, `http://${sitehost}`);
  } catch {
    return null; // the site's url setting itself is unusable: every post would fail, not this one
  }
  if (data.hostname !== sitehost || data.origin === 'null') return null;
  const url = siteUrl + `/${p}`.replace(/\/{2,}/g, '/');
  // encode_url: only a string with a scheme (legacy url.parse's protocol) goes through new URL and decodeURI;
  // without one it is encodeURI(querystring.unescape(str)), which throws on lone surrogates only
  if (!/^[a-z0-9.+-]+:/i.test(url.trim())) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (err) {
    return { url, error: `${(err as Error).name}: ${(err as Error).message}` };
  }
  if (parsed.origin === 'null') return null;
  try {
    decodeURI(parsed.pathname);
  } catch (err) {
    return { url, error: `${(err as Error).name}: ${(err as Error).message}` };
  }
  return null;
}

/** hexo/router.js format: the route a generated page is stored under. */
export function routeOf(p: string): string {
  let route = p.replace(/^\/+/, '').replace(/\\/g, '/');
  const query = route.indexOf('?');
  if (query !== -1) route = route.slice(0, query);
  return !route || route.endsWith('/') ? `${route}index.html` : route;
}

/** What a post's path is made of. */
export interface PostPathInput {
  /** The path below _posts/ (or _drafts/), `/`-separated, with its extension. */
  below: string;
  /** The path below the source folder (`_posts/a/b.md`): Hexo's `source`. */
  source: string;
  data: Readonly<Record<string, unknown>>;
  /** The site's settings as Hexo reads them: permalink, new_post_name, post_asset_folder, … */
  config: Readonly<Record<string, unknown>>;
  permalink: string;
  /**
   * `insert`: when Post.insert evaluates the permalink, before the post's categories are set (:category is
   * then the site's default_category); `route`: when the site is generated, with its categories.
   */
  stage: 'insert' | 'route';
}

/** A post's path, or `not-text` when its front-matter permalink is not a string (Hexo throws a TypeError). */
export function postPath({ below, source, data, config, permalink, stage }: PostPathInput): string | 'not-text' {
  const assetFolder = Boolean(config.post_asset_folder);
  const own = data.permalink;
  if (own) {
    if (typeof own !== 'string') return 'not-text';
    let p = own;
    if (assetFolder && !p.endsWith('/') && !p.endsWith('.html')) p += '/';
    return p.startsWith('/') ? p : `/${p}`;
  }
  const title = titleOf(below, typeof config.new_post_name === 'string' ? config.new_post_name : ':title.md');
  const categories = data.categories ?? data.category;
  const hasCategory = stage === 'route' && (Array.isArray(categories) ? categories.length > 0 : Boolean(categories));
  // Values Hexo computes itself hold digits, hex or slugized text (no %, ?, # or /); a stand-in will do.
  const meta: Record<string, string> = {
    id: 'id',
    title,
    name: title.slice(title.lastIndexOf('/') + 1),
    post_title: 'title',
    year: '2000',
    month: '01',
    day: '01',
    hour: '00',
    minute: '00',
    second: '00',
    i_month: '1',
    i_day: '1',
    timestamp: '946684800',
    hash: '0123456789ab',
    category: hasCategory ? 'category' : String(config.default_category ?? 'uncategorized'),
    slug: title,
    source,
  };
  const defaults = config.permalink_defaults && typeof config.permalink_defaults === 'object' ? (config.permalink_defaults as Record<string, unknown>) : {};
  const value = (key: string): string => {
    if (Object.hasOwn(meta, key)) return meta[key];
    if (Object.hasOwn(data, key)) return String(data[key]);
    if (Object.hasOwn(defaults, key)) return String(defaults[key]);
    return 'undefined'; // hexo-util Permalink.stringify of a missing key
  };
  const p = fillPermalink(permalink, value);
  return assetFolder && !p.endsWith('/') && !p.endsWith('.html') ? `${p}/` : p;
}

/** A page's path (processPage), or `not-text` for a front-matter permalink that is not a string. */
export function pagePath(source: string, data: Readonly<Record<string, unknown>>): string | 'not-text' {
  const own = data.permalink;
  if (!own) return `${splitName(source).stem}.html`;
  if (typeof own !== 'string') return 'not-text';
  let p = own.endsWith('/') ? `${own}index` : own;
  if (!splitName(p.slice(p.lastIndexOf('/') + 1)).ext) p += '.html';
  return p;
}

/** The names a permalink pattern uses (hexo-util Permalink's /:(\w*[^_\W])/g). */
export function permalinkKeys(pattern: string): string[] {
  const keys: string[] = [];
  fillPermalink(pattern, (k) => (keys.push(k), ''));
  return keys;
}

/**
 * hexo-util Permalink.stringify: each `:name` (word characters, not ending in `_`) replaced by its value.
 * Scanned by hand: the longest run of word characters after `:`, less its trailing underscores.
 */
export function fillPermalink(pattern: string, value: (key: string) => string): string {
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const colon = pattern.indexOf(':', i);
    if (colon === -1) break;
    let end = colon + 1;
    while (end < pattern.length && isWordChar(pattern.charCodeAt(end))) end++;
    let keyEnd = end;
    while (keyEnd > colon + 1 && pattern[keyEnd - 1] === '_') keyEnd--;
    if (keyEnd === colon + 1) {
      out += pattern.slice(i, colon + 1);
      i = colon + 1;
      continue;
    }
    out += pattern.slice(i, colon) + value(pattern.slice(colon + 1, keyEnd));
    i = keyEnd;
  }
  return out + pattern.slice(i);
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/**
 * plugins/processor/post.js parseFilename: the post's :title. With the default `new_post_name` (:title.md)
 * it is the path below _posts/ without its extension; a pattern with other parts (`:year-:month-:day-:title.md`)
 * is matched against it, and a path that does not match gets slugize(path), which holds no `%`.
 */
function titleOf(below: string, newPostName: string): string {
  const rule = newPostName.slice(0, newPostName.length - splitName(newPostName).ext.length);
  const stem = below.slice(0, below.length - splitName(below).ext.length);
  if (rule === ':title') return stem;
  const segments: Record<string, string> = { year: '(\\d{4})', month: '(\\d{2})', day: '(\\d{2})', i_month: '(\\d{1,2})', i_day: '(\\d{1,2})', hash: '([0-9a-f]{12})' };
  const names: string[] = [];
  // hexo-util escape_regexp, then each :key becomes its segment or a lazy group
  const escaped = rule.replace(/[-[\]/{}()*+?.\\^$|]/g, '\\$&');
  const source = fillPermalink(escaped, (key) => (names.push(key), segments[key] ?? '(.+?)'));
  const m = new RegExp(`^${source}$`).exec(stem);
  const at = m ? names.lastIndexOf('title') : -1; // Permalink.parse: a repeated key keeps its last match
  return at !== -1 ? m![at + 1] : 'slugized-title';
}
