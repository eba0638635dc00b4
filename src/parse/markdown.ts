// The Markdown view of a body, from micromark's token stream (exact offsets for every token):
// code regions (fenced, indented, inline) that no rule may touch, and the images and links
// whose URLs and alt texts rules read and fix.

import { parse, postprocess, preprocess } from 'micromark';
import type { Range } from '../types.js';

export interface Span {
  range: Range;
  text: string;
}

export interface MarkdownImage {
  /** The whole `![alt](url "title")`. */
  range: Range;
  /** The text between the brackets. */
  alt: Span;
  /** The destination, or null for a reference image (`![alt][ref]`). */
  url: Span | null;
}

export interface MarkdownLink {
  range: Range;
  /** The destination: of an inline link, an autolink or a link reference definition. */
  url: Span;
}

export interface MarkdownIndex {
  /** Fenced, indented and inline code, sorted and disjoint. */
  codeRanges: Range[];
  images: MarkdownImage[];
  links: MarkdownLink[];
  /** Raw HTML (HTML blocks and inline HTML), sorted: where the generator sees HTML comments. */
  htmlRanges: Range[];
  /** Why the body was not tokenized (see tooComplex); it then counts as code: nothing in it is read or edited. */
  unparsed?: string;
}

export const emptyMarkdown = (): MarkdownIndex => ({ codeRanges: [], images: [], links: [], htmlRanges: [] });

// micromark is superlinear on some shapes: one paragraph of 100 kB of `[a](b (` took 15 s (each unclosed
// link or title is scanned to the paragraph's end again), of `[[]](` 4 s, lines of `[a]: <b` 2 s; 5,000 lines
// of `=` 20 s (any paragraph is quadratic in its lines, this one with a large factor); one line of 10,000
// nested containers (`- > - > …`) minutes. A linear scan estimates that work first: for each run of lines
// without a blank line, its length times the characters in it that open or close inline constructs, plus
// its lines squared; the body's length times all such characters and paragraphs in it (each paragraph's
// tokens are spliced into the document's: 100 kB of short paragraphs of `&amp;` took 2 s); and it counts the containers
// opened on each line. Past any bound the body is not tokenized. (Real posts stay far below: the largest in fixtures/ is under 1 % of the budget.)
const WORK_BUDGET = 50_000_000;
const LINE_WEIGHT = 16;
const DOCUMENT_BUDGET = 400_000_000;
const MAX_LINE_CONTAINERS = 64;

/** Why micromark could take superlinear time on `text[start, end)`, or null when its work stays bounded. */
export function tooComplex(text: string, start: number, end: number): string | null {
  let work = 0;
  let runLength = 0;
  let runMarks = 0;
  let runLines = 0;
  let marksSeen = 0;
  let runs = 0;
  const runWork = () => runLength * runMarks + LINE_WEIGHT * runLines * runLines;
  for (let i = start; i < end; ) {
    let eol = i;
    let blank = true;
    let marks = 0;
    for (; eol < end; eol++) {
      const c = text.charCodeAt(eol);
      if (c === 10 || c === 13) break;
      // [ ] ( ) ` \ !
      if (c === 91 || c === 93 || c === 40 || c === 41 || c === 96 || c === 92 || c === 33) marks++;
      if (blank && c !== 32 && c !== 9) blank = false;
    }
    if (blank) {
      if (runLines) runs++;
      work += runWork();
      runLength = runMarks = runLines = 0;
    } else {
      runLength += eol - i + 1;
      runMarks += marks;
      marksSeen += marks;
      runLines++;
      if (containersOpened(text, i, eol) > MAX_LINE_CONTAINERS) return `a line opens more than ${MAX_LINE_CONTAINERS} nested block quotes or lists`;
    }
    if (work + runWork() > WORK_BUDGET || (eol - start) * (marksSeen + runs) > DOCUMENT_BUDGET) {
      return 'it holds too much link and code syntax to tokenize in bounded time';
    }
    i = eol + (text.charCodeAt(eol) === 13 && text.charCodeAt(eol + 1) === 10 ? 2 : 1);
  }
  return null;
}

/** Block quote and list markers at the start of the line text[i, eol). */
function containersOpened(text: string, i: number, eol: number): number {
  let n = 0;
  while (i < eol) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) i++;
    else if (c === 62) (n++, i++); // >
    else if ((c === 45 || c === 42 || c === 43) && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9)) (n++, (i += 2)); // - * +
    else {
      let j = i;
      while (j < eol && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
      const d = text.charCodeAt(j);
      if (j === i || (d !== 46 && d !== 41) || (text.charCodeAt(j + 1) !== 32 && text.charCodeAt(j + 1) !== 9)) break;
      n++;
      i = j + 2;
    }
  }
  return n;
}

// Emphasis is of no use to any rule, and micromark resolves it in quadratic time (`*a` repeated 8,000 times
// took 7 s): it is switched off. Everything that decides what is code, a link or an image stays on.
const PARSE_OPTIONS = { extensions: [{ disable: { null: ['attention'] } }] };

let parser: ReturnType<typeof parse> | undefined;

/**
 * micromark's parser, ready for a new document. parse() merges micromark's constructs with the extensions at
 * every call (2 % of a run's profile): the merged parser is kept, and its two fields that hold one document's
 * state (the definitions seen, the lazy lines) are reset instead.
 */
function freshParser(): ReturnType<typeof parse> {
  parser ??= parse(PARSE_OPTIONS);
  parser.defined = [];
  parser.lazy = {};
  return parser;
}

const CODE_TOKENS = new Set(['codeFenced', 'codeIndented', 'codeText']);
const URL_TOKENS = new Set(['resourceDestinationString', 'definitionDestinationString', 'autolinkProtocol']);

interface Open {
  kind: 'image' | 'link' | 'definition' | 'autolink';
  start: number;
  alt?: Span;
  url?: Span;
}

/**
 * Tokenizes `text[start, end)` as Markdown; all offsets returned are offsets into `text`. Past tooComplex's
 * bounds the whole range comes back as one code range, with the reason in `unparsed`.
 */
export function parseMarkdown(text: string, start: number, end: number): MarkdownIndex {
  const unparsed = tooComplex(text, start, end);
  if (unparsed) return { codeRanges: start < end ? [[start, end]] : [], images: [], links: [], htmlRanges: [], unparsed };
  const source = text.slice(start, end);
  const events = postprocess(freshParser().document().write(preprocess()(source, undefined, true)));
  const codeRanges: Range[] = [];
  const images: MarkdownImage[] = [];
  const links: MarkdownLink[] = [];
  const htmlRanges: Range[] = [];
  const stack: Open[] = [];
  const span = (a: number, b: number): Span => ({ range: [start + a, start + b], text: source.slice(a, b) });

  for (const [phase, token] of events) {
    const a = token.start.offset;
    const b = token.end.offset;
    const type = token.type as string;
    if (phase === 'enter') {
      if (CODE_TOKENS.has(type)) {
        const last = codeRanges[codeRanges.length - 1];
        if (!last || last[1] <= start + a) codeRanges.push([start + a, start + b]);
      } else if (type === 'htmlFlow' || type === 'htmlText') {
        htmlRanges.push([start + a, start + b]);
      } else if (type === 'image' || type === 'link' || type === 'definition' || type === 'autolink') {
        stack.push({ kind: type, start: a });
      } else if (type === 'labelText' && stack.length) {
        stack[stack.length - 1].alt ??= span(a, b);
      } else if (URL_TOKENS.has(type) && stack.length) {
        stack[stack.length - 1].url ??= span(a, b);
      }
    } else if (type === 'image' || type === 'link' || type === 'definition' || type === 'autolink') {
      const open = stack.pop();
      if (!open) continue;
      const range: Range = [start + open.start, start + b];
      if (open.kind === 'image') {
        images.push({ range, alt: open.alt ?? span(a + 2, a + 2), url: open.url ?? null });
      } else if (open.url) {
        links.push({ range, url: open.url });
      }
    }
  }
  images.sort((x, y) => x.range[0] - y.range[0]);
  links.sort((x, y) => x.range[0] - y.range[0]);
  return { codeRanges, images, links, htmlRanges };
}
