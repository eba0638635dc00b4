import { describe, expect, it } from 'vitest';
import { Article } from '../../src/parse/article.js';
import { RuleFixer } from '../../src/engine/rule-fixer.js';
import { applyFixes } from '../../src/engine/source-fixer.js';
import { srcsetCandidates, urlSites } from '../../src/util/url-sites.js';

const text = [
  '---',
  "headimg: 'https://cors.example/?http://a.com/x.jpg'",
  'title: not a url',
  'list:',
  '  - http://b.com/y',
  '---',
  '<img src=" http://c.com/1.jpg?a=1&amp;b=2 " srcset="http://d.com/1x.jpg 1x, http://d.com/a,b.jpg 2x" data-original=\'http://e.com/o.jpg\'>',
  '',
  '<a href=http://f.com/>f</a> ![alt](http://g.com/g.png "t") [l](<http://h.com/a b>)',
  '`![no](http://code.com/x.png)` <code><img src="http://code.com/y.png"></code>',
  '',
].join('\n');

describe('urlSites', () => {
  const article = new Article(text);
  const sites = urlSites(article);

  it('finds every URL outside code, with exact ranges', () => {
    expect(sites.map((s) => [s.kind, s.attribute ?? s.path?.join('.') ?? '', s.url, article.slice(s.range)])).toEqual([
      ['front-matter', 'headimg', 'https://cors.example/?http://a.com/x.jpg', "'https://cors.example/?http://a.com/x.jpg'"],
      ['front-matter', 'list.0', 'http://b.com/y', 'http://b.com/y'],
      ['attribute', 'src', 'http://c.com/1.jpg?a=1&b=2', 'http://c.com/1.jpg?a=1&amp;b=2'],
      ['srcset', 'srcset', 'http://d.com/1x.jpg', 'http://d.com/1x.jpg'],
      ['srcset', 'srcset', 'http://d.com/a,b.jpg', 'http://d.com/a,b.jpg'],
      ['attribute', 'data-original', 'http://e.com/o.jpg', 'http://e.com/o.jpg'],
      ['attribute', 'href', 'http://f.com/', 'http://f.com/'],
      ['markdown-image', '', 'http://g.com/g.png', 'http://g.com/g.png'],
      ['markdown-link', '', 'http://h.com/a b', 'http://h.com/a b'],
    ]);
  });

  it('writes a new URL in each site\'s own escaping', () => {
    const fixer = new RuleFixer(text);
    const messages = sites.map((s) => ({ fix: s.replace(fixer, s.url.replace(/^https?:\/\/[^/]+/, 'https://n.io') + '?q=1&r="2"') }));
    const out = applyFixes(text, messages).output;
    expect(out).toContain("headimg: 'https://n.io/?http://a.com/x.jpg?q=1&r=\"2\"'");
    expect(out).toContain('  - https://n.io/y?q=1&r="2"\n');
    expect(out).toContain('srcset="https://n.io/1x.jpg?q=1&r=&quot;2&quot; 1x, https://n.io/a%2Cb.jpg?q=1&r=&quot;2&quot; 2x"');
    expect(out).toContain('src=" https://n.io/1.jpg?a=1&amp;b=2?q=1&amp;r=&quot;2&quot; "');
    expect(out).toContain("data-original='https://n.io/o.jpg?q=1&r=\"2\"'");
    expect(out).toContain('<code><img src="http://code.com/y.png"></code>');
    const again = urlSites(new Article(out));
    // a comma inside a srcset URL and a space inside a Markdown destination are written percent-encoded
    const expected = sites.map((s) => s.url.replace(/^https?:\/\/[^/]+/, 'https://n.io') + '?q=1&r="2"');
    expect(again.map((s) => s.url)).toEqual(expected.map((u) => u.replace('a,b', 'a%2Cb').replace('a b', 'a%20b')));
  });
});

describe('srcsetCandidates', () => {
  it('parses as the HTML spec does', () => {
    expect(srcsetCandidates('a.jpg, b.jpg 2x,c.jpg 100w, d(1).jpg (x, y)').map((c) => c.url)).toEqual(['a.jpg', 'b.jpg', 'c.jpg', 'd(1).jpg']);
    expect(srcsetCandidates(' ,, ')).toEqual([]);
  });
});
