import { childNodes, defineRule, docsUrl, isElement, isText, quote, type Article, type Element, type Node } from '../src/rule-api.js';
import { hasEmptyContent, isBlankText } from '../src/util/empty.js';

const HTML_NS = 'http://www.w3.org/1999/xhtml';

/**
 * Never reported: <p> (no-empty-paragraph's), elements empty by nature (void elements, embeds, media),
 * table structure and list items (removing them shifts columns or renumbers), form controls, literal and
 * metadata elements.
 */
const KEPT = new Set([
  'p',
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'iframe', 'frame', 'frameset', 'video', 'audio', 'canvas', 'object', 'svg', 'math', 'picture', 'portal',
  'table', 'caption', 'colgroup', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'li',
  'button', 'select', 'option', 'optgroup', 'datalist', 'textarea', 'output', 'progress', 'meter',
  'script', 'style', 'template', 'slot', 'noscript', 'pre', 'code', 'xmp', 'plaintext', 'title',
  'html', 'head', 'body',
]);

/** Phrasing elements: whitespace inside them separates words, and a <br> inside them is a real line break. */
const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'cite', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd', 'label',
  'mark', 'nobr', 'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var',
]);

/** A style that gives an empty element a size, a background or a border: it is a spacer or a picture. */
const VISIBLE_STYLE = /(?:^|[;\s])(?:background|border|padding|(?:min-)?(?:height|width))[a-z-]*\s*:/i;

/** Characters that render as nothing at all (not even a space). */
const ZERO_WIDTH = /^[\u200b-\u200d\u2060\ufeff]*$/;

function isCandidate(article: Article, el: Element): boolean {
  if (el.namespaceURI !== HTML_NS || KEPT.has(el.tagName)) return false;
  const loc = el.sourceCodeLocation;
  // Only elements written with both tags: removing a lone start tag can restyle what follows it.
  if (!loc?.startTag || !loc.endTag) return false;
  // Misnested markup can put literal text (<pre>, <code> content) inside an element's source range.
  if (article.overlapsLiteral([loc.startOffset, loc.endOffset])) return false;
  if (el.tagName === 'a' && (article.attr(el, 'name') !== undefined || article.attr(el, 'id') !== undefined)) return false;
  const style = article.attr(el, 'style');
  if (style && VISIBLE_STYLE.test(style)) return false;
  return true;
}

/** True when a node sits in a line of text: non-blank text or an inline (non-block, non-<br>) element. */
function isInlineContent(node: Node | undefined): boolean {
  if (!node) return false;
  if (isText(node)) return !isBlankText(node.value);
  return isElement(node) && (INLINE.has(node.tagName) || node.tagName === 'img');
}

/** The nearest sibling in a direction, skipping blank text and comments. `index` caches positions among siblings. */
function sibling(el: Element, step: 1 | -1, index: Map<Node, number>): Node | undefined {
  const kids = childNodes(el.parentNode as Node);
  if (!index.has(el)) kids.forEach((k, n) => index.set(k, n));
  for (let i = index.get(el)! + step; i >= 0 && i < kids.length; i += step) {
    const k = kids[i];
    if (isText(k) && isBlankText(k.value)) continue;
    if (!isText(k) && !isElement(k)) continue;
    return k;
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'no-empty-element',
    description: 'No empty wrappers (<div></div>, <span> </span>, <strong></strong>) left behind by scrapers',
    fixable: true,
    severity: 'error',
    docs: docsUrl('no-empty-element'),
    messages: {
      empty: 'Empty element {{shape}} renders nothing; fix removes it',
      emptySpace: 'Empty element {{shape}} holds only a space; fix replaces it with a space',
      emptyData: 'Empty element {{shape}} renders nothing, but its data-* attributes hold content (a script-loaded video?); restore or remove it by hand',
      emptyBreak: 'Empty element {{shape}} only breaks the line between the text around it; replace it with <br> or remove it by hand',
    },
  },
  check({ article, report }) {
    const text = article.text;
    const elements = article.html.elements;
    // Children come after their parent in document order: walking backwards settles every child first,
    // so each element is looked at once, however deep the nesting. (parse5's clones of misnested formatting
    // elements are not in html.elements: their ranges span other tags, so they are never removed.)
    const empty = new Set<Element>();
    // Empty but carrying data-* values (ZAKER's `<div class="zk_upvideo" data-zkinfo="…videoUrl…">`): a
    // placeholder a script would have filled. It shows nothing, but removing it would lose what it holds.
    const placeholders = new Set<Element>();
    for (let i = elements.length - 1; i >= 0; i--) {
      const el = elements[i];
      if (!isCandidate(article, el)) continue;
      const inline = INLINE.has(el.tagName);
      const ok = hasEmptyContent(el, (child) => empty.has(child)) &&
        // A <br> inside an inline element is a line break in running text, not emptiness.
        !(inline && childNodes(el).some((k) => isElement(k) && k.tagName === 'br'));
      if (!ok) continue;
      if (el.attrs.some((a) => a.name.startsWith('data-') && a.value.trim() !== '')) placeholders.add(el);
      else empty.add(el);
    }

    const index = new Map<Node, number>();
    for (const el of elements) {
      const parent = el.parentNode as Element;
      if (empty.has(parent) || placeholders.has(parent)) continue; // the outermost empty element only
      if (!empty.has(el) && !placeholders.has(el)) continue;
      const range = article.rangeOf(el);
      const source = article.slice(range);
      const shape = quote(source, 50);
      if (placeholders.has(el)) {
        report({ messageId: 'emptyData', data: { shape }, range });
        continue;
      }

      // At the top of a Markdown body, text lines around a block become paragraphs of their own: no line to break.
      const inFlow = isElement(el.parentNode as Node) || article.format === 'html';
      if (inFlow && !INLINE.has(el.tagName) && isInlineContent(sibling(el, -1, index)) && isInlineContent(sibling(el, 1, index))) {
        report({ messageId: 'emptyBreak', data: { shape }, range });
        continue;
      }
      const visible = article.textOf(el);
      const spaced = INLINE.has(el.tagName) && !ZERO_WIDTH.test(visible);
      const before = text[range[0] - 1];
      const after = text[range[1]];
      const touchesSpace = before === undefined || after === undefined || /\s/.test(before) || /\s/.test(after);
      if (spaced && !touchesSpace) {
        report({ messageId: 'emptySpace', data: { shape }, range, fix: (fixer) => fixer.replaceTextRange(range, ' ') });
      } else {
        report({ messageId: 'empty', data: { shape }, range, fix: (fixer) => fixer.removeRangeWithLine(range) });
      }
    }
  },
});
