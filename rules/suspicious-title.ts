import { defineRule, docsUrl, quote } from '../src/rule-api.js';

interface Options {
  separators: string;
}

const DIGITS = /^[0-9\uff10-\uff19]+$/;

export default defineRule<Options>({
  meta: {
    id: 'suspicious-title',
    description: 'Titles should not be only a number or end in a separator: signs of a title the importer cut',
    fixable: false,
    severity: 'warn',
    docs: docsUrl('suspicious-title'),
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        separators: { type: 'string', default: '-‐–—|｜:：/／\\_·・,，、;；' },
      },
    },
    messages: {
      digits: 'Title {{title}} is only a number: the importer probably lost the real title',
      separator: 'Title {{title}} ends in {{separator}}: the importer probably cut it after a separator',
    },
  },
  check({ article, options, report }) {
    const fm = article.frontMatter;
    if (!fm) return;
    for (const entry of fm.entries) {
      if (entry.key !== 'title' || entry.valueRange === null) continue;
      const { value } = entry;
      if (typeof value !== 'string' && typeof value !== 'number') continue; // wrong types: front-matter-required
      const title = String(value).trim();
      if (title === '') continue; // empty: front-matter-required
      if (DIGITS.test(title)) {
        report({ messageId: 'digits', data: { title: quote(title) }, range: entry.valueRange });
        continue;
      }
      const last = title[title.length - 1];
      if (options.separators.includes(last)) {
        report({ messageId: 'separator', data: { title: quote(title), separator: quote(last) }, range: entry.valueRange });
      }
    }
  },
});
