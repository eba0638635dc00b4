import { childNodes, defineRule, docsUrl, quote, type Fix, type Range } from '../src/rule-api.js';
import type { TemplateUse } from '../src/generators/types.js';

/** `&#123;` `&#125;` `&#x7b;` `&#x7D;` `&#0123;` `&lbrace;` `&rbrace;` `&lcub;` `&rcub;` (with their `;`). */
const BRACE_ENTITY_SOURCE = '&(?:#(?:0*12[35]|[xX]0*7[bBdD])|[lr]brace|[lr]cub);';

/** Raw-text elements: the browser does not decode entities in them, it reads `&#123;` as six characters. */
const RAW_TEXT: Record<string, string> = { style: 'CSS', script: 'script', xmp: 'text' };

/** The first use (uses in order) that holds a brace an entity made (`made` sorted). */
function madeSyntax(uses: TemplateUse[], made: number[]): TemplateUse | undefined {
  let p = 0;
  for (const use of uses) {
    while (p < made.length && made[p] < use.range[0]) p++;
    if (p < made.length && made[p] < use.range[1]) return use;
  }
  return undefined;
}

function decode(entity: string): string {
  const e = entity.toLowerCase();
  return e === '&#125;' || e.startsWith('&r') || /^&#0*125;$/.test(e) || /^&#x0*7d;$/.test(e) ? '}' : '{';
}

export default defineRule<{ tags: string[] }>({
  meta: {
    id: 'no-escaped-braces',
    description: "Braces escaped as &#123;/&#125; must not break <style>/<script>, and no text may reach the site generator's template engine by accident",
    fixable: true,
    severity: 'error',
    docs: docsUrl('no-escaped-braces'),
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        // names as Nunjucks and Liquid read them: letters, digits, `_`
        tags: { type: 'array', items: { type: 'string', pattern: '^\\w+$' }, default: [] },
      },
    },
    messages: {
      rawText: '{{count}} escaped brace(s) like {{sample}} in <{{tag}}> are not decoded there, so the {{what}} breaks; fix decodes them',
      rawTextTemplate: '{{count}} escaped brace(s) like {{sample}} in <{{tag}}> are not decoded there, so the {{what}} breaks; decoding them would write {{seq}}, which {{generator}} reads as template syntax: {{keep}} and decode them by hand',
      swallowed: '{{generator}} reads {{seq}} as {{reads}}: {{outcome}}; {{remedy}}',
      fails: '{{generator}} reads {{seq}} as {{reads}} and fails the build: {{outcome}}; {{remedy}}',
    },
  },
  check({ article, options, report }) {
    const text = article.text;
    const { generator, settings } = article.site;
    const templates = generator.templates;
    // What Hexo hides from Nunjucks: Markdown code and <code> elements (their contents, in start order).
    const code: Range[] = [...article.markdown.codeRanges];
    for (const el of article.html.allElements) {
      const loc = el.sourceCodeLocation;
      if (el.tagName === 'code' && loc?.startTag) code.push([loc.startTag.endOffset, loc.endTag?.startOffset ?? loc.endOffset]);
    }
    code.sort((a, b) => a[0] - b[0]);
    const context = { data: article.frontMatter?.data ?? null, settings, format: article.format, code, tags: options.tags };
    // Stateful (lastIndex) regular expressions are made per call: rules keep no state between runs.
    const BRACE_ENTITY = new RegExp(BRACE_ENTITY_SOURCE, 'g');

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
      let decoded = '';
      const made: number[] = []; // where, in `decoded`, a brace was an entity
      let pos = 0;
      BRACE_ENTITY.lastIndex = 0;
      for (let m = BRACE_ENTITY.exec(raw); m; m = BRACE_ENTITY.exec(raw)) {
        const brace = decode(m[0]);
        decoded += raw.slice(pos, m.index);
        made.push(decoded.length);
        decoded += brace;
        pos = m.index + m[0].length;
        edits.push({ range: [from + m.index, from + pos], text: brace });
      }
      if (!edits.length) continue;
      decoded += raw.slice(pos);
      // Would decoding hand the generator template syntax (the element is not hidden from it)?
      const seq = madeSyntax(templates.scan(decoded, 0, { ...context, code: [] }), made);
      const range: Range = [edits[0].range[0], edits[edits.length - 1].range[1]];
      const data = { count: edits.length, sample: quote(article.slice(edits[0].range)), tag: el.tagName, what };
      if (seq) {
        report({
          messageId: 'rawTextTemplate',
          data: { ...data, seq: quote(decoded.slice(seq.range[0], seq.range[1])), generator: generator.title, keep: templates.keepLiteral },
          range,
        });
      } else {
        report({
          messageId: 'rawText',
          data,
          range,
          fix: (fixer) => edits.map((e): Fix => fixer.replaceTextRange(e.range, e.text)),
        });
      }
    }

    // 2. Template syntax the generator would take by accident, in the body outside literal regions.
    for (const use of templates.scan(text, article.bodyStart, context)) {
      if (use.intentional) continue;
      const escape = use.escape ?? [];
      if (article.isLiteral(use.range[0]) || escape.some((k) => article.isLiteral(k))) continue;
      const [a, b] = use.range;
      let fixed = '';
      let pos = a;
      for (const k of escape) {
        fixed += text.slice(pos, k) + (text[k] === '{' ? '&#123;' : '&#125;');
        pos = k + 1;
      }
      fixed += text.slice(pos, b);
      report({
        messageId: use.effect === 'fails' ? 'fails' : 'swallowed',
        data: {
          generator: generator.title,
          seq: quote(article.slice(use.range)),
          reads: use.reads ?? '',
          outcome: use.outcome ?? '',
          remedy: use.escape ? `fix writes ${quote(fixed)}` : `an entity would show as written inside ${use.inCode}: ${templates.keepLiteral}`,
        },
        range: use.range,
        fix: use.escape ? (fixer) => escape.map((k): Fix => fixer.replaceTextRange([k, k + 1], text[k] === '{' ? '&#123;' : '&#125;')) : undefined,
      });
    }
  },
});
