import { defineRule, docsUrl, quote } from '../src/rule-api.js';
import { urlSites } from '../src/util/url-sites.js';
import { stripTrackingParams, TRACKING_PARAMS, unwrapTracker, wrapperPatternSchema, type WrapperPattern } from '../src/util/url.js';

interface Options {
  /** Extra redirectors and shorteners, tried before the built-in list (src/util/url.ts TRACKERS). */
  trackers: WrapperPattern[];
  /** Tracking query parameters: `name`, `prefix*` or `name=value`. */
  params: string[];
  /** Also check front-matter URLs (default true). */
  frontMatter: boolean;
}

/** Attributes whose URL is a link (the target of a click). */
const LINK_ATTRIBUTES = ['href', 'data-href'];

export default defineRule<Options>({
  meta: {
    id: 'no-tracking-link',
    description: 'Links must go to their target directly, without redirectors, affiliate trackers, shorteners or tracking parameters',
    fixable: true,
    severity: 'warn',
    docs: docsUrl('no-tracking-link'),
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        trackers: { type: 'array', items: wrapperPatternSchema(['query', 'prefix', 'path', 'opaque']), default: [] },
        params: { type: 'array', items: { type: 'string', minLength: 1, pattern: '^[^&#?]+$' }, default: [...TRACKING_PARAMS] },
        frontMatter: { type: 'boolean', default: true },
      },
    },
    messages: {
      redirect: 'Link goes through redirector {{via}}; the fix links to {{target}} directly',
      opaque: 'Link goes through {{via}}, which hides its target; replace it with the real address',
      invalid: 'Link goes through redirector {{via}}, which wraps {{target}}: not a valid http(s) URL, so not fixed',
      params: 'Link carries tracking parameters {{params}}; the fix removes them',
    },
  },
  check({ article, options, report }) {
    const sites = urlSites(article, { attributes: LINK_ATTRIBUTES, srcset: false, frontMatter: options.frontMatter });
    for (const site of sites) {
      if (site.kind === 'markdown-image') continue;
      const result = unwrapTracker(site.url, options.trackers);
      if (result) {
        const via = quote(result.via.join(' → '));
        if ('url' in result) {
          const target = stripTrackingParams(result.url, options.params)?.url ?? result.url;
          report({
            messageId: 'redirect',
            data: { via, target: quote(target) },
            range: site.range,
            fix: (fixer) => site.replace(fixer, target),
          });
        } else if ('invalid' in result) {
          report({ messageId: 'invalid', data: { via, target: quote(result.invalid) }, range: site.range });
        } else {
          report({ messageId: 'opaque', data: { via }, range: site.range });
        }
        continue;
      }
      const stripped = stripTrackingParams(site.url, options.params);
      if (stripped) {
        report({
          messageId: 'params',
          data: { params: quote(stripped.removed.join(', ')) },
          range: site.range,
          fix: (fixer) => site.replace(fixer, stripped.url),
        });
      }
    }
  },
});
