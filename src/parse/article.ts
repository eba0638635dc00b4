// An article as every rule sees it: the decoded text, its front matter, the Markdown view and the
// HTML view of its body, all positioned by offsets into `text`.

import { LineIndex } from './lines.js';
import { parseFrontMatter, type FrontMatter } from './front-matter.js';
import { parseMarkdown, emptyMarkdown, type MarkdownIndex } from './markdown.js';
import { parseHtml, childNodes, isElement, isText, type Element, type HtmlIndex, type Node } from './html.js';
import { siteWithoutRoot, type Site } from '../generators/index.js';
import type { FileFacts, Range } from '../types.js';
import { mergeRanges } from '../util/ranges.js';

export type { FileFacts } from '../types.js';

export type { FrontMatter, FrontMatterEntry, FrontMatterString, StrictYaml } from './front-matter.js';
export type { MarkdownIndex, MarkdownImage, MarkdownLink, Span } from './markdown.js';
export type { HtmlIndex, Element, Node, TextNode } from './html.js';

export type ArticleFormat = 'markdown' | 'html';

export interface AttrValue {
  /** The attribute's value as written (entities not decoded), without its quotes. */
  raw: string;
  /** Range of the raw value, inside the quotes. For a bare attribute, an empty range after the name. */
  range: Range;
  /** The quote character used, or '' for an unquoted or bare value. */
  quote: '"' | "'" | '';
}

export function formatOf(filePath: string | undefined): ArticleFormat {
  return filePath && /\.html?$/i.test(filePath) ? 'html' : 'markdown';
}

export interface ArticleOptions {
  format?: ArticleFormat;
  filePath?: string;
  /** The site the post belongs to; a rootless Hexo site when not given. */
  site?: Site;
  /** Facts about the file on disk; null for text that is not (yet) a file. */
  file?: FileFacts | null;
}

const DEFAULT_SITE = siteWithoutRoot();

export class Article {
  readonly format: ArticleFormat;
  readonly filePath: string;
  /** The site the post belongs to: its generator and settings (src/generators/). */
  readonly site: Site;
  readonly file: FileFacts | null;
  readonly lines: LineIndex;
  readonly frontMatter: FrontMatter | null;
  /** Where the body (everything after the front matter) starts. */
  readonly bodyStart: number;
  readonly markdown: MarkdownIndex;
  readonly html: HtmlIndex;
  private readonly literal: Range[];

  /** Parses `text` (decoded, without BOM). Throws ArticleError when the generator cannot read the post. */
  constructor(readonly text: string, options: ArticleOptions = {}) {
    this.filePath = options.filePath ?? '<text>';
    this.format = options.format ?? formatOf(options.filePath);
    this.site = options.site ?? DEFAULT_SITE;
    this.file = options.file ?? null;
    const format = this.format;
    this.lines = new LineIndex(text);
    const { frontMatter, bodyStart } = parseFrontMatter(text, this.site);
    this.frontMatter = frontMatter;
    this.bodyStart = bodyStart;
    this.markdown = format === 'markdown' ? parseMarkdown(text, bodyStart, text.length) : emptyMarkdown();
    this.html = parseHtml(maskRanges(text.slice(bodyStart), this.markdown.codeRanges, bodyStart), bodyStart);
    this.literal = mergeRanges([...this.markdown.codeRanges, ...this.html.literalRanges]);
    if (this.literal.length) {
      const md = this.markdown;
      md.images = md.images.filter((i) => !this.isLiteral(i.range[0]));
      md.links = md.links.filter((l) => !this.isLiteral(l.range[0]));
    }
  }

  /** The text of a range. */
  slice(range: Range): string {
    return this.text.slice(range[0], range[1]);
  }

  /** True inside Markdown code or inside <pre>, <code>, <script>, <style>, <textarea>: text no rule may touch. */
  isLiteral(offset: number): boolean {
    const r = this.literal;
    let lo = 0;
    let hi = r.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (offset < r[mid][0]) hi = mid - 1;
      else if (offset >= r[mid][1]) lo = mid + 1;
      else return true;
    }
    return false;
  }

  /** True when any literal text lies within [range[0], range[1]): an edit of that range would change it. */
  overlapsLiteral(range: Range): boolean {
    const r = this.literal;
    let lo = 0;
    let hi = r.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (r[mid][1] <= range[0]) lo = mid + 1;
      else hi = mid;
    }
    return lo < r.length && r[lo][0] < range[1] && r[lo][1] > r[lo][0];
  }

  /** Literal ranges (Markdown code, literal HTML elements' content), sorted and merged. */
  get literalRanges(): readonly Range[] {
    return this.literal;
  }

  /** Range of a whole element, from `<` of its start tag to the end of its end tag (or of its content). */
  rangeOf(node: Node): Range {
    const loc = (node as Element).sourceCodeLocation!;
    return [loc.startOffset, loc.endOffset];
  }

  /** The decoded value of an attribute, or undefined. */
  attr(el: Element, name: string): string | undefined {
    for (const a of el.attrs) if (a.name === name) return a.value;
    return undefined;
  }

  /** Range of a whole attribute (`name="value"`), or null when absent. */
  attrRange(el: Element, name: string): Range | null {
    const loc = el.sourceCodeLocation?.attrs?.[name];
    return loc ? [loc.startOffset, loc.endOffset] : null;
  }

  /** Where and how an attribute's value is written, or null when the attribute is absent. */
  attrValue(el: Element, name: string): AttrValue | null {
    const whole = this.attrRange(el, name);
    if (!whole) return null;
    const src = this.text.slice(whole[0], whole[1]);
    const eq = src.indexOf('=');
    if (eq === -1) return { raw: '', range: [whole[1], whole[1]], quote: '' };
    let i = eq + 1;
    while (i < src.length && /\s/.test(src[i])) i++;
    const q = src[i];
    if (q === '"' || q === "'") {
      const start = whole[0] + i + 1;
      const end = whole[1] - (src.endsWith(q) && src.length - 1 > i ? 1 : 0);
      return { raw: this.text.slice(start, end), range: [start, end], quote: q };
    }
    return { raw: src.slice(i), range: [whole[0] + i, whole[1]], quote: '' };
  }

  /** The text content of a node (entities decoded), as the DOM's textContent. */
  textOf(node: Node): string {
    if (isText(node)) return node.value;
    let out = '';
    const stack: Node[] = [node];
    while (stack.length) {
      const n = stack.pop()!;
      if (isText(n)) out += n.value;
      else {
        const kids = childNodes(n);
        for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
      }
    }
    return out;
  }

  /** Line and column (1-based) of an offset. */
  position(offset: number): { line: number; column: number } {
    return this.lines.position(offset);
  }
}

export { isElement, isText, childNodes };

/** Replaces the characters of the given ranges (offsets shifted by `base`) with spaces, keeping line breaks. */
function maskRanges(source: string, ranges: Range[], base: number): string {
  if (!ranges.length) return source;
  const parts: string[] = [];
  let pos = 0;
  for (const [a, b] of ranges) {
    const s = a - base;
    const e = b - base;
    parts.push(source.slice(pos, s), source.slice(s, e).replace(/[^\r\n]/g, ' '));
    pos = e;
  }
  parts.push(source.slice(pos));
  return parts.join('');
}

