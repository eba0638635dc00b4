// Reading a large JSON array of objects piece by piece: the text of each top-level element, in order, without
// holding the whole file (a report of 100,000 posts can be far larger than one string may be). Only the outer
// array's syntax is checked here; each element's own text goes to JSON.parse. Linear in the input.

/** Where a JSON array stops making sense: what was wrong, and the line and column (1-based) of it. */
export class JsonArrayError extends Error {
  constructor(message: string, readonly line: number, readonly column: number) {
    super(`${message} (line ${line}, column ${column})`);
    this.name = 'JsonArrayError';
  }
}

/** Where the reader is outside the elements: before `[`, after `[` (an element or `]`), after `,` (an element), after an element, after `]`. */
type Outside = 'start' | 'first' | 'next' | 'element' | 'end';

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const OPEN_BRACE = 0x7b;

/**
 * Yields the text of every element of the JSON array that `chunks` spell out. Every element must be an
 * object. Throws JsonArrayError when the text is not such an array or ends before it is closed.
 */
export async function* jsonArrayElements(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let state: Outside = 'start';
  let inElement = false;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let parts: string[] = []; // the current element's text from earlier chunks
  let line = 1;
  let column = 0;
  const fail = (what: string): never => {
    throw new JsonArrayError(what, line, column);
  };
  for await (const chunk of chunks) {
    let start = inElement ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 0x0a) (line++, (column = 0));
      else column++;
      if (inElement) {
        if (inString) {
          if (escaped) escaped = false;
          else if (c === 0x5c) escaped = true; // backslash
          else if (c === 0x22) inString = false;
        } else if (c === 0x22) inString = true;
        else if (c === OPEN_BRACE || c === 0x5b) depth++;
        else if (c === 0x7d || c === 0x5d) {
          if (--depth === 0) {
            parts.push(chunk.slice(start, i + 1));
            const text = parts.join('');
            parts = [];
            inElement = false;
            state = 'element';
            yield text;
          }
        }
        continue;
      }
      if (isSpace(c)) continue;
      switch (state) {
        case 'start':
          if (c !== 0x5b) fail('not a JSON array of results: it does not start with "["');
          state = 'first';
          break;
        case 'first':
        case 'next':
          if (c === 0x5d && state === 'first') state = 'end';
          else if (c !== OPEN_BRACE) fail('each result must be a JSON object');
          else ((inElement = true), (depth = 1), (start = i));
          break;
        case 'element':
          if (c === 0x2c) state = 'next';
          else if (c === 0x5d) state = 'end';
          else fail('expected "," or "]" after a result');
          break;
        case 'end':
          fail('text after the closing "]"');
      }
    }
    if (inElement) parts.push(chunk.slice(start));
  }
  if (state === 'start') fail('empty: not a JSON array of results');
  if (inElement) fail('truncated: the file ends inside a result');
  if (state !== 'end') fail('truncated: the file ends before the closing "]"');
}
