// The one URL-unwrapping mechanism: a wrapper pattern says where a wrapper URL keeps the URL it wraps; unwrapping
// extracts that inner URL from the raw text (never re-serialising it) and validates it with the WHATWG URL class.
// Two lists use it: PROXIES (image/CORS proxies, rule no-proxied-url, also no-lazy-image) and TRACKERS
// (redirectors, affiliate trackers and shorteners, rule no-tracking-link). Tracking parameters are the third list.
//
// Exported API (stable):
//   unwrap(url, patterns)            → UnwrapResult: peel every layer matching `patterns` (outermost first).
//   unwrapProxy(url, extra?)         → ProxyResult ({ url, via } | { invalid, via } | null) with PROXIES (+ extra
//                                      patterns first; `opaque` patterns are ignored: a proxy always holds its URL).
//   unwrapTracker(url, extra?)       → UnwrapResult with TRACKERS (+ extra patterns).
//   stripTrackingParams(url, names?) → { url, removed } | null: drops tracking query parameters, byte-exact otherwise.
//   isHttpUrl(url)                   → true for a valid absolute http(s) URL with a host (WHATWG URL).
//   hostnameOf(url)                  → the WHATWG hostname of an absolute or protocol-relative http(s) URL, or null.
//   PROXIES, TRACKERS, TRACKING_PARAMS, PHOTON_PARAMS; WRAPPER_PATTERN_SCHEMA (JSON Schema of one pattern).
//
// UnwrapResult:
//   null                           the URL is not wrapped by any pattern;
//   { url, via }                   `url` is the original URL as written inside the wrapper (valid http(s));
//                                  `via` lists the wrappers' host names, outermost first;
//   { invalid, via }               the outermost wrapper holds `invalid`, which is not a valid http(s) URL;
//   { opaque: true, via }          the outermost wrapper hides its target (a shortener): it cannot be unwrapped.
// When an inner layer is invalid or opaque, the result is the last valid layer ({ url }): unwrapping makes
// progress and the next lint reports the rest.
//
// No regular expression here can backtrack: URLs are untrusted and can be a megabyte long.

export type WrapperType = 'prefix' | 'query' | 'path' | 'opaque';

export interface WrapperPattern {
  /** Host name: exact (`images.weserv.nl`), any subdomain (`*.pvxt.net`), or any host (`*`, prefix type only). */
  host: string;
  /**
   * - prefix: the inner URL follows a fixed prefix after the host: `https://host/?http://…`, `https://host/http://…`.
   * - query:  the inner URL is the value of query parameter `param` (percent-decoded once when it is encoded).
   * - path:   the inner URL's host and path are the wrapper's path: `https://i0.wp.com/example.com/a.jpg`.
   * - opaque: a shortener: the target is not in the URL (report only).
   */
  type: WrapperType;
  /** query: the parameter holding the inner URL (default `url`). */
  param?: string;
  /** query and opaque: the wrapper's path must be exactly this (compared case-insensitively), e.g. `/track.php`. */
  path?: string;
  /** prefix: the text between host and inner URL (default: `/?` or `/`). */
  prefix?: string;
  /** query: a scheme-less inner value (`example.com/a.jpg`) means http, `ssl:example.com/a.jpg` means https (weserv). */
  schemeless?: boolean;
  /** path: scheme of the inner URL (default https). */
  scheme?: 'http' | 'https';
  /** path: a query parameter that, when `1`, means the inner URL is https (Photon's `ssl=1`). */
  sslParam?: string;
  /** path: the wrapper's own query parameters, dropped from the inner URL (others are kept in order). */
  dropParams?: readonly string[];
}

/** Kept for the name other rules use. */
export type ProxyPattern = WrapperPattern;

export type UnwrapResult =
  | { url: string; via: string[] }
  | { invalid: string; via: string[] }
  | { opaque: true; via: string[] }
  | null;

/** Jetpack Photon's own image parameters: dropped when unwrapping an i0–i3.wp.com URL. */
export const PHOTON_PARAMS: readonly string[] = Object.freeze(['w', 'h', 'resize', 'fit', 'quality', 'strip', 'ssl', 'zoom', 'crop', 'lb', 'ulb']);

/** Image and CORS proxies: the wrapper only fetches the original for the page. */
export const PROXIES: readonly WrapperPattern[] = freeze([
  // the RSS importer's CORS proxy (corpus: 10 files, 59 URLs), and the others of its kind
  { host: 'cors.zfour.workers.dev', type: 'prefix' },
  { host: 'cors-anywhere.herokuapp.com', type: 'prefix' },
  { host: 'cors.bridged.cc', type: 'prefix' },
  { host: 'crossorigin.me', type: 'prefix' },
  { host: 'proxy.cors.sh', type: 'prefix' },
  { host: 'thingproxy.freeboard.io', type: 'prefix', prefix: '/fetch/' },
  { host: 'corsproxy.io', type: 'query', param: 'url' },
  { host: 'corsproxy.io', type: 'prefix', prefix: '/?' },
  { host: 'api.allorigins.win', type: 'query', path: '/raw', param: 'url' },
  // image resizing proxies
  { host: 'images.weserv.nl', type: 'query', param: 'url', schemeless: true },
  { host: 'wsrv.nl', type: 'query', param: 'url', schemeless: true },
  ...['i0.wp.com', 'i1.wp.com', 'i2.wp.com', 'i3.wp.com'].map(
    (host): WrapperPattern => ({ host, type: 'path', scheme: 'http', sslParam: 'ssl', dropParams: [...PHOTON_PARAMS] }),
  ),
  // the general shape: any host whose path is `/` and whose query is an absolute http(s) URL
  { host: '*', type: 'prefix', prefix: '/?' },
]);

/** Link redirectors, affiliate trackers and shorteners. Order matters: the first pattern that matches is used. */
export const TRACKERS: readonly WrapperPattern[] = freeze([
  { host: 'www.oschina.net', type: 'query', path: '/action/GoToLink', param: 'url' },
  { host: 'oschina.net', type: 'query', path: '/action/GoToLink', param: 'url' },
  { host: 'link.zhihu.com', type: 'query', param: 'target' },
  { host: 'link.juejin.cn', type: 'query', param: 'target' },
  { host: 'c.duomai.com', type: 'query', path: '/track.php', param: 't' },
  { host: 'c.duomai.com', type: 'opaque', path: '/track.php' },
  { host: '*.pvxt.net', type: 'query', param: 'u' },
  { host: '*.pvxt.net', type: 'opaque' },
  { host: 'www.google.com', type: 'query', path: '/url', param: 'q' },
  { host: 'l.facebook.com', type: 'query', path: '/l.php', param: 'u' },
  { host: 'weibo.cn', type: 'query', path: '/sinaurl', param: 'u' },
  ...['t.cn', 'url.cn', 'dwz.cn', 'suo.im', 'bit.ly', 'goo.gl', 't.co', 'tinyurl.com', 'ow.ly', 'is.gd', 'buff.ly', 'rebrand.ly', 'b23.tv', 'v.douyin.com', 's.click.taobao.com', 'u.jd.com', 'amzn.to'].map(
    (host): WrapperPattern => ({ host, type: 'opaque' }),
  ),
]);

/** Tracking query parameters: a name, a name prefix ending in `*`, or `name=value` (only that value). */
export const TRACKING_PARAMS: readonly string[] = Object.freeze([
  'utm_*', 'spm', 'fbclid', 'gclid', 'dclid', 'msclkid', 'yclid', 'mc_cid', 'mc_eid', 'igshid', '_hsenc', '_hsmi',
  'from=timeline', 'from=singlemessage', 'from=groupmessage', 'isappinstalled',
]);

/** The lists are shared by every run (and, later, worker): nobody may change them. */
function freeze(patterns: WrapperPattern[]): readonly WrapperPattern[] {
  return Object.freeze(patterns.map((p) => Object.freeze({ ...p, ...(p.dropParams ? { dropParams: Object.freeze([...p.dropParams]) } : {}) })));
}

/** JSON Schema of one WrapperPattern (rules' options use it; `types` limits the allowed types). */
export function wrapperPatternSchema(types: WrapperType[]): Record<string, unknown> {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['host', 'type'],
    properties: {
      host: { type: 'string', minLength: 1, pattern: '^(\\*|(\\*\\.)?[A-Za-z0-9.-]+)$' },
      type: { enum: types },
      param: { type: 'string', minLength: 1 },
      path: { type: 'string', pattern: '^/' },
      prefix: { type: 'string', pattern: '^/' },
      schemeless: { type: 'boolean' },
      scheme: { enum: ['http', 'https'] },
      sslParam: { type: 'string', minLength: 1 },
      dropParams: { type: 'array', items: { type: 'string', minLength: 1 } },
    },
  };
}

const MAX_LAYERS = 10;

/** What unwrapProxy gives: never `opaque`. */
export type ProxyResult = { url: string; via: string[] } | { invalid: string; via: string[] } | null;

export function unwrapProxy(url: string, extra: readonly WrapperPattern[] = []): ProxyResult {
  const patterns = extra.length ? [...extra.filter((p) => p.type !== 'opaque'), ...PROXIES] : PROXIES;
  return unwrap(url, patterns) as ProxyResult;
}

export function unwrapTracker(url: string, extra: readonly WrapperPattern[] = []): UnwrapResult {
  return unwrap(url, extra.length ? [...extra, ...TRACKERS] : TRACKERS);
}

/** Peels every wrapper layer of `url` that one of `patterns` matches (user patterns first, then built-ins). */
export function unwrap(url: string, patterns: readonly WrapperPattern[]): UnwrapResult {
  let current = url.trim();
  const via: string[] = [];
  for (let layer = 0; layer < MAX_LAYERS; layer++) {
    const step = unwrapOnce(current, patterns);
    if (!step) break;
    if ('url' in step) {
      via.push(step.via);
      current = step.url;
      continue;
    }
    if (via.length) break; // an inner layer is invalid or opaque: unwrap what can be, the next lint reports the rest
    return 'invalid' in step ? { invalid: step.invalid, via: [step.via] } : { opaque: true, via: [step.via] };
  }
  return via.length ? { url: current, via } : null;
}

type Step = { url: string; via: string } | { invalid: string; via: string } | { opaque: true; via: string } | null;

interface RawUrl {
  hostname: string;
  /** Path as written (from the first character after the authority to `?`, `#` or the end). */
  path: string;
  /** Query as written, without `?` (null when there is no `?`). */
  query: string | null;
  /** Fragment as written, with its `#` ('' when none). */
  fragment: string;
  /** Everything after the authority, as written. */
  rest: string;
}

/** Splits an absolute or protocol-relative http(s) URL into its written parts; null for anything else. */
function splitRaw(url: string): RawUrl | null {
  const hostname = hostnameOf(url);
  if (hostname === null) return null;
  const start = url.indexOf('//') + 2;
  let end = start;
  while (end < url.length && !'/?#\\'.includes(url[end])) end++;
  const rest = url.slice(end);
  const hash = rest.indexOf('#');
  const beforeHash = hash === -1 ? rest : rest.slice(0, hash);
  const q = beforeHash.indexOf('?');
  return {
    hostname,
    path: q === -1 ? beforeHash : beforeHash.slice(0, q),
    query: q === -1 ? null : beforeHash.slice(q + 1),
    fragment: hash === -1 ? '' : rest.slice(hash),
    rest,
  };
}

const HTTP_START = /^(?:https?:)?\/\//i;

/** The WHATWG hostname of an absolute (http/https) or protocol-relative URL, or null. */
export function hostnameOf(url: string): string | null {
  if (!HTTP_START.test(url)) return null;
  try {
    const u = new URL(url.startsWith('//') ? `https:${url}` : url);
    return u.hostname || null;
  } catch {
    return null;
  }
}

/** A valid absolute http(s) URL with a host, as the WHATWG URL parser reads it. */
export function isHttpUrl(url: string): boolean {
  if (/[\u0000-\u0020\u007f]/.test(url)) return false; // the parser would silently drop them; we would write them
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

function hostMatches(pattern: string, hostname: string): boolean {
  const p = pattern.toLowerCase();
  if (p === '*') return true;
  if (p.startsWith('*.')) return hostname.endsWith(p.slice(1)) && hostname.length > p.length - 1;
  return hostname === p;
}

function unwrapOnce(url: string, patterns: readonly WrapperPattern[]): Step {
  const raw = splitRaw(url);
  if (!raw) return null;
  for (const pattern of patterns) {
    if (!hostMatches(pattern.host, raw.hostname)) continue;
    const step = applyPattern(pattern, raw);
    if (step) return step;
  }
  return null;
}

function applyPattern(p: WrapperPattern, raw: RawUrl): Step {
  const via = raw.hostname;
  switch (p.type) {
    case 'prefix': {
      const prefixes = p.prefix ? [p.prefix] : ['/?', '/'];
      const prefix = prefixes.find((x) => raw.rest.startsWith(x));
      if (prefix === undefined) return null;
      let inner = raw.rest.slice(prefix.length);
      // the any-host shape only counts an http(s) URL; a known proxy counts anything scheme-like
      const wrapped = p.host === '*' ? /^https?(?::|%3a)/i.test(inner) : /^(?:[a-z][a-z0-9+.-]*(?::|%3a)|\/\/)/i.test(inner);
      if (!wrapped) return null;
      if (/^[a-z][a-z0-9+.-]*%3a/i.test(inner)) {
        const decoded = decodeOnce(inner);
        if (decoded === null) return { invalid: inner, via };
        inner = decoded;
      }
      return finish(completeScheme(inner, false), via);
    }
    case 'query': {
      if (p.path !== undefined && raw.path.toLowerCase() !== p.path.toLowerCase()) return null;
      if (raw.query === null) return null;
      const value = queryValue(raw.query, p.param ?? 'url');
      if (value === null) return null;
      let inner: string;
      if (/^(?:https?:)?\/\//i.test(value.raw)) {
        // written unencoded: the inner URL's own query runs to the end, and the fragment is its own
        inner = value.literalToEnd + raw.fragment;
      } else {
        const decoded = decodeOnce(value.raw);
        if (decoded === null) return { invalid: value.raw, via };
        inner = decoded;
      }
      return finish(completeScheme(inner, p.schemeless ?? false), via);
    }
    case 'path': {
      const path = raw.path.startsWith('/') ? raw.path.slice(1) : raw.path;
      const slash = path.indexOf('/');
      const host = slash === -1 ? path : path.slice(0, slash);
      if (!host) return null;
      const innerPath = slash === -1 ? '' : path.slice(slash);
      let scheme = p.scheme ?? 'https';
      let query = '';
      if (raw.query !== null) {
        const drop = new Set((p.dropParams ?? []).map((d) => d.toLowerCase()));
        const kept: string[] = [];
        for (const piece of raw.query.split('&')) {
          const name = paramName(piece).toLowerCase();
          if (p.sslParam && name === p.sslParam.toLowerCase()) {
            if (piece.slice(piece.indexOf('=') + 1) === '1' && piece.includes('=')) scheme = 'https';
            continue;
          }
          if (drop.has(name)) continue;
          kept.push(piece);
        }
        if (kept.some((k) => k !== '')) query = `?${kept.join('&')}`;
      }
      return finish(`${scheme}://${host}${innerPath}${query}${raw.fragment}`, via);
    }
    case 'opaque': {
      if (p.path !== undefined ? raw.path.toLowerCase() !== p.path.toLowerCase() : raw.path === '' || raw.path === '/') return null;
      return { opaque: true, via };
    }
  }
}

function finish(inner: string, via: string): Step {
  const cleaned = inner.replace(/[\u0000-\u0020\u007f]/g, (c) => (c === ' ' ? '%20' : encodeURIComponent(c)));
  return isHttpUrl(cleaned) ? { url: cleaned, via } : { invalid: inner, via };
}

/** `//x` → `https://x`, `https:/x` → `https://x`; with `schemeless` (weserv): `ssl:x` → `https://x`, `x` → `http://x`. */
function completeScheme(inner: string, schemeless: boolean): string {
  if (inner.startsWith('//')) return `https:${inner}`;
  const collapsed = /^(https?):\/(?!\/)/i.exec(inner); // cors-anywhere style paths collapse `//`
  if (collapsed) return `${collapsed[1]}://${inner.slice(collapsed[0].length)}`;
  if (schemeless) {
    if (/^ssl:(?!\/\/)/i.test(inner)) return `https://${inner.slice(4)}`;
    if (!/^[a-z][a-z0-9+.-]*:/i.test(inner)) return `http://${inner}`;
  }
  return inner;
}

function decodeOnce(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

function paramName(piece: string): string {
  const eq = piece.indexOf('=');
  const name = eq === -1 ? piece : piece.slice(0, eq);
  return name.includes('%') ? decodeOnce(name) ?? name : name;
}

/**
 * The raw value of query parameter `name` (first occurrence, name compared case-insensitively), or null.
 * `literalToEnd` is the value up to the end of the query: an unencoded inner URL owns every `&` after it.
 */
function queryValue(query: string, name: string): { raw: string; literalToEnd: string } | null {
  const lower = name.toLowerCase();
  let at = 0;
  while (at <= query.length) {
    const amp = query.indexOf('&', at);
    const end = amp === -1 ? query.length : amp;
    const piece = query.slice(at, end);
    if (paramName(piece).toLowerCase() === lower && piece.includes('=')) {
      const valueStart = at + piece.indexOf('=') + 1;
      const raw = query.slice(valueStart, end);
      // an unencoded inner URL with its own `?` keeps every following `&…` as its own
      const literalToEnd = raw.includes('?') ? query.slice(valueStart) : raw;
      return { raw, literalToEnd };
    }
    if (amp === -1) break;
    at = amp + 1;
  }
  return null;
}

/**
 * Removes tracking query parameters from `url`, keeping every other parameter byte-exact and in order, and the
 * fragment. `names` entries: `utm_*` (prefix), `spm` (name, case-insensitive), `from=timeline` (name and value).
 * Returns null when nothing is removed, or when the URL is not an http(s), protocol-relative or relative URL.
 */
export function stripTrackingParams(url: string, names: readonly string[] = TRACKING_PARAMS): { url: string; removed: string[] } | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) && !/^https?:/i.test(url)) return null;
  const q = url.indexOf('?');
  if (q === -1) return null;
  const hash = url.indexOf('#', q);
  const end = hash === -1 ? url.length : hash;
  if (url.indexOf('#') !== -1 && url.indexOf('#') < q) return null; // the `?` is inside the fragment
  const matchers = names.map((n) => {
    const eq = n.indexOf('=');
    const name = (eq === -1 ? n : n.slice(0, eq)).toLowerCase();
    return name.endsWith('*')
      ? { name: name.slice(0, -1), prefix: true, value: null }
      : { name, prefix: false, value: eq === -1 ? null : n.slice(eq + 1) };
  });
  const kept: string[] = [];
  const removed: string[] = [];
  for (const piece of url.slice(q + 1, end).split('&')) {
    const name = paramName(piece).toLowerCase();
    const eq = piece.indexOf('=');
    const value = () => (eq === -1 ? '' : decodeOnce(piece.slice(eq + 1)) ?? piece.slice(eq + 1));
    const tracking =
      name !== '' && matchers.some((m) => (m.prefix ? name.startsWith(m.name) : name === m.name && (m.value === null || value() === m.value)));
    if (tracking) removed.push(eq === -1 ? piece : piece.slice(0, eq));
    else kept.push(piece);
  }
  if (!removed.length) return null;
  // empty pieces (`a=1&&b=2`) are no parameters: once something is removed they go too, so no `&` dangles
  const params = kept.filter((k) => k !== '');
  const query = params.length ? `?${params.join('&')}` : '';
  // `?utm_source=x` alone would become '' (an empty href): keep the `?`, which still means this page
  const next = url.slice(0, q) + query + url.slice(end);
  return { url: next === '' ? '?' : next, removed };
}
