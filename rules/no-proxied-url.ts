import { defineRule, docsUrl, quote } from '../src/rule-api.js';
import { urlSites } from '../src/util/url-sites.js';
import { unwrapProxy, wrapperPatternSchema, type WrapperPattern } from '../src/util/url.js';

interface Options {
  /** Extra proxies, tried before the built-in list (src/util/url.ts PROXIES). */
  proxies: WrapperPattern[];
}

export default defineRule<Options>({
  meta: {
    id: 'no-proxied-url',
    description: 'URLs must point at the original, not at a CORS or image proxy wrapping it',
    fixable: true,
    severity: 'error',
    docs: docsUrl('no-proxied-url'),
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        proxies: { type: 'array', items: wrapperPatternSchema(['prefix', 'query', 'path']), default: [] },
      },
    },
    messages: {
      proxied: 'URL goes through proxy {{proxy}}; the fix uses the original {{target}}',
      invalid: 'URL goes through proxy {{proxy}}, which wraps {{target}}: not a valid http(s) URL, so not fixed',
    },
  },
  check({ article, options, report }) {
    for (const site of urlSites(article)) {
      const result = unwrapProxy(site.url, options.proxies);
      if (!result) continue;
      const proxy = quote(result.via.join(' → '));
      if ('url' in result) {
        const target = result.url;
        report({
          messageId: 'proxied',
          data: { proxy, target: quote(target) },
          range: site.range,
          fix: (fixer) => site.replace(fixer, target),
        });
      } else {
        report({ messageId: 'invalid', data: { proxy, target: quote(result.invalid) }, range: site.range });
      }
    }
  },
});
