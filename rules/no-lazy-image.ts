import { defineRule, docsUrl, quote, type Article, type Element, type Fix, type RuleFixer } from '../src/rule-api.js';
import { escapeQuote } from '../src/engine/rule-fixer.js';
import { encodeForAttribute } from '../src/util/url-sites.js';
import { unwrapProxy, wrapperPatternSchema, type WrapperPattern } from '../src/util/url.js';
import { placeholderReason } from './no-placeholder-image.js';

interface Options {
  hidingClasses: string[];
  preferGif: boolean;
  proxies: WrapperPattern[];
}

/** Attributes where lazy-loading scripts keep an image's real URL, in the order they are trusted. */
export const LAZY_URL_ATTRIBUTES = ['data-original', 'data-src', 'data-lazy-src', 'data-original-src', 'data-gif-url'];

/** Classes that keep an image invisible (or unloaded) until a lazy-loading script swaps them. */
export const HIDING_CLASSES = ['lazy', 'lazyload', 'lazy-load', 'lazy-hidden', 'lazy-img', 'b-lazy', 'js-lazy', 'opacity_0'];

const SPACE = /[ \t\n\f\r]/;

/** The whitespace-separated tokens of a raw class value, with their offsets. */
function tokens(raw: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  let i = 0;
  while (i < raw.length) {
    while (i < raw.length && SPACE.test(raw[i])) i++;
    const start = i;
    while (i < raw.length && !SPACE.test(raw[i])) i++;
    if (i > start) out.push({ text: raw.slice(start, i), start, end: i });
  }
  return out;
}

/**
 * The class value without the hiding tokens: each removed token takes the whitespace after it (or, when it is
 * the last token, the whitespace before it), so the kept tokens and their separators stay byte-exact.
 */
export function withoutClasses(raw: string, hide: (token: string) => boolean): string {
  const list = tokens(raw);
  const kept = list.filter((t) => !hide(t.text));
  if (!kept.length) return '';
  let out = raw.slice(0, list[0].start);
  for (let i = 0; i < list.length; i++) {
    const t = list[i];
    const sepEnd = i + 1 < list.length ? list[i + 1].start : raw.length;
    if (!hide(t.text)) out += raw.slice(t.start, sepEnd);
  }
  const last = list[list.length - 1];
  if (hide(last.text)) out = out.trimEnd() + raw.slice(last.end);
  return out;
}

/** Removes an attribute with the whitespace before it. */
function removeAttribute(article: Article, el: Element, name: string, fixer: RuleFixer): Fix | null {
  const range = article.attrRange(el, name);
  if (!range) return null;
  let a = range[0];
  while (a > 0 && SPACE.test(article.text[a - 1])) a--;
  return fixer.removeRange([a, range[1]]);
}

export default defineRule<Options>({
  meta: {
    id: 'no-lazy-image',
    description: 'Images must show without a lazy-loading script: the real URL in src, no hiding classes',
    fixable: true,
    severity: 'error',
    docs: docsUrl('no-lazy-image'),
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        hidingClasses: { type: 'array', items: { type: 'string' }, default: HIDING_CLASSES },
        preferGif: { type: 'boolean', default: true },
        proxies: { type: 'array', items: wrapperPatternSchema(['prefix', 'query', 'path']), default: [] },
      },
    },
    messages: {
      lazySource: 'Image needs a lazy-load script to swap in {{attribute}} {{url}} for src {{src}}: src becomes that URL, the lazy-load attributes{{classes}} go',
      hidden: 'Image is hidden by class {{classes}} until a lazy-load script runs: the class goes{{attributes}}',
    },
  },
  check({ article, options, report }) {
    const hiding = new Set(options.hidingClasses);
    const order = options.preferGif
      ? ['data-gif-url', ...LAZY_URL_ATTRIBUTES.filter((a) => a !== 'data-gif-url')]
      : LAZY_URL_ATTRIBUTES;
    for (const img of article.html.byTag('img')) {
      const loc = img.sourceCodeLocation;
      if (!loc) continue;
      const classValue = article.attrValue(img, 'class');
      const hidden = classValue ? tokens(classValue.raw).filter((t) => hiding.has(t.text)).map((t) => t.text) : [];
      const lazyAttrs = LAZY_URL_ATTRIBUTES.filter((a) => article.attrRange(img, a));

      // the real URL: the first lazy attribute holding a URL that is not a placeholder, unwrapped if proxied
      let real: { attribute: string; url: string; raw: string; unwrapped: boolean } | null = null;
      for (const attribute of order) {
        const raw = article.attrValue(img, attribute)?.raw;
        const url = article.attr(img, attribute)?.trim();
        if (!raw || !url || placeholderReason(url)) continue;
        const result = unwrapProxy(url, options.proxies);
        real = result && 'url' in result
          ? { attribute, url: result.url, raw, unwrapped: true }
          : { attribute, url, raw: raw.trim(), unwrapped: false };
        break;
      }
      const src = article.attr(img, 'src')?.trim();
      const srcBroken = !src || !!placeholderReason(src) || unwrapProxy(src, options.proxies) !== null;
      // with a hiding class, the script would swap the real URL in even over a working src
      const lazySource = real !== null && (srcBroken || (hidden.length > 0 && src !== real.url));
      if (!lazySource && !hidden.length) continue;

      const range: [number, number] = [loc.startTag!.startOffset, loc.startTag!.endOffset];
      const fix = (fixer: RuleFixer): Fix[] => {
        const edits: Fix[] = [];
        const target = real;
        if (target) {
          const srcValue = article.attrValue(img, 'src');
          if (!srcValue || srcValue.raw.trim() === '') {
            const written = target.unwrapped ? encodeForAttribute(target.url, target.raw) : target.raw;
            const value = `"${escapeQuote(written, '"')}"`;
            if (srcValue) {
              const whole = article.attrRange(img, 'src')!;
              edits.push(fixer.replaceTextRange(whole, `src=${value}`));
            } else {
              edits.push(fixer.insertTextAfter(loc.startOffset + 4, ` src=${value}`));
            }
          } else if (article.attr(img, 'src')!.trim() !== target.url) {
            const written = target.unwrapped ? encodeForAttribute(target.url, target.raw) : target.raw;
            edits.push(
              srcValue.quote
                ? fixer.replaceTextRange(srcValue.range, escapeQuote(written, srcValue.quote))
                : fixer.replaceAttrValue(srcValue, written),
            );
          }
        }
        if (classValue && hidden.length) {
          const next = withoutClasses(classValue.raw, (t) => hiding.has(t));
          if (next.trim() === '') {
            const edit = removeAttribute(article, img, 'class', fixer);
            if (edit) edits.push(edit);
          } else {
            edits.push(fixer.replaceTextRange(classValue.range, next));
          }
        }
        for (const a of lazyAttrs) {
          const edit = removeAttribute(article, img, a, fixer);
          if (edit) edits.push(edit);
        }
        return edits;
      };

      if (lazySource) {
        report({
          messageId: 'lazySource',
          data: {
            src: src ? quote(src, 40) : '(none)',
            attribute: real!.attribute,
            url: quote(real!.url),
            classes: hidden.length ? ` and classes ${quote(hidden.join(' '))}` : '',
          },
          range,
          fix,
        });
      } else {
        report({
          messageId: 'hidden',
          data: {
            classes: quote(hidden.join(' ')),
            attributes: lazyAttrs.length ? `, and so do ${lazyAttrs.join(', ')}` : '',
          },
          range,
          fix,
        });
      }
    }
  },
});
