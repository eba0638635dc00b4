import { defineRule, docsUrl, quote, type Article, type Element } from '../src/rule-api.js';
import {
  Captions,
  escapeAttr,
  escapeMarkdownAlt,
  isFileName,
  isPlaceholder,
  type Caption,
} from '../src/util/caption.js';

type Problem = 'missing' | 'empty' | 'fileName' | 'placeholder';

/** What is wrong with an alt value (decoded), or null when it describes the image. */
function judge(alt: string): Exclude<Problem, 'missing'> | null {
  if (alt.trim() === '' || /^[\s\u00a0\u3000\u200b-\u200d\ufeff]*$/.test(alt)) return 'empty';
  if (isFileName(alt)) return 'fileName';
  if (isPlaceholder(alt)) return 'placeholder';
  return null;
}

function action(caption: Caption | null): string {
  return caption ? `the fix writes the caption ${quote(caption.alt)}` : 'no caption found to write';
}

/** Decorative by the author's explicit word: `alt=""` with role="presentation"/"none" or aria-hidden="true". */
function isDecorative(article: Article, img: Element): boolean {
  const role = article.attr(img, 'role')?.trim().toLowerCase();
  return role === 'presentation' || role === 'none' || article.attr(img, 'aria-hidden')?.trim().toLowerCase() === 'true';
}

export default defineRule<{ allowEmpty: boolean }>({
  meta: {
    id: 'image-alt',
    description: 'Images must have alt text that describes them: not missing, empty, a file name or a placeholder word',
    fixable: true,
    severity: 'error',
    docs: docsUrl('image-alt'),
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { allowEmpty: { type: 'boolean', default: false } },
    },
    messages: {
      missing: 'Image has no alt text; {{action}}',
      empty: 'Image alt is empty; {{action}}',
      fileName: 'Image alt {{alt}} is a file name, not a description; {{action}}',
      placeholder: 'Image alt {{alt}} is a placeholder, not a description; {{action}}',
    },
  },
  check({ article, options, report }) {
    const captions = new Captions(article);
    for (const img of article.html.byTag('img')) {
      const loc = img.sourceCodeLocation;
      if (!loc?.startTag) continue;
      const value = article.attrValue(img, 'alt');
      let problem: Problem;
      if (!value) problem = 'missing';
      else {
        const judged = judge(article.attr(img, 'alt') ?? '');
        if (!judged) continue;
        const explicitEmpty = value.quote !== '' && value.raw === '';
        if (judged === 'empty' && explicitEmpty && (options.allowEmpty || isDecorative(article, img))) continue;
        problem = judged;
      }
      const caption = captions.imageCaption(img);
      const tag: [number, number] = [loc.startTag.startOffset, loc.startTag.endOffset];
      report({
        messageId: problem,
        data: { alt: quote(article.attr(img, 'alt') ?? ''), action: action(caption) },
        range: value && problem !== 'empty' ? value.range : tag,
        fix: caption
          ? (fixer) => {
              const escaped = escapeAttr(caption.alt);
              if (!value) return fixer.insertTextAfter(tag[0] + 1 + img.tagName.length, ` alt="${escaped}"`);
              // A bare `alt` (no `=`): give it a value right after its name.
              if (value.quote === '' && value.range[0] === value.range[1]) return fixer.insertTextAfter(value.range[1], `="${escaped}"`);
              return fixer.replaceAttrValue(value, escaped);
            }
          : null,
      });
    }

    for (const image of article.markdown.images) {
      const problem = judge(image.alt.text);
      if (!problem || (problem === 'empty' && options.allowEmpty)) continue;
      const caption = captions.markdownImageCaption(image);
      report({
        messageId: problem,
        data: { alt: quote(image.alt.text), action: action(caption) },
        range: problem === 'empty' ? image.range : image.alt.range,
        fix: caption ? (fixer) => fixer.replaceTextRange(image.alt.range, escapeMarkdownAlt(caption.alt)) : null,
      });
    }
  },
});
