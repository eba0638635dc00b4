// Captions of images, shared by image-alt (which writes a caption into a missing alt) and no-bare-caption
// (which wraps a bare caption in <figure>/<figcaption>): one notion of "the caption of this image" and one
// way of turning a caption into alt text.
//
// Every regular expression here is linear: single character classes or literal alternations, no nested or
// adjacent quantifiers over the same characters. Trees are walked with loops, never recursion.

import { childNodes, isElement, isText, type Article, type Element, type MarkdownImage, type Node } from '../rule-api.js';
import type { Range } from '../types.js';
import { isBlankText } from './empty.js';

export type CaptionSource = 'figcaption' | 'title' | 'bare' | 'element' | 'markdown-title' | 'markdown-after';

export interface Caption {
  /** The caption cleaned into alt text (marker, credit and extra whitespace removed); never empty. */
  alt: string;
  source: CaptionSource;
}

export interface BareCaption {
  /** The outermost element that holds only the image (or the image itself). */
  wrapper: Element;
  /** The caption's source, without surrounding whitespace: the text to put between <figcaption> tags. */
  range: Range;
  /** The caption's text content (entities decoded). */
  text: string;
  /** True when it starts with a △/▲ marker. */
  marker: boolean;
  /** True when wrapping wrapper + caption in <figure> gives valid HTML (the parent takes flow content). */
  wrappable: boolean;
}

/** Caption markers scrapers leave in front of a caption: ZAKER's △, and ▲. */
const MARKERS = new Set(['△', '▲']);

/** Elements that end a bare caption run: anything that is not phrasing content. */
const PHRASING = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'data', 'dfn', 'em', 'font', 'i', 'kbd', 'mark', 'q', 's', 'samp',
  'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'big', 'tt', 'strike', 'label',
]);

/** Parents in which a <figure> may not stand: a caption run inside them is reported but not wrapped. */
const NO_FLOW_PARENTS = new Set([...PHRASING, 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'button', 'figcaption', 'caption', 'dt', 'legend', 'summary', 'option']);

/** A non-marked text run after an image wrapper counts as a caption only when it is this short. */
export const MAX_UNMARKED_CAPTION = 50;

/** Image title attributes that are UI text of the source site, never a caption. Compared case-insensitively. */
export const BOILERPLATE_TITLES = new Set([
  '点击并拖拽以移动', // 掘金's editor: "click and drag to move"
  '点击查看大图',
  '点击查看原图',
  '点击放大',
  '点击图片放大',
  '查看大图',
  '查看原图',
  '点击看大图',
  'click to enlarge',
  'click and drag to move',
  'click to zoom',
  'view larger image',
  'view full size',
]);

/** Alt texts that name no content: compared lower-cased, with trailing digits, spaces, `_` and `-` dropped. */
const PLACEHOLDERS = new Set([
  'image', 'img', 'images', 'picture', 'pic', 'photo', 'figure', 'fig', 'screenshot', 'screen shot', 'untitled',
  'placeholder', 'alt', 'alt text', 'thumbnail', 'null', 'undefined', 'none',
  '图片', '图', '图像', '照片', '配图', '插图', '截图', '无标题', '图片描述', '在这里插入图片描述', '请输入图片描述',
]);

const IMAGE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'jpe', 'gif', 'webp', 'bmp', 'svg', 'avif', 'tif', 'tiff', 'heic', 'heif', 'ico', 'jfif']);

/** Credit words inside a trailing parenthesis: `（图 / 视觉中国）`, `（总台记者史跃拍摄）`, `(图/IC photo)`, `（资料图）`. */
const CREDIT_WORDS = /图|摄|来源|视觉中国|资料|供|记者|新华社|出处|photo|credit|courtesy|source|getty|reuters|image|pic/i;
const CREDIT_IC = /\bIC\b/;
/** A credit after a bar: `大银线蝠幼崽。｜图片来源：Michael Stifter, CC BY-ND`. */
const BAR_CREDIT = /^[\s\u3000]*(?:图片来源|图片|来源|摄影|图|photo|credit|source|via)/i;
/** Credit lines that follow a ZAKER article's last image: `监制丨申勇`, `编辑｜王尊`: no caption. */
const CREDIT_LINE = /^(?:监制|主笔|编辑|责编|责任编辑|视觉|作者|来源|撰文|文|摄影|校对|出品|策划|设计|审核|图)[\s\u3000]*[丨｜|:：]/;
/** Punctuation that continues a sentence: a text run ending so leads into what follows, it captions nothing. */
const CONTINUES = new Set(['，', ',', '：', ':', '、', '；', ';', '—', '-', '(', '（', '“', '"', '「']);
/** Punctuation that separates clauses: an unmarked run holding one is body text, not a caption. */
const CLAUSE_BREAKS = /[，。；;！!]/;

const WHITESPACE = /[\s\u00a0\u3000\u200b-\u200d\ufeff]/;

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && WHITESPACE.test(ch);
}

/** Collapses whitespace runs to one space and trims. */
export function collapse(text: string): string {
  return text.replace(/[\s\u00a0\u3000\u200b-\u200d\ufeff]+/g, ' ').trim();
}

/** True when `alt` is only a file name with an image extension (`图片.png`, `IMG_0001.jpg`). */
export function isFileName(alt: string): boolean {
  const s = alt.trim();
  const dot = s.lastIndexOf('.');
  if (dot <= 0 || s.length > 260) return false;
  return IMAGE_EXTENSIONS.has(s.slice(dot + 1).toLowerCase());
}

/** True when `alt` is a generic word (`image`, `图片`, `img 2`, `在这里插入图片描述`) rather than a description. */
export function isPlaceholder(alt: string): boolean {
  let s = collapse(alt).toLowerCase();
  if (s.length > 40) return false;
  let end = s.length;
  while (end > 0 && /[\s\d_\-#]/.test(s[end - 1])) end--;
  return PLACEHOLDERS.has(s.slice(0, end));
}

/** True when a title attribute is UI text of the source site rather than a caption. */
export function isBoilerplateTitle(title: string): boolean {
  return BOILERPLATE_TITLES.has(collapse(title).toLowerCase());
}

/** True when `alt` describes nothing: empty, a file name or a placeholder word. */
export function isUselessAlt(alt: string): boolean {
  return collapse(alt) === '' || isFileName(alt) || isPlaceholder(alt);
}

/**
 * Turns a caption into alt text: drops a leading △/▲ marker and a trailing photo credit (a parenthesised
 * tail naming 图/摄/photo/credit/来源/视觉中国…, or a `｜图片来源：…` tail), trims and collapses whitespace.
 * Returns '' when nothing is left.
 */
export function cleanCaption(caption: string): string {
  let s = collapse(caption);
  let i = 0;
  while (i < s.length && (MARKERS.has(s[i]) || s[i] === ' ')) i++;
  s = s.slice(i);
  for (let round = 0; round < 2; round++) {
    const last = s[s.length - 1];
    if (last === '）' || last === ')') {
      const open = Math.max(s.lastIndexOf('（'), s.lastIndexOf('('));
      if (open < 0) break;
      const inner = s.slice(open + 1, -1);
      if (inner.length > 60 || !(CREDIT_WORDS.test(inner) || CREDIT_IC.test(inner))) break;
      s = s.slice(0, open).trim();
      continue;
    }
    const bar = Math.max(s.lastIndexOf('｜'), s.lastIndexOf('丨'), s.lastIndexOf('|'));
    if (bar > 0 && BAR_CREDIT.test(s.slice(bar + 1))) {
      s = s.slice(0, bar).trim();
      continue;
    }
    break;
  }
  return s;
}

/** Escapes text for a double-quoted attribute value. */
export function escapeAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** Escapes text for the brackets of a Markdown image. */
export function escapeMarkdownAlt(text: string): string {
  return text.replace(/[\\[\]]/g, '\\$&');
}

function isIgnorable(node: Node): boolean {
  return (isText(node) && isBlankText(node.value)) || node.nodeName === '#comment';
}

function tagOf(node: Node): string | null {
  return isElement(node) ? node.tagName : null;
}

function parentOf(node: Node): Node | null {
  return ((node as Element).parentNode as Node | null) ?? null;
}

/** Trims whitespace off a source range. */
function trimRange(text: string, [a, b]: Range): Range {
  while (a < b && isSpace(text[a])) a++;
  while (b > a && isSpace(text[b - 1])) b--;
  return [a, b];
}

/** True when a range overlaps Markdown code or a literal element (binary search: many ranges, many images). */
function overlapsLiteral(article: Article, [a, b]: Range): boolean {
  const r = article.literalRanges;
  let lo = 0;
  let hi = r.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (r[mid][1] <= a) lo = mid + 1;
    else hi = mid;
  }
  return lo < r.length && r[lo][0] < b;
}

/** A bare caption run longer than this many nodes is prose with markup, not a caption (and bounds the walk). */
const MAX_RUN_NODES = 64;

/**
 * Caption lookups over one article. Create one per rule check: it caches sibling positions and enclosing
 * figures, so that a body with many images stays linear. It holds no state beyond that article.
 */
export class Captions {
  private readonly positions = new Map<Node, number>();
  private readonly figures = new Map<Node, Element | null>();

  constructor(readonly article: Article) {}

  /** The position of a node among its parent's children. */
  private indexOf(node: Node): number {
    let at = this.positions.get(node);
    if (at === undefined) {
      const parent = parentOf(node);
      const kids = parent ? childNodes(parent) : [node];
      kids.forEach((k, i) => this.positions.set(k, i));
      at = this.positions.get(node) ?? -1;
    }
    return at;
  }

  /** The closest <figure> holding `node`, or null. */
  enclosingFigure(node: Node): Element | null {
    const path: Node[] = [];
    let found: Element | null = null;
    for (let n = parentOf(node); n; n = parentOf(n)) {
      const known = this.figures.get(n);
      if (known !== undefined) {
        found = known;
        break;
      }
      if (isElement(n) && n.tagName === 'figure') {
        found = n;
        break;
      }
      path.push(n);
    }
    for (const n of path) this.figures.set(n, found);
    return found;
  }

  /** The outermost element that holds only `img` (blank text and comments aside); `img` itself when none. */
  imageWrapper(img: Element): Element {
    let wrapper: Element = img;
    for (;;) {
      const parent = parentOf(wrapper);
      if (!parent || !isElement(parent) || parent.tagName === 'figure' || parent.tagName === 'template') return wrapper;
      if (!parent.sourceCodeLocation?.endTag) return wrapper; // unclosed: its end is not where the source says
      // Adjacent text nodes are merged, so another element or text shows up within a few children.
      if (childNodes(parent).some((k) => k !== wrapper && !isIgnorable(k))) return wrapper;
      wrapper = parent;
    }
  }

  /**
   * The caption left as bare text right after the image's wrapper, as ZAKER writes it:
   * `<div class="img_box"><div><img …></div></div>△ 标题。（图 / 视觉中国）<p></p>`.
   * A run that starts with △/▲ is a caption whatever follows it inside the run (inline markup included); an
   * unmarked run is one only when it is a single short text node (at most MAX_UNMARKED_CAPTION characters, one
   * clause, not ending in `，`/`：`, not a `监制丨…` credit line), after a real wrapper element, and ends at a
   * block element or at the end of its parent.
   */
  bareCaption(img: Element): BareCaption | null {
    const article = this.article;
    const wrapper = this.imageWrapper(img);
    const parent = parentOf(wrapper);
    if (!parent || !wrapper.sourceCodeLocation) return null;
    const siblings = childNodes(parent);
    const at = this.indexOf(wrapper);
    const first = siblings[at + 1];
    if (!first || !isText(first) || !first.sourceCodeLocation || isBlankText(first.value)) return null;
    let k = 0;
    while (k < first.value.length && isSpace(first.value[k])) k++;
    const marker = MARKERS.has(first.value[k]);

    // The run: text and phrasing elements up to the next block element, <br> or the end of the parent.
    let last: Node = first;
    let inline = false;
    let i = at + 2;
    for (; i < siblings.length; i++) {
      if (i - at > MAX_RUN_NODES) return null;
      const node = siblings[i];
      const tag = tagOf(node);
      // An unclosed inline element (`△ <b>caption<p>…`) swallows what follows it: the run stops before it.
      if (tag !== null && (!PHRASING.has(tag) || !(node as Element).sourceCodeLocation?.endTag)) break;
      if (tag === null && !isText(node) && node.nodeName !== '#comment') break;
      if (tag !== null) inline = true;
      last = node;
    }
    const endsAtBlock = i >= siblings.length || tagOf(siblings[i]) !== 'br';
    const end = (last as Element).sourceCodeLocation!.endOffset;
    const range = trimRange(article.text, [first.sourceCodeLocation.startOffset, end]);
    if (range[0] >= range[1] || overlapsLiteral(article, range)) return null;

    if (!marker) {
      if (wrapper === img || inline || !endsAtBlock) return null;
      const text = collapse(first.value);
      if (text.length > MAX_UNMARKED_CAPTION || CONTINUES.has(text[text.length - 1]) || CREDIT_LINE.test(text)) return null;
      if (CLAUSE_BREAKS.test(text.slice(0, -1))) return null;
    }
    let text = '';
    for (let j = at + 1; j < i; j++) text += article.textOf(siblings[j]);
    const parentTag = tagOf(parent);
    const wrappable = parentTag === null ? wrapper !== img || article.format === 'html' : !NO_FLOW_PARENTS.has(parentTag);
    return { wrapper, range, text: collapse(text), marker, wrappable };
  }

  /** A caption element right after the image's wrapper (within a few levels): `<div><div class="zk_decsimg"><p>…`. */
  private captionElementAfter(wrapper: Element): Element | null {
    const parent = parentOf(wrapper);
    if (!parent) return null;
    const siblings = childNodes(parent);
    let next: Node | undefined;
    for (let i = this.indexOf(wrapper) + 1; i < siblings.length; i++) {
      if (!isIgnorable(siblings[i])) {
        next = siblings[i];
        break;
      }
    }
    if (!next || !isElement(next) || next.tagName === 'img') return null;
    // Breadth-first, three levels deep, at most 8 elements a level: a bounded look.
    let level: Element[] = [next];
    for (let depth = 0; depth < 3 && level.length; depth++) {
      const deeper: Element[] = [];
      for (const el of level) {
        if (isCaptionElement(el)) return el;
        for (const kid of childNodes(el)) {
          if (deeper.length >= 8) break;
          if (isElement(kid) && kid.tagName !== 'img') deeper.push(kid);
        }
      }
      level = deeper;
    }
    return null;
  }

  /**
   * The caption of an <img>, cleaned into alt text, from the first source that has one: the <figcaption> of its
   * <figure>; its title attribute (unless UI boilerplate or the article's own title, which the site repeats on
   * every image); bare caption text after its wrapper; a caption element (`zk_decsimg`, `*caption*`) right
   * after its wrapper. Null when none gives usable text.
   */
  imageCaption(img: Element): Caption | null {
    const article = this.article;
    const figure = this.enclosingFigure(img);
    if (figure) {
      const figcaption = childNodes(figure).find((k) => isElement(k) && k.tagName === 'figcaption');
      const alt = figcaption && usable(article.textOf(figcaption));
      if (alt) return { alt, source: 'figcaption' };
    }
    const title = img.attrs.find((a) => a.name === 'title')?.value;
    if (title !== undefined && !isBoilerplateTitle(title) && !isArticleTitle(article, title)) {
      const alt = usable(title);
      if (alt) return { alt, source: 'title' };
    }
    if (figure) return null;
    const bare = this.bareCaption(img);
    if (bare) {
      const alt = usable(bare.text);
      if (alt) return { alt, source: 'bare' };
    }
    const element = this.captionElementAfter(this.imageWrapper(img));
    if (element) {
      const alt = usable(article.textOf(element));
      if (alt) return { alt, source: 'element' };
    }
    return null;
  }

  /**
   * The caption of a Markdown image: its title (`![](url "title")`), else a △/▲ caption right after it on the
   * same line or alone on the next line.
   */
  markdownImageCaption(image: MarkdownImage): Caption | null {
    const article = this.article;
    const text = article.text;
    const tail = image.url ? text.slice(image.url.range[1], image.range[1] - 1) : '';
    const t = tail.trim();
    if (t.length >= 2) {
      const q = t[0];
      const close = q === '(' ? ')' : q;
      if ((q === '"' || q === "'" || q === '(') && t[t.length - 1] === close) {
        const title = t.slice(1, -1).replace(/\\(.)/g, '$1');
        if (!isBoilerplateTitle(title) && !isArticleTitle(article, title)) {
          const alt = usable(title);
          if (alt) return { alt, source: 'markdown-title' };
        }
      }
    }
    let i = image.range[1];
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
    if (text[i] === '\r') i++;
    if (text[i] === '\n') {
      i++;
      while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
    }
    if (!MARKERS.has(text[i]) || article.isLiteral(i)) return null;
    let e = i;
    while (e < text.length && text[e] !== '\n' && text[e] !== '\r') e++;
    const alt = usable(text.slice(i, e));
    return alt ? { alt, source: 'markdown-after' } : null;
  }
}

/** Elements that hold a caption by their class: ZAKER's `zk_decsimg`, and any `*caption*` class. */
function isCaptionElement(el: Element): boolean {
  const cls = (el.attrs.find((a) => a.name === 'class')?.value ?? '').toLowerCase();
  if (cls === '' || cls.length > 500) return false;
  return cls.split(/\s+/).some((c) => c.includes('caption') || c.includes('decsimg') || c === 'img-desc' || c === 'pic-desc');
}

/** A caption longer than this is prose, not something to read out as alt text. */
export const MAX_ALT_LENGTH = 300;

function usable(alt: string): string | null {
  const clean = cleanCaption(alt);
  return clean !== '' && clean.length <= MAX_ALT_LENGTH && !isUselessAlt(clean) ? clean : null;
}

function isArticleTitle(article: Article, text: string): boolean {
  const data = article.frontMatter?.data as Record<string, unknown> | undefined;
  const title = data?.title;
  return typeof title === 'string' && collapse(title) === collapse(text);
}
