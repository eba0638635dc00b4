import { childNodes, defineRule, docsUrl, quote, type Fix, type Range } from '../src/rule-api.js';
import type { TemplateUse } from '../src/generators/types.js';

/** `&#123;` `&#125;` `&#x7b;` `&#x7D;` `&#0123;` `&lbrace;` `&rbrace;` `&lcub;` `&rcub;` (with their `;`). */
const BRACE_ENTITY_SOURCE = '&(?:#(?:0*12[35]|[xX]0*7[bBdD])|[lr]brace|[lr]cub);';

/** Raw-text elements: the browser does not decode entities in them, it reads `&#123;` as six characters. */
const RAW_TEXT: Record<string, string> = { style: 'CSS', script: 'script', xmp: 'text' };

/**
 * For each raw-text element with escapes (by index), the first template syntax that decoding every escape
 * would make with one of its braces, as `scan` reads the decoded text.
 */
function madeSyntax(text: string, escaped: { edits: { range: Range; text: string }[] }[], scan: (decoded: string) => TemplateUse[]): Map<number, string> {
  const found = new Map<number, string>();
  if (!escaped.length) return found;
  let decoded = '';
  let pos = 0;
  const made: { at: number; owner: number }[] = []; // in the decoded text, in order
  escaped.forEach(({ edits }, owner) => {
    for (const e of edits) {
      decoded += text.slice(pos, e.range[0]);
      made.push({ at: decoded.length, owner });
      decoded += e.text;
      pos = e.range[1];
    }
  });
  decoded += text.slice(pos);
  let p = 0;
  for (const use of scan(decoded)) {
    while (p < made.length && made[p].at < use.range[0]) p++;
    for (let q = p; q < made.length && made[q].at < use.range[1]; q++) {
      if (!found.has(made[q].owner)) found.set(made[q].owner, decoded.slice(use.range[0], use.range[1]));
    }
  }
  return found;
}

/** The entity of a brace. */
function entity(brace: string): string {
  return brace === '{' ? '&#123;' : '&#125;';
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
    const rawText: Range[] = []; // the content of every raw-text element: no entity may be written there
    const escaped: { tag: string; what: string; edits: { range: Range; text: string }[] }[] = [];
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
      rawText.push([from, to]);
      const edits: { range: Range; text: string }[] = [];
      BRACE_ENTITY.lastIndex = 0;
      const raw = text.slice(from, to);
      for (let m = BRACE_ENTITY.exec(raw); m; m = BRACE_ENTITY.exec(raw)) {
        edits.push({ range: [from + m.index, from + m.index + m[0].length], text: decode(m[0]) });
      }
      if (edits.length) escaped.push({ tag: el.tagName, what, edits });
    }
    // Would decoding hand the generator template syntax? Read the post with every escape decoded, as the fixes
    // would leave it (code not hidden: a stricter reading), and find the syntax a decoded brace is part of.
    const made = madeSyntax(text, escaped, (decoded) => templates.scan(decoded, article.bodyStart, { ...context, code: [] }));
    escaped.forEach(({ tag, what, edits }, index) => {
      const range: Range = [edits[0].range[0], edits[edits.length - 1].range[1]];
      const data = { count: edits.length, sample: quote(article.slice(edits[0].range)), tag, what };
      const seq = made.get(index);
      if (seq !== undefined) {
        report({ messageId: 'rawTextTemplate', data: { ...data, seq: quote(seq), generator: generator.title, keep: templates.keepLiteral }, range });
      } else {
        report({ messageId: 'rawText', data, range, fix: (fixer) => edits.map((e): Fix => fixer.replaceTextRange(e.range, e.text)) });
      }
    });

    // 2. Template syntax the generator would take by accident, in the body outside literal regions (and
    // outside raw-text elements, which an unclosed one can leave out of them).
    let r = 0;
    for (const use of templates.scan(text, article.bodyStart, context)) {
      if (use.intentional) continue;
      const [a, b] = use.range;
      while (r < rawText.length && rawText[r][1] <= a) r++;
      const escape = use.escape ?? [];
      if (article.isLiteral(a) || escape.some((k) => article.isLiteral(k)) || (r < rawText.length && rawText[r][0] <= a)) continue;
      // One edit per run of neighbouring braces (a run of a million `{` is one edit, not a million).
      const edits: { range: Range; text: string }[] = [];
      for (const k of escape) {
        const last = edits[edits.length - 1];
        if (last && last.range[1] === k && text[k] === text[k - 1]) {
          last.range[1] = k + 1;
          last.text += entity(text[k]);
        } else edits.push({ range: [k, k + 1], text: entity(text[k]) });
      }
      let fixed = '';
      let pos = a;
      for (const e of edits) {
        fixed += text.slice(pos, e.range[0]) + e.text;
        pos = e.range[1];
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
        fix: use.escape ? (fixer) => edits.map((e): Fix => fixer.replaceTextRange(e.range, e.text)) : undefined,
      });
    }
  },
});
