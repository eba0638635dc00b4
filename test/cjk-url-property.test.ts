// Property (issue 7, item 8): over generated posts mixing Chinese prose with URL-like text (bare URLs and IRIs,
// e-mail addresses, Markdown link and image destinations with their titles, reference definitions, autolinks), in
// Markdown paragraphs and in HTML blocks, fixing with cjk-spacing and cjk-punctuation for a Hexo, Jekyll or Hugo
// site leaves every one of them byte-identical, and keeps the whitespace on either side of each (where Hexo ends
// a bare URL's link, and where Hugo starts one).
import fc from 'fast-check';
import { fuzzSeed } from './helpers/seed.js';
import { describe, expect, it } from 'vitest';
import { fixText } from '../src/engine/linter.js';
import { GENERATOR_NAMES, siteWithoutRoot } from '../src/generators/index.js';
import { RuleTester } from '../src/rule-tester.js';
import { plainChunk } from '../src/util/cjk.js';
import punctuation from '../rules/cjk-punctuation.js';
import spacing from '../rules/cjk-spacing.js';

const RUNS = Number(process.env.NEWSLINT_PROPERTY_RUNS ?? 1000);
const RULES = [RuleTester.configure(punctuation), RuleTester.configure(spacing)];
const SITES = Object.fromEntries(GENERATOR_NAMES.map((g) => [g, siteWithoutRoot(g)]));

/** A piece of the post: prose (may be edited) or URL-like text (`keep`: must come out byte-identical). */
interface Piece {
  before?: string;
  keep?: string;
  after?: string;
}

// Each protected piece carries a marker of its own (`qa`, `qb`, …: two letters, so no marker holds another) so
// that finding it in the output proves that very piece survived.
type Make = (m: string) => Piece;
const paths = ['中文abc', '搜索?q=中文,新闻&n=1', '%E4%B8%AD%E6%96%87abc中文', 'wiki/Foo_(bar)', 'a.html#带有-v-model移除', 'x?a=%22中文%22&b=[1]'];
const destinations = ['#带有-debounce-的-v-model移除', 'docs/中文abc.md', 'https://example.com/中文,abc', '<中文 abc.md>', 'a_(b)中文'];
const titles = ['', ' "标题abc,中文"', " '标题1abc'", ' (标题abc!)'];

const protectedPiece: fc.Arbitrary<Make> = fc.oneof(
  fc.constantFrom(...paths).map((p): Make => (m) => ({ keep: `https://example.com/${p}${m}` })),
  fc.constantFrom('www.example.com/中文', 'http://zh.wikipedia.org/wiki/中文', 'HTTPS://A.COM/', 'ftp://a.com/中文,').map((u): Make => (m) => ({ keep: `${u}${m}` })),
  fc.constantFrom('@example.com', '@例子.中国', '@mail.example.org').map((d): Make => (m) => ({ keep: `admin.${m}${d}` })),
  fc.tuple(fc.constantFrom('', '!'), fc.constantFrom('中文abc', 'Vue指令', '链接'), fc.constantFrom(...destinations), fc.constantFrom(...titles)).map(
    ([bang, text, d, t]): Make => (m) => ({ before: `${bang}[${text}]`, keep: `(${d.replace(/(?=>$)|$/, m)}${t})` }),
  ),
  fc.tuple(fc.constantFrom(...destinations), fc.constantFrom(...titles)).map(([d, t]): Make => (m) => ({ before: `\n[参考]: `, keep: `${d.replace(/(?=>$)|$/, m)}${t}`, after: '\n' })),
  fc.constantFrom('https://example.com/中文', 'mailto:用户@例子.中国?subject=中文').map((u): Make => (m) => ({ before: '<', keep: `${u}${m}`, after: '>' })),
);
const prose = fc.constantFrom('中文', '的', 'abc', 'Vue', 'iPhone', '123', ' ', '  ', '，', '。', '、', ',', '.', ':', '!', '?', '"', ' " ', '“', '”', '\n', '（', '）', '[', ']', '(', ')', "'", '`', '>', '&amp;', '*');
const piece = fc.oneof({ weight: 2, arbitrary: prose.map((p): Make | string => p) }, { weight: 1, arbitrary: protectedPiece.map((p): Make | string => p) });
const container = fc.constantFrom(
  (body: string) => `${body}\n`,
  (body: string) => `<div>\n${body}\n</div>\n`,
  (body: string) => `<p>${body}</p>\n`,
  (body: string) => `前言\n\n<br>${body}\n`,
);

describe('typography never edits URL-like text', () => {
  it('fixing both rules leaves every URL, e-mail address and link destination byte-identical, with its whitespace', () => {
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 14 }), container, fc.constantFrom(...GENERATOR_NAMES), (parts, wrap, generator) => {
        const kept: string[] = [];
        const body = parts
          .map((p) => {
            if (typeof p === 'string') return p;
            const { before = '', keep = '', after = '' } = p(`q${String.fromCharCode(97 + kept.length)}`);
            kept.push(keep);
            return before + keep + after;
          })
          .join('');
        const input = wrap(body);
        const output = fixText(input, { filePath: 'post.md', rules: RULES, site: SITES[generator] }).output;
        const space = (c: string | undefined) => c === ' ' || c === '\n' || c === '\t';
        let from = 0;
        let inputFrom = 0;
        for (const k of kept) {
          const was = input.indexOf(k, inputFrom);
          const at = output.indexOf(k, from);
          expect(at, `${JSON.stringify(k)} changed:\n${JSON.stringify(input)}\n${JSON.stringify(output)}`).toBeGreaterThanOrEqual(0);
          for (const [a, b] of [[input[was - 1], output[at - 1]], [input[was + k.length], output[at + k.length]]]) {
            if (space(a)) expect(b, `the ${JSON.stringify(a)} beside ${JSON.stringify(k)} went:\n${JSON.stringify(input)}\n${JSON.stringify(output)}`).toBe(a);
          }
          inputFrom = was + k.length;
          from = at + k.length;
        }
      }),
      { numRuns: RUNS, seed: fuzzSeed('cjk-url') },
    );
  }, 120_000);

  it('masking stays linear-time on hostile runs (800 kB of each within 5 s; quadratic would take hours)', () => {
    const units = ['](', '[', '[](a "', '](<', '[a]: b "\n', '[a](b (', '\\"', '[[]](', '[a]: <b\n', 'a@', '@a.', '中a@b.c', 'https://(',
      'https://[', 'www.', 'http://中', "[](a '", '[](a "x" y', '[a]: b "x" y\n', '[](<a\\', '](a (', '[](\n', ' [a]: b\n', 'a@例.', 'x@y.中a'];
    const slow: string[] = [];
    for (const unit of units) {
      const text = unit.repeat(Math.ceil(800_000 / unit.length));
      const t = Date.now();
      plainChunk(text);
      for (const g of GENERATOR_NAMES) SITES[g].generator.bareUrls(text);
      const ms = Date.now() - t;
      if (ms > 5_000) slow.push(`${JSON.stringify(unit)}: ${ms} ms`);
    }
    expect(slow).toEqual([]);
  }, 300_000);
});
