// Helpers the generators' template scanners (hexo/, jekyll/, hugo/ templates.ts) share.

import type { Range } from '../types.js';
import type { TemplateUse } from './types.js';

/**
 * The braces to escape so that no template start is left in `range`: every `{` of the run that begins it
 * which is followed by `{` or by one of `starters` (`{{{ x` → the first two, `{% x` → the first one).
 */
export function openingBraces(text: string, [start, end]: Range, starters: string): number[] {
  const out: number[] = [];
  for (let k = start; k < end && text[k] === '{'; k++) {
    const next = text[k + 1];
    if (next === '{' || (next !== undefined && starters.includes(next))) out.push(k);
  }
  return out;
}

/** Walks ranges sorted by start (they may nest or overlap) with offsets that only grow. */
export class RangeCursor {
  private i = 0;
  constructor(private readonly ranges: readonly Range[]) {}

  /** The end of a range that holds `offset`, or -1 when none does. */
  endOfRangeAt(offset: number): number {
    const r = this.ranges;
    // the first range, in start order, that ends after `offset`: if any range holds it, this one does
    while (this.i < r.length && r[this.i][1] <= offset) this.i++;
    return this.i < r.length && r[this.i][0] <= offset ? r[this.i][1] : -1;
  }
}

/** An open block tag while a scanner reads a body: its name, the end tag that closes it, the use that opened it. */
export interface OpenBlock {
  name: string;
  end: string;
  use: TemplateUse;
  /** The innermost code tag whose body holds the opening tag, or null. */
  code: string | null;
}

/** The innermost code tag (one of `codeTags`) open at the top of `stack`, or null. */
export function innermostCode(stack: readonly OpenBlock[], codeTags: ReadonlySet<string>): string | null {
  const top = stack[stack.length - 1];
  return !top ? null : codeTags.has(top.name) ? top.name : top.code;
}

/** The end of the run of `{` that starts at `start`, and of the `starter` right after it. */
export function braceRunEnd(text: string, start: number, starters: string): number {
  let k = start;
  while (text[k] === '{') k++;
  return k < text.length && starters.includes(text[k]) ? k + 1 : k;
}
