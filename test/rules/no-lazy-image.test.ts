import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RuleTester } from '../../src/rule-tester.js';
import { fixText, lintText } from '../../src/engine/linter.js';
import rule, { withoutClasses } from '../../rules/no-lazy-image.js';
import proxied from '../../rules/no-proxied-url.js';
import placeholder from '../../rules/no-placeholder-image.js';

const GIF_1X1 = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';
const ZAKER =
  '<img class="lazy opacity_0 " id="img_0" data-original="http://zkres1.myzaker.com/202108/6125177a8e9f09544a3d79e4_1024.jpg" data-height="1596" data-width="1080" src="https://cors.zfour.workers.dev/?http://zkres1.myzaker.com/202108/6125177a8e9f09544a3d79e4_1024.jpg" referrerpolicy="no-referrer">';
const ZAKER_FIXED =
  '<img id="img_0" data-height="1596" data-width="1080" src="http://zkres1.myzaker.com/202108/6125177a8e9f09544a3d79e4_1024.jpg" referrerpolicy="no-referrer">';
const ZAKER_GIF =
  '<img class="lazy opacity_0 zaker_gif_cache" id="img_13" data-original="http://zkres2.myzaker.com/202110/617e4b808e9f092b3026940d_1024.jpg" data-gif-url="http://zkres2.myzaker.com/202110/617e4b808e9f092b3026940d_raw.gif" data-height="300" data-width="1080" src="https://cors.zfour.workers.dev/?http://zkres2.myzaker.com/202110/617e4b808e9f092b3026940d_1024.jpg" referrerpolicy="no-referrer">';
const ZAKER_GIF_FIXED =
  '<img class="zaker_gif_cache" id="img_13" data-height="300" data-width="1080" src="http://zkres2.myzaker.com/202110/617e4b808e9f092b3026940d_raw.gif" referrerpolicy="no-referrer">';

describe('withoutClasses', () => {
  const hide = (t: string) => t === 'lazy' || t === 'opacity_0';
  it('keeps the other classes and their separators byte-exact', () => {
    expect(withoutClasses('lazy opacity_0 ', hide)).toBe('');
    expect(withoutClasses('lazy opacity_0 zaker_gif_cache', hide)).toBe('zaker_gif_cache');
    expect(withoutClasses('a  lazy\tb', hide)).toBe('a  b');
    expect(withoutClasses(' a\t\tlazy ', hide)).toBe(' a ');
    expect(withoutClasses('a lazy', hide)).toBe('a');
    expect(withoutClasses('Lazy lazyload', hide)).toBe('Lazy lazyload');
  });
});

RuleTester.run(rule, {
  valid: [
    '<img src="https://example.com/a.jpg">',
    { code: '<img loading="lazy" src="https://example.com/a.jpg">\n', name: 'loading="lazy" is fine' },
    { code: '<img class="lazyloaded" src="a.jpg">\n', name: 'lazyloaded does not hide' },
    {
      code: '<img src="https://example.com/small.jpg" data-original="https://example.com/large.jpg">\n',
      name: 'a working src beside a data URL, no hiding class (a lightbox, not lazy loading)',
    },
    { code: '<img src="https://cors.zfour.workers.dev/?http://a.com/a.jpg">\n', name: 'a proxied src alone is no-proxied-url\'s case' },
    { code: `<img src="${GIF_1X1}" data-src="https://juejin.cn/post/undefined">\n`, name: 'a placeholder data URL is no real URL' },
    { code: '```\n<img class="lazy" data-src="a.jpg">\n```\n', name: 'fenced code is literal' },
    { code: 'Write `<img class="lazy" data-src="a.jpg">`.\n', name: 'inline code is literal' },
    { code: '<pre><img class="lazy" data-src="a.jpg"></pre>\n', name: 'inside pre' },
    { code: '<noscript><img class="lazy" data-src="a.jpg"></noscript>\n<script>x = \'<img class="lazy" data-src="a.jpg">\'</script>\n', name: 'inside script' },
    { code: '<img class="lazy" src="a.jpg">\n', options: { hidingClasses: ['opacity_0'] }, name: 'hidingClasses replaces the list' },
  ],
  invalid: [
    {
      name: 'real corpus: a ZAKER image',
      code: `<div class="img_box" id="id_imagebox_0">${ZAKER}</div>\n`,
      errors: [{ messageId: 'lazySource', line: 1, column: 41, endColumn: 41 + ZAKER.length }],
      output: `<div class="img_box" id="id_imagebox_0">${ZAKER_FIXED}</div>\n`,
    },
    {
      name: 'real corpus: the ZAKER GIF takes data-gif-url, other classes kept',
      code: `${ZAKER_GIF}\n`,
      errors: [{ messageId: 'lazySource', message: /data-gif-url "http:\/\/zkres2\.myzaker\.com\/202110\// }],
      output: `${ZAKER_GIF_FIXED}\n`,
    },
    {
      name: 'preferGif: false takes data-original',
      code: `${ZAKER_GIF}\n`,
      options: { preferGif: false },
      errors: [{ messageId: 'lazySource', message: /data-original/ }],
      output: `${ZAKER_GIF_FIXED.replace('_raw.gif', '_1024.jpg')}\n`,
    },
    {
      name: 'a 1×1 placeholder src, a proxied data-src unwrapped, entities kept',
      code: `<p><img alt="a" src="${GIF_1X1}" data-src='https://cors.zfour.workers.dev/?http://a.com/x.jpg?a=1&amp;b=2'></p>\n`,
      errors: [{ messageId: 'lazySource', line: 1, column: 4 }],
      output: '<p><img alt="a" src="http://a.com/x.jpg?a=1&amp;b=2"></p>\n',
    },
    {
      name: 'missing and empty src',
      code: '<img data-src="https://a.com/x.jpg" alt="x">\n<img src="" class="lazyload" data-lazy-src=b.jpg>\n<img src data-original=\'c "d".jpg\'>\n',
      errors: [
        { messageId: 'lazySource', message: /for src \(none\)/, line: 1 },
        { messageId: 'lazySource', message: /and classes "lazyload"/, line: 2 },
        { messageId: 'lazySource', line: 3 },
      ],
      output: '<img src="https://a.com/x.jpg" alt="x">\n<img src="b.jpg">\n<img src="c &quot;d&quot;.jpg">\n',
    },
    {
      name: 'hiding class only; uppercase tag; unquoted class kept',
      code: '<IMG class=lazy src="a.jpg">\n<img class="b-lazy x" src="a.jpg" loading="lazy">\n',
      errors: [{ messageId: 'hidden', line: 1, column: 1 }, { messageId: 'hidden', line: 2 }],
      output: '<IMG src="a.jpg">\n<img class="x" src="a.jpg" loading="lazy">\n',
    },
    {
      name: 'hiding class with a working but different src: the real URL wins',
      code: '<img class="lazy" src="https://example.com/lqip.jpg" data-src="https://example.com/full.jpg">\n',
      errors: [{ messageId: 'lazySource' }],
      output: '<img src="https://example.com/full.jpg">\n',
    },
    {
      name: 'hiding class and a redundant data URL equal to src',
      code: '<img class="lazy" src="https://example.com/a.jpg" data-src="https://example.com/a.jpg">\n',
      errors: [{ messageId: 'hidden', message: /so do data-src/ }],
      output: '<img src="https://example.com/a.jpg">\n',
    },
  ],
});

describe('no-lazy-image with no-proxied-url and no-placeholder-image', () => {
  const all = [RuleTester.configure(rule), RuleTester.configure(proxied), RuleTester.configure(placeholder)];
  it('their fixes do not collide and the end result is stable', () => {
    const code = `<p>${ZAKER}</p>\n<p>${ZAKER_GIF}</p>\n<img class="lazy" src="${GIF_1X1}" data-original="https://cors.zfour.workers.dev/?http://a.com/b.jpg">\n`;
    const first = lintText(code, { rules: all });
    expect(first.map((m) => m.ruleId).sort()).toEqual([
      'no-lazy-image', 'no-lazy-image', 'no-lazy-image', 'no-proxied-url', 'no-proxied-url', 'no-proxied-url',
    ]);
    const fixed = fixText(code, { rules: all });
    expect(fixed.output).toBe(`<p>${ZAKER_FIXED}</p>\n<p>${ZAKER_GIF_FIXED}</p>\n<img src="http://a.com/b.jpg">\n`);
    expect(fixed.messages).toEqual([]);
    expect(fixText(fixed.output, { rules: all }).output).toBe(fixed.output);
    // whichever rule goes first, the same end result
    const proxiedFirst = fixText(fixText(code, { rules: [all[1]] }).output, { rules: all });
    expect(proxiedFirst.output).toBe(fixed.output);
  });
});

describe('no-lazy-image on the real posts', () => {
  const dir = path.resolve(import.meta.dirname, '../../fixtures/real/_posts');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).sort();
  const read = (f: string) => readFileSync(path.join(dir, f), 'utf8');
  const rules = [RuleTester.configure(rule)];
  const both = [RuleTester.configure(rule), RuleTester.configure(proxied)];

  it('finds the 30 ZAKER images, all in the five ZAKER posts, and fixes them all', () => {
    expect(files).toHaveLength(27);
    let found = 0;
    for (const f of files) {
      const messages = lintText(read(f), { filePath: f, rules });
      if (messages.length) expect(f).toContain('ZAKER');
      expect(messages.every((m) => m.fix && m.message.includes('myzaker.com'))).toBe(true);
      found += messages.length;
      const fixed = fixText(read(f), { filePath: f, rules });
      expect(fixed.messages).toEqual([]);
      expect(fixed.output).not.toMatch(/opacity_0|data-original|data-gif-url/);
    }
    expect(found).toBe(30);
  });

  it('with no-proxied-url on too, the ZAKER images end up with the raw URL and nothing is left', () => {
    for (const f of files.filter((x) => x.includes('ZAKER'))) {
      const fixed = fixText(read(f), { filePath: f, rules: both });
      expect(fixed.messages).toEqual([]);
      expect(fixed.output).not.toContain('cors.zfour.workers.dev');
      expect(fixText(fixed.output, { filePath: f, rules: both }).output).toBe(fixed.output);
    }
  });
});
