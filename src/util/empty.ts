// One notion of "empty" for no-empty-paragraph and no-empty-element: content that renders as nothing.

import { childNodes, isElement, isText, type Element, type Node } from '../parse/html.js';

/** Whitespace that renders as nothing in a block: ASCII space, NBSP, ideographic space, zero-width characters. */
const BLANK = /^[\s\u00a0\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]*$/;

export function isBlankText(text: string): boolean {
  return BLANK.test(text);
}

/**
 * True when an element holds nothing visible: no children, or only blank text and <br>s.
 * Comments count as content (removing the element would lose them); so does every other element,
 * unless `emptyChild` says it is empty too.
 */
export function hasEmptyContent(el: Element, emptyChild: (child: Element) => boolean = () => false): boolean {
  const kids: Node[] = childNodes(el);
  for (const kid of kids) {
    if (isText(kid)) {
      if (!isBlankText(kid.value)) return false;
    } else if (isElement(kid)) {
      if (kid.tagName !== 'br' && !emptyChild(kid)) return false;
    } else {
      return false;
    }
  }
  return true;
}
