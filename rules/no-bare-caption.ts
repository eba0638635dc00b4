import { defineRule, docsUrl, quote } from '../src/rule-api.js';
import { Captions } from '../src/util/caption.js';

export default defineRule({
  meta: {
    id: 'no-bare-caption',
    description: 'An image caption must be a <figcaption>, not bare text left after the image',
    fixable: true,
    severity: 'warn',
    docs: docsUrl('no-bare-caption'),
    messages: {
      bare: 'Caption {{caption}} is bare text after the image; the fix wraps both in <figure> with a <figcaption>',
      bareNoFix: 'Caption {{caption}} is bare text after the image; it cannot be wrapped in <figure> inside <{{parent}}>',
    },
  },
  check({ article, report }) {
    const captions = new Captions(article);
    const seen = new Set<object>();
    for (const img of article.html.byTag('img')) {
      if (captions.enclosingFigure(img)) continue;
      const caption = captions.bareCaption(img);
      if (!caption || seen.has(caption.wrapper)) continue;
      seen.add(caption.wrapper);
      const [from, to] = caption.range;
      const start = caption.wrapper.sourceCodeLocation!.startOffset;
      const parent = caption.wrapper.parentNode as { tagName?: string } | null;
      report({
        messageId: caption.wrappable ? 'bare' : 'bareNoFix',
        data: { caption: quote(caption.text), parent: parent?.tagName ?? 'body' },
        range: caption.range,
        fix: caption.wrappable
          ? (fixer) => [
              fixer.insertTextBefore(start, '<figure>'),
              fixer.insertTextBefore(from, '<figcaption>'),
              fixer.insertTextAfter(to, '</figcaption></figure>'),
            ]
          : null,
      });
    }
  },
});
