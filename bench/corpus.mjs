#!/usr/bin/env node
// A deterministic corpus of scraped posts for the benchmark, modelled on the blog that fixtures/real/_posts was
// taken from (see ../shared/corpus/README.md): its feeds in their proportions, its folders
// (<category>/<feed>/<sub-feed>/<title>.md), each feed's front matter, sizes and defects, real-world file names.
// It is made only from what a clean clone has: the 27 real posts and the rules' dirty fixtures. Every post is
// recombined from them: blocks of a real body (a wrapper's top-level elements, each with the text after it),
// sentences, titles, dates, image ids. The same seed gives the same bytes, and post i is the same whatever
// the number of posts (a 100,000-post corpus starts with the 20,000-post one).
//
// Usage: node bench/corpus.mjs --files 20000 --seed 8 --out DIR
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseFragment } from 'parse5';

const ROOT = path.resolve(import.meta.dirname, '..');
const REAL = path.join(ROOT, 'fixtures/real/_posts');
const RULES = path.join(ROOT, 'fixtures/rules');
export const DEFAULT_SEED = 8;

// Posts per feed in the original blog, in thousands: the README gives the four big feeds; the eleven others
// are small, weighted here by how many of the 27 samples they left.
const FEED_WEIGHTS = {
  cnBeta: 20, 'IT 之家': 16, ZAKER: 11, '36kr': 10, 人人都是产品经理: 3, 煎蛋: 2, 掘金: 1.5, 开源中国: 1.5,
  Mastodon: 2, Bangumi: 1, AcFun: 0.5, Eventernote: 0.5, Dockone: 0.5, ACM: 0.3, '1X': 0.5,
};

// How often the generator adds what the 27 samples show too rarely to recombine (per post).
const RATES = {
  ruleFixture: 0.03, // a rule's dirty fixture body after the post's own (every rule's defect shapes)
  unproxied: 0.1, // of proxied head images: the bare http:// URL (prefer-https)
  slashDate: 0.01, // `date: 2021/10/31 08:06:29` (date-format)
  brokenTitle: 0.003, // a title with a line break in it (front-matter-yaml)
  namedTitle: 0.35, // of the others: a name (Win11, Vineyard, MSDT…) before the clause
  realTitle: 0.35, // a sample's own title with other numbers, rather than one cut from a sentence
  prefix: 0.04, // `[视频] `, `【图】` … before the title (brackets in file names)
  suffix: 0.03, // ` (附下载)`, ` 100%` … after it
  doubleSpace: 0.05, // the importer's double spaces
  otherFeedBlock: 0.05, // a block from another feed's posts
  otherPostBlock: 0.2, // a block from another post of the same feed
  keepSentence: 0.15, // a sentence left as it was (the rest are drawn from every sample's sentences)
};
const PREFIXES = ['[视频] ', '[组图]', '【图】', '(更新)', '[独家] ', '「快讯」', "'早报' "];
const SUFFIXES = [' (附下载)', '!', ' + 1', ' 100%', ' & 更多', ' "正式版"', ' [转]', '（2）'];
const SIZE_SPREAD = 0.45; // sizes: a sample of the same feed's size times e^N(0, σ)
const LITERAL = /^<(style|script|pre|code|textarea)\b/i;
const CJK = /[\u3040-\u30ff\u3400-\u9fff]/gu;

/** A small seedable PRNG (sfc32), seeded from a string. */
function rng(key) {
  const h = createHash('sha256').update(key).digest();
  let a = h.readUInt32LE(0), b = h.readUInt32LE(4), c = h.readUInt32LE(8), d = h.readUInt32LE(12);
  const next = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  const r = {
    next,
    chance: (p) => next() < p,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    weighted: (entries) => {
      let x = next() * entries.reduce((s, [, w]) => s + w, 0);
      for (const [v, w] of entries) if ((x -= w) < 0) return v;
      return entries[entries.length - 1][0];
    },
    gauss: () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
  };
  return r;
}

/** Splits a real post: front matter lines (with the blank line before), body wrapper and its blocks. */
function readSample(rel, text) {
  const [category, feed, sub] = rel.split(path.sep);
  const open = text.indexOf('---\n');
  const close = text.indexOf('\n---\n', open);
  const head = text.slice(0, close + 5);
  const body = text.slice(close + 5);
  const title = /^title: (['"])(.*)\1$/m.exec(head)?.[2] ?? '';
  const wrapper = parseFragment(body, { sourceCodeLocationInfo: true }).childNodes.find((n) => n.tagName === 'div');
  const loc = wrapper?.sourceCodeLocation;
  let prefix = '';
  let suffix = '';
  let blocks = [body];
  if (loc?.startTag && loc.endTag) {
    // the wrapper's tags and the white space inside them stay; a block is one top-level element and the text
    // after it (ZAKER's bare captions follow their image)
    const from = loc.startTag.endOffset + /^\s*/.exec(body.slice(loc.startTag.endOffset))[0].length;
    const to = Math.max(from, loc.endTag.startOffset - /\s*$/.exec(body.slice(0, loc.endTag.startOffset))[0].length);
    prefix = body.slice(0, from);
    suffix = body.slice(to);
    const inner = body.slice(from, to);
    const cuts = wrapper.childNodes
      .filter((n) => n.tagName && n.sourceCodeLocation)
      .map((n) => n.sourceCodeLocation.startOffset - from);
    const starts = [0, ...cuts.filter((c) => c > 0 && c < inner.length)];
    blocks = starts.map((s, i) => inner.slice(s, starts[i + 1] ?? inner.length)).filter((b) => b.length);
  }
  return { category, feed, sub, size: Buffer.byteLength(text), head, title, prefix, suffix, blocks };
}

/** Text between tags, outside <style>, <script>, <pre>, <code>: [isText, chunk][] covering the block. */
function chunks(block) {
  const out = [];
  let literal = null;
  for (const part of block.split(/(<[^<>]*>)/)) {
    if (!part) continue;
    if (part.startsWith('<')) {
      const m = LITERAL.exec(part);
      if (!literal && m) literal = m[1].toLowerCase();
      else if (literal && part.toLowerCase().startsWith(`</${literal}`)) literal = null;
      out.push([false, part]);
    } else out.push([!literal, part]);
  }
  return out;
}

/** Sentences of a text chunk, punctuation kept; a sentence worth swapping has 4+ CJK characters, no entity or brace. */
const sentences = (text) => text.split(/(?<=[。！？])/);
const swappable = (s) => (s.match(CJK)?.length ?? 0) >= 4 && !/[&{}<>]/.test(s) && !s.trim().startsWith('△') && !s.includes('（图');

let model = null;
function loadModel() {
  if (model) return model;
  const samples = readdirSync(REAL, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => readSample(f, readFileSync(path.join(REAL, f), 'utf8')));
  const byFeed = new Map();
  for (const s of samples) byFeed.set(s.feed, [...(byFeed.get(s.feed) ?? []), s]);
  for (const feed of byFeed.keys()) if (!(feed in FEED_WEIGHTS)) throw new Error(`bench/corpus: no weight for feed ${feed}`);
  const pool = new Set();
  for (const s of samples) {
    for (const b of s.blocks) for (const [isText, t] of chunks(b)) if (isText) for (const x of sentences(t)) if (swappable(x) && x.trim().length < 300) pool.add(x.trim());
  }
  const fixtures = readdirSync(RULES)
    .sort()
    .map((id) => readFileSync(path.join(RULES, id, 'dirty.md'), 'utf8'))
    .map((t) => t.slice(t.indexOf('\n---', t.indexOf('---') + 3) + 4).replace(/^\n+/, ''));
  model = {
    feeds: [...byFeed.keys()].map((f) => [f, FEED_WEIGHTS[f]]),
    byFeed,
    samples,
    sentences: [...pool].sort(),
    names: [...new Set([...pool].flatMap((x) => x.match(/\b[A-Za-z][A-Za-z0-9+-]{2,}\b/g) ?? []))].sort(),
    fixtures,
  };
  return model;
}

/** Per post: the same id (hex, or 6+ digits) gets the same new one everywhere in it (data-original and src agree). */
function idMapper(r) {
  const seen = new Map();
  const draw = (m) => Array.from(m, (c, i) => (/\d/.test(c) && /^\d+$/.test(m) ? String(r.int(i ? 0 : 1, 9)) : '0123456789abcdef'[r.int(0, 15)])).join('');
  return (s) =>
    s.replace(/(?<![0-9a-f])[0-9a-f]{10,}(?![0-9a-f])|(?<![0-9a-z])\d{6,9}(?![0-9a-z])|(?<=random=)\d+/g, (m) => {
      if (!seen.has(m)) seen.set(m, draw(m));
      return seen.get(m);
    });
}

function varyBlock(block, r, m, mapIds) {
  return chunks(block)
    .map(([isText, t]) => {
      if (!isText) return mapIds(t);
      return sentences(t)
        .map((s) => {
          if (!swappable(s) || r.chance(RATES.keepSentence)) return s;
          const lead = /^\s*/.exec(s)[0];
          const trail = /\s*$/.exec(s)[0];
          return lead + r.pick(m.sentences) + trail;
        })
        .join('');
    })
    .join('');
}

function makeTitle(r, m, sample) {
  let title;
  // one or two clauses of a sentence (a headline-sized cut), sometimes joined to a clause of another
  const cutClause = () => {
    const parts = r.pick(m.sentences).replace(/[。！？]+$/, '').split(/(?<=[，,；、：])/);
    const from = r.int(0, parts.length - 1);
    return parts.slice(from, from + r.int(1, 2)).join('').replace(/[，,；、：]$/, '');
  };
  const clause = () => {
    let s = cutClause();
    if (s.length < 8 || r.chance(0.4)) s += `，${cutClause()}`;
    return Array.from(s).slice(0, r.int(12, 40)).join('').trim();
  };
  if (r.chance(RATES.realTitle)) {
    // a sample's title, its numbers changed, or its head kept and its tail swapped for a clause
    const real = r.pick(m.byFeed.get(sample.feed)).title;
    const renumbered = real.replace(/\d+/g, (d) => String(r.int(1, 10 ** (d.length + 1))));
    const cut = /^(.{4,}?)([，,：｜]| )/u.exec(real);
    title = renumbered !== real && r.chance(0.5) ? renumbered : cut ? cut[1] + cut[2] + clause() : clause();
  } else {
    // news titles often lead with a name: a product, a company, a project
    title = r.chance(RATES.namedTitle) ? r.pick(m.names) + r.pick([' ', '：', '：', '｜', ' - ']) + clause() : clause();
  }
  title = title.replace(/[/:?|]/g, '_');
  if (r.chance(RATES.prefix)) title = r.pick(PREFIXES) + title;
  if (r.chance(RATES.suffix)) title += r.pick(SUFFIXES);
  if (r.chance(RATES.doubleSpace)) title = title.replace(' ', '  ');
  return title || 'untitled';
}

const yamlTitle = (t) => (t.includes("'") && !t.includes('"') ? `"${t}"` : `'${t.replaceAll("'", "''")}'`);
const pad = (n) => String(n).padStart(2, '0');

function makeDate(r, template) {
  const t = Date.UTC(2021, 0, 1) + Math.floor(r.next() * 540 * 86400) * 1000;
  const d = new Date(t);
  const ymd = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const hms = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  if (r.chance(RATES.slashDate)) return `${ymd.replaceAll('-', '/')} ${hms}`;
  return /GMT$/.test(template) ? d.toUTCString() : `${ymd} ${hms}`;
}

/** Post number `index` of the corpus made with `seed`: { path (posix, relative), text }, before names are made unique. */
function makePost(seed, index, attempt) {
  const m = loadModel();
  const r = rng(`${seed}:${index}:${attempt}`);
  const feed = r.weighted(m.feeds);
  const sample = r.pick(m.byFeed.get(feed));
  const mapIds = idMapper(r);
  const title = makeTitle(r, m, sample);
  const shownTitle = r.chance(RATES.brokenTitle) ? `## ${title}\n${makeTitle(r, m, sample)}` : title;

  let head = sample.head
    .replace(/^title: .*$/m, () => `title: ${yamlTitle(shownTitle)}`)
    .replace(/^date: (.*)$/m, (_, d) => `date: ${makeDate(r, d)}`);
  head = mapIds(head);
  if (r.chance(RATES.unproxied)) head = head.replaceAll('https://cors.zfour.workers.dev/?http://', 'http://');

  const target = Math.min(60_000, Math.max(250, r.pick(m.byFeed.get(feed)).size * Math.exp(SIZE_SPREAD * r.gauss())));
  let size = Buffer.byteLength(head + sample.prefix + sample.suffix);
  const blocks = [];
  let from = sample;
  let at = r.int(0, from.blocks.length - 1);
  while (!blocks.length || size < target) {
    const jump = r.chance(RATES.otherFeedBlock) ? m.samples : r.chance(RATES.otherPostBlock) ? m.byFeed.get(feed) : null;
    if (jump) {
      from = r.pick(jump);
      at = r.int(0, from.blocks.length - 1);
    }
    const block = varyBlock(from.blocks[at], r, m, mapIds);
    blocks.push(block);
    size += Buffer.byteLength(block);
    at = (at + 1) % from.blocks.length;
  }
  let text = head + sample.prefix + blocks.join('') + sample.suffix;
  if (r.chance(RATES.ruleFixture)) text = text.replace(/\s*$/, (end) => `\n\n${r.pick(m.fixtures)}${end}`);
  const name = title.replace(/\./g, '').replace(/[/\\\n]/g, '_').trim() || 'untitled';
  return { path: [sample.category, feed, sample.sub, name].join('/'), text };
}

/** The posts of the corpus, in order: distinct paths, distinct texts. */
export function* generateCorpus({ files, seed = DEFAULT_SEED }) {
  const paths = new Set();
  const digests = new Set();
  for (let i = 0; i < files; i++) {
    let post;
    for (let attempt = 0; ; attempt++) {
      post = makePost(seed, i, attempt);
      const digest = createHash('sha1').update(post.text).digest('base64');
      if (!digests.has(digest)) {
        digests.add(digest);
        break;
      }
    }
    let p = `${post.path}.md`;
    for (let n = 2; paths.has(p.toLowerCase()); n++) p = `${post.path} (${n}).md`;
    paths.add(p.toLowerCase());
    yield { path: p, text: post.text };
  }
}

/**
 * Writes posts `from` to `files` of the corpus under `dir` (those before `from` are made, for the names, but
 * not written: a bigger corpus extends a smaller one). Returns each post written and the feeds' shares.
 */
export function writeCorpus(dir, { files, seed = DEFAULT_SEED, from = 0 }) {
  const made = new Set();
  const posts = [];
  const feeds = new Map();
  let i = 0;
  for (const post of generateCorpus({ files, seed })) {
    if (i++ < from) continue;
    const file = path.join(dir, ...post.path.split('/'));
    const folder = path.dirname(file);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(file, post.text);
    const bytes = Buffer.byteLength(post.text);
    posts.push({ path: post.path, bytes });
    const feed = post.path.split('/')[1];
    const f = feeds.get(feed) ?? { feed, posts: 0, bytes: 0 };
    f.posts++;
    f.bytes += bytes;
    feeds.set(feed, f);
  }
  return {
    posts,
    bytes: posts.reduce((n, p) => n + p.bytes, 0),
    feeds: [...feeds.values()].sort((a, b) => b.posts - a.posts || (a.feed < b.feed ? -1 : 1)),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const { values } = parseArgs({ options: { files: { type: 'string', default: '20000' }, seed: { type: 'string', default: String(DEFAULT_SEED) }, out: { type: 'string' } } });
  if (!values.out) {
    process.stderr.write('usage: node bench/corpus.mjs --files N [--seed S] --out DIR\n');
    process.exit(2);
  }
  const { posts, bytes } = writeCorpus(path.resolve(values.out), { files: Number(values.files), seed: Number(values.seed) });
  process.stdout.write(`${posts.length} posts, ${(bytes / 1e6).toFixed(1)} MB in ${values.out}\n`);
}
