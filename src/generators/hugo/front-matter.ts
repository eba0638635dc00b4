// Front matter as Hugo 0.111 finds it: a port of its page lexer (parser/pageparser/pagelexer_intro.go,
// lexIntroSection, lexFrontMatterSection, lexFrontMatterJSON) and loader (parser/metadecoders/decoder.go:
// yaml.v2, go-toml, encoding/json). Checked against real `hugo` 0.111.3 builds in
// test/generators/hugo-front-matter.test.ts.
//
// - Spaces, tabs and line breaks before the front matter are skipped.
// - `-` opens YAML and `+` opens TOML; the next two characters must repeat it, or the build fails ("invalid
//   YAML delimiter": a post that starts with a `- item` list fails). The content starts after the three
//   characters and one line break; the block ends at the first line that *starts* with the same three
//   characters (`----` and `--- x` close it too: the rest of that line is body). No closing line: the build
//   fails. Where the opening fence is longer (`------`), the content starts with the extra characters.
// - `{` opens JSON, which ends at the matching `}` (braces inside strings do not count; a backslash skips the
//   next character); never closed: the build fails.
// - `<!--` starts a comment that may hold the front matter; the body starts after the first `-->` after
//   that line, and without one the build fails. Any other `<` first: "plain HTML documents not supported",
//   the build fails.
// - Not read by newslint: `#+` Org-mode headers (Hugo reads them as front matter).
// - Anything else first: no front matter.
// Data that does not load, or is not a mapping, fails the build.

import { parse as parseToml } from 'smol-toml';
import { ArticleError } from '../../parse/errors.js';
import type { FrontMatterBlock, LoadedFrontMatter } from '../types.js';
import { loadGoYaml } from './go-yaml.js';

const fails = (why: string, offset: number) => new ArticleError(`front matter: Hugo cannot read it either (${why}); the build fails`, offset);

export function readHugoFrontMatter(text: string): LoadedFrontMatter | null {
  let inComment = false;
  let i = 0;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\ufeff') continue;
    if (c === '<' && text.startsWith('<!--', i)) {
      // Hugo skips the comment's first line and goes on looking for front matter
      const nl = /[\r\n]/.exec(text.slice(i));
      inComment = true;
      if (!nl) {
        i = text.length;
        break;
      }
      i += nl.index;
      continue;
    }
    if (c === '<') throw fails('the file starts with "<": plain HTML documents are not supported', i);
    break;
  }
  const c = text[i];
  const found = c === '-' || c === '+' ? fenced(text, i, c) : c === '{' ? json(text, i) : null;
  if (!inComment) return found;
  const from = found ? found.block.bodyStart : i;
  const end = text.indexOf('-->', from);
  if (end === -1) throw fails('an HTML comment starts the file and is never closed', 0);
  if (!found) return null;
  found.block.bodyStart = end + 3;
  return found;
}

/** lexFrontMatterSection: `---` YAML or `+++` TOML. */
function fenced(text: string, start: number, c: '-' | '+'): LoadedFrontMatter {
  const language = c === '+' ? 'toml' : 'yaml';
  const name = language.toUpperCase();
  if (text[start + 1] !== c || text[start + 2] !== c) throw fails(`invalid ${name} delimiter: a line that starts with "${c}" must start with "${c.repeat(3)}" here`, start);
  const contentStart = afterLineBreak(text, start + 3);
  const delim = c.repeat(3);
  let close = -1;
  if (contentStart > start + 3 && text.startsWith(delim, contentStart)) close = contentStart;
  for (let j = contentStart; close === -1 && j < text.length; j++) {
    if ((text[j] === '\n' || text[j] === '\r') && text.startsWith(delim, j + 1)) close = j + 1;
  }
  if (close === -1) throw fails(`no line starts with ${delim} to close it`, start);
  const block: FrontMatterBlock = { language, range: [start, close + 3], contentRange: [contentStart, close], bodyStart: afterLineBreak(text, close + 3) };
  const source = text.slice(contentStart, close);
  let data: unknown;
  try {
    data = language === 'toml' ? parseToml(source) : loadGoYaml(source);
  } catch (err) {
    throw fails(`${name}: ${(err as Error).message.split('\n')[0]}`, contentStart);
  }
  return { block, data: mapping(data, name, contentStart) };
}

/** lexFrontMatterJSON: from `{` to its matching `}`. */
function json(text: string, start: number): LoadedFrontMatter {
  let level = 0;
  let inQuote = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (ch === '{' && !inQuote) level++;
    else if (ch === '}' && !inQuote) level--;
    else if (ch === '"') inQuote = !inQuote;
    else if (ch === '\\') i++;
    if (level !== 0) continue;
    let data: unknown;
    try {
      data = JSON.parse(text.slice(start, i + 1));
    } catch (err) {
      throw fails(`JSON: ${(err as Error).message}`, start);
    }
    const block: FrontMatterBlock = { language: 'json', range: [start, i + 1], contentRange: [start, i + 1], bodyStart: afterLineBreak(text, i + 1) };
    return { block, data: mapping(data, 'JSON', start) };
  }
  throw fails('the JSON object is never closed', start);
}

/** consumeCRLF: one `\r`, then one `\n`, each if present. */
function afterLineBreak(text: string, at: number): number {
  if (text[at] === '\r') at++;
  if (text[at] === '\n') at++;
  return at;
}

function mapping(data: unknown, name: string, offset: number): Record<string, unknown> {
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw fails(`${name}: the front matter is ${Array.isArray(data) ? 'a list' : 'a single value'}, not a mapping of keys to values`, offset);
  }
  return data as Record<string, unknown>;
}
