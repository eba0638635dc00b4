// Template syntax in a Jekyll post, as Jekyll 4.3.1 renders it with Liquid 5.4.0 (Debian's ruby-liquid):
// liquid/tokenizer.rb, block_body.rb, block.rb, document.rb, tags/*.rb, locales/en.yml; jekyll/renderer.rb,
// document.rb, tags/*.rb, drops/unified_payload_drop.rb. Checked against real `jekyll build` runs in
// test/generators/templates-jekyll.test.ts.
//
// - Jekyll runs Liquid over the whole body before Markdown, code blocks and HTML comments included, unless the
//   front matter says `render_with_liquid: false` (document.rb). `{#` means nothing to Liquid.
// - The tokenizer cuts the body at `{%…%}` and `{{…}` / `{{…}}` (liquid.rb, TemplateParser), or a bare `{%`
//   or `{{` when nothing closes it; Liquid then fails the whole build on the first syntax error: a tag or a
//   variable not properly terminated, an unknown tag, a block tag never closed, a stray end tag.
// - `{{ x }}` publishes x's value; a variable nothing defines publishes nothing (or fails the build when the
//   site sets `liquid: {strict_variables: true}`). What a post can mean on purpose: the payload's roots
//   (site, page, layout, content, paginator, jekyll, theme, highlighter_prefix/suffix), `include` (in an
//   included file), a literal ('…', "…", numbers, ranges, true/false/nil), and what the post itself defines
//   with assign, capture, for, tablerow, increment and decrement (anywhere in it: a rule judges intent, and
//   an author may define a variable below its use). `post` is no root: outside a `for post in …` loop,
//   `{{ post.title }}` publishes nothing.
// - Raw blocks publish their content as written; the end tag must read `{% endraw %}` (raw.rb: no `-` before
//   the name). Inside `{% comment %}`, unknown tags are ignored and nothing is published.
// - In `{% highlight %}` the body is code: an entity would show as written, so no escape fixes a use there.

import { innermostCode, openingBraces, type OpenBlock } from '../template-syntax.js';
import type { Range } from '../../types.js';
import type { TemplateContext, TemplateSyntax, TemplateUse } from '../types.js';

/** Block tags (Liquid's Block subclasses, Jekyll's highlight) and the tags each takes inside it. */
const BLOCKS: ReadonlyMap<string, readonly string[]> = new Map([
  ['if', ['elsif', 'else']], ['unless', ['elsif', 'else']], ['case', ['when', 'else']], ['for', ['else']],
  ['tablerow', []], ['capture', []], ['comment', []], ['ifchanged', []], ['highlight', []],
]);
/** Tags without a body: Liquid's (`#` is its inline comment, `liquid` its multi-line tag) and Jekyll's. */
const TAGS = new Set(['assign', 'break', 'continue', 'cycle', 'decrement', 'echo', 'include', 'increment', 'render', '#', 'liquid', 'include_relative', 'post_url', 'link']);
/** Block tags whose body is code. */
const CODE_TAGS = new Set(['highlight']);
/** What every page's Liquid payload holds (UnifiedPayloadDrop), and `include` in included files (tags/include.rb). */
export const JEKYLL_ROOTS: ReadonlySet<string> = new Set(['site', 'page', 'layout', 'content', 'paginator', 'jekyll', 'theme', 'highlighter_prefix', 'highlighter_suffix', 'include']);
/** Liquid's literals (expression.rb). */
const LITERALS = new Set(['nil', 'null', 'true', 'false', 'blank', 'empty']);

/** Ruby's \s and \w (ASCII only). */
const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';
const isWord = (c: string | undefined) => c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '_');

export const jekyllTemplates: TemplateSyntax = {
  keepLiteral: 'wrap it in {% raw %}…{% endraw %}',
  scan: scanLiquid,
};

interface Token {
  start: number;
  end: number;
  /** A tag `{%…%}` or a variable `{{…}` (closed or not). */
  tag: boolean;
}

function scanLiquid(text: string, from: number, context: TemplateContext): TemplateUse[] {
  if (context.data?.render_with_liquid === false) return [];
  const liquid = context.settings.raw.liquid;
  const strict = typeof liquid === 'object' && liquid !== null && (liquid as Record<string, unknown>).strict_variables === true;
  const extra = new Set(context.tags);
  const uses: TemplateUse[] = [];
  const variables: { use: TemplateUse; root: string | null; code: string | null }[] = [];
  const defined = new Set<string>();
  const stack: OpenBlock[] = [];
  const tokens = tokenizer(text, from);

  const inCode = () => innermostCode(stack, CODE_TAGS);
  const accidental = (range: Range, kind: TemplateUse['kind'], effect: 'swallowed' | 'fails', reads: string, outcome: string, code = inCode()): TemplateUse =>
    code
      ? { range, kind, intentional: false, effect, reads, outcome, escape: null, inCode: `{% ${code} %}` }
      : { range, kind, intentional: false, effect, reads, outcome, escape: openingBraces(text, range, '%') };
  const fails = (range: Range, kind: TemplateUse['kind'], outcome: string, code = inCode()) =>
    accidental(range, kind, 'fails', kind === 'tag' ? 'a Liquid tag' : 'a Liquid variable', outcome, code);
  const intended = (range: Range, kind: TemplateUse['kind']): TemplateUse => ({ range, kind, intentional: true });
  const inComment = () => stack[stack.length - 1]?.name === 'comment';

  let ended = true;
  for (let t = tokens.next(); t; t = tokens.next()) {
    const range: Range = [t.start, t.end];
    const token = text.slice(t.start, t.end);
    if (!t.tag) {
      // block_body.rb create_variable: ContentOfVariable = /\A{{-?(.*?)-?}}\z/m
      if (!token.endsWith('}}') || token.length < 4) {
        uses.push(fails(range, 'variable', `Variable '${clip(token)}' was not properly terminated with regexp: /\\}\\}/`));
        continue;
      }
      const use = intended(range, 'variable');
      uses.push(use);
      if (!inComment()) variables.push({ use, root: variableRoot(token.slice(2, -2)), code: inCode() });
      continue;
    }
    const parsed = fullToken(token);
    if (!parsed) {
      uses.push(fails(range, 'tag', `Tag '${clip(token)}' was not properly terminated with regexp: /\\%\\}/`));
      continue;
    }
    const { name, markup } = parsed;
    if (name === 'raw') {
      if (markup.trim()) {
        uses.push(fails(range, 'tag', "Syntax Error in 'raw' - Valid syntax: raw"));
        continue;
      }
      const end = tokens.rawEnd();
      if (end === -1) {
        uses.push(fails(range, 'tag', "'raw' tag was never closed"));
        ended = false;
        break;
      }
      uses.push(intended([t.start, end], 'tag'));
      continue;
    }
    if (BLOCKS.has(name)) {
      const use = intended(range, 'tag');
      uses.push(use);
      stack.push({ name, end: `end${name}`, use, code: inCode() });
      define(name, markup, defined);
      continue;
    }
    if (TAGS.has(name) || extra.has(name) || (name.startsWith('end') && extra.has(name.slice(3)))) {
      uses.push(intended(range, 'tag'));
      define(name, markup, defined);
      continue;
    }
    // block.rb: a block ends at its own end tag; any other tag it does not take is an unknown tag
    const top = stack[stack.length - 1];
    if (top && name === top.end) {
      stack.pop();
      uses.push(intended(range, 'tag'));
      continue;
    }
    if (top && BLOCKS.get(top.name)!.includes(name)) {
      uses.push(intended(range, 'tag'));
      continue;
    }
    if (inComment()) {
      uses.push(intended(range, 'tag')); // comment.rb: unknown tags are ignored
      continue;
    }
    // document.rb and block.rb: what an unknown tag makes Liquid say where it stands
    let outcome = `Unknown tag '${name}'`;
    if (!top && (name === 'else' || name === 'end')) outcome = `Unexpected outer '${name}' tag`;
    else if (top && name === 'else') outcome = `${top.name} tag does not expect 'else' tag`;
    else if (top && name.startsWith('end')) outcome = `'${name}' is not a valid delimiter for ${top.name} tags. use ${top.end}`;
    uses.push(fails(range, 'tag', outcome));
  }
  if (ended) for (const open of stack) never(open);

  function never(open: OpenBlock): void {
    Object.assign(open.use, fails(open.use.range, 'tag', `'${open.name}' tag was never closed`, open.code));
  }

  // Variables last: the post may define one below its use.
  for (const { use, root, code } of variables) {
    if (root === null || JEKYLL_ROOTS.has(root) || defined.has(root)) continue;
    const reads = root === '' ? 'an empty Liquid variable' : 'a Liquid variable nothing defines';
    Object.assign(use, strict && root !== ''
      ? accidental(use.range, 'variable', 'fails', reads, `undefined variable ${root} (the site sets liquid.strict_variables)`, code)
      : accidental(use.range, 'variable', 'swallowed', reads, 'the page shows nothing in its place', code));
  }
  return uses;
}

/** The tokens of liquid.rb's TemplateParser from `from` on: tags and variables, the text between them skipped. */
function tokenizer(text: string, from: number) {
  // Where the last closer is: past it, nothing closes a start (keeps hostile input linear).
  const lastTagEnd = text.lastIndexOf('%}');
  const lastBrace = text.lastIndexOf('}');
  let p = from;
  let nextTag = -2;
  let nextVar = -2;
  const next = (): Token | null => {
    if (nextTag !== -1 && nextTag < p) nextTag = text.indexOf('{%', p);
    if (nextVar !== -1 && nextVar < p) nextVar = text.indexOf('{{', p);
    const q = nextTag === -1 ? nextVar : nextVar === -1 ? nextTag : Math.min(nextTag, nextVar);
    if (q === -1) return null;
    let end: number;
    if (q === nextTag) {
      // {%.*?%}, or {% alone
      const e = q + 2 <= lastTagEnd ? text.indexOf('%}', q + 2) : -1;
      end = e === -1 ? q + 2 : e + 2;
    } else {
      // {{.*?}}?, or {{ alone
      const e = q + 2 <= lastBrace ? text.indexOf('}', q + 2) : -1;
      end = e === -1 ? q + 2 : text[e + 1] === '}' ? e + 2 : e + 1;
    }
    p = end;
    return { start: q, end, tag: q === nextTag };
  };
  return {
    next,
    /** raw.rb: the end of the first later token that reads `{%\s*endraw\s*…%}` after anything; -1 when none. */
    rawEnd(): number {
      for (let t = next(); t; t = next()) {
        const token = text.slice(t.start, t.end);
        if (!token.endsWith('%}')) continue;
        // FullTokenPossiblyInvalid (`\A(.*){%\s*(\w+)\s*(.*)?%}\z`, m): the last `{%` in the token followed by a name
        for (let k = token.lastIndexOf('{%', token.length - 2); k !== -1; k = k > 0 ? token.lastIndexOf('{%', k - 1) : -1) {
          let s = k + 2;
          while (isSpace(token[s])) s++;
          const w = s;
          while (isWord(token[s])) s++;
          if (s === w) continue;
          if (token.slice(w, s) === 'endraw') return t.end;
          break;
        }
      }
      return -1;
    },
  };
}

/** block_body.rb FullToken: /\A{%-?(\s*)(#|\w+)(\s*)(.*?)-?%}\z/m; null when the tag is not properly terminated. */
function fullToken(token: string): { name: string; markup: string } | null {
  if (!token.endsWith('%}') || token.length < 4) return null;
  let k = 2;
  if (token[k] === '-') k++;
  while (isSpace(token[k])) k++;
  const start = k;
  if (token[k] === '#') k++;
  else while (isWord(token[k])) k++;
  if (k === start || k > token.length - 2) return null;
  let markup = token.slice(k, -2);
  if (markup.endsWith('-')) markup = markup.slice(0, -1);
  return { name: token.slice(start, k), markup };
}

/**
 * The root of a variable's expression (variable.rb lax parse, expression.rb): the name before the first `.`
 * or `[`; null for a literal; '' for an empty variable.
 */
function variableRoot(inner: string): string | null {
  let s = inner.startsWith('-') ? inner.slice(1) : inner;
  if (s.endsWith('-')) s = s.slice(0, -1);
  s = s.trimStart();
  if (s[0] === '"' || s[0] === "'" || s[0] === '(') return null;
  let k = 0;
  while (k < s.length && !isSpace(s[k]) && s[k] !== ',' && s[k] !== '|' && s[k] !== '"' && s[k] !== "'") k++;
  const expression = s.slice(0, k);
  if (LITERALS.has(expression) || /^-?\d/.test(expression)) return null;
  let r = 0;
  while (r < expression.length && (isWord(expression[r]) || expression[r] === '-')) r++;
  return expression.slice(0, r || expression.length);
}

/** The variables a tag defines (assign.rb, capture.rb, for.rb, table_row.rb, increment.rb, decrement.rb). */
function define(name: string, markup: string, defined: Set<string>): void {
  const m = markup.trim();
  let k = 0;
  while (isWord(m[k]) || m[k] === '-') k++;
  const first = m.slice(0, k);
  if (!first) return;
  if (name === 'assign' || name === 'capture' || name === 'increment' || name === 'decrement') defined.add(first);
  else if ((name === 'for' || name === 'tablerow') && /^\s+in\s/.test(m.slice(k))) {
    defined.add(first);
    defined.add(name === 'for' ? 'forloop' : 'tablerowloop');
  }
}

/** A token as Liquid's message quotes it, kept short. */
function clip(token: string): string {
  return token.length > 30 ? `${token.slice(0, 29)}…` : token;
}
