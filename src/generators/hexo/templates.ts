// Template syntax in a Hexo post, as Hexo 8.1.2 renders it: hexo/dist/hexo/post.js (render,
// PostRenderEscape), hexo/dist/extend/tag.js, and nunjucks 3.2.4 (src/lexer.js, src/parser.js), which Hexo
// runs over every post; checked against real renders in test/generators/templates-hexo.test.ts.
//
// - Hexo renders the Markdown first and runs Nunjucks over the HTML, unless the front matter says
//   `disableNunjucks: true`, or, for Markdown, the site config says `marked: {disableNunjucks: true}`
//   (hexo-renderer-marked 7.0.1); `disableNunjucks: false` in the front matter wins over the config.
// - Nunjucks never sees Markdown code (fenced, indented, inline: all end in <code>), <code> elements
//   (tag.js escapes the braces in them) or HTML comments (post.js stores them away until Nunjucks is done).
// - Nunjucks runs only when the post holds a whole `{{…}}`, `{%…%}` or `{#…#}` (post.js, rSwigTag). Then a
//   start that nothing closes, or a `#}` that closes no comment, fails the build; otherwise Hexo publishes
//   them as written.
// - `{{ … }}` publishes the variable's value (the post's own `title`; nothing when undefined), `{# … #}`
//   nothing. `{% name … %}`: the tags Hexo registers (HEXO_TAGS) are written on purpose; Nunjucks runs its
//   own tags (if, for, set …); any other name fails the build ("unknown block tag: name").
// - `{% raw %}…{% endraw %}` (and `verbatim`) publish their content as written. Only an end tag without `-`
//   closes them (parser.js parseRaw: /{%\s*(raw|endraw)\s*(?=%})%}/, nesting counted); unclosed, the tag
//   vanishes, the raw tags after it are published as written and what follows the last one is rendered.
// - The body of a block tag is rendered too ({{ x }} inside {% codeblock %} is swallowed), and in the body of
//   `code`/`codeblock` an entity is highlighted as written: `&#123;` would show, so no escape fixes it there.

import { braceRunEnd, innermostCode, openingBraces, RangeCursor, type OpenBlock } from '../template-syntax.js';
import type { Range } from '../../types.js';
import type { TemplateContext, TemplateSyntax, TemplateUse } from '../types.js';

/**
 * The tags Hexo 8.1.2 registers (hexo/dist/plugins/tag/index.js; hexo-renderer-marked registers none), and
 * whether each takes a body closed by `end<name>`. `include-code` is registered but cannot be written: Nunjucks
 * reads the name as its own `include` (a name ends at `-`).
 */
export const HEXO_TAGS: ReadonlyMap<string, boolean> = new Map([
  ['quote', true], ['blockquote', true], ['code', true], ['codeblock', true], ['iframe', false],
  ['img', false], ['image', false], ['include_code', false], ['include-code', false], ['a', false],
  ['link', false], ['anchor', false], ['post_path', false], ['post_link', false], ['asset_path', false],
  ['asset_link', false], ['asset_img', false], ['asset_image', false], ['pullquote', true],
  ['url_for', false], ['full_url_for', false],
]);

/** Block tags whose body Hexo highlights as code. */
const CODE_TAGS = new Set(['code', 'codeblock']);

/** Nunjucks's own block tags and the end tag of each (parser.js). `set` without `=` is one too (`endset`). */
const NUNJUCKS_BLOCKS: ReadonlyMap<string, string> = new Map([
  ['if', 'endif'], ['ifAsync', 'endif'], ['for', 'endfor'], ['asyncEach', 'endeach'], ['asyncAll', 'endall'],
  ['block', 'endblock'], ['macro', 'endmacro'], ['call', 'endcall'], ['filter', 'endfilter'], ['switch', 'endswitch'],
]);
/** Tags inside Nunjucks blocks, and the blocks that take them. */
const NUNJUCKS_MIDDLE: ReadonlyMap<string, readonly string[]> = new Map([
  ['elif', ['if', 'ifAsync']], ['elseif', ['if', 'ifAsync']], ['else', ['if', 'ifAsync', 'for', 'asyncEach', 'asyncAll']],
  ['case', ['switch']], ['default', ['switch']],
]);
/** Nunjucks tags that load another template: Hexo's Nunjucks has none to load ("template not found"). */
const NUNJUCKS_LOADERS = new Set(['extends', 'include', 'import', 'from']);

/** lexer.js: whitespace and the delimiters that end a name. */
const WHITESPACE = ' \n\t\r\u00a0';
const DELIMITERS = '()[]{}%*-+~/#,:|.<>=!';

const VARIABLE = 'a Nunjucks variable';
const SHOWS_VALUE = 'the page shows its value (nothing when undefined) instead of the text';

export const hexoTemplates: TemplateSyntax = {
  keepLiteral: 'wrap it in {% raw %}…{% endraw %}',
  scan: scanNunjucks,
};

function nunjucksOff({ data, settings, format }: TemplateContext): boolean {
  if (typeof data?.disableNunjucks === 'boolean') return data.disableNunjucks;
  const marked = settings.raw.marked;
  return format === 'markdown' && typeof marked === 'object' && marked !== null && Boolean((marked as Record<string, unknown>).disableNunjucks);
}

function scanNunjucks(text: string, from: number, context: TemplateContext): TemplateUse[] {
  if (nunjucksOff(context)) return [];
  const uses: TemplateUse[] = [];
  /** Unclosed starts and stray `#}`: they fail the build only when Nunjucks runs. */
  const pending: TemplateUse[] = [];
  const stack: OpenBlock[] = [];
  const extra = new Set(context.tags);
  const code = new RangeCursor(context.code);
  let whole = false; // the post holds a whole construct: Nunjucks runs
  const rawNone: Record<string, number> = {}; // from here on no raw (or verbatim) tag of that name is left

  const codeTag = () => innermostCode(stack, CODE_TAGS);
  /** An accidental use: its braces to escape, unless it sits in the body of a code tag. */
  const accidental = (use: Omit<TemplateUse, 'intentional'>, code = codeTag()): TemplateUse =>
    code
      ? { ...use, intentional: false, escape: null, inCode: `{% ${code} %}` }
      : { ...use, intentional: false, escape: [...openingBraces(text, use.range, '%#'), ...(use.escape ?? [])] };
  const open = (name: string, end: string, use: TemplateUse) => stack.push({ name, end, use, code: codeTag() });
  /** A block tag that nothing closes: Nunjucks reaches the end of the post looking for its end tag. */
  const unclosed = ({ name, end, use, code }: OpenBlock): void => {
    const registered = HEXO_TAGS.has(name) || extra.has(name);
    const what = registered ? `a Hexo “${name}” tag` : `Nunjucks's own “${name}” tag`;
    const why = registered ? 'unexpected end of file' : 'the post ends first';
    Object.assign(use, accidental({ range: use.range, kind: 'tag', effect: 'fails', reads: what, outcome: `no {% ${end} %} follows (${why})` }, code));
  };
  /** What `{% name … %}` is, once closed by `%}`. */
  const tag = (name: string, range: Range, markup: string): TemplateUse => {
    if (name === '') return accidental({ range, kind: 'tag', effect: 'fails', reads: 'a Nunjucks tag', outcome: 'tag name expected' });
    if (HEXO_TAGS.has(name) || extra.has(name) || (name.startsWith('end') && extra.has(name.slice(3)))) {
      const use: TemplateUse = { range, kind: 'tag', intentional: true };
      if (HEXO_TAGS.get(name)) open(name, `end${name}`, use);
      return use;
    }
    const own = (block: string, part = ''): Omit<TemplateUse, 'intentional'> => ({ range, kind: 'tag', effect: 'swallowed', reads: `${part}Nunjucks's own “${block}” tag`, outcome: 'the page shows what the tag outputs instead of the text' });
    const end = NUNJUCKS_BLOCKS.get(name) ?? (name === 'set' && !markup.includes('=') ? 'endset' : undefined);
    if (end) {
      const use = accidental(own(name));
      open(name, end, use);
      return use;
    }
    // parser.js parseUntilBlocks: a block ends at its own end tag; any other end tag is an unknown tag
    const top = stack[stack.length - 1];
    if (top && name === top.end) {
      stack.pop();
      return top.use.intentional ? { range, kind: 'tag', intentional: true } : accidental(own(top.name, 'the end of '));
    }
    if (top && NUNJUCKS_MIDDLE.get(name)?.includes(top.name)) return accidental(own(top.name, 'part of '));
    if (NUNJUCKS_LOADERS.has(name)) return accidental({ ...own(name), effect: 'fails', outcome: 'template not found (Hexo gives Nunjucks no templates to load)' });
    if (name === 'set') return accidental({ ...own(name), outcome: 'the page shows nothing of it' });
    return accidental({ range, kind: 'tag', effect: 'fails', reads: 'a Nunjucks tag', outcome: `unknown block tag: ${name}` });
  };

  const n = text.length;
  let i = from;
  for (;;) {
    if (i >= n) {
      stack.forEach(unclosed);
      break;
    }
    const skip = code.endOfRangeAt(i);
    if (skip !== -1) {
      i = skip;
      continue;
    }
    const ch = text[i];
    const next = text[i + 1];
    if (ch === '<' && text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end === -1) break; // an unterminated comment runs to the end (post.js)
      i = end + 3;
      continue;
    }
    if (ch === '#' && next === '}') {
      pending.push(accidental({ range: [i, i + 2], kind: 'comment', effect: 'fails', reads: 'the end of a Nunjucks comment', outcome: 'unexpected end of comment (none began)', escape: [i + 1] }));
      i += 2;
      continue;
    }
    if (ch !== '{' || (next !== '{' && next !== '%' && next !== '#')) {
      i++;
      continue;
    }
    // From here on Nunjucks reads a construct; one that nothing closes takes the rest of the post.
    if (next === '#') {
      const end = text.indexOf('#}', i + 2);
      if (end === -1) {
        pending.push(accidental({ range: [i, i + 2], kind: 'comment', effect: 'fails', reads: 'a Nunjucks comment', outcome: 'expected end of comment, got end of file' }));
        break;
      }
      whole = true;
      uses.push(accidental({ range: [i, end + 2], kind: 'comment', effect: 'swallowed', reads: 'a Nunjucks comment', outcome: 'the page shows nothing of it', escape: [end + 1] }));
      i = end + 2;
      continue;
    }
    const close = closeCode(text, i + 2, next === '{');
    if (next === '{') {
      if (!close) {
        // the run of braces it starts goes with it: `{{{{` is one start, escaped at once
        pending.push(accidental({ range: [i, braceRunEnd(text, i, '%#')], kind: 'variable', effect: 'fails', reads: VARIABLE, outcome: 'expected variable end (no }} closes it)' }));
        break;
      }
      const range: Range = [i, close.end];
      if (close.by === '%}') {
        pending.push(accidental({ range, kind: 'variable', effect: 'fails', reads: VARIABLE, outcome: 'expected variable end (%} closes it)' }));
      } else {
        whole = true;
        const blank = !text.slice(i + 2, close.end - 2).replace(/^-|-$/g, '').trim();
        uses.push(accidental(blank
          ? { range, kind: 'variable', effect: 'fails', reads: VARIABLE, outcome: 'unexpected token: }}' }
          : { range, kind: 'variable', effect: 'swallowed', reads: VARIABLE, outcome: SHOWS_VALUE }));
      }
      i = close.end;
      continue;
    }
    const { name, markupStart } = tagName(text, i + 2);
    if (!close) {
      // parser.js reads a tag's arguments up to the end of the post: a Hexo tag still runs, anything else fails
      pending.push(HEXO_TAGS.get(name) === false || extra.has(name)
        ? accidental({ range: [i, i + 2], kind: 'tag', effect: 'swallowed', reads: `a Hexo “${name}” tag that no %} closes`, outcome: 'the rest of the post becomes its arguments' })
        : accidental({ range: [i, i + 2], kind: 'tag', effect: 'fails', reads: 'a Nunjucks tag', outcome: 'no %} closes it' }));
      break;
    }
    whole = true;
    const range: Range = [i, close.end];
    if (name === 'raw' || name === 'verbatim') {
      const raw = rawEnd(text, close.end, name, rawNone);
      uses.push(raw.closed
        ? { range: [i, raw.end], kind: 'tag', intentional: true }
        : accidental({ range, kind: 'tag', effect: 'swallowed', reads: `a {% ${name} %} that no {% end${name} %} closes`, outcome: 'the tag vanishes, and what follows the last raw tag is rendered' }));
      i = raw.end;
      continue;
    }
    uses.push(tag(name, range, text.slice(markupStart, close.end - 2)));
    i = close.end;
  }
  if (whole) for (const use of pending) uses.push(use);
  return uses.sort((a, b) => a.range[0] - b.range[0]);
}

/**
 * Where the code of a `{{` or `{%` construct ends (lexer.js in code mode): at the first `%}`, or for a variable
 * also `}}`, outside '…' and "…" strings (with backslash escapes). Null when nothing closes it.
 */
function closeCode(text: string, start: number, variable: boolean): { end: number; by: '}}' | '%}' } | null {
  for (let k = start; k < text.length; k++) {
    const c = text[k];
    if (c === '"' || c === "'") {
      k++;
      while (k < text.length && text[k] !== c) k += text[k] === '\\' ? 2 : 1;
      if (k >= text.length) return null;
    } else if (c === '%' && text[k + 1] === '}') {
      return { end: k + 2, by: '%}' };
    } else if (variable && c === '}' && text[k + 1] === '}') {
      return { end: k + 2, by: '}}' };
    }
  }
  return null;
}

/** The name of a tag (parser.js: the first symbol after `{%`, `{%-` and whitespace), and where its arguments start. */
function tagName(text: string, start: number): { name: string; markupStart: number } {
  let k = start;
  if (text[k] === '-') k++;
  while (k < text.length && WHITESPACE.includes(text[k])) k++;
  const from = k;
  while (k < text.length && !WHITESPACE.includes(text[k]) && !DELIMITERS.includes(text[k]) && text[k] !== '"' && text[k] !== "'") k++;
  return { name: text.slice(from, k), markupStart: k };
}

/**
 * The end of a raw (or verbatim) block whose opening tag ends at `start` (parser.js parseRaw): the end tag
 * that brings the nesting count to zero. Unclosed, Nunjucks publishes the pieces it matched and reads on after
 * the last one. (post.js keeps a raw block whole, inline code and all; only a fenced code block inside it
 * would hide an end tag from Nunjucks: not followed here.)
 */
function rawEnd(text: string, start: number, name: string, none: Record<string, number>): { closed: boolean; end: number } {
  let level = 1;
  let last = start;
  if (start >= (none[name] ?? Infinity)) return { closed: false, end: start };
  for (let k = text.indexOf('{%', start); k !== -1; k = text.indexOf('{%', k + 2)) {
    const m = rawTag(text, k, name);
    if (!m) continue;
    level += m.open ? 1 : -1;
    last = m.end;
    if (level === 0) return { closed: true, end: m.end };
  }
  none[name] = last;
  return { closed: false, end: last };
}

/** `{%\s*(name|endname)\s*%}` at `k`, read without a regular expression. */
function rawTag(text: string, k: number, name: string): { open: boolean; end: number } | null {
  let p = k + 2;
  while (p < text.length && /\s/.test(text[p])) p++;
  const open = text.startsWith(name, p);
  if (!open && !text.startsWith(`end${name}`, p)) return null;
  p += open ? name.length : name.length + 3;
  while (p < text.length && /\s/.test(text[p])) p++;
  return text.startsWith('%}', p) ? { open, end: p + 2 } : null;
}
