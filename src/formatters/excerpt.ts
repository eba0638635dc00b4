// Source excerpts for a report: the lines a problem is on, read from the file itself (results do not carry the
// text). Each file is read once, when its result is reported, and let go with it. A file that cannot be read
// or decoded, or is too large to be a post, gets no excerpts; a very long line is cut to a window around the
// problem.

import { readFileSync, statSync } from 'node:fs';
import type { FileResult } from '../api.js';
import type { LintMessage } from '../types.js';
import { LineIndex } from '../parse/lines.js';

/** Larger files get no excerpts: a report is not the place to hold them. */
export const MAX_EXCERPT_FILE_BYTES = 4 * 1024 * 1024;
/** The most characters of one line an excerpt shows. */
export const MAX_EXCERPT_WIDTH = 300;
/** The most lines one problem's excerpt shows. */
export const MAX_EXCERPT_LINES = 3;

/** The lines of a file's text, by 1-based number, as the linter numbered them. */
export class SourceLines {
  private readonly index: LineIndex;

  constructor(private readonly text: string) {
    this.index = new LineIndex(text);
  }

  /** Line n without its line break, or undefined past the end. */
  line(n: number): string | undefined {
    if (n < 1 || n > this.index.lineCount) return undefined;
    const start = this.index.lineStart(n);
    const end = n < this.index.lineCount ? this.index.lineStart(n + 1) : this.text.length;
    return this.text.slice(start, end).replace(/\r?\n$|\r$/, '');
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * The text the result's messages are about: the fixed output when fixing changed it, else the file as it is now
 * (where a rename fix moved it, if it did). Null when it cannot be read, decoded or is too large.
 */
export function sourceOf(result: FileResult): SourceLines | null {
  if (result.output !== undefined) return new SourceLines(result.output.replace(/^\uFEFF/, ''));
  const file = result.renamedTo ?? result.filePath;
  try {
    const info = statSync(file);
    if (!info.isFile() || info.size > MAX_EXCERPT_FILE_BYTES) return null;
    return new SourceLines(utf8.decode(readFileSync(file)));
  } catch {
    return null;
  }
}

/** One line of an excerpt: the text shown, and the part of it that is marked (start === end: a point). */
export interface ExcerptLine {
  number: number;
  /** Whether text was cut before / after what is shown. */
  cutBefore: boolean;
  cutAfter: boolean;
  before: string;
  marked: string;
  after: string;
}

/** The lines of one problem (at most MAX_EXCERPT_LINES), each cut to MAX_EXCERPT_WIDTH around the mark. */
export function excerpt(source: SourceLines, m: Pick<LintMessage, 'line' | 'column' | 'endLine' | 'endColumn'>): ExcerptLine[] {
  const last = Math.min(Math.max(m.endLine ?? m.line, m.line), m.line + MAX_EXCERPT_LINES - 1);
  const lines: ExcerptLine[] = [];
  for (let n = m.line; n <= last; n++) {
    const text = source.line(n);
    if (text === undefined) break;
    const from = n === m.line ? clamp(m.column - 1, 0, text.length) : 0;
    const to = m.endLine === undefined ? from : n === m.endLine ? clamp((m.endColumn ?? 1) - 1, from, text.length) : text.length;
    lines.push(cut(n, text, from, to));
  }
  return lines;
}

function cut(number: number, text: string, from: number, to: number): ExcerptLine {
  let start = 0;
  let end = text.length;
  if (end > MAX_EXCERPT_WIDTH) {
    start = Math.max(0, Math.min(from - Math.floor(MAX_EXCERPT_WIDTH / 3), text.length - MAX_EXCERPT_WIDTH));
    end = start + MAX_EXCERPT_WIDTH;
    // never split a surrogate pair
    if (isLowSurrogate(text, start)) start++;
    if (isLowSurrogate(text, end)) end--;
  }
  const markFrom = clamp(from, start, end);
  const markTo = clamp(to, markFrom, end);
  return {
    number,
    cutBefore: start > 0,
    cutAfter: end < text.length,
    before: text.slice(start, markFrom),
    marked: text.slice(markFrom, markTo),
    after: text.slice(markTo, end),
  };
}

const clamp = (n: number, lo: number, hi: number) => Math.min(Math.max(n, lo), hi);

function isLowSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
}
