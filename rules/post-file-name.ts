import path from 'node:path';
import { defineRule, docsUrl, quote } from '../src/rule-api.js';

export default defineRule<{ rename: boolean }>({
  meta: {
    id: 'post-file-name',
    description: "A post's file name (and the URL made from it) must be one its site generator publishes",
    fixable: true,
    severity: 'error',
    docs: docsUrl('post-file-name'),
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { rename: { type: 'boolean', default: false } },
    },
    messages: {
      dropped: '{{generator}} never publishes this post: {{reason}}; {{remedy}}',
      siteFails: '{{generator}} cannot build the site with this post: {{reason}}; {{remedy}}',
    },
  },
  check({ article, options, report }) {
    if (article.filePath === '<text>') return; // text that is no file has no name
    const fm = article.frontMatter;
    const sources: Record<string, string> = {};
    for (const entry of fm?.entries ?? []) sources[entry.key] = entry.source;
    const { generator } = article.site;
    const why = generator.unpublished({ path: path.resolve(article.filePath), data: fm?.data ?? {}, sources }, article.site);
    if (!why) return;
    report({
      messageId: why.effect === 'site-fails' ? 'siteFails' : 'dropped',
      data: {
        generator: generator.title,
        reason: why.reason,
        remedy: why.rename ? `named ${quote(why.rename, 200)}, it would be published` : why.advice,
      },
      range: [0, 0],
      rename: options.rename ? why.rename : null,
    });
  },
});
