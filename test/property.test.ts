// Property test over generated posts, all bundled rules at their default settings: fixing never throws,
// is idempotent, edits only the lines of the problems it fixes, leaves nothing fixable, and keeps the
// front matter's keys and the values no rule reported on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixText } from '../src/engine/linter.js';
import { Article } from '../src/parse/article.js';
import { checkedFix, recommendedRules } from './helpers/engine.js';

const rules = await recommendedRules();
const RUNS = Number(process.env.NEWSLINT_PROPERTY_RUNS ?? 300);

const urls = fc.constantFrom(
  'https://cors.zfour.workers.dev/?http://zkres2.myzaker.com/202202/a_1024.jpg',
  'https://images.weserv.nl/?url=http%3A%2F%2Fexample.com%2Fa.jpg',
  'https://i0.wp.com/example.com/wp-content/b.png?w=640&ssl=1',
  'https://picsum.photos/400/300?random=3',
  'https://juejin.cn/post/undefined',
  'http://example.com/plain.jpg',
  'https://example.com/a.jpg?utm_source=rss&x=1',
  'https://c.duomai.com/track.php?k=1&t=https%3A%2F%2Fshop.example%2Fitem',
  'javascript:alert(1)',
  '//tv.sohu.com/s/player.html',
);
const dates = fc.constantFrom(
  'Sun, 31 Oct 2021 00:06:29 GMT',
  '2021-10-31 08:06:29',
  '2021-10-31T08:06:29+08:00',
  '2021/10/31 08:06',
  '2021年10月31日 08:06',
  '1635638789',
  'Mon, 31 Oct 2021 00:06:29 GMT',
  '2021-02-30',
  '01/02/2021',
);
const words = fc.constantFrom('新闻', 'hello world', '以 " 人、地球与繁荣 " 为主题', 'iPhone 13发布', 'a, b', '中文,中文', '&nbsp;', '&#123;x&#125;', '{{ x }}', '△ 标题。（图 / 视觉中国）', '<', '>');
const text = fc.oneof(words, fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 8 }));
const attr = fc.tuple(fc.constantFrom('src', 'href', 'data-original', 'alt', 'title', 'class', 'onclick', 'srcset', 'loading'), fc.oneof(urls, text), fc.constantFrom('"', "'", ''));
const tag = fc.constantFrom('p', 'div', 'span', 'strong', 'a', 'img', 'iframe', 'figure', 'figcaption', 'pre', 'code', 'style', 'script', 'br', 'P');

type Tree = string;
const { node } = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.constantFrom('<p></p>', '<p> </p>', '<p><br></p>', '<div id="recommend_bottom"></div>', '<span></span>', '<style>.a&#123;color:red&#125;</style>', '```\n<p></p>\n```\n', '`<img src=x>`', '\n\n    <p></p>\n\n', '<!-- c -->'),
    fc.tuple(urls, text).map(([u, t]) => `![${t}](${u})`),
    fc.tuple(urls, text).map(([u, t]) => `[${t}](${u})`),
    fc.tuple(urls).map(([u]) => `<div class="img_box" onclick><div><img class="lazy opacity_0 " data-original="${u}" src="${u}"></div></div>△ 标题。（图 / 视觉中国）`),
    fc.tuple(tag, fc.array(attr, { maxLength: 3 }), fc.array(tie('node'), { maxLength: 3 })).map(
      ([t, attrs, kids]) => `<${t}${attrs.map(([n, v, q]) => ` ${n}=${q}${q ? v.split(q).join('') : v.replace(/[\s"'=<>`]/g, '') || 'x'}${q}`).join('')}>${kids.join('')}</${t}>`,
    ),
  ),
}));

const yamlString = fc.oneof(text, urls).map((s) => `'${s.replace(/'/g, "''").replace(/[\r\n]/g, ' ')}'`);
const frontMatter = fc
  .record({
    lead: fc.constantFrom('', '\n', '\n\n'),
    title: fc.option(yamlString),
    date: fc.option(dates),
    headimg: fc.option(urls),
    cats: fc.option(fc.array(fc.constantFrom('新媒体', 'ZAKER', 'x y'), { maxLength: 3 })),
  })
  .map(({ lead, title, date, headimg, cats }) => {
    const lines = ['---'];
    if (title !== null) lines.push(`title: ${title}`);
    if (date !== null) lines.push(`date: ${date}`);
    if (headimg !== null) lines.push(`headimg: '${headimg}'`);
    if (cats !== null) lines.push('categories: ', ...cats.map((c) => ` - ${c}`));
    lines.push('---', '');
    return lead + lines.join('\n');
  });

const post = fc
  .tuple(fc.option(frontMatter), fc.array(node, { maxLength: 8 }), fc.constantFrom('', '\n', '\r\n', '\n\n'), fc.constantFrom('\n', '\r\n'))
  .map(([fm, nodes, sep, eol]) => ((fm ?? '') + nodes.join(sep)).replace(/\r?\n/g, eol));

describe('generated posts', () => {
  it('fix is idempotent, local to its problems, and complete', () => {
    fc.assert(
      fc.property(post, fc.constantFrom('post.md', 'post.html'), (text, filePath) => {
        const { output, first, last } = checkedFix(text, rules, filePath);
        expect(fixText(output, { rules, filePath }).output).toBe(output);
        expect(last.filter((m) => m.fix)).toEqual([]);
        if (first.some((m) => m.fatal)) {
          expect(output).toBe(text);
          return;
        }
        const before = new Article(text).frontMatter;
        const after = new Article(output).frontMatter;
        expect(Boolean(after)).toBe(Boolean(before));
        if (before && after) {
          expect(Object.keys(after.data)).toEqual(Object.keys(before.data));
          for (const entry of before.entries) {
            if (!entry.valueRange) continue;
            const line = new Article(text).position(entry.keyRange[0]).line;
            const touched = first.some((m) => m.fix && m.line <= line && line <= m.endLine!);
            if (!touched) expect(after.data[entry.key]).toEqual(before.data[entry.key]);
          }
        }
      }),
      { numRuns: RUNS, seed: Number(process.env.NEWSLINT_SEED ?? 20261129), verbose: 1 },
    );
  });
});
