import { childNodes, defineRule, docsUrl, quote, type Fix, type Range } from '../src/rule-api.js';

/** `&#123;` `&#125;` `&#x7b;` `&#x7D;` `&#0123;` `&lbrace;` `&rbrace;` `&lcub;` `&rcub;` (with their `;`). */
const BRACE_ENTITY_SOURCE = '&(?:#(?:0*12[35]|[xX]0*7[bBdD])|[lr]brace|[lr]cub);';

/** Raw-text elements: the browser does not decode entities in them, it reads `&#123;` as six characters. */
const RAW_TEXT: Record<string, string> = { style: 'CSS', script: 'script', xmp: 'text' };

/** What Hexo's Nunjucks pass takes for a variable, a tag or a comment. */
const TEMPLATE_START = /\{[{%#]/;

/** `{% raw %}` / `{%- raw -%}`: Hexo leaves everything up to `{% endraw %}` alone. */
const RAW_OPEN_SOURCE = '\\{%-?[ \\t]*raw[ \\t]*-?%\\}';
const RAW_CLOSE_SOURCE = '\\{%-?[ \\t]*endraw[ \\t]*-?%\\}';

function decode(entity: string): string {
  const e = entity.toLowerCase();
  return e === '&#125;' || e.startsWith('&r') || /^&#0*125;$/.test(e) || /^&#x0*7d;$/.test(e) ? '}' : '{';
}

export default defineRule({
  meta: {
    id: 'no-escaped-braces',
    description: 'Braces escaped as &#123;/&#125; must not break <style>/<script>, and {{ {% {# must not reach Hexo\'s template engine',
    fixable: true,
    severity: 'error',
    docs: docsUrl('no-escaped-braces'),
    messages: {
      rawText: '{{count}} escaped brace(s) like {{sample}} in <{{tag}}> are not decoded there, so the {{what}} breaks; fix decodes them',
      rawTextTemplate: '{{count}} escaped brace(s) like {{sample}} in <{{tag}}> are not decoded there, so the {{what}} breaks; decoding them would write {{seq}}, which Hexo renders as a template: wrap the element in {% raw %}…{% endraw %} and decode them by hand',
      template: 'Hexo renders {{seq}} as a template tag; fix escapes the brace as &#123;',
    },
  },
  check({ article, report }) {
    const text = article.text;
    // Stateful (lastIndex) regular expressions are made per call: rules keep no state between runs.
    const BRACE_ENTITY = new RegExp(BRACE_ENTITY_SOURCE, 'g');
    const RAW_OPEN = new RegExp(RAW_OPEN_SOURCE, 'y');
    const RAW_CLOSE = new RegExp(RAW_CLOSE_SOURCE, 'g');
    let rawCloseMissing = false; // once no `{% endraw %}` follows, none follows a later `{% raw %}` either

    // 1. Escaped braces inside raw-text elements (looking inside them is the point here).
    for (const el of article.html.allElements) {
      const what = RAW_TEXT[el.tagName];
      if (!what || el.namespaceURI !== 'http://www.w3.org/1999/xhtml') continue;
      const loc = el.sourceCodeLocation;
      if (!loc?.startTag) continue;
      const from = loc.startTag.endOffset;
      // Left open at the end of the body, parse5 gives the element an empty range: its text child has the end.
      const kids = childNodes(el);
      const lastEnd = kids.length ? kids[kids.length - 1].sourceCodeLocation?.endOffset ?? 0 : 0;
      const to = loc.endTag ? loc.endTag.startOffset : Math.max(loc.endOffset, lastEnd);
      if (to <= from) continue;
      const raw = text.slice(from, to);
      const edits: { range: Range; text: string }[] = [];
      BRACE_ENTITY.lastIndex = 0;
      for (let m = BRACE_ENTITY.exec(raw); m; m = BRACE_ENTITY.exec(raw)) {
        edits.push({ range: [from + m.index, from + m.index + m[0].length], text: decode(m[0]) });
      }
      if (!edits.length) continue;
      const decoded = raw.replace(BRACE_ENTITY, decode);
      const seq = TEMPLATE_START.exec(decoded);
      const range: Range = [edits[0].range[0], edits[edits.length - 1].range[1]];
      const data = { count: edits.length, sample: quote(article.slice(edits[0].range)), tag: el.tagName, what };
      if (seq) {
        report({ messageId: 'rawTextTemplate', data: { ...data, seq: quote(seq[0]) }, range });
      } else {
        report({
          messageId: 'rawText',
          data,
          range,
          fix: (fixer) => edits.map((e): Fix => fixer.replaceTextRange(e.range, e.text)),
        });
      }
    }

    // 2. Literal `{{`, `{%`, `{#` in the body outside literal regions: Hexo's Nunjucks pass would render them.
    let i = text.indexOf('{', article.bodyStart);
    while (i !== -1) {
      // A run of braces: `{{{` holds two template starts; one report and one edit cover them all.
      let j = i;
      while (text[j] === '{') j++;
      const next = text[j];
      const opens = next === '%' || next === '#';
      if (j - i < 2 && !opens) {
        i = text.indexOf('{', j);
        continue;
      }
      if (next === '%' && j - i === 1 && !rawCloseMissing) {
        RAW_OPEN.lastIndex = i;
        if (RAW_OPEN.test(text)) {
          // Skip the whole raw block; an unclosed one is Hexo's error to report, not a template start here.
          RAW_CLOSE.lastIndex = RAW_OPEN.lastIndex;
          const close = RAW_CLOSE.exec(text);
          if (close) {
            i = text.indexOf('{', close.index + close[0].length);
            continue;
          }
          rawCloseMissing = true;
        }
      }
      // Not in Markdown code or literal elements (a run straddling their edge is left alone too).
      let outside = true;
      for (let k = i; k < j + (opens ? 1 : 0) && outside; k++) if (article.isLiteral(k)) outside = false;
      if (outside) {
        const count = opens ? j - i : j - i - 1; // every brace followed by `{`, `%` or `#`
        const range: Range = [i, j + (opens ? 1 : 0)];
        report({
          messageId: 'template',
          data: { seq: quote(opens ? `{${next}` : '{{') },
          range,
          fix: (fixer) => fixer.replaceTextRange([i, i + count], '&#123;'.repeat(count)),
        });
      }
      i = text.indexOf('{', j);
    }
  },
});
