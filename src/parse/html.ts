// The HTML view of a body: parse5's tree with source locations, shifted so that every offset is an
// offset into the whole file, plus an index of elements by tag name.

import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import type { Range } from '../types.js';
import { mergeRanges } from '../util/ranges.js';

export type Node = DefaultTreeAdapterMap['node'];
export type ParentNode = DefaultTreeAdapterMap['parentNode'];
export type Element = DefaultTreeAdapterMap['element'];
export type TextNode = DefaultTreeAdapterMap['textNode'];
export type DocumentFragment = DefaultTreeAdapterMap['documentFragment'];
export type CommentNode = DefaultTreeAdapterMap['commentNode'];

/** Elements whose content is literal text for every rule: never reported, never changed. */
export const LITERAL_TAGS = new Set(['pre', 'code', 'script', 'style', 'textarea', 'xmp', 'plaintext']);

export interface HtmlIndex {
  fragment: DocumentFragment;
  /** Elements in document order, leaving out those inside a literal element and parse5's clones of misnested ones. */
  elements: Element[];
  /** Every element in document order, those inside literal elements too. */
  allElements: Element[];
  /** Content ranges of the outermost literal elements, sorted. */
  literalRanges: Range[];
  /** Comment nodes (`<!-- … -->`), in document order. */
  comments: CommentNode[];
  /** Elements (outside literal ones) with this lower-case tag name, in document order. */
  byTag(tag: string): Element[];
}

export function isElement(node: Node): node is Element {
  return (node as Element).tagName !== undefined;
}

export function isText(node: Node): node is TextNode {
  return node.nodeName === '#text';
}

export function childNodes(node: Node): Node[] {
  return (node as ParentNode).childNodes ?? [];
}

/**
 * Parses `source` (the body, with Markdown code already blanked out) as an HTML fragment; `base` is where
 * the body starts in the file.
 */
export function parseHtml(source: string, base: number): HtmlIndex {
  const fragment = parseFragment(source, { sourceCodeLocationInfo: true });
  const allElements: Element[] = [];
  const elements: Element[] = [];
  const startTags = new Set<number>();
  const literalRanges: Range[] = [];
  const comments: CommentNode[] = [];
  const shifted = new Set<object>();
  const shift = (loc: any) => {
    if (!loc || shifted.has(loc)) return;
    shifted.add(loc);
    loc.startOffset += base;
    loc.endOffset += base;
  };

  // Iterative pre-order walk: bodies can nest deeper than the call stack allows.
  const stack: { node: Node; literal: boolean }[] = [];
  const pushChildren = (node: Node, literal: boolean) => {
    const kids = childNodes(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i], literal });
  };
  pushChildren(fragment, false);
  while (stack.length) {
    const { node, literal } = stack.pop()!;
    const loc = (node as Element).sourceCodeLocation;
    if (loc) {
      shift(loc);
      shift(loc.startTag);
      shift(loc.endTag);
      if (loc.attrs) for (const key of Object.keys(loc.attrs)) shift(loc.attrs[key]);
    }
    if (node.nodeName === '#comment') comments.push(node as CommentNode);
    if (!isElement(node)) continue;
    allElements.push(node);
    let inner = literal;
    if (!literal) {
      // parse5 re-opens misnested formatting elements (`<b><i></b>x</i>`) as clones carrying the same start
      // tag: only the element first written there is a tag in the source, so clones stay out of `elements`.
      const at = loc?.startTag?.startOffset;
      if (at === undefined || !startTags.has(at)) elements.push(node);
      if (at !== undefined) startTags.add(at);
      if (LITERAL_TAGS.has(node.tagName) && loc) {
        inner = true;
        const from = loc.startTag ? loc.startTag.endOffset : loc.startOffset;
        const to = loc.endTag ? loc.endTag.startOffset : loc.endOffset;
        literalRanges.push([from, Math.max(from, to)]);
      }
    }
    if (node.tagName === 'template') pushChildren((node as any).content, inner);
    pushChildren(node, inner);
  }

  // Misnested markup (`<code><pre>…</code>`) can put an element outside a literal element in the tree while its
  // source lies inside that element's content: such an element is literal too.
  const merged = mergeRanges(literalRanges);
  const inLiteral = (offset: number) => {
    let lo = 0;
    let hi = merged.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (offset < merged[mid][0]) hi = mid - 1;
      else if (offset >= merged[mid][1]) lo = mid + 1;
      else return true;
    }
    return false;
  };
  if (merged.length) {
    let kept = 0;
    for (const el of elements) {
      const start = el.sourceCodeLocation?.startOffset;
      if (start === undefined || !inLiteral(start)) elements[kept++] = el;
    }
    elements.length = kept;
  }

  const tags = new Map<string, Element[]>();
  for (const el of elements) {
    let list = tags.get(el.tagName);
    if (!list) tags.set(el.tagName, (list = []));
    list.push(el);
  }
  return {
    fragment,
    elements,
    allElements,
    literalRanges,
    comments,
    byTag: (tag) => tags.get(tag) ?? [],
  };
}

