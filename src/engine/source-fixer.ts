// Applies fixes to a text, ESLint's way: sort by range, apply left to right, and keep back any fix that
// overlaps or touches the previous one for the next pass.

import type { Fix } from '../types.js';

export interface Fixable {
  fix?: Fix;
}

export interface ApplyResult<M> {
  output: string;
  /** Messages whose fix was applied. */
  applied: M[];
  /** Messages whose fix was left for a later pass (it overlapped or touched an applied one). */
  deferred: M[];
}

export function applyFixes<M extends Fixable>(text: string, messages: M[]): ApplyResult<M> {
  const withFix = messages.filter((m) => m.fix);
  withFix.sort((a, b) => a.fix!.range[0] - b.fix!.range[0] || a.fix!.range[1] - b.fix!.range[1]);
  const parts: string[] = [];
  const applied: M[] = [];
  const deferred: M[] = [];
  let lastEnd = -Infinity;
  let pos = 0;
  for (const m of withFix) {
    const { range, text: replacement } = m.fix!;
    if (range[0] <= lastEnd || range[0] < 0 || range[1] > text.length || range[0] > range[1]) {
      deferred.push(m);
      continue;
    }
    parts.push(text.slice(pos, range[0]), replacement);
    pos = range[1];
    lastEnd = range[1];
    applied.push(m);
  }
  parts.push(text.slice(pos));
  return { output: parts.join(''), applied, deferred };
}

/** Merges several edits of one report into one fix spanning them all; they must not overlap. */
export function mergeFixes(text: string, fixes: Fix[]): Fix {
  if (fixes.length === 1) return fixes[0];
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const start = sorted[0].range[0];
  const end = sorted.reduce((e, f) => Math.max(e, f.range[1]), start);
  let out = '';
  let pos = start;
  for (const f of sorted) {
    if (f.range[0] < pos) throw new Error('a rule returned overlapping edits in one fix');
    out += text.slice(pos, f.range[0]) + f.text;
    pos = f.range[1];
  }
  out += text.slice(pos, end);
  return { range: [start, end], text: out };
}
