// Every place in an article where a URL lives, with the exact range of its source text and a way to write a
// new URL there in that place's own escaping. URL rules (no-proxied-url, no-tracking-link, prefer-https,
// no-placeholder-image, no-lazy-image) all walk these sites: one mechanism, several lists.

import { decodeHTMLAttribute } from 'entities';
import type { Article, AttrValue, Element } from '../parse/article.js';
import { escapeQuote, type RuleFixer } from '../engine/rule-fixer.js';
import type { FrontMatterString } from '../parse/front-matter.js';
import type { Fix, Range } from '../types.js';

export type UrlSiteKind = 'front-matter' | 'attribute' | 'srcset' | 'markdown-image' | 'markdown-link';

export interface UrlSite {
  kind: UrlSiteKind;
  /** The URL as its consumer reads it (entities decoded). */
  url: string;
  /** Range of the URL's source text (inside quotes; for srcset, one candidate's URL). */
  range: Range;
  /** For attribute and srcset sites. */
  element?: Element;
  attribute?: string;
  /** For front-matter sites: the key path, e.g. ['headimg']. */
  path?: (string | number)[];
  /** A fix writing `url` here, escaped for this place. */
  replace(fixer: RuleFixer, url: string): Fix;
}

/** Attributes that hold one URL. */
export const URL_ATTRIBUTES = [
  'src', 'href', 'poster', 'data-original', 'data-src', 'data-gif-url', 'data-url', 'data-href', 'cite',
  'action', 'formaction', 'background', 'longdesc', 'data-lazy-src', 'data-original-src',
];
/** Attributes that hold a srcset (a list of candidates). */
export const SRCSET_ATTRIBUTES = ['srcset', 'data-srcset'];

export interface UrlSiteOptions {
  /** Front-matter string values that look like URLs (default true). */
  frontMatter?: boolean;
  /** Limit element sites to these tags (lower case). Default: every element. */
  tags?: readonly string[];
  /** Attributes to read (default URL_ATTRIBUTES). */
  attributes?: readonly string[];
  /** Read srcset candidates (default true). */
  srcset?: boolean;
  /** Markdown images and links (default true). */
  markdown?: boolean;
}

const LOOKS_LIKE_URL = /^\s*(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

export function urlSites(article: Article, options: UrlSiteOptions = {}): UrlSite[] {
  const { frontMatter = true, tags, attributes = URL_ATTRIBUTES, srcset = true, markdown = true } = options;
  const sites: UrlSite[] = [];
  if (frontMatter && article.frontMatter) {
    for (const str of article.frontMatter.strings) {
      if (LOOKS_LIKE_URL.test(str.value)) sites.push(frontMatterSite(str));
    }
  }
  const elements = tags ? tags.flatMap((t) => article.html.byTag(t)) : article.html.elements;
  for (const el of elements) {
    for (const { name } of el.attrs) {
      if (attributes.includes(name)) {
        const value = article.attrValue(el, name);
        if (value && value.raw.trim()) sites.push(attributeSite(el, name, value));
      } else if (srcset && SRCSET_ATTRIBUTES.includes(name)) {
        const value = article.attrValue(el, name);
        if (value) sites.push(...srcsetSites(el, name, value));
      }
    }
  }
  if (markdown) {
    for (const img of article.markdown.images) if (img.url) sites.push(markdownSite('markdown-image', img.url.range, img.url.text));
    for (const link of article.markdown.links) sites.push(markdownSite('markdown-link', link.url.range, link.url.text));
  }
  return sites.sort((a, b) => a.range[0] - b.range[0]);
}

function frontMatterSite(str: FrontMatterString): UrlSite {
  return {
    kind: 'front-matter',
    url: str.value,
    range: str.range,
    path: str.path,
    replace: (fixer, url) => fixer.replaceYamlString(str, url),
  };
}

/** Escapes a URL for an attribute written like `raw`: `&` becomes `&amp;` only where the source escaped it. */
export function encodeForAttribute(url: string, raw: string): string {
  return /&amp;/i.test(raw) ? url.replace(/&/g, '&amp;') : url;
}

function attributeSite(el: Element, name: string, value: AttrValue): UrlSite {
  const decoded = decodeHTMLAttribute(value.raw);
  // Trim the whitespace browsers strip, so the range covers the URL itself.
  const lead = value.raw.length - value.raw.trimStart().length;
  const trail = value.raw.length - value.raw.trimEnd().length;
  const range: Range = [value.range[0] + lead, value.range[1] - trail];
  return {
    kind: 'attribute',
    url: decoded.trim(),
    range,
    element: el,
    attribute: name,
    replace: (fixer, url) =>
      value.quote
        ? fixer.replaceTextRange(range, escapeQuote(encodeForAttribute(url, value.raw), value.quote))
        : fixer.replaceAttrValue(value, encodeForAttribute(url, value.raw)),
  };
}

/** Splits a srcset into candidates as the HTML spec's parser does, keeping each URL's source range. */
export function srcsetCandidates(raw: string): { url: string; start: number; end: number }[] {
  const out: { url: string; start: number; end: number }[] = [];
  let i = 0;
  const n = raw.length;
  const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';
  while (i < n) {
    while (i < n && (isSpace(raw[i]) || raw[i] === ',')) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && !isSpace(raw[i])) i++;
    let end = i;
    let descriptorsFollow = true;
    if (raw[end - 1] === ',') {
      while (end > start && raw[end - 1] === ',') end--;
      descriptorsFollow = false;
    }
    if (end > start) out.push({ url: raw.slice(start, end), start, end });
    if (descriptorsFollow) {
      // descriptors run to the next comma that is not inside parentheses
      let depth = 0;
      while (i < n) {
        const c = raw[i];
        if (c === '(') depth++;
        else if (c === ')') depth = Math.max(0, depth - 1);
        else if (c === ',' && depth === 0) break;
        i++;
      }
    }
  }
  return out;
}

function srcsetSites(el: Element, name: string, value: AttrValue): UrlSite[] {
  return srcsetCandidates(value.raw).map(({ url, start, end }) => {
    const range: Range = [value.range[0] + start, value.range[0] + end];
    return {
      kind: 'srcset' as const,
      url: decodeHTMLAttribute(url),
      range,
      element: el,
      attribute: name,
      replace: (fixer: RuleFixer, next: string) => {
        const text = encodeForAttribute(next, value.raw).replace(/[\s,]/g, (c) => encodeURIComponent(c));
        return fixer.replaceTextRange(range, value.quote ? escapeQuote(text, value.quote) : text.replace(/["'=<>`]/g, (c) => encodeURIComponent(c)));
      },
    };
  });
}

function markdownSite(kind: 'markdown-image' | 'markdown-link', range: Range, text: string): UrlSite {
  return {
    kind,
    url: text.replace(/\\([!-/:-@[-`{-~])/g, '$1'),
    range,
    replace: (fixer, url) => fixer.replaceTextRange(range, url.replace(/[\s<>]/g, (c) => encodeURIComponent(c)).replace(/[()]/g, (c) => `\\${c}`)),
  };
}
