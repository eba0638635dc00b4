import { describe, expect, it } from 'vitest';
import { hostnameOf, isHttpUrl, PROXIES, stripTrackingParams, TRACKERS, unwrap, unwrapProxy, unwrapTracker } from '../../src/util/url.js';

describe('unwrapProxy', () => {
  it.each([
    // prefix proxies: the corpus's CORS proxy, cors-anywhere style, the any-host `/?http` shape
    ['https://cors.zfour.workers.dev/?http://image.woshipm.com/wp-files/2022/02/7H7mRKLf6U3IWHLV2rgj.jpg', 'http://image.woshipm.com/wp-files/2022/02/7H7mRKLf6U3IWHLV2rgj.jpg'],
    ['//cors.zfour.workers.dev/?https://a.com/x.jpg?a=1&b=2#f', 'https://a.com/x.jpg?a=1&b=2#f'],
    ['https://cors-anywhere.herokuapp.com/https://example.com/a', 'https://example.com/a'],
    ['https://cors-anywhere.herokuapp.com/https:/example.com/a', 'https://example.com/a'],
    ['https://thingproxy.freeboard.io/fetch/http://example.com/a.png', 'http://example.com/a.png'],
    ['https://my-proxy.example/?https://a.com/b.png', 'https://a.com/b.png'],
    ['https://my-proxy.example/?https%3A%2F%2Fa.com%2Fb.png', 'https://a.com/b.png'],
    // query proxies: decoded once; weserv's scheme-less and ssl: forms
    ['https://images.weserv.nl/?url=https%3A%2F%2Fa.com%2Fx.jpg%3Fa%3D1&w=300', 'https://a.com/x.jpg?a=1'],
    ['https://images.weserv.nl/?w=300&url=http://a.com/x.jpg', 'http://a.com/x.jpg'],
    ['https://wsrv.nl/?url=example.com/a.jpg&h=20', 'http://example.com/a.jpg'],
    ['https://wsrv.nl/?url=ssl:example.com/a.jpg', 'https://example.com/a.jpg'],
    ['https://wsrv.nl/?url=//example.com/a.jpg', 'https://example.com/a.jpg'],
    ['https://images.weserv.nl/?url=https://a.com/s?q=1&page=2', 'https://a.com/s?q=1&page=2'],
    ['https://images.weserv.nl/?url=https%3A%2F%2Fa.com%2Fmy%2520file.jpg', 'https://a.com/my%20file.jpg'],
    // path proxies: Photon's ssl=1 means https; its own params go, others stay in order
    ['https://i0.wp.com/example.com/wp-content/a.jpg?w=300&ssl=1&foo=bar&h=2', 'https://example.com/wp-content/a.jpg?foo=bar'],
    ['https://i3.wp.com/example.com/a.jpg?resize=10,20', 'http://example.com/a.jpg'],
    ['https://i1.wp.com/example.com/a.jpg', 'http://example.com/a.jpg'],
    // nested: every layer at once
    ['https://cors.zfour.workers.dev/?https://images.weserv.nl/?url=https%3A%2F%2Fi2.wp.com%2Fa.com%2Fx.jpg%3Fssl%3D1', 'https://a.com/x.jpg'],
  ])('%s', (url, expected) => {
    const result = unwrapProxy(url);
    expect(result).not.toBeNull();
    expect(result).toHaveProperty('url', expected);
    expect(unwrapProxy(expected)).toBeNull();
  });

  it('names every wrapper, outermost first', () => {
    expect(unwrapProxy('https://x.example/?https://images.weserv.nl/?url=https%3A%2F%2Fa.com%2Fx.jpg')).toEqual({
      url: 'https://a.com/x.jpg',
      via: ['x.example', 'images.weserv.nl'],
    });
  });

  it.each([
    ['https://cors.zfour.workers.dev/?javascript:alert(1)', 'javascript:alert(1)'],
    ['https://cors.zfour.workers.dev/?http://', 'http://'],
    ['https://images.weserv.nl/?url=%E0%A4%A', '%E0%A4%A'],
    ['https://images.weserv.nl/?url=', 'http://'],
    ['https://images.weserv.nl/?url=ftp%3A%2F%2Fa.com%2Fx', 'ftp://a.com/x'],
    ['https://i0.wp.com/not a host/x.jpg', 'http://not a host/x.jpg'],
  ])('%s holds no valid http(s) URL', (url, invalid) => {
    expect(unwrapProxy(url)).toEqual({ invalid, via: [hostnameOf(url)] });
  });

  it.each([
    'https://example.com/a.jpg',
    'https://example.com/?a=1',
    'https://example.com/page?https://a.com', // path is not `/`: not the general shape
    'https://example.com/https://a.com/x', // cors-anywhere style only for known hosts
    'https://cors.zfour.workers.dev/',
    'https://images.weserv.nl/?w=3',
    'https://i0.wp.com/',
    'data:image/png;base64,AAAA',
    '/relative/?http://a.com',
    'mailto:a@b.c?http://a.com',
    'not a url',
  ])('%s is not proxied', (url) => {
    expect(unwrapProxy(url)).toBeNull();
  });

  it('takes extra patterns before the built-ins', () => {
    const extra = [
      { host: 'proxy.example.com', type: 'query' as const, param: 'src' },
      { host: '*.img.example', type: 'path' as const },
    ];
    expect(unwrapProxy('https://proxy.example.com/fetch?src=https%3A%2F%2Fa.com%2Fx', extra)).toHaveProperty('url', 'https://a.com/x');
    expect(unwrapProxy('https://cdn1.img.example/a.com/x.png?v=1', extra)).toHaveProperty('url', 'https://a.com/x.png?v=1');
    expect(unwrapProxy('https://img.example/a.com/x.png', extra)).toBeNull();
    expect(unwrapProxy('https://proxy.example.com/fetch?src=https%3A%2F%2Fa.com%2Fx')).toBeNull();
  });

  it('stops after ten layers', () => {
    let url = 'https://a.com/x';
    for (let i = 0; i < 12; i++) url = `https://p${i}.example/?${url}`;
    const result = unwrapProxy(url);
    expect(result).toHaveProperty('url');
    if (result && 'url' in result) expect(result.via).toHaveLength(10);
  });

  it('is linear on hostile input', () => {
    const long = `https://cors.zfour.workers.dev/?http://a.com/${'?http://'.repeat(200_000)}${' '.repeat(100_000)}`;
    const t = performance.now();
    unwrapProxy(long);
    unwrapTracker(long);
    stripTrackingParams(`https://a.com/?${'utm_a=1&'.repeat(100_000)}`);
    expect(performance.now() - t).toBeLessThan(2000);
  });
});

describe('unwrapTracker', () => {
  it.each([
    ['https://www.oschina.net/action/GoToLink?url=https%3A%2F%2Fimpala.apache.org%2Fdocs%2Fchangelog-4.0.html', 'https://impala.apache.org/docs/changelog-4.0.html'],
    ['https://c.duomai.com/track.php?site_id=242986&euid=&t=https://www.microsoftstore.com.cn/', 'https://www.microsoftstore.com.cn/'],
    ['https://apple.pvxt.net/c/1251234/435400/7639?u=https%3A%2F%2Fwww.apple.com%2Fcn%2Fiphone%2F', 'https://www.apple.com/cn/iphone/'],
    ['https://link.zhihu.com/?target=https%3A//github.com/x', 'https://github.com/x'],
    ['https://link.zhihu.com/?target=https%3A%2F%2Ft.cn%2FA6abc', 'https://t.cn/A6abc'], // then reported as a shortener
  ])('%s', (url, expected) => {
    expect(unwrapTracker(url)).toHaveProperty('url', expected);
  });

  it.each(['https://microsoft.pvxt.net/Xx07X', 'https://c.duomai.com/track.php?k=yUSQzUycwRHdo1Ddm0', 'https://t.cn/A6abc', 'http://bit.ly/x'])(
    '%s hides its target',
    (url) => {
      expect(unwrapTracker(url)).toEqual({ opaque: true, via: [hostnameOf(url)] });
    },
  );

  it.each(['https://t.cn/', 'https://bit.ly', 'https://www.oschina.net/news/1', 'https://pvxt.net/x', 'https://a.com/?url=https://b.com'])(
    '%s is not a tracker',
    (url) => {
      expect(unwrapTracker(url)).toBeNull();
    },
  );

  it('keeps the two lists apart', () => {
    expect(unwrapTracker('https://cors.zfour.workers.dev/?http://a.com/x')).toBeNull();
    expect(unwrapProxy('https://www.oschina.net/action/GoToLink?url=https%3A%2F%2Fa.com')).toBeNull();
    expect(unwrap('https://a.com/', [...PROXIES, ...TRACKERS])).toBeNull();
  });
});

describe('stripTrackingParams', () => {
  it.each([
    ['https://a.com/x?id=1&utm_source=tw&b=%20&spm=a.b#frag', 'https://a.com/x?id=1&b=%20#frag', ['utm_source', 'spm']],
    ['https://a.com/x?utm_source=tw&utm_medium=m', 'https://a.com/x', ['utm_source', 'utm_medium']],
    ['https://a.com/x?utm_source=tw#top', 'https://a.com/x#top', ['utm_source']],
    ['https://a.com/x?B=2&a=1&fbclid=Iw&c=%2B+', 'https://a.com/x?B=2&a=1&c=%2B+', ['fbclid']],
    ['https://mp.weixin.qq.com/s/abc?from=timeline&isappinstalled=0', 'https://mp.weixin.qq.com/s/abc', ['from', 'isappinstalled']],
    ['/local?UTM_Campaign=x&q=1', '/local?q=1', ['UTM_Campaign']],
    ['https://a.com/?gclid', 'https://a.com/', ['gclid']],
    ['https://a.com/?a=1&&utm_source=x&', 'https://a.com/?a=1', ['utm_source']],
    ['https://a.com/?&spm=1', 'https://a.com/', ['spm']],
    ['?utm_source=x', '?', ['utm_source']],
    ['?utm_source=x#a', '#a', ['utm_source']],
  ])('%s', (url, expected, removed) => {
    expect(stripTrackingParams(url)).toEqual({ url: expected, removed });
    expect(stripTrackingParams(expected)).toBeNull();
  });

  it.each([
    'https://a.com/x?id=1',
    'https://a.com/x?from=home',
    'https://a.com/x#?utm_source=1',
    'https://a.com/x?autm_source=1',
    'mailto:a@b.c?utm_source=x',
    'https://a.com/x',
  ])('%s keeps its query', (url) => {
    expect(stripTrackingParams(url)).toBeNull();
  });

  it('takes a custom list: prefix, name and name=value', () => {
    expect(stripTrackingParams('https://a.com/?ref=x&from=y&from=z&k=1', ['ref', 'from=z'])).toEqual({ url: 'https://a.com/?from=y&k=1', removed: ['ref', 'from'] });
    expect(stripTrackingParams('https://a.com/?utm_source=x', ['spm'])).toBeNull();
  });
});

describe('the lists', () => {
  it('cannot be changed by a rule', () => {
    expect(() => (PROXIES as unknown as unknown[]).push({})).toThrow();
    expect(() => ((TRACKERS[0] as { host: string }).host = 'x')).toThrow();
    expect(Object.isFrozen(PROXIES[0])).toBe(true);
  });
});

describe('isHttpUrl', () => {
  it.each([
    ['https://a.com/x', true],
    ['http://a.com', true],
    ['HTTP://A.COM/x', true],
    ['https://', false],
    ['ftp://a.com', false],
    ['//a.com/x', false],
    ['javascript:alert(1)', false],
    ['https://a.com/a b', false],
    ['https://a.com/\nb', false],
  ])('%s → %s', (url, ok) => {
    expect(isHttpUrl(url)).toBe(ok);
  });
});
