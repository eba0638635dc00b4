// The fuzzing invariants and input generators, shared by the fuzz test files (split so that vitest runs them
// on both cores). Every case runs all bundled rules, opinionated ones included, in-process.
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { expect } from 'vitest';
import { fixText, lintText, MAX_FIX_PASSES, type ConfiguredRule } from '../../src/engine/linter.js';
import { applyFixes } from '../../src/engine/source-fixer.js';
import { Article } from '../../src/parse/article.js';
import type { LintMessage, Range } from '../../src/types.js';
import { realPosts, splitPost } from './helpers.js';

/** Cases per property: 10,000 in all over the four properties by default; NEWSLINT_FUZZ_RUNS for a soak. */
export const RUNS = Number(process.env.NEWSLINT_FUZZ_RUNS ?? 2500);
/** Per case: small inputs, so a case that takes longer is a performance bug. */
export const CASE_BOUND_MS = Number(process.env.NEWSLINT_FUZZ_BOUND_MS ?? 3000);

export { fuzzSeed } from '../helpers/seed.js';

function article(text: string, filePath: string): Article | null {
  try {
    return new Article(text, { filePath });
  } catch {
    return null;
  }
}

const inside = (x: number, [a, b]: Range) => a < x && x < b;

/** Rules whose spec says they repair text inside <pre>/<style> (the importer's &#123; for `{`). */
const EDITS_LITERAL_TEXT = new Set(['no-escaped-braces']);

/**
 * Lints and fixes `text` as fixText does, checking every pass; then checks the end result. Throws (with the
 * input shown by fast-check) when an invariant breaks.
 */
export function checkInvariants(text: string, rules: ConfiguredRule[], filePath = 'post.md'): void {
  const started = Date.now();
  const opts = { rules, filePath };
  const first = article(text, filePath);
  const fixedKeys = new Set<string>();
  let current = text;
  let messages = lintText(current, opts);
  let previous: string | undefined;
  for (let pass = 0; pass < MAX_FIX_PASSES && !messages.some((m) => m.fatal); pass++) {
    const { output, applied } = applyFixes(current, messages);
    if (!applied.length || output === current) break;
    const next = lintText(output, opts);
    if (next.some((m) => m.fatal)) {
      // the engine throws such a pass away, drops the fixes of the rules that alone break the file, goes on
      const ids = [...new Set(applied.map((m) => m.ruleId))];
      const parses = (t: string) => !lintText(t, { ...opts, rules: [] }).some((m) => m.fatal);
      const culprits = ids.length > 1 ? ids.filter((id) => !parses(applyFixes(current, messages.filter((m) => m.ruleId === id)).output)) : ids;
      const blamed = culprits.length ? culprits : ids;
      messages = messages.map((m) => (m.fix && blamed.includes(m.ruleId) ? { ...m, fix: undefined } : m));
      if (culprits.length) {
        pass--;
        continue;
      }
      break;
    }
    const art = article(current, filePath)!;
    checkPass(current, output, applied, art, fixedKeys);
    const wasPrevious = output === previous;
    previous = current;
    current = output;
    messages = next;
    if (wasPrevious) break;
  }
  const engine = fixText(text, opts);
  expect(engine.output, 'the engine fixes the same way as the checked passes').toBe(current);
  // idempotent, and a second check finds nothing fixable
  const again = fixText(current, opts);
  expect(again.output, 'fixing the fixed text changes it again').toBe(current);
  const fixable = again.messages.filter((m: LintMessage) => m.fix);
  if (fixable.length) {
    throw new Error(`fixable problems remain after --fix: ${fixable.map((m) => `${m.ruleId} ${m.line}:${m.column} ${m.message}`).join(' | ')}`);
  }
  // the fixed front matter reads as the same data, except the keys a rule fixed
  if (first?.frontMatter && current !== text) {
    const after = article(current, filePath);
    expect(after, 'the fixed text still parses').not.toBeNull();
    const before = first.frontMatter.data;
    const now = after!.frontMatter?.data ?? {};
    for (const key of new Set([...Object.keys(before), ...Object.keys(now)])) {
      if (fixedKeys.has(key)) continue;
      if (!isDeepStrictEqual(before[key], now[key])) {
        throw new Error(`front matter key "${key}" changed though no fix touched it: ${JSON.stringify(before[key])} -> ${JSON.stringify(now[key])}`);
      }
    }
  }
  const ms = Date.now() - started;
  if (ms > CASE_BOUND_MS) throw new Error(`case took ${ms} ms (bound ${CASE_BOUND_MS} ms) for ${text.length} characters`);
}

function checkPass(before: string, after: string, applied: LintMessage[], art: Article, fixedKeys: Set<string>): void {
  const ranges = applied.map((m) => m.fix!.range);
  const lo = Math.min(...ranges.map((r) => r[0]));
  const hi = Math.max(...ranges.map((r) => r[1]));
  // bytes before the first and after the last fix range are byte-identical
  expect(after.startsWith(before.slice(0, lo)), 'text before the first fix changed').toBe(true);
  expect(after.endsWith(before.slice(hi)), 'text after the last fix changed').toBe(true);
  // and so is every gap between two fixes, in order
  let pos = lo;
  let at = lo;
  for (const m of [...applied].sort((a, b) => a.fix!.range[0] - b.fix!.range[0])) {
    const gap = before.slice(pos, m.fix!.range[0]);
    expect(after.startsWith(gap, at), `text between fixes changed before ${m.ruleId}'s fix`).toBe(true);
    at += gap.length + m.fix!.text.length;
    pos = m.fix!.range[1];
  }
  // no fix starts or ends inside code, <pre>, <script>, ...
  for (const m of applied) {
    for (const lit of EDITS_LITERAL_TEXT.has(m.ruleId!) ? [] : art.literalRanges) {
      if (inside(m.fix!.range[0], lit) || inside(m.fix!.range[1], lit)) {
        throw new Error(`${m.ruleId} edits inside literal text [${lit}]: ${JSON.stringify(before.slice(lit[0], lit[1]).slice(0, 120))}`);
      }
    }
    for (const e of art.frontMatter?.entries ?? []) {
      const end = e.valueRange ? e.valueRange[1] : e.keyRange[1];
      if (m.fix!.range[0] <= end && m.fix!.range[1] >= e.keyRange[0]) fixedKeys.add(e.key);
    }
  }
}

// ---------- generators ----------

const POSTS = realPosts().map(([, t]) => t);

const NASTY = [
  '<', '>', '"', "'", '`', '```', '    ', '\t', '\n', '\r\n', '\r', '\u2028', '\u0000', '\ufeff', '\ud800', '---', '---\n',
  '&#123;', '&#125;', '{', '}', '<p></p>', '<p> </p>', '<br>', '</div>', '<pre>', '</pre>', '<code>', '<script>', '<!--', '-->',
  '![', '](', ')', '[', ']', '?http://', 'https://cors.zfour.workers.dev/?http://', '△ ', '（图 / 视觉中国）', ' alt=', ' src=',
  '<img src="x.jpg">', '<img alt="图片.png">', ': ', '- ', '#', '&amp;', '&', '　', '，', '“', '\u200b', '\u00a0', 'date: ',
  'Sun, 31 Oct 2021 00:06:29 GMT', '2021/10/31', '2021年10月31日', '1635638400',
];

/** Real posts cut, spliced and corrupted. */
export const mutatedPost: fc.Arbitrary<string> = fc
  .record({
    a: fc.nat(POSTS.length - 1),
    b: fc.nat(POSTS.length - 1),
    cut: fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 1500 })),
    splice: fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 800 })),
    keepHead: fc.boolean(),
    edits: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...NASTY), fc.integer({ min: 0, max: 3 })), { maxLength: 8 }),
  })
  .map(({ a, b, cut, splice, keepHead, edits }) => {
    const { head, body } = splitPost(POSTS[a]);
    const s1 = Math.floor(cut[0] * body.length);
    const s2 = Math.floor(splice[0] * POSTS[b].length);
    let text = (keepHead ? head : '') + body.slice(s1, s1 + cut[1]) + POSTS[b].slice(s2, s2 + splice[1]);
    for (const [where, what, del] of edits) {
      const i = Math.floor(where * text.length);
      text = text.slice(0, i) + what + text.slice(i + del);
    }
    return text;
  });

const word = fc.constantFrom('正文', '新闻', 'Win11', 'hello', ' ', '  ', '“引号”', '"quoted"', ' " 人 " ', '，', '。', 'a&b', '&lt;', '<', '>', '\u00a0', '　', '△ 图', '123');
const text = fc.array(word, { maxLength: 6 }).map((w) => w.join(''));
const url = fc.constantFrom(
  'https://example.com/a.jpg', 'http://zkres1.myzaker.com/1.jpg', 'https://cors.zfour.workers.dev/?http://a.com/b.png',
  'https://picsum.photos/400/300?random=3', 'https://juejin.cn/post/undefined', '', ' ', 'javascript:alert(1)', '//x',
  'http://a.com/x.jpg 1x, http://a.com/y.jpg 2x', '"', "'", 'a"b', 'x?url=http://y', '&#123;',
);
const attrName = fc.constantFrom('src', 'alt', 'class', 'id', 'data-original', 'srcset', 'href', 'onclick', 'loading', 'title', 'style');
const attr = fc.tuple(attrName, fc.oneof(url, text), fc.constantFrom('"', "'", '', 'bare')).map(([n, v, q]) =>
  q === 'bare' ? ` ${n}` : q === '' ? ` ${n}=${v.replace(/[\s"'=<>`]/g, '') || 'x'}` : ` ${n}=${q}${v.split(q).join('')}${q}`,
);
const tag = fc.constantFrom('p', 'div', 'span', 'img', 'br', 'figure', 'figcaption', 'a', 'pre', 'code', 'script', 'style', 'strong', 'section', 'textarea', 'table', 'td');

/** Random HTML bodies (nesting, attributes in every quoting, void and literal elements). */
export const randomHtml: fc.Arbitrary<string> = fc
  .letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      text,
      fc.tuple(tag, fc.array(attr, { maxLength: 3 }), fc.array(tie('node'), { maxLength: 4 }), fc.boolean()).map(
        ([t, attrs, kids, close]) => `<${t}${attrs.join('')}>${kids.join('')}${close ? `</${t}>` : ''}`,
      ),
    ),
  }))
  .node;

const yamlKey = fc.constantFrom('title', 'date', 'categories', 'tags', 'headimg', 'thumbnail', 'author', 'comments', 'updated', '__proto__', 'constructor', 'prototype', 'toString');
const yamlValue = fc.oneof(
  text.map((t) => t.trim() || 'x'),
  text.map((t) => `'${t.replace(/'/g, "''")}'`),
  text.map((t) => JSON.stringify(t)),
  url.map((u) => `'${u.replace(/'/g, "''")}'`),
  fc.constantFrom(
    'Sun, 31 Oct 2021 00:06:29 GMT', '2021-10-31 08:06:29', '2021/10/31 8:06', '2021年10月31日 08:06', '1635638400', '2021-02-30',
    '', '~', 'null', 'true', '123', '0x1F', '1e3', '.nan', '&a x', '*a', '!!js/function "function(){}"', '!!binary aGk=', '!!set {a}',
    '|\n  block\n  text', '>-\n  folded', '\n - a\n - b', '[a, b, "c"]', '{a: 1}', '"\\u0000"', "'''", '"unterminated',
  ),
);
const yamlLine = fc.tuple(yamlKey, yamlValue, fc.constantFrom('', ' ', '  ')).map(([k, v, sp]) => `${k}:${v.startsWith('\n') ? '' : ' '}${v}${sp}`);

/** Random front matter (keys, value styles, dates, tags, anchors, proto keys) over a random body. */
export const randomFrontMatterPost: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('', '\n', '\n\n', '  \n'), fc.array(yamlLine, { maxLength: 8 }), fc.constantFrom('\n', '\r\n'), randomHtml, fc.constantFrom('', '\n', '            '))
  .map(([lead, lines, nl, body, tail]) => `${lead}---${nl}${lines.join(nl)}${nl}---${nl}${body}${tail}`);
