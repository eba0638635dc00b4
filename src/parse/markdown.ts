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
}

export const emptyMarkdown = (): MarkdownIndex => ({ codeRanges: [], images: [], links: [] });

// Emphasis is of no use to any rule, and micromark resolves it in quadratic time (`*a` repeated 8,000 times
// took 7 s): it is switched off. Everything that decides what is code, a link or an image stays on.
const PARSE_OPTIONS = { extensions: [{ disable: { null: ['attention'] } }] };

const CODE_TOKENS = new Set(['codeFenced', 'codeIndented', 'codeText']);
const URL_TOKENS = new Set(['resourceDestinationString', 'definitionDestinationString', 'autolinkProtocol']);

interface Open {
  kind: 'image' | 'link' | 'definition' | 'autolink';
  start: number;
  alt?: Span;
  url?: Span;
}

/** Tokenizes `text[start, end)` as Markdown; all offsets returned are offsets into `text`. */
export function parseMarkdown(text: string, start: number, end: number): MarkdownIndex {
  const source = text.slice(start, end);
  const events = postprocess(parse(PARSE_OPTIONS).document().write(preprocess()(source, undefined, true)));
  const codeRanges: Range[] = [];
  const images: MarkdownImage[] = [];
  const links: MarkdownLink[] = [];
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
  return { codeRanges, images, links };
}
