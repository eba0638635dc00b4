import { childNodes, defineRule, docsUrl, quote, type Article, type Element, type Fix, type Range, type RuleFixer } from '../src/rule-api.js';
import { isBlankText } from '../src/util/empty.js';

/** Attributes whose value the browser follows as a URL (javascript:/vbscript: there runs script). */
const URL_ATTRS = new Set([
  'href', 'src', 'action', 'formaction', 'data', 'poster', 'background', 'cite', 'longdesc', 'lowsrc', 'dynsrc',
  'codebase', 'classid', 'manifest', 'icon', 'ping', 'usemap', 'profile', 'archive',
]);

/** The essence of every JavaScript MIME type (HTML spec), plus `module`: a <script> of these types runs. */
const JS_TYPES = new Set([
  '', 'module', 'application/ecmascript', 'application/javascript', 'application/x-ecmascript',
  'application/x-javascript', 'text/ecmascript', 'text/javascript', 'text/javascript1.0', 'text/javascript1.1',
  'text/javascript1.2', 'text/javascript1.3', 'text/javascript1.4', 'text/javascript1.5', 'text/jscript',
  'text/livescript', 'text/x-ecmascript', 'text/x-javascript',
  // Not inert either: an import map redirects module loads, speculation rules make the browser fetch pages.
  'importmap', 'speculationrules',
]);

const HTML_NS = 'http://www.w3.org/1999/xhtml';

/**
 * The scheme a URL value runs script with ('javascript' or 'vbscript'), or null. As the URL parser does:
 * leading C0 controls and spaces are stripped, tabs and line breaks anywhere are removed, case is ignored.
 * `value` is the decoded attribute value (entities such as `&#x09;` already decoded by parse5).
 */
export function scriptScheme(value: string): string | null {
  let i = 0;
  while (i < value.length && value.charCodeAt(i) <= 0x20) i++;
  // Only the first few characters matter: keep the work bounded on 1 MB attribute values.
  const head = value.slice(i, i + 64).replace(/[\t\n\r]/g, '').toLowerCase();
  if (head.startsWith('javascript:')) return 'javascript';
  if (head.startsWith('vbscript:')) return 'vbscript';
  return null;
}

/** Whether a <script> element runs: no type, an empty type, `module` or a JavaScript MIME type. */
function runsScript(article: Article, el: Element): boolean {
  const type = article.attr(el, 'type');
  if (type === undefined) {
    const language = article.attr(el, 'language');
    return !language || JS_TYPES.has(`text/${language.trim().toLowerCase()}`);
  }
  const essence = type.split(';')[0].trim().toLowerCase();
  return JS_TYPES.has(essence);
}

/** Source range of an attribute as written, or null (parse5 keys prefixed foreign attributes as `xlink:href`). */
function attrLocation(el: Element, attr: { name: string; prefix?: string }): Range | null {
  const locs = el.sourceCodeLocation?.attrs;
  if (!locs) return null;
  const loc = locs[attr.prefix ? `${attr.prefix}:${attr.name}` : attr.name] ?? locs[attr.name.toLowerCase()];
  return loc ? [loc.startOffset, loc.endOffset] : null;
}

/**
 * Removes an attribute and the whitespace before it. When the next character would then touch the
 * previous token (`<a onclick="x"class="y">`), the whitespace stays so the tag keeps its shape.
 */
function removeAttr(fixer: RuleFixer, text: string, range: Range): Fix {
  let a = range[0];
  while (a > 0 && /\s/.test(text[a - 1])) a--;
  const next = text[range[1]];
  const separated = next === undefined || next === '>' || next === '/' || /\s/.test(next);
  return fixer.removeRange([separated ? a : range[0], range[1]]);
}

/** True when an iframe has fallback content or an inline document: removing it would lose something. */
function iframeHoldsContent(article: Article, el: Element): boolean {
  if (article.attr(el, 'srcdoc') !== undefined) return true;
  return !isBlankText(article.textOf(el));
}

/**
 * The element's whole range. parse5 gives a raw-text element left open at the end of the body
 * (`<script>…` with no `</script>`) an empty range; its start tag and content still count.
 */
function elementRange(article: Article, el: Element): Range {
  const [start, end] = article.rangeOf(el);
  const loc = el.sourceCodeLocation!;
  const kids = childNodes(el);
  const lastEnd = kids.length ? kids[kids.length - 1].sourceCodeLocation?.endOffset ?? 0 : 0;
  return [start, Math.max(end, loc.startTag?.endOffset ?? 0, lastEnd)];
}

/** `//host/…` (or `\\host`, which browsers read the same), after leading whitespace. */
function isProtocolRelative(value: string): boolean {
  return /^[\u0000-\u0020]*[/\\][/\\]/.test(value.slice(0, 64));
}

export default defineRule({
  meta: {
    id: 'no-unsafe-html',
    description: 'No script in articles: no inline event handlers, running <script>s, javascript: URLs or unsafe iframes',
    fixable: true,
    severity: 'error',
    docs: docsUrl('no-unsafe-html'),
    messages: {
      handler: 'Inline event handler {{name}} runs script; fix removes the attribute',
      script: 'Script {{shape}} runs code in the page; fix removes the element',
      scriptUrl: '{{scheme}}: URL in {{name}} runs script; fix removes the attribute',
      iframeScriptUrl: '<iframe> with a {{scheme}}: src runs script; fix removes the iframe',
      iframeScriptUrlContent: '<iframe> with a {{scheme}}: src runs script; it has fallback content, remove or replace it by hand',
      iframeNoSrc: '<iframe> without src shows nothing; fix removes it',
      iframeNoSrcContent: '<iframe> without src has fallback content or srcdoc; replace it by hand',
      protocolRelative: 'Protocol-relative iframe src {{url}} loads over plain http on http pages; fix makes it https://',
      protocolRelativeEncoded: 'Protocol-relative iframe src {{url}} loads over plain http on http pages; write it as https:// by hand',
    },
  },
  check({ article, report }) {
    const text = article.text;
    // html.elements holds each start tag once (parse5's clones of misnested formatting elements are left out).
    for (const el of article.html.elements) {
      const loc = el.sourceCodeLocation;
      if (!loc) continue;
      const range = elementRange(article, el);
      const isHtml = el.namespaceURI === HTML_NS;

      if (el.tagName === 'script') { // HTML or SVG: both run
        if (!runsScript(article, el)) continue;
        const source = article.slice(range);
        report({
          messageId: 'script',
          data: { shape: quote(source, 40) },
          range,
          fix: (fixer) => fixer.removeRangeWithLine(range),
        });
        continue;
      }

      if (el.tagName === 'iframe' && isHtml) {
        const src = article.attr(el, 'src');
        const srcLoc = article.attrRange(el, 'src');
        if (src === undefined || src.trim() === '') {
          const keep = iframeHoldsContent(article, el);
          report({
            messageId: keep ? 'iframeNoSrcContent' : 'iframeNoSrc',
            range: loc.startTag ? [loc.startTag.startOffset, loc.startTag.endOffset] : range,
            fix: keep ? null : (fixer) => fixer.removeRangeWithLine(range),
          });
        } else if (scriptScheme(src)) {
          const keep = iframeHoldsContent(article, el);
          report({
            messageId: keep ? 'iframeScriptUrlContent' : 'iframeScriptUrl',
            data: { scheme: scriptScheme(src)! },
            range: srcLoc ?? range,
            fix: keep ? null : (fixer) => fixer.removeRangeWithLine(range),
          });
        } else if (isProtocolRelative(src)) {
          const value = article.attrValue(el, 'src');
          const raw = value?.raw ?? '';
          const lead = raw.length - raw.replace(/^[ \t\r\n\f]*/, '').length;
          const writtenPlain = value !== null && (raw[lead] === '/' || raw[lead] === '\\') && (raw[lead + 1] === '/' || raw[lead + 1] === '\\');
          const at = value ? value.range[0] + lead : 0;
          report({
            messageId: writtenPlain ? 'protocolRelative' : 'protocolRelativeEncoded',
            data: { url: quote(src) },
            range: srcLoc ?? range,
            // `\\host` reads as `//host`: the fix writes both slashes as `//`.
            fix: writtenPlain ? (fixer) => fixer.replaceTextRange([at, at + 2], 'https://') : null,
          });
        }
        // The iframe's other attributes (handlers) are still checked below.
      }

      for (const a of el.attrs) {
        const name = a.prefix ? `${a.prefix}:${a.name}` : a.name;
        const lower = a.name.toLowerCase();
        if (lower.length > 2 && lower.startsWith('on') && !a.prefix) {
          const at = attrLocation(el, a);
          if (!at) continue;
          report({
            messageId: 'handler',
            data: { name: quote(lower, 40) },
            range: at,
            fix: (fixer) => removeAttr(fixer, text, at),
          });
          continue;
        }
        if (el.tagName === 'iframe' && isHtml && lower === 'src') continue; // handled above
        if (!URL_ATTRS.has(lower)) continue;
        const scheme = scriptScheme(a.value);
        if (!scheme) continue;
        const at = attrLocation(el, a);
        if (!at) continue;
        report({
          messageId: 'scriptUrl',
          data: { scheme, name },
          range: at,
          fix: (fixer) => removeAttr(fixer, text, at),
        });
      }
    }
  },
});
