import { defineRule, docsUrl } from '../src/rule-api.js';
import { hasEmptyContent } from '../src/util/empty.js';

export default defineRule({
  meta: {
    id: 'no-empty-paragraph',
    description: 'Paragraphs must not be empty (nothing, whitespace, &nbsp; or only <br>s)',
    fixable: true,
    severity: 'error',
    docs: docsUrl('no-empty-paragraph'),
    messages: { empty: 'Empty paragraph {{shape}} renders as a blank gap' },
  },
  check({ article, report }) {
    for (const p of article.html.byTag('p')) {
      if (!p.sourceCodeLocation || !hasEmptyContent(p)) continue;
      const range = article.rangeOf(p);
      const source = article.slice(range);
      report({
        messageId: 'empty',
        data: { shape: source.length <= 24 ? source : `<p>…</p>` },
        range,
        fix: (fixer) => fixer.removeRangeWithLine(range),
      });
    }
  },
});
