// CJK typography helpers shared by cjk-punctuation and cjk-spacing: character classes, and the article's
// running text (HTML text nodes / Markdown paragraph text of the body) as chunks with a protection mask that
// marks what no CJK rule may edit or treat as prose: code, entities, URLs, e-mail addresses, paths, @mentions,
// #tags, template tags, Markdown link destinations and titles. Every scanner here is linear-time (indexOf, loops
// that never go back, bounded regexes): the text is untrusted.

import type { Article, Node, Range } from '../rule-api.js';
import type { Generator } from '../generators/index.js';
import { childNodes, isElement, isText } from '../rule-api.js';

/** Mask values: FREE text may be edited; NEUTRAL is opaque and never spaced; CODE is inline code, spaced like a word. */
export const FREE = 0;
export const NEUTRAL = 1;
export const CODE = 2;

export interface Chunk {
  /** Offset of text[0] in article.text. */
  start: number;
  /** The source text (not decoded). */
  text: string;
  /** One value per UTF-16 unit of `text`: FREE, NEUTRAL or CODE. */
  mask: Uint8Array;
}

/** Han, kana, bopomofo, CJK radicals/strokes/enclosed forms, compatibility ideographs and Hangul (pangu's set). */
export function isCJK(c: number): boolean {
  return (
    isHanKana(c) ||
    (c >= 0x2e80 && c <= 0x2fdf) ||
    (c >= 0x3100 && c <= 0x312f) ||
    (c >= 0x31a0 && c <= 0x31ff) ||
    (c >= 0x3200 && c <= 0x32ff) ||
    (c >= 0xac00 && c <= 0xd7af) ||
    (c >= 0x1100 && c <= 0x11ff) ||
    (c >= 0x3130 && c <= 0x318f)
  );
}

/** Chinese/Japanese script (Han and kana, no Hangul): where Chinese full-width punctuation belongs. */
export function isHanKana(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x3040 && c <= 0x309f) ||
    (c >= 0x30a0 && c <= 0x30fa) ||
    (c >= 0x30fc && c <= 0x30ff) ||
    (c >= 0xf900 && c <= 0xfaff)
  );
}

/** ASCII letters and digits, Latin-1/Extended letters, Greek, Cyrillic, Roman numerals. */
export function isLatin(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x370 && c <= 0x3ff) ||
    (c >= 0x400 && c <= 0x4ff) ||
    (c >= 0x2160 && c <= 0x2188)
  );
}

export function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Full-width punctuation that ends or opens nothing by itself: sentence and clause marks. */
export const FULL_STOPS = '，。、；：！？';
/** Full-width brackets (quotes excluded: whether a space goes outside “…” is disputed). */
export const FULL_BRACKETS = '（）《》〈〉【】「」『』〔〕';
export const FULL_OPENERS = '“‘（《〈【「『〔';
export const FULL_CLOSERS = '”’）》〉】」』〕';

/** Characters that end a path/URL/mention token besides whitespace. */
const TOKEN_END = new Set([...'，。、；：！？“”‘’（）《》〈〉【】「」『』〔〕<>"\'()[]|*`']);

const LITERAL_TAGS = new Set(['pre', 'code', 'script', 'style', 'textarea', 'xmp', 'plaintext', 'svg', 'math', 'template']);

/**
 * The running text of the body: one chunk per HTML text node (Markdown paragraph text included, as parse5 sees
 * it), split at blank lines, leaving out literal elements; with Markdown code, link destinations, the bare URLs
 * the site's generator links and the shapes listed above masked.
 */
export function runningText(article: Article): Chunk[] {
  const code: Range[] = [];
  const neutral: Range[] = [];
  for (const r of article.literalRanges) {
    // Inline code spans (backticks) stand like a word beside prose; blocks and literal elements are just opaque.
    if (article.text.charCodeAt(r[0]) === 0x60 && !article.text.slice(r[0], r[1]).includes('\n\n')) code.push(r);
    else neutral.push(r);
  }
  for (const l of article.markdown.links) neutral.push([l.url.range[0], l.range[1]]);
  for (const i of article.markdown.images) if (i.url) neutral.push([i.url.range[0], i.range[1]]);
  neutral.sort((a, b) => a[0] - b[0]);
  // A Markdown post is rendered: its generator may link bare URLs further than they look (Hexo up to the next space).
  const linker = article.format === 'markdown' ? article.site.generator : null;

  const chunks: Chunk[] = [];
  const stack: Node[] = [...childNodes(article.html.fragment as unknown as Node)].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (isElement(node)) {
      if (LITERAL_TAGS.has(node.tagName)) continue;
      const kids = childNodes(node);
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
      continue;
    }
    if (!isText(node) || !node.sourceCodeLocation) continue;
    const { startOffset, endOffset } = node.sourceCodeLocation;
    if (endOffset <= startOffset) continue;
    splitBlankLines(article.text, startOffset, endOffset, (a, b) => chunks.push(makeChunk(article.text, a, b, code, neutral, linker)));
  }
  return chunks;
}

function splitBlankLines(text: string, a: number, b: number, emit: (a: number, b: number) => void): void {
  // Searched within the node only: a search over the rest of the file for each of many text nodes on one long
  // line was quadratic (a 1 MB line of <p>…</p> took minutes).
  // (A blank line that starts inside the node may end just after it: the search runs over the spaces and the
  // line break that follow.)
  let end = b;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t' || text[end] === '\r')) end++;
  if (text[end] === '\n') end++;
  const part = text.slice(a, end);
  const n = b - a;
  const re = /\n[ \t\r]*\n/g;
  let from = 0;
  for (;;) {
    const m = re.exec(part);
    if (!m || m.index >= n) break;
    if (m.index > from) emit(a + from, a + m.index);
    from = Math.min(n, m.index + m[0].length);
    re.lastIndex = from;
  }
  if (n > from) emit(a + from, b);
}

function makeChunk(source: string, a: number, b: number, code: Range[], neutral: Range[], linker: Generator | null): Chunk {
  const text = source.slice(a, b);
  const mask = new Uint8Array(text.length);
  markRanges(mask, a, b, code, CODE);
  markRanges(mask, a, b, neutral, NEUTRAL);
  if (linker) for (const [s, e] of linker.bareUrls(text)) mark(mask, s, e);
  protectText(text, mask);
  return { start: a, text, mask };
}

function markRanges(mask: Uint8Array, a: number, b: number, ranges: Range[], value: number): void {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid][0] < a) lo = mid + 1;
    else hi = mid;
  }
  // Ranges may start before `a` and reach into it: look back over the few that could.
  let i = lo;
  while (i > 0 && ranges[i - 1][1] > a) i--;
  for (; i < ranges.length && ranges[i][0] < b; i++) {
    const s = Math.max(a, ranges[i][0]) - a;
    const e = Math.min(b, ranges[i][1]) - a;
    for (let k = s; k < e; k++) if (mask[k] === FREE) mask[k] = value;
  }
}

function mark(mask: Uint8Array, s: number, e: number): void {
  for (let k = Math.max(0, s); k < e && k < mask.length; k++) if (mask[k] === FREE) mask[k] = NEUTRAL;
}

const ENTITY = /&(?:#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[A-Za-z][A-Za-z0-9]{1,31});/g;
/** Where a bare URL starts: a scheme and `://`, `www.`, `mailto:`. */
const URL_START = /[A-Za-z][A-Za-z0-9+.-]{0,15}:\/\/|www\.|mailto:/g;
/** What ends a bare URL besides whitespace: characters a URL never holds as they are, and full-width punctuation. */
const URL_END = new Set([...'<>"\'`“”‘’', ...FULL_STOPS, ...FULL_BRACKETS]);

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c || c === 0xa0 || c === 0x3000;
}

/** Masks, in plain text, the shapes no typography rule may touch (also used on front-matter values). */
export function protectText(text: string, mask: Uint8Array): void {
  for (const m of text.matchAll(ENTITY)) mark(mask, m.index, m.index + m[0].length);
  let urlsTo = 0;
  for (const m of text.matchAll(URL_START)) {
    if (m.index < urlsTo) continue; // a scheme inside the URL before (`https://a.com/?u=http://b.com`)
    urlsTo = urlEnd(text, m.index + m[0].length);
    mark(mask, m.index, urlsTo);
  }
  protectLinkTails(text, mask);
  // Hexo blocks whose content is literal: {% raw %}…{% endraw %}, {% codeblock %}…{% endcodeblock %}.
  for (const [open, close] of [['{% raw %}', '{% endraw %}'], ['{% codeblock', '{% endcodeblock %}'], ['{% highlight', '{% endhighlight %}'], ['{%', '%}'], ['{{', '}}'], ['<%', '%>'], ['${', '}']]) {
    let from = 0;
    for (;;) {
      const s = text.indexOf(open, from);
      if (s === -1) break;
      const e = text.indexOf(close, s + open.length);
      if (e === -1) break;
      mark(mask, s, e + close.length);
      from = e + close.length;
    }
  }
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x40 /* @ */) {
      let l = i;
      while (l > 0 && /[A-Za-z0-9._+-]/.test(text[l - 1])) l--;
      const r = emailDomainEnd(text, i + 1);
      if (l < i && r > i + 1) {
        mark(mask, l, r); // e-mail address
        i = r - 1;
      } else if (l === i) {
        const end = tokenEnd(text, i + 1); // @mention
        mark(mask, i, end);
        i = Math.max(i, end - 1);
      }
    } else if (c === 0x23 /* # */) {
      const p = i > 0 ? text.charCodeAt(i - 1) : 0x20;
      const q = i + 1 < n ? text.charCodeAt(i + 1) : 0x20;
      if (!isSpace(q) && q !== 0x23 && (isSpace(p) || isCJK(p) || mask[i - 1] === NEUTRAL)) mark(mask, i, tokenEnd(text, i + 1, true));
    } else if (c === 0x25 /* % */ && i + 1 < n && /[A-Za-z]/.test(text[i + 1]) && !(i > 0 && isDigit(text.charCodeAt(i - 1)))) {
      mark(mask, i, i + 2); // printf-style %s
    } else if (c === 0x24 /* $ */ && i + 1 < n && /[A-Za-z0-9_]/.test(text[i + 1])) {
      let r = i + 1;
      while (r < n && /[A-Za-z0-9_]/.test(text[r])) r++;
      mark(mask, i, r); // $1, $var
    }
  }
  // Path-like tokens: whole runs between whitespace/full-width punctuation that look like paths or anchors.
  let i = 0;
  while (i < n) {
    while (i < n && (isSpace(text.charCodeAt(i)) || TOKEN_END.has(text[i]))) i++;
    const s = i;
    while (i < n && !isSpace(text.charCodeAt(i)) && !TOKEN_END.has(text[i])) i++;
    if (i > s && isPathLike(text, s, i)) mark(mask, s, i);
  }
  // Backticks Markdown did not read as code (inside HTML blocks, or unbalanced): paired runs of equal length
  // enclose code; an unpaired run means the line may be code, so the whole line is left alone.
  let tick = text.indexOf('`');
  while (tick !== -1) {
    if (mask[tick] !== FREE) {
      tick = text.indexOf('`', tick + 1);
      continue;
    }
    const ls = text.lastIndexOf('\n', tick) + 1;
    let le = text.indexOf('\n', tick);
    if (le === -1) le = n;
    const open = new Map<number, number>();
    const pairs: Range[] = [];
    for (let k = tick; k < le; k++) {
      if (text[k] !== '`' || mask[k] !== FREE) continue;
      let e = k;
      while (e < le && text[e] === '`') e++;
      const len = e - k;
      const o = open.get(len);
      if (o === undefined) open.set(len, k);
      else {
        open.delete(len);
        pairs.push([o, e]);
      }
      k = e - 1;
    }
    if (open.size) mark(mask, ls, le);
    else for (const [a, b] of pairs) for (let k = a; k < b; k++) if (mask[k] === FREE) mask[k] = CODE;
    tick = le < n ? text.indexOf('`', le) : -1;
  }
}

/**
 * Where a bare URL whose scheme or `www.` ends at `from` ends. An IRI (RFC 3987) may hold CJK, so letters of any
 * script go on; whitespace, full-width punctuation, `< > " ' \`` and an unbalanced `)` or `]` end it, and trailing
 * `. , ; : ! ?` belong to the sentence (as GFM's autolinks read them). What the site's generator links further
 * (Generator.bareUrls) is masked besides.
 */
function urlEnd(text: string, from: number): number {
  let parens = 0;
  let brackets = 0;
  let k = from;
  for (; k < text.length; k++) {
    const ch = text[k];
    if (isSpace(text.charCodeAt(k)) || URL_END.has(ch)) break;
    if (ch === '(') parens++;
    else if (ch === '[') brackets++;
    else if (ch === ')') {
      if (parens === 0) break;
      parens--;
    } else if (ch === ']') {
      if (brackets === 0) break;
      brackets--;
    }
  }
  while (k > from && '.,;:!?'.includes(text[k - 1])) k--;
  return k;
}

/**
 * Where the domain of an e-mail address that starts at `from` (after the `@`) ends, or `from` when there is none:
 * dot-separated labels, at least two. An ASCII label (`[A-Za-z0-9_-]`, as marked and goldmark read addresses)
 * ends at the first CJK character: `admin@example.com谢谢`. A label that starts with CJK is an internationalised
 * one and takes the whole run of CJK, letters, digits and hyphens after it: `admin@例子.中国谢谢` is masked to its
 * end (where the address stops cannot be told; masking more only leaves prose unchecked).
 */
function emailDomainEnd(text: string, from: number): number {
  const n = text.length;
  const ascii = (c: number) => isAsciiAlnum(c) || c === 0x2d || c === 0x5f;
  let k = from;
  let end = from;
  let labels = 0;
  for (;;) {
    const c = text.charCodeAt(k);
    if (ascii(c)) while (k < n && ascii(text.charCodeAt(k))) k++;
    else if (isCJK(c)) while (k < n && (isCJK(text.charCodeAt(k)) || isAsciiAlnum(text.charCodeAt(k)) || text[k] === '-')) k++;
    else break;
    end = k;
    labels++;
    if (text[k] !== '.' || !(ascii(text.charCodeAt(k + 1)) || isCJK(text.charCodeAt(k + 1)))) break;
    k++;
  }
  return labels >= 2 ? end : from;
}

/**
 * Markdown link and image tails, `](destination "title")`, wherever they stand in the text. micromark does not
 * read Markdown inside HTML blocks (`<div>` … `[文](#带有-v-model移除)` … `</div>`, a line that starts with
 * `<p>`), so those never reach article.markdown.links; the generator publishes them as they are written. The
 * destination and the title (it becomes a `title` attribute: not running text) are masked through the closing
 * `)`, as for the links micromark reads. Then link reference definitions, `[label]: destination "title"` at the
 * start of a line, likewise. Labels are left as prose: a label is edited alike wherever it is written.
 */
function protectLinkTails(text: string, mask: Uint8Array): void {
  let closer = closerFinder(text);
  // A `]` that closes a `[` and is followed by `(` ends a link text: `]([文](…)` has one link, the second.
  let open = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') i++;
    else if (ch === '[') open++;
    else if (ch === ']' && open > 0) {
      open--;
      if (text[i + 1] !== '(') continue;
      let end = titleEnd(text, destinationEnd(text, skipBlank(text, i + 2)), false, closer);
      const close = skipBlank(text, end);
      if (text[close] === ')') end = close + 1;
      mark(mask, i + 2, end);
      i = Math.max(i + 1, end - 1);
    }
  }
  closer = closerFinder(text);
  for (let s = 0; s < text.length; ) {
    let next = text.indexOf('\n', s) + 1 || text.length;
    let k = s;
    while (k < s + 3 && text[k] === ' ') k++;
    if (text[k] === '[') {
      let j = k + 1;
      while (j < next && text[j] !== ']' && text[j] !== '[' && text[j] !== '\n') j++;
      if (j > k + 1 && text[j] === ']' && text[j + 1] === ':') {
        const dest = skipBlank(text, j + 2);
        const end = titleEnd(text, destinationEnd(text, dest), true, closer);
        mark(mask, dest, end);
        if (end > next) next = text.indexOf('\n', end) + 1 || text.length;
      }
    }
    s = next;
  }
}

/** Spaces and tabs with at most one line break among them, as CommonMark allows around a destination. */
function skipBlank(text: string, k: number): number {
  while (text[k] === ' ' || text[k] === '\t') k++;
  if (text[k] === '\r') k++;
  if (text[k] === '\n') k++;
  while (text[k] === ' ' || text[k] === '\t') k++;
  return k;
}

/** Where a link destination at `k` ends: `<…>` on one line, or a raw one (no space, parentheses balanced). */
function destinationEnd(text: string, k: number): number {
  let end = k;
  if (text[k] === '<') {
    for (end = k + 1; end < text.length && text[end] !== '>' && text[end] !== '<' && text[end] !== '\n'; end++) if (text[end] === '\\') end++;
    return Math.min(text[end] === '>' ? end + 1 : end, text.length);
  }
  let depth = 0;
  for (; end < text.length; end++) {
    const c = text.charCodeAt(end);
    if (c <= 0x20 || c === 0x7f) break;
    if (c === 0x5c /* \ */) end++;
    else if (c === 0x28) depth++;
    else if (c === 0x29) {
      if (depth === 0) break;
      depth--;
    }
  }
  return Math.min(end, text.length);
}

/**
 * Where the title after a destination that ends at `end` ends; `end` when there is none. A title is `"…"`, `'…'`
 * or `(…)` after a blank, and what follows it must be `)` (a link) or the end of the line (a definition).
 */
function titleEnd(text: string, end: number, definition: boolean, closer: (q: string, from: number) => number): number {
  const t = skipBlank(text, end);
  const open = text[t];
  if (t === end || (open !== '"' && open !== "'" && open !== '(')) return end;
  const c = closer(open === '(' ? ')' : open, t + 1);
  if (c === -1) return end;
  let after = c + 1;
  if (definition) {
    while (text[after] === ' ' || text[after] === '\t') after++;
    return after >= text.length || text[after] === '\n' || text[after] === '\r' ? c + 1 : end;
  }
  after = skipBlank(text, after);
  return text[after] === ')' ? c + 1 : end;
}

/**
 * The next `q` not after a backslash, from `from` on. Remembered per mark: a search from inside a stretch already
 * searched gives the same answer without searching it again, so that many unclosed titles stay linear-time.
 */
function closerFinder(text: string): (q: string, from: number) => number {
  const seen = new Map<string, [number, number]>();
  return (q, from) => {
    const last = seen.get(q);
    if (last && from >= last[0] && (last[1] === -1 || from <= last[1])) return last[1];
    let at = text.indexOf(q, from);
    while (at > 0 && text[at - 1] === '\\') at = text.indexOf(q, at + 1);
    seen.set(q, [from, at]);
    return at;
  };
}

function tokenEnd(text: string, from: number, stopAtHash = false): number {
  let r = from;
  while (r < text.length && !isSpace(text.charCodeAt(r)) && !TOKEN_END.has(text[r]) && !',;:!?'.includes(text[r]) && !(stopAtHash && text[r] === '#')) r++;
  return r;
}

function isPathLike(text: string, s: number, e: number): boolean {
  const first = text[s];
  if ((first === '/' || first === '~' || first === '.') && e - s > 1 && text.slice(s, s + 3).replace(/^\.\.?|^~/, '').startsWith('/')) {
    return true;
  }
  let slash = false;
  let hash = false;
  for (let k = s; k < e; k++) {
    const ch = text[k];
    slash ||= ch === '/';
    hash ||= ch === '#' && k > s;
    if (slash && hash) return true;
    if (ch !== '/' && ch !== '_' && ch !== '#') continue;
    const p = k > s ? text.charCodeAt(k - 1) : 0;
    const q = k + 1 < e ? text.charCodeAt(k + 1) : 0;
    if (ch === '/') {
      if (!p || !q) continue;
      const simple = (isLatin(p) || p === 0x2b) && (isLatin(q) || q === 0x2b);
      const words = isCJK(p) && isCJK(q);
      if (!simple && !words) return true;
    } else if (ch === '_') {
      if (isAsciiAlnum(p) && isAsciiAlnum(q)) return true;
    } else if (p && q && (isAsciiAlnum(p) || p === 0x2e || p === 0x2d) && q !== 0x23) {
      return true; // foo.html#anchor
    }
  }
  return false;
}

/** A free-standing plain-text chunk (front-matter values): protected shapes masked. */
export function plainChunk(text: string, start = 0): Chunk {
  const mask = new Uint8Array(text.length);
  protectText(text, mask);
  return { start, text, mask };
}

export interface Edit {
  /** Offsets relative to the chunk. */
  from: number;
  to: number;
  text: string;
}

/** Applies non-overlapping edits (sorted by `from`) to a string. */
export function applyEdits(text: string, edits: Edit[]): string {
  const parts: string[] = [];
  let pos = 0;
  for (const e of [...edits].sort((a, b) => a.from - b.from)) {
    if (e.from < pos) continue;
    parts.push(text.slice(pos, e.from), e.text);
    pos = e.to;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}
